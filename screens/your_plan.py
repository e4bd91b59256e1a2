"""First run, screen 4 of 4: the routine to accept, and a first daily reminder.

The plan shown is the one in the record (the clinician's default until a caregiver
edits it). "Finish" keeps the reminder and ends the first run; it never shows again.
"""
from __future__ import annotations

from dataclasses import replace

from kivy.app import App
from kivy.properties import BooleanProperty, StringProperty
from kivy.uix.screenmanager import Screen

from app.formatting import duration_words
from app.settings import SUGGESTED_REMINDER_TIME, PreferencesError, validate_reminder_time
from screens import load_kv_beside
from screens.welcome import STEPS, finish_first_run, scroll_to_top
from screens.widgets import WrapLabel

load_kv_beside(__file__)


class YourPlanScreen(Screen):
    total_text = StringProperty("")
    no_reminder = BooleanProperty(False)
    reminder_message = StringProperty("")
    step_text = f"Getting started: step {STEPS} of {STEPS}"

    def on_pre_enter(self, *_):
        app = App.get_running_app()
        companion = app.companion
        steps = companion.planned_steps(companion.ensure_plan())
        box = self.ids.steps_box
        box.clear_widgets()
        for planned in steps:
            box.add_widget(WrapLabel(text=f"[b]{planned.step.title}[/b]   {duration_words(planned.seconds)}"))
        self.total_text = f"In all, about {duration_words(sum(p.seconds for p in steps))} a day."
        times = app.preferences.reminder_times
        self.ids.reminder_input.text = times[0] if times else SUGGESTED_REMINDER_TIME
        self.no_reminder = False
        self.reminder_message = ""
        scroll_to_top(self)

    def toggle_no_reminder(self) -> None:
        self.no_reminder = not self.no_reminder
        self.reminder_message = ""

    def finish(self) -> None:
        app = App.get_running_app()
        times = ()
        if not self.no_reminder:
            try:
                chosen = validate_reminder_time(self.ids.reminder_input.text)
            except PreferencesError as error:
                self.reminder_message = error.message  # the time stays in the box, to be corrected
                return
            # Any further reminders already kept (a restored record) stay as they were.
            times = (chosen, *app.preferences.reminder_times[1:])
        app.apply_preferences(replace(app.preferences, reminder_times=times))
        finish_first_run(app)

    def skip_rest(self) -> None:
        """No reminder is set: nothing rings unless the patient asks for it in Settings."""
        finish_first_run(App.get_running_app())

    def back(self) -> None:
        App.get_running_app().go("about_you")

    def on_key(self, name: str) -> bool:
        if name == "escape":
            self.back()
            return True
        return False
