"""First run, screen 3 of 4: a name, the affected side and when it began. All optional.

A wrong entry is explained beside its field and stays in the box to be corrected.
"""
from __future__ import annotations

from kivy.properties import StringProperty

from app.presenters.first_run import first_run_step
from screens import load_kv_beside
from screens.welcome import scroll_to_top
from screens.widgets import PresentedScreen

load_kv_beside(__file__)

SIDE_BUTTONS = {"left": "Left", "right": "Right", "both": "Both", "unknown": "Not sure / later"}


class AboutYouScreen(PresentedScreen):
    side = StringProperty("unknown")
    side_words = StringProperty("")
    name_message = StringProperty("")
    onset_message = StringProperty("")
    step_text = first_run_step(3)
    side_buttons = SIDE_BUTTONS

    def on_pre_enter(self, *_):
        self.presenter.enter()
        scroll_to_top(self)

    def show(self, model) -> None:
        self.ids.name_input.text, self.ids.onset_input.text = model.name_text, model.onset_text
        self.side, self.side_words = model.side, model.side_words
        self.name_message, self.onset_message = model.name_message, model.onset_message

    def _entries(self) -> tuple[str, str]:
        return self.ids.name_input.text, self.ids.onset_input.text

    def choose_side(self, side: str) -> None:
        self.presenter.choose_side(side, *self._entries())

    def next(self) -> None:
        self.presenter.next(*self._entries())

    def skip_rest(self) -> None:
        self.presenter.skip_rest(*self._entries())
