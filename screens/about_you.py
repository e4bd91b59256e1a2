"""First run, screen 3 of 4: a name, the affected side and when it began. All optional.

What is entered is kept when the patient goes on, so a restart mid-way loses nothing.
A wrong entry is explained beside its field and stays in the box to be corrected.
"""
from __future__ import annotations


from kivy.app import App
from kivy.properties import StringProperty
from kivy.uix.screenmanager import Screen

from app.profile import SIDES, SIDE_LABELS, load_profile, profile_from_entries, save_profile
from screens import load_kv_beside
from screens.welcome import STEPS, finish_first_run, scroll_to_top

load_kv_beside(__file__)

SIDE_BUTTONS = {"left": "Left", "right": "Right", "both": "Both", "unknown": "Not sure / later"}


class AboutYouScreen(Screen):
    side = StringProperty("unknown")
    name_message = StringProperty("")
    onset_message = StringProperty("")
    step_text = f"Getting started: step 3 of {STEPS}"
    side_buttons = SIDE_BUTTONS

    def on_pre_enter(self, *_):
        profile = load_profile(App.get_running_app().companion.store)
        self.ids.name_input.text = profile.display_name or ""
        self.ids.onset_input.text = profile.onset_date.isoformat() if profile.onset_date else ""
        self.side = profile.affected_side
        self.name_message = self.onset_message = ""
        scroll_to_top(self)

    def choose_side(self, side: str) -> None:
        if side in SIDES:
            self.side = side

    def chosen_words(self, side: str) -> str:
        if side == "unknown":
            return "Not chosen. The exercises will say \"the affected side\" until you choose."
        return f"You chose: {SIDE_LABELS[side].lower()}."

    def _read(self):
        """The profile as entered, and the message for each field that cannot be used."""
        companion = App.get_running_app().companion
        profile, messages = profile_from_entries(load_profile(companion.store), self.ids.name_input.text,
                                                 self.ids.onset_input.text, self.side, companion.today())
        return profile, messages

    def next(self) -> None:
        profile, messages = self._read()
        self.name_message, self.onset_message = messages["display_name"], messages["onset_date"]
        if any(messages.values()):
            return  # everything typed stays where it is, to be corrected
        app = App.get_running_app()
        save_profile(app.companion.store, profile)
        app.go("your_plan")

    def skip_rest(self) -> None:
        """Keep what can be used (a wrong entry is left out), and finish."""
        app = App.get_running_app()
        profile, _ = self._read()
        save_profile(app.companion.store, profile)
        finish_first_run(app)

    def back(self) -> None:
        App.get_running_app().go("safety", from_home=False, skipping=False)

    def on_key(self, name: str) -> bool:
        if name == "escape":
            self.back()
            return True
        return False
