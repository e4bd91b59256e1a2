"""Edit the plan: steps included, their minutes within safe bounds, rest weekdays."""
from __future__ import annotations

from kivy.factory import Factory
from kivy.properties import StringProperty

from screens import load_kv_beside
from screens.widgets import PresentedScreen

load_kv_beside(__file__)


class PlanEditScreen(PresentedScreen):
    message = StringProperty("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rows, self.day_buttons = {}, []

    def on_pre_enter(self, *_):
        self.presenter.enter()

    def show(self, model) -> None:
        self.message = model.message
        if model.rebuild:
            self._build(model)
        for row_model in model.rows:
            self.rows[row_model.key].included = row_model.included
        for button, (_day, _name, resting) in zip(self.day_buttons, model.weekdays):
            button.resting = resting

    def _build(self, model) -> None:
        box = self.ids.rows_box
        box.clear_widgets()
        self.rows = {}
        for step in model.rows:
            row = Factory.PlanStepRow()  # kv-declared properties are set after creation
            row.step_key, row.title, row.bounds = step.key, step.title, step.bounds
            row.ids.include_button.bind(on_release=lambda _b, key=step.key: self.presenter.toggle(key))
            row.ids.minutes_input.disabled = not step.timed
            row.ids.minutes_input.text = step.minutes_text
            box.add_widget(row)
            self.rows[step.key] = row
        days = self.ids.weekdays_box
        days.clear_widgets()
        self.day_buttons = []
        for weekday, name, _resting in model.weekdays:
            button = Factory.WeekdayButton(text=name)
            button.weekday = weekday
            button.bind(on_release=lambda _b, day=weekday: self.presenter.toggle_day(day))
            days.add_widget(button)
            self.day_buttons.append(button)

    def save(self) -> None:
        self.presenter.save({key: row.ids.minutes_input.text for key, row in self.rows.items()})
