"""First run, screen 4 of 4: the routine to accept, and a first daily reminder."""
from __future__ import annotations

from kivy.properties import BooleanProperty, StringProperty

from app.presenters.first_run import first_run_step
from screens import load_kv_beside
from screens.welcome import scroll_to_top
from screens.widgets import PresentedScreen, WrapLabel

load_kv_beside(__file__)


class YourPlanScreen(PresentedScreen):
    total_text = StringProperty("")
    no_reminder = BooleanProperty(False)
    reminder_message = StringProperty("")
    step_text = first_run_step(4)

    def on_pre_enter(self, *_):
        self.presenter.enter()
        scroll_to_top(self)

    def show(self, model) -> None:
        box = self.ids.steps_box
        box.clear_widgets()
        for line in model.steps:
            box.add_widget(WrapLabel(text=line))
        self.total_text, self.ids.reminder_input.text = model.total_text, model.reminder_text
        self.no_reminder, self.reminder_message = model.no_reminder, model.reminder_message

    def toggle_no_reminder(self) -> None:
        self.presenter.toggle_no_reminder(self.ids.reminder_input.text)

    def finish(self) -> None:
        self.presenter.finish(self.ids.reminder_input.text)
