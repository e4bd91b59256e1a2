"""Caregiver entry: set a PIN on first use (typed twice), or enter it; reset if forgotten."""
from __future__ import annotations

from kivy.properties import BooleanProperty, StringProperty

from screens import load_kv_beside
from screens.widgets import PresentedScreen

load_kv_beside(__file__)


class CaregiverEntryScreen(PresentedScreen):
    setting_pin = BooleanProperty(False)
    message = StringProperty("")
    can_reset = BooleanProperty(False)

    def on_pre_enter(self, *_):
        self.presenter.enter()

    def show(self, model) -> None:
        self.setting_pin, self.message = model.setting_pin, model.message
        self.can_reset = model.can_reset
        if model.clear_entries:
            self.ids.pin_input.text = self.ids.repeat_input.text = ""

    def submit(self) -> None:
        self.presenter.submit(self.ids.pin_input.text, self.ids.repeat_input.text)
