"""Edit the plan: steps included, their minutes within safe bounds, rest weekdays.

A saved change applies from the next session and is kept with its date.
"""
from __future__ import annotations

from kivy.app import App
from kivy.factory import Factory
from kivy.properties import StringProperty
from kivy.uix.screenmanager import Screen

from app.caregiver.plan_edit import WEEKDAY_NAMES, PlanDraft, PlanEditError
from screens import load_kv_beside

load_kv_beside(__file__)


class PlanEditScreen(Screen):
    message = StringProperty("")

    def on_pre_enter(self, *_):
        companion = App.get_running_app().companion
        self.draft = PlanDraft.from_plan(companion.ensure_plan(), companion.routine)
        self.message = ""
        self._build_rows()

    def _build_rows(self) -> None:
        box = self.ids.rows_box
        box.clear_widgets()
        self.rows = {}
        for step in self.draft.editable_steps():
            row = Factory.PlanStepRow()  # kv-declared properties are set after creation
            row.step_key, row.title = step.key, step.title
            row.bounds = f"{step.min_minutes} to {step.max_minutes} minutes" if step.timed else "no timer"
            row.ids.include_button.bind(on_release=lambda _b, key=step.key: self.toggle(key))
            row.ids.minutes_input.disabled = not step.timed
            row.ids.minutes_input.text = str(step.minutes) if step.timed and step.minutes is not None else ""
            box.add_widget(row)
            self.rows[step.key] = row
        days = self.ids.weekdays_box
        days.clear_widgets()
        self.day_buttons = []
        for weekday, name in enumerate(WEEKDAY_NAMES):
            button = Factory.WeekdayButton(text=name[:3])
            button.weekday = weekday
            button.bind(on_release=lambda b: self.toggle_day(b.weekday))
            days.add_widget(button)
            self.day_buttons.append(button)
        self._show_state()

    def _show_state(self) -> None:
        for key, row in self.rows.items():
            row.included = self.draft.step(key).included
        for button in self.day_buttons:
            button.resting = button.weekday in self.draft.rest_weekdays

    def toggle(self, key: str) -> None:
        self.draft.toggle(key)
        self._show_state()

    def toggle_day(self, weekday: int) -> None:
        self.draft.toggle_rest_weekday(weekday)
        self._show_state()

    def save(self) -> None:
        companion = App.get_running_app().companion
        for key, row in self.rows.items():
            if self.draft.step(key).timed:
                self.draft.set_minutes(key, row.ids.minutes_input.text.strip())
        try:
            self.draft.save(companion.store, companion.clock)
        except PlanEditError as error:
            self.message = "\n".join(error.problems)  # the entries stay as typed
            return
        App.get_running_app().go("caregiver")
