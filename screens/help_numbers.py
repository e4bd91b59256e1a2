"""The numbers to call for help: the clinician's and an emergency number, as the patient or
caregiver types them; the get-help and safety pages show them."""
from __future__ import annotations

from kivy.properties import BooleanProperty, StringProperty

from screens import load_kv_beside
import screens.journal_widgets  # noqa: F401  (JournalInput and the journal's labels)
from screens.widgets import PresentedScreen


class HelpNumbersScreen(PresentedScreen):
    message = StringProperty("")
    saved = BooleanProperty(False)

    def on_pre_enter(self, *_):
        self.presenter.enter()

    def show(self, model) -> None:
        self.message, self.saved = model.message, model.saved
        self.ids.emergency_input.text = model.emergency_number
        self.ids.clinician_input.text = model.clinician_number

    def save(self) -> None:
        self.presenter.save(self.ids.emergency_input.text, self.ids.clinician_input.text)


load_kv_beside(__file__)
