"""Settings: reminders, voice and its speed, sounds, vibration, text size, contrast, the pace
between steps, and "about you" (the profile).

A button applies its change at once. Typed entries (reminder times, name, start date) are
kept by a Save button or Enter; a wrong entry is explained beside its field and stays in
its box. Leaving with typed changes not yet saved asks first.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from ..core import Core
from ..profile import SIDE_LABELS, Profile, load_profile, profile_from_entries, save_profile
from ..settings import MAX_REMINDERS, Preferences, PreferencesError, parse_reminder_times, validate_reminder_time
from ..storage.errors import StoreError, WriteFailed
from ..vocabulary import SIDES
from .base import Asks, Navigator, Question, Shows

# Speaking speed, as a multiple of the speech engine's normal pace (Preferences.voice_rate).
VOICE_SPEEDS = (("Slower", 0.8), ("Normal", 1.0), ("Faster", 1.25))
REMINDER_FIELDS = tuple(f"reminder_{i}" for i in range(1, MAX_REMINDERS + 1))
PROFILE_FIELDS = ("name_input", "onset_input")


def percent(scale: float) -> str:
    return f"{round(scale * 100)} %"


def speed_words(rate: float) -> str:
    for name, value in VOICE_SPEEDS:
        if abs(rate - value) < 0.01:
            return name
    return f"{rate:g} times normal"


def side_words(side: str) -> str:
    return "Not chosen" if side == "unknown" else SIDE_LABELS[side]


@dataclass(frozen=True)
class Entries:
    """What is typed in the boxes, as the screen holds it."""

    reminders: tuple[str, ...]
    name: str
    onset: str


@dataclass(frozen=True)
class SettingsModel:
    prefs: Preferences
    side: str
    entries: Entries | None = None  # when set, the boxes are filled with these (else left as typed)
    problems: dict[str, str] = field(default_factory=dict)  # box id -> what is wrong ("" = fine)
    reminder_message: str = ""
    reminders_saved: bool = False  # the message says "Saved", not a problem
    profile_message: str = ""
    profile_saved: bool = False
    problem: str = ""  # the record could not be written
    cue_status: str = ""  # "Voice: working.  Sounds: unavailable on this device. ..."
    scroll_to: str = ""  # the first box that needs correcting


class SettingsView(Shows, Asks, Protocol):
    def entries(self) -> Entries: ...


def read_reminders(typed: tuple[str, ...]) -> tuple[tuple[str, ...] | None, dict[str, str]]:
    """The times as typed, tidied, and a message for each box that cannot be used."""
    messages = {}
    for position, (box, text) in enumerate(zip(REMINDER_FIELDS, typed), start=1):
        try:
            if text.strip():
                validate_reminder_time(text, position)
            messages[box] = ""
        except PreferencesError as error:
            messages[box] = error.message
    if any(messages.values()):
        return None, messages
    return parse_reminder_times(typed), messages


class SettingsPresenter:
    def __init__(self, core: Core, navigator: Navigator, view: SettingsView):
        self.core, self.navigator, self.view = core, navigator, view
        self.side = "unknown"
        self._asking = False

    # --- what is shown ---------------------------------------------------------------

    def enter(self) -> None:
        self._asking = False
        profile = load_profile(self.core.store)
        self.side = profile.affected_side
        self._show(entries=self._stored_entries(profile),
                   problems={box: "" for box in REMINDER_FIELDS + PROFILE_FIELDS})

    def _stored_entries(self, profile: Profile) -> Entries:
        times = tuple(self.core.preferences.reminder_times) + ("",) * MAX_REMINDERS
        return Entries(times[:MAX_REMINDERS], profile.display_name or "",
                       profile.onset_date.isoformat() if profile.onset_date else "")

    def _show(self, **fields) -> None:
        self.view.show(SettingsModel(self.core.preferences, self.side, cue_status=self.core.cue_status(), **fields))

    def test_cues(self) -> None:
        """Play a sample cue; a way that fails is then shown as unavailable, never silently off."""
        self.core.test_cues()
        self._show()

    # --- buttons: applied at once ----------------------------------------------------

    def change(self, **changes) -> str:
        """Apply and save one preference; on trouble say so and keep what was there. Returns the problem."""
        try:
            self.core.apply_preferences(replace(self.core.preferences, **changes))
            problem = ""
        except PreferencesError as error:
            problem = error.message
        except StoreError as error:
            problem = f"This change could not be saved: {_why(error)}."
        self._show(problem=problem)
        return problem

    def toggle(self, name: str) -> None:
        self.change(**{name: not getattr(self.core.preferences, name)})

    def choose_side(self, side: str) -> None:
        if side not in SIDES:
            return
        try:
            save_profile(self.core.store, replace(load_profile(self.core.store), affected_side=side))
        except StoreError as error:
            self._show(profile_message=f"The side could not be saved: {_why(error)}.")
            return
        self.side = side
        message = (f"Saved: {SIDE_LABELS[side].lower()}." if side != "unknown"
                   else "Saved: not sure. The exercises say \"the affected side\".")
        self._show(profile_message=message, profile_saved=True)

    # --- typed entries ---------------------------------------------------------------

    def save_reminders(self) -> bool:
        times, messages = read_reminders(self.view.entries().reminders)
        if times is None:
            first = next(box for box in REMINDER_FIELDS if messages[box])
            self._show(problems=messages, scroll_to=first,
                       reminder_message="Not saved yet: please correct the time explained above.")
            return False
        problem = self.change(reminder_times=times)
        if problem:
            self._show(problems=messages, reminder_message=problem)
            return False
        typed = self.view.entries()
        self._show(entries=replace(typed, reminders=(times + ("",) * MAX_REMINDERS)[:MAX_REMINDERS]),
                   problems=messages, reminders_saved=True,  # tidied: "8.30" reads "08:30", earliest first
                   reminder_message="Saved. Reminders at " + ", ".join(times) + "." if times else "Saved. No reminders.")
        return True

    def _read_profile(self) -> tuple[Profile | None, dict[str, str]]:
        typed = self.view.entries()
        profile, messages = profile_from_entries(load_profile(self.core.store), typed.name, typed.onset, self.side,
                                                 self.core.today())
        messages = {"name_input": messages["display_name"], "onset_input": messages["onset_date"]}
        return (None if any(messages.values()) else profile), messages

    def save_about_you(self) -> bool:
        profile, messages = self._read_profile()
        if profile is None:
            first = next(box for box in PROFILE_FIELDS if messages[box])
            self._show(problems=messages, scroll_to=first,
                       profile_message="Not saved yet: please correct what is explained above.")
            return False
        try:
            save_profile(self.core.store, profile)
        except StoreError as error:
            self._show(problems=messages, profile_message=f"Not saved: {_why(error)}.")
            return False
        self._show(entries=self._stored_entries(load_profile(self.core.store)), problems=messages,
                   profile_message="Saved.", profile_saved=True)
        return True

    def _unsaved(self) -> tuple[bool, bool]:
        """Whether the typed reminders, and the typed name or date, differ from what is kept."""
        times, _messages = read_reminders(self.view.entries().reminders)
        profile, _messages = self._read_profile()
        stored = load_profile(self.core.store)
        profile_changed = profile is None or (profile.display_name, profile.onset_date) != (
            stored.display_name, stored.onset_date)
        return times != self.core.preferences.reminder_times, profile_changed

    # --- leaving ---------------------------------------------------------------------

    def leave(self, screen: str = "home", **params) -> None:
        """Go to `screen`; typed changes not yet saved are offered for saving first."""
        if self._asking:
            return
        reminders, profile = self._unsaved()
        if not (reminders or profile):
            self.navigator.go(screen, **params)
            return

        def save_and_go():
            self._asking = False
            saved_reminders = self.save_reminders() if reminders else True
            saved_profile = self.save_about_you() if profile else True
            if saved_reminders and saved_profile:
                self.navigator.go(screen, **params)

        def go_without_saving():
            self._asking = False
            self.navigator.go(screen, **params)

        self._asking = True
        self.view.ask(Question("You typed changes that are not saved yet. Save them before leaving?",
                               "Save them", "Leave without saving"), save_and_go, go_without_saving)

    def on_key(self, name: str) -> bool:
        if name == "escape":
            self.leave("home")
            return True
        return False


def _why(error: StoreError) -> str:
    """A refused write's reason ("the device's storage is full") fits after a colon."""
    return error.reason if isinstance(error, WriteFailed) else str(error).rstrip(".")
