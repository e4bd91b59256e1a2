"""Caregiver entry: set a PIN on first use (typed twice), or enter it; reset if forgotten."""
from __future__ import annotations

from kivy.clock import Clock
from kivy.properties import BooleanProperty, StringProperty

from screens import load_kv_beside
from screens.widgets import PresentedScreen

load_kv_beside(__file__)

TICK_SECONDS = 0.25  # a lockout's countdown; the presenter shows again only when a second has gone


class CaregiverEntryScreen(PresentedScreen):
    setting_pin = BooleanProperty(False)
    message = StringProperty("")
    can_reset = BooleanProperty(False)
    can_submit = BooleanProperty(True)

    _tick = None

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.on_leave()  # never two countdowns at once
        self._tick = Clock.schedule_interval(lambda _dt: self.presenter.tick(), TICK_SECONDS)

    def on_leave(self, *_):
        if self._tick is not None:
            self._tick.cancel()
            self._tick = None

    def show(self, model) -> None:
        self.setting_pin, self.message = model.setting_pin, model.message
        self.can_reset, self.can_submit = model.can_reset, model.can_submit
        if model.clear_entries:
            self.ids.pin_input.text = self.ids.repeat_input.text = ""

    def submit(self) -> None:
        self.presenter.submit(self.ids.pin_input.text, self.ids.repeat_input.text)
