"""Settings: reminders, voice and its speed, sounds, vibration, text size, contrast, the
pace between steps, and "about you" (the profile). In the spirit of Kivy's settings panel,
but drawn with our own large buttons.

Every decision is the presenter's (app/presenters/settings.py); this screen shows its
view model and hands it what is typed.
"""
from __future__ import annotations

from kivy.metrics import dp
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty

from app.presenters.settings import REMINDER_FIELDS, VOICE_SPEEDS, Entries, percent, side_words, speed_words
from app.settings import TEXT_SCALES, Preferences
from screens import load_kv_beside
from screens.widgets import PresentedScreen

load_kv_beside(__file__)

SIDE_BUTTONS = {"left": "Left", "right": "Right", "both": "Both", "unknown": "Not sure"}
PACE_WORDS = {False: "Confirm before the next step", True: "Move on by itself"}


class SettingsScreen(PresentedScreen):
    prefs = ObjectProperty(Preferences(), rebind=True)  # rebind: kv re-reads root.prefs.voice etc.
    side = StringProperty("unknown")
    # One message per typed box ("" = fine), shown just below it; and one per section.
    reminder_1_problem = StringProperty("")
    reminder_2_problem = StringProperty("")
    reminder_3_problem = StringProperty("")
    name_problem = StringProperty("")
    onset_problem = StringProperty("")
    reminder_message = StringProperty("")
    reminders_saved = BooleanProperty(False)
    profile_message = StringProperty("")
    profile_saved = BooleanProperty(False)
    problem = StringProperty("")
    cue_status = StringProperty("")

    text_scales = TEXT_SCALES
    voice_speeds = VOICE_SPEEDS
    side_buttons = SIDE_BUTTONS
    pace_words = PACE_WORDS
    percent = staticmethod(percent)
    speed_words = staticmethod(speed_words)
    side_words = staticmethod(side_words)

    PROBLEM_PROPERTIES = {**{box: f"{box}_problem" for box in REMINDER_FIELDS},
                          "name_input": "name_problem", "onset_input": "onset_problem"}

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def entries(self) -> Entries:
        return Entries(tuple(self.ids[box].text for box in REMINDER_FIELDS), self.ids.name_input.text,
                       self.ids.onset_input.text)

    def show(self, model) -> None:
        self.prefs, self.side, self.problem, self.cue_status = model.prefs, model.side, model.problem, model.cue_status
        self.reminder_message, self.reminders_saved = model.reminder_message, model.reminders_saved
        self.profile_message, self.profile_saved = model.profile_message, model.profile_saved
        for box, message in model.problems.items():
            setattr(self, self.PROBLEM_PROPERTIES[box], message)
        if model.entries is not None:
            for box, text in zip(REMINDER_FIELDS, model.entries.reminders):
                self.ids[box].text = text
            self.ids.name_input.text, self.ids.onset_input.text = model.entries.name, model.entries.onset
        if model.scroll_to:  # the first box to correct; its explanation is just below it
            self.ids.scroller.scroll_to(self.ids[model.scroll_to], padding=dp(80), animate=False)
