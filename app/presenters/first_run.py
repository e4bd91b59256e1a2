"""First run, four screens: welcome, safety, about you, your plan.

It ends once, for good, by `finish_first_run`, and never without the safety
confirmation: every way out passes through that gate.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..core import Core
from ..formatting import duration_words
from ..profile import SIDE_LABELS, load_profile, profile_from_entries, save_profile
from ..settings import SUGGESTED_REMINDER_TIME, PreferencesError, validate_reminder_time
from ..treatment.checkins import CLINICIAN_NUMBER_SETTING, EMERGENCY_NUMBER_SETTING
from ..vocabulary import SIDES
from .base import EscapeGoesBack, Navigator, Shows, ask_to_close

STEPS = 4  # welcome, safety, about you, your plan


def first_run_step(number: int) -> str:
    return f"Getting started: step {number} of {STEPS}"


def needs_first_run(core: Core) -> bool:
    return load_profile(core.store).needs_first_run


def finish_first_run(core: Core, navigator: Navigator) -> None:
    """Mark the first run done and go home. Without the safety confirmation, back to the note."""
    profile = load_profile(core.store)
    if not profile.safety_confirmed:
        navigator.go("safety", from_home=False, skipping=True)
        return
    save_profile(core.store, replace(profile, first_run_done=True))
    navigator.go("home")


@dataclass(frozen=True)
class RepairModel:
    message: str


class RepairNoticePresenter:
    """The repair notice comes first. After it, the first run only if there never was a record:
    a record brought back from a backup goes home (through the safety note if it was not confirmed)."""

    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.message = ""

    def prepare(self, message: str) -> None:
        self.message = message

    def enter(self) -> None:
        self.view.show(RepairModel(self.message))

    def go_on(self) -> None:
        profile = load_profile(self.core.store)
        if not profile.safety_confirmed:
            self.navigator.go("safety", from_home=False, skipping=True)
            return
        if profile.needs_first_run:
            save_profile(self.core.store, replace(profile, first_run_done=True))
        self.navigator.go("home")

    def on_key(self, name: str) -> bool:
        if name in ("enter", "escape"):
            self.go_on()
            return True
        return False


class WelcomePresenter:
    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view

    def next(self) -> None:
        self.navigator.go("safety", from_home=False, skipping=False)

    def skip(self) -> None:
        """Skipping set-up still passes through the safety note: it cannot be skipped."""
        self.navigator.go("safety", from_home=False, skipping=True)

    def on_key(self, name: str) -> bool:
        return ask_to_close(self.view, self.navigator) if name == "escape" else False


@dataclass(frozen=True)
class SafetyModel:
    from_home: bool  # opened from Home: read only, Back goes home
    skipping: bool  # "Skip set-up" was chosen: Continue finishes
    confirmed: bool  # the "I have read this" tick
    emergency_number: str = ""  # as stored for the help page, to show beside the safety note
    clinician_number: str = ""


class SafetyPresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.from_home = self.skipping = self.confirmed = False

    def prepare(self, from_home: bool = False, skipping: bool = False) -> None:
        self.from_home, self.skipping = from_home, skipping

    def enter(self) -> None:
        self.confirmed = load_profile(self.core.store).safety_confirmed
        self._show()

    def _show(self) -> None:
        settings = self.core.store.settings()
        self.view.show(SafetyModel(self.from_home, self.skipping, self.confirmed,
                                   settings.get(EMERGENCY_NUMBER_SETTING, ""),
                                   settings.get(CLINICIAN_NUMBER_SETTING, "")))

    def toggle(self) -> None:
        self.confirmed = not self.confirmed
        self._show()

    def _keep_confirmation(self) -> bool:
        """The gate: nothing goes on until the tick is there, and then it is kept."""
        if not self.confirmed:
            return False
        profile = load_profile(self.core.store)
        if not profile.safety_confirmed:
            save_profile(self.core.store, replace(profile, safety_confirmed=True))
        return True

    def go_on(self) -> None:
        if not self._keep_confirmation():
            return  # the button is disabled until then; this is a second lock
        if self.skipping:
            finish_first_run(self.core, self.navigator)
        else:
            self.navigator.go("about_you")

    def skip_rest(self) -> None:
        if self._keep_confirmation():
            finish_first_run(self.core, self.navigator)

    def back(self) -> None:
        self.navigator.go("home" if self.from_home else "welcome")



@dataclass(frozen=True)
class AboutYouModel:
    name_text: str
    onset_text: str
    side: str
    side_words: str
    name_message: str = ""
    onset_message: str = ""


def chosen_side_words(side: str) -> str:
    if side == "unknown":
        return "Not chosen. The exercises will say \"the affected side\" until you choose."
    return f"You chose: {SIDE_LABELS[side].lower()}."


class AboutYouPresenter(EscapeGoesBack):
    """Name, side and when it began, all optional; what is entered is kept on going on."""

    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.side = "unknown"

    def enter(self) -> None:
        profile = load_profile(self.core.store)
        self.side = profile.affected_side
        self.view.show(AboutYouModel(profile.display_name or "",
                                     profile.onset_date.isoformat() if profile.onset_date else "",
                                     self.side, chosen_side_words(self.side)))

    def choose_side(self, side: str, name_text: str, onset_text: str) -> None:
        if side in SIDES:
            self.side = side
        self.view.show(AboutYouModel(name_text, onset_text, self.side, chosen_side_words(self.side)))

    def _read(self, name_text: str, onset_text: str):
        return profile_from_entries(load_profile(self.core.store), name_text, onset_text, self.side,
                                    self.core.today())

    def next(self, name_text: str, onset_text: str) -> None:
        profile, messages = self._read(name_text, onset_text)
        if any(messages.values()):  # everything typed stays where it is, to be corrected
            self.view.show(AboutYouModel(name_text, onset_text, self.side, chosen_side_words(self.side),
                                         messages["display_name"], messages["onset_date"]))
            return
        save_profile(self.core.store, profile)
        self.navigator.go("your_plan")

    def skip_rest(self, name_text: str, onset_text: str) -> None:
        """Keep what can be used (a wrong entry is left out), and finish."""
        profile, _messages = self._read(name_text, onset_text)
        save_profile(self.core.store, profile)
        finish_first_run(self.core, self.navigator)

    def back(self) -> None:
        self.navigator.go("safety", from_home=False, skipping=False)



@dataclass(frozen=True)
class YourPlanModel:
    steps: tuple[str, ...]
    total_text: str
    reminder_text: str
    no_reminder: bool = False
    reminder_message: str = ""


def first_reminder_merged(chosen: str, kept: tuple[str, ...]) -> tuple[str, ...]:
    """The first reminder as chosen; any further ones already kept (a restored record) stay."""
    return (chosen, *kept[1:])


class YourPlanPresenter(EscapeGoesBack):
    """The routine to accept, and a first daily reminder. Finish ends the first run."""

    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.no_reminder = False

    def enter(self) -> None:
        self.no_reminder = False
        times = self.core.preferences.reminder_times
        self._show(times[0] if times else SUGGESTED_REMINDER_TIME)

    def _show(self, reminder_text: str, message: str = "") -> None:
        practice = self.core.practice
        steps = practice.planned_steps(practice.ensure_plan())
        self.view.show(YourPlanModel(
            tuple(f"[b]{p.step.title}[/b]   {duration_words(p.seconds)}" for p in steps),
            f"In all, about {duration_words(sum(p.seconds for p in steps))} a day.",
            reminder_text, self.no_reminder, message))

    def toggle_no_reminder(self, reminder_text: str) -> None:
        self.no_reminder = not self.no_reminder
        self._show(reminder_text)

    def finish(self, reminder_text: str) -> None:
        times = ()
        if not self.no_reminder:
            try:
                chosen = validate_reminder_time(reminder_text)
            except PreferencesError as error:
                self._show(reminder_text, error.message)  # the time stays in the box, to be corrected
                return
            times = first_reminder_merged(chosen, self.core.preferences.reminder_times)
        self.core.apply_preferences(replace(self.core.preferences, reminder_times=times))
        finish_first_run(self.core, self.navigator)

    def skip_rest(self) -> None:
        """No reminder is set: nothing rings unless the patient asks for it in Settings."""
        finish_first_run(self.core, self.navigator)

    def back(self) -> None:
        self.navigator.go("about_you")

