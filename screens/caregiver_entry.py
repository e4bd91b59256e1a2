"""Caregiver entry: set a PIN on first use (typed twice), or enter it; reset if forgotten."""
from __future__ import annotations

from kivy.app import App
from kivy.properties import BooleanProperty, StringProperty
from kivy.uix.screenmanager import Screen

from app.caregiver.pin import CaregiverLock, PinError
from screens import load_kv_beside
from screens.widgets import ConfirmDialog

load_kv_beside(__file__)


class CaregiverEntryScreen(Screen):
    setting_pin = BooleanProperty(False)
    message = StringProperty("")

    def on_pre_enter(self, *_):
        companion = App.get_running_app().companion
        self.lock = CaregiverLock(companion.store, companion.clock)
        self.setting_pin = not self.lock.has_pin()
        self.ids.pin_input.text = self.ids.repeat_input.text = ""
        seconds = self.lock.locked_for_seconds()
        self.message = self.lock.check("").message if seconds else ""

    def submit(self) -> None:
        pin, repeat = self.ids.pin_input.text.strip(), self.ids.repeat_input.text.strip()
        if self.setting_pin:
            try:
                self.lock.set_pin(pin, repeat)
            except PinError as error:
                self.message = str(error)
                return
        else:
            result = self.lock.check(pin)
            if not result.ok:
                self.message = result.message
                self.ids.pin_input.text = ""
                return
        App.get_running_app().start_caregiver_mode()

    def ask_reset(self) -> None:
        ConfirmDialog(message="Reset the caregiver PIN? Only the PIN is cleared: every session, note and "
                              "the plan are kept. A new PIN is set straight after.",
                      yes_text="Yes, reset the PIN", no_text="No, keep it", when_yes=self.reset).open()

    def reset(self) -> None:
        self.lock.reset(confirmed=True)
        self.setting_pin = True
        self.message = "The PIN was reset. Choose a new one."
