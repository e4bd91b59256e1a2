"""Settings: reminders, voice and its speed, sounds, vibration, text size, contrast, the
pace between steps, and "about you" (the profile). In the spirit of Kivy's settings panel,
but drawn with our own large buttons.

A button applies its change at once (`app.apply_preferences` saves and applies). Typed
entries (reminder times, name, start date) are kept by a Save button, or Enter; a wrong
entry is explained beside its field, naming it, and stays in the box to be corrected.
Leaving with typed changes not yet saved asks first.
"""
from __future__ import annotations

import importlib.util
from dataclasses import replace

from kivy.app import App
from kivy.metrics import dp
from kivy.properties import BooleanProperty, ListProperty, ObjectProperty, StringProperty
from kivy.uix.screenmanager import Screen

from app.profile import SIDES, SIDE_LABELS, load_profile, profile_from_entries, save_profile
from app.settings import MAX_REMINDERS, TEXT_SCALES, Preferences, PreferencesError, parse_reminder_times, \
    validate_reminder_time
from app.storage.errors import StoreError
from screens import load_kv_beside
from screens.widgets import ConfirmDialog

load_kv_beside(__file__)

# Speaking speed, as a multiple of the speech engine's normal pace (Preferences.voice_rate).
VOICE_SPEEDS = (("Slower", 0.8), ("Normal", 1.0), ("Faster", 1.25))
SIDE_BUTTONS = {"left": "Left", "right": "Right", "both": "Both", "unknown": "Not sure"}
PACE_WORDS = {False: "Confirm before the next step", True: "Move on by itself"}
REMINDER_FIELDS = tuple(f"reminder_{i}" for i in range(1, MAX_REMINDERS + 1))


def percent(scale: float) -> str:
    return f"{round(scale * 100)} %"


def speed_words(rate: float) -> str:
    for name, value in VOICE_SPEEDS:
        if abs(rate - value) < 0.01:
            return name
    return f"{rate:g} times normal"


def screen_exists(name: str) -> bool:
    """Whether the screen's module is there (screens are added by separate pieces of work)."""
    from screens.smileback import SCREENS

    module = SCREENS.get(name, "").split(":")[0]
    try:
        return bool(module) and importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


class LeaveDialog(ConfirmDialog):
    """A ConfirmDialog whose "no" also does something: leaves without saving."""

    when_no = ObjectProperty(None, allownone=True)

    def answer(self, yes: bool) -> None:
        super().answer(yes)
        if not yes and self.when_no:
            self.when_no()


class SettingsScreen(Screen):
    prefs = ObjectProperty(Preferences(), rebind=True)  # rebind: kv re-reads root.prefs.voice etc.
    side = StringProperty("unknown")
    # One message per typed box ("" = fine), shown just below it; and one per section.
    reminder_1_problem = StringProperty("")
    reminder_2_problem = StringProperty("")
    reminder_3_problem = StringProperty("")
    name_problem = StringProperty("")
    onset_problem = StringProperty("")
    reminder_message = StringProperty("")
    reminders_saved = BooleanProperty(False)  # the message says "Saved", not a problem
    profile_message = StringProperty("")
    profile_saved = BooleanProperty(False)
    problem = StringProperty("")  # the record could not be written
    links = ListProperty([])  # the linked screens that exist

    text_scales = TEXT_SCALES
    voice_speeds = VOICE_SPEEDS
    side_buttons = SIDE_BUTTONS
    pace_words = PACE_WORDS

    percent = staticmethod(percent)
    speed_words = staticmethod(speed_words)

    def on_pre_enter(self, *_):
        app = App.get_running_app()
        self.prefs = app.preferences
        self._show_problems({field: "" for field in REMINDER_FIELDS + ("name_input", "onset_input")})
        self.reminder_message = self.profile_message = self.problem = ""
        self.reminders_saved = self.profile_saved = False
        self._dialog = None
        self._fill_reminders()
        self._fill_profile()
        self.links = [name for name in ("backups", "safety") if screen_exists(name)]
        self.ids.scroller.scroll_y = 1

    # --- buttons: applied at once --------------------------------------------------------

    def change(self, **changes) -> None:
        """Apply and save one preference; on trouble say so and keep what was there."""
        app = App.get_running_app()
        try:
            prefs = replace(app.preferences, **changes)
            app.apply_preferences(prefs)
        except PreferencesError as error:
            self.problem = error.message
            return
        except StoreError as error:
            self.problem = f"This change could not be saved: {error}"
            return
        self.problem = ""
        self.prefs = prefs

    def toggle(self, field: str) -> None:
        self.change(**{field: not getattr(self.prefs, field)})

    def choose_side(self, side: str) -> None:
        if side not in SIDES:
            return
        companion = App.get_running_app().companion
        try:
            save_profile(companion.store, replace(load_profile(companion.store), affected_side=side))
        except StoreError as error:
            self.profile_saved = False
            self.profile_message = f"The side could not be saved: {error}"
            return
        self.side = side
        self.profile_saved = True
        self.profile_message = f"Saved: {SIDE_LABELS[side].lower()}." if side != "unknown" else \
            "Saved: not sure. The exercises say \"the affected side\"."

    def side_words(self, side: str) -> str:
        return "Not chosen" if side == "unknown" else SIDE_LABELS[side]

    # --- reminders -------------------------------------------------------------------------

    def _fill_reminders(self) -> None:
        times = list(self.prefs.reminder_times) + [""] * MAX_REMINDERS
        for field, text in zip(REMINDER_FIELDS, times):
            self.ids[field].text = text

    def _typed_reminders(self) -> list[str]:
        return [self.ids[field].text for field in REMINDER_FIELDS]

    def _read_reminders(self) -> tuple[tuple[str, ...] | None, dict[str, str]]:
        """The times as typed, tidied, and a message for each box that cannot be used."""
        messages = {}
        for position, (field, text) in enumerate(zip(REMINDER_FIELDS, self._typed_reminders()), start=1):
            try:
                if text.strip():
                    validate_reminder_time(text, position)
                messages[field] = ""
            except PreferencesError as error:
                messages[field] = error.message
        if any(messages.values()):
            return None, messages
        return parse_reminder_times(self._typed_reminders()), messages

    def save_reminders(self) -> bool:
        times, messages = self._read_reminders()
        self._show_problems(messages)
        self.reminders_saved = False
        if times is None:
            self.reminder_message = "Not saved yet: please correct the time explained above."
            self._show_first_problem(REMINDER_FIELDS, messages)
            return False
        self.change(reminder_times=times)
        if self.problem:
            self.reminder_message = self.problem
            return False
        self._fill_reminders()  # tidied: "8.30" reads "08:30", earliest first
        self.reminders_saved = True
        self.reminder_message = ("Saved. Reminders at " + ", ".join(times) + "." if times
                                 else "Saved. No reminders.")
        self._rearm_android_alarms()
        return True

    def _rearm_android_alarms(self) -> None:
        """Android rings reminders from alarms set ahead; they follow the new times at once."""
        from app.reminders import schedule_android_alarms, settled_days

        companion = App.get_running_app().companion
        schedule_android_alarms(companion.store, companion.clock, settled_days(companion))

    def _reminders_changed(self) -> bool:
        times, _messages = self._read_reminders()
        return times != self.prefs.reminder_times

    # --- about you ------------------------------------------------------------------------

    def _fill_profile(self) -> None:
        profile = load_profile(App.get_running_app().companion.store)
        self.ids.name_input.text = profile.display_name or ""
        self.ids.onset_input.text = profile.onset_date.isoformat() if profile.onset_date else ""
        self.side = profile.affected_side

    def _read_profile(self):
        companion = App.get_running_app().companion
        profile, messages = profile_from_entries(load_profile(companion.store), self.ids.name_input.text,
                                                 self.ids.onset_input.text, self.side, companion.today())
        return (None if any(messages.values()) else profile), messages

    def save_about_you(self) -> bool:
        profile, messages = self._read_profile()
        messages = {"name_input": messages["display_name"], "onset_input": messages["onset_date"]}
        self._show_problems(messages)
        self.profile_saved = False
        if profile is None:
            self.profile_message = "Not saved yet: please correct what is explained above."
            self._show_first_problem(("name_input", "onset_input"), messages)
            return False
        try:
            save_profile(App.get_running_app().companion.store, profile)
        except StoreError as error:
            self.profile_message = f"Not saved: {error}"
            return False
        self._fill_profile()
        self.profile_saved = True
        self.profile_message = "Saved."
        return True

    PROBLEM_PROPERTIES = {**{field: f"{field}_problem" for field in REMINDER_FIELDS},
                          "name_input": "name_problem", "onset_input": "onset_problem"}

    def _show_problems(self, messages: dict[str, str]) -> None:
        """`messages`: box id -> what is wrong with it ("" = nothing)."""
        for field, message in messages.items():
            setattr(self, self.PROBLEM_PROPERTIES[field], message)

    def _show_first_problem(self, field_ids, messages: dict[str, str]) -> None:
        """Bring the first box that needs correcting into view (its explanation is just below)."""
        for field in field_ids:
            if messages.get(field):
                self.ids.scroller.scroll_to(self.ids[field], padding=dp(80), animate=False)
                return

    def _profile_changed(self) -> bool:
        companion = App.get_running_app().companion
        stored = load_profile(companion.store)
        profile, _messages = self._read_profile()
        if profile is None:
            return True
        return (profile.display_name, profile.onset_date) != (stored.display_name, stored.onset_date)

    # --- leaving --------------------------------------------------------------------------

    def leave(self, name: str = "home", **attrs) -> None:
        """Go to `name`; typed changes not yet saved are offered for saving first."""
        if self._dialog is not None:
            return
        reminders, profile = self._reminders_changed(), self._profile_changed()
        if not (reminders or profile):
            App.get_running_app().go(name, **attrs)
            return

        def save_and_go():
            self._dialog = None
            saved_reminders = self.save_reminders() if reminders else True
            saved_profile = self.save_about_you() if profile else True
            if saved_reminders and saved_profile:
                App.get_running_app().go(name, **attrs)

        def go_without_saving():
            self._dialog = None
            App.get_running_app().go(name, **attrs)

        self._dialog = LeaveDialog(message="You typed changes that are not saved yet. Save them before leaving?",
                                   yes_text="Save them", no_text="Leave without saving",
                                   when_yes=save_and_go, when_no=go_without_saving)
        self._dialog.open()

    def on_key(self, name: str) -> bool:
        if name == "escape":
            self.leave("home")
            return True
        return False
