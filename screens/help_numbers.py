"""The numbers to call for help: the clinician's and an emergency number, as the patient or
caregiver types them; the get-help and safety pages show them. The form is a part with its own
presenter (HelpNumbersPresenter); Back returns to the page it was opened from."""
from __future__ import annotations

from kivy.app import App
from kivy.properties import StringProperty
from kivy.uix.boxlayout import BoxLayout

from screens import load_kv_beside
from screens.journal_widgets import PresentedPart
from screens.widgets import PresentedScreen


class HelpNumbersForm(PresentedPart, BoxLayout):
    message = StringProperty("")

    def show(self, model) -> None:
        self.message = model.message
        self.ids.emergency_input.text = model.emergency_number
        self.ids.clinician_input.text = model.clinician_number

    def save(self) -> None:
        self.presenter.save(self.ids.emergency_input.text, self.ids.clinician_input.text)


class HelpNumbersScreen(PresentedScreen):
    back_to = StringProperty("settings")  # set by app.go("help_numbers", back_to=...)

    def on_pre_enter(self, *_):
        self.ids.form.refresh()

    def go_back(self) -> None:
        App.get_running_app().go(self.back_to)

    def on_key(self, name: str) -> bool:
        if name == "escape":
            self.go_back()
            return True
        return False


load_kv_beside(__file__)
