"""The treatment journal on Home and around it: the cycle card, the side-effect check-in,
the full-screen "get help now" page, and supportive care's quick ticks.

Every figure is an estimate from the patient's own record, said so; no text gives advice
beyond whom to contact, which is what the clinician tells every patient with an injection.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..core import Core
from ..storage.errors import StoreError
from ..treatment.checkins import (CLINICIAN_NUMBER_SETTING, EMERGENCY_NUMBER_SETTING, RED_FLAGS, checkin_due,
                                  help_needed, in_window, latest_before, red_flags)
from ..treatment.cycle import (BOOKED_SETTING, booking_prompt_due, clinician_weeks, current_forecast, cycle_words,
                               day_words, forecast_hint, forecast_words, marks_of)
from ..treatment.supportive import asked_today
from ..treatment.validation import TreatmentError, checked_phone
from ..vocabulary import CareKind, EffectMark, HelpNeeded, Mood, SideEffect
from .base import EscapeGoesBack, Navigator

HELP_SCREEN = "get_help"
TICKS_LOOK_BACK = timedelta(days=6)  # a weekly item's tick may be from any day of its week


# --- the cycle card on Home -----------------------------------------------------------------------

@dataclass(frozen=True)
class CycleCardModel:
    week_text: str  # "Week 6 since your injection on 21 October"; "" before any injection
    forecast_text: str  # labelled as an estimate
    hint_text: str  # how the estimate becomes the patient's own, until it is
    booking_text: str  # "" unless it is time to think of the next appointment
    can_mark_started: bool
    can_mark_fading: bool
    checkin_text: str  # "" unless today's check-in is still to do
    message: str = ""


NO_INJECTION_HINT = ("If you have botulinum toxin (Botox) injections, log each one here: this card then "
                     "shows the week of your cycle and when the effect may wear off.")


class CycleCardPresenter:
    """Home's treatment card; Home's screen shows `model()` and sends the taps here."""

    def __init__(self, core: Core, view):
        self.core, self.view = core, view

    def enter(self, message: str = "") -> None:
        self.view.show(self.model(message))

    def model(self, message: str = "") -> CycleCardModel:
        journal, today = self.core.store.treatment, self.core.today()
        injections, marks = journal.injections(), journal.marks()
        window = current_forecast(injections, marks, today, clinician_weeks(self.core.store.settings()))
        if window is None:
            return CycleCardModel("", "", NO_INJECTION_HINT, "", False, False, "", message)
        kinds = {m.kind for m in marks_of(window.injection, injections, marks)}
        answered = self.core.store.settings().get(BOOKED_SETTING) == window.injection.given_on.isoformat()
        booking = ("The effect may start to wear off from "
                   f"{day_words(window.opens, today)}: a good time to book your next appointment, if you have not."
                   if booking_prompt_due(window, today, answered) else "")
        due = checkin_due(injections, journal.checkins(today, today), today)
        return CycleCardModel(
            week_text=cycle_words(window.injection, today), forecast_text=forecast_words(window, today),
            hint_text=forecast_hint(window) or "", booking_text=booking,
            can_mark_started=EffectMark.STARTED not in kinds, can_mark_fading=EffectMark.FADING not in kinds,
            checkin_text="How are you since the injection? One tap if nothing is new." if due else "",
            message=message)

    def mark(self, kind: EffectMark) -> None:
        """One tap: the effect started, or is fading, today."""
        try:
            self.core.store.treatment.mark_effect(kind, self.core.today(), self.core.clock.now())
        except (TreatmentError, StoreError) as error:
            self.enter(str(error))
            return
        self.core.rearm_android_alarms()  # a faded mark moves the forecast, and the booking prompt with it
        self.enter()

    def booking_answered(self) -> None:
        """The patient has booked, or does not want the prompt again this cycle."""
        injection = latest_before(self.core.store.treatment.injections(), self.core.today())
        if injection is None:
            return
        try:
            self.core.store.put_setting(BOOKED_SETTING, injection.given_on.isoformat())
        except StoreError as error:
            self.enter(str(error))
            return
        self.core.rearm_android_alarms()  # answered: the reminders stop asking
        self.enter()


# --- the side-effect check-in --------------------------------------------------------------------

@dataclass(frozen=True)
class CheckItem:
    answer: SideEffect
    words: str
    chosen: bool
    red_flag: bool


@dataclass(frozen=True)
class CheckInModel:
    title: str
    items: tuple[CheckItem, ...]
    note: str
    message: str


class CheckInPresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view):
        self.core, self.navigator, self.view = core, navigator, view
        self.day: date = core.today()
        self.chosen: set[SideEffect] = set()
        self.note = ""

    def prepare(self, day: date | None = None) -> None:
        self.day, self.chosen, self.note = day or self.core.today(), set(), ""
        earlier = self.core.store.treatment.checkins(self.day, self.day)
        if earlier:  # today's check-in again: start from what was said
            self.chosen, self.note = set(earlier[-1].answers), earlier[-1].note or ""

    def enter(self, message: str = "") -> None:
        injection = latest_before(self.core.store.treatment.injections(), self.day)
        since = f" since your injection on {day_words(injection.given_on, self.core.today())}" if injection else ""
        items = tuple(CheckItem(a, a.words, a in self.chosen, a in RED_FLAGS) for a in SideEffect)
        self.view.show(CheckInModel(f"Anything new{since}?", items, self.note, message))

    def toggle(self, answer: SideEffect) -> None:
        self.chosen ^= {SideEffect(answer)}
        self.enter()

    def type_note(self, text: str) -> None:
        self.note = text

    def nothing_new(self) -> None:
        """The one tap: nothing new today."""
        self.chosen = set()
        self._save()

    def submit(self) -> None:
        self._save()

    def _save(self) -> None:
        """Saved first; a red flag opens the help page even when the record refused the write."""
        answers = set(self.chosen)
        try:
            self.core.store.treatment.check_in(self.day, answers, self.core.clock.now(), note=self.note)
            saved = True
        except (TreatmentError, StoreError) as error:
            saved, message = False, str(error)
        if saved:
            self.core.rearm_android_alarms()  # answered: no check-in reminder for the day
        if red_flags(answers):
            self.navigator.go(HELP_SCREEN, help=help_needed(answers), answers=tuple(red_flags(answers)))
        elif saved:
            self.navigator.go("home")
        else:
            self.enter(message)

    def back(self) -> None:
        self.navigator.go("home")


def checkin_open(core: Core) -> bool:
    """Whether the check-in can be asked today (for the Home button and the reminder)."""
    return in_window(core.store.treatment.injections(), core.today())


# --- get help now ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class HelpModel:
    title: str
    what_to_do: str
    because: str  # what the patient said, in their words
    emergency_number: str  # as stored by the patient or caregiver; "" when not stored
    clinician_number: str
    call_emergency_first: bool


HELP_WORDS = {
    HelpNeeded.EMERGENCY: ("Get help now",
                           "Call the emergency services now. Trouble breathing, swallowing or speaking after an "
                           "injection needs help straight away."),
    HelpNeeded.CLINICIAN_TODAY: ("Contact your clinician today",
                                 "Tell your clinician today what you noticed and when your injection was. "
                                 "If breathing, swallowing or speaking becomes hard, call the emergency services."),
}


class GetHelpPresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view):
        self.core, self.navigator, self.view = core, navigator, view
        self.help, self.answers = HelpNeeded.EMERGENCY, ()

    def prepare(self, help: HelpNeeded = HelpNeeded.EMERGENCY, answers: tuple[SideEffect, ...] = ()) -> None:
        # Shown only for a red flag; anything else is treated as the most urgent, never the least.
        self.help = help if help in HELP_WORDS else HelpNeeded.EMERGENCY
        self.answers = tuple(answers)

    def enter(self) -> None:
        settings = self.core.store.settings()
        title, what = HELP_WORDS[self.help]
        because = "You said: " + ", ".join(a.words.lower() for a in self.answers) + "." if self.answers else ""
        self.view.show(HelpModel(title, what, because, settings.get(EMERGENCY_NUMBER_SETTING, ""),
                                 settings.get(CLINICIAN_NUMBER_SETTING, ""), self.help is HelpNeeded.EMERGENCY))

    def back(self) -> None:
        self.navigator.go("home")


@dataclass(frozen=True)
class HelpNumbersModel:
    emergency_number: str
    clinician_number: str
    message: str  # what could not be saved, or "Saved."


class HelpNumbersPresenter:
    """Where the patient or caregiver stores the numbers the help page and the safety page show."""

    def __init__(self, core: Core, view):
        self.core, self.view = core, view

    def enter(self, message: str = "", typed: tuple[str, str] | None = None) -> None:
        """The stored numbers; after a refused save, the numbers as typed, to be corrected."""
        settings = self.core.store.settings()
        emergency, clinician = typed or (settings.get(EMERGENCY_NUMBER_SETTING, ""),
                                         settings.get(CLINICIAN_NUMBER_SETTING, ""))
        self.view.show(HelpNumbersModel(emergency, clinician, message))

    def save(self, emergency_number: str, clinician_number: str) -> None:
        typed = (emergency_number, clinician_number)
        try:
            numbers = {EMERGENCY_NUMBER_SETTING: checked_phone("emergency number", emergency_number),
                       CLINICIAN_NUMBER_SETTING: checked_phone("clinician's number", clinician_number)}
            for key, number in numbers.items():
                self.core.store.put_setting(key, number)
        except TreatmentError as error:
            self.enter(str(error)[0].upper() + str(error)[1:] + ".", typed)
            return
        except StoreError as error:
            self.enter(str(error), typed)
            return
        self.enter("Saved.")


# --- supportive care's quick ticks -----------------------------------------------------------------

@dataclass(frozen=True)
class CareTickLine:
    kind: CareKind
    words: str
    done: bool
    minutes_text: str  # "30 min planned" for aerobic exercise; ""
    asks_minutes: bool = False  # aerobic exercise: the minutes done may be typed with the tick
    done_minutes_text: str = ""  # "25 min done", once ticked with minutes


MINUTES_ASKED = {CareKind.AEROBIC}
MAX_TICK_MINUTES = 300  # five hours of exercise in a day: more is a slip of the finger
MINUTES_PROBLEM = f"Minutes: type a whole number from 1 to {MAX_TICK_MINUTES}, or leave the box empty."


def typed_minutes(text: str) -> int | None:
    """The minutes typed with a tick; raises ValueError unless empty or a sane whole number."""
    text = text.strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and len(text) <= 3 and 1 <= int(text) <= MAX_TICK_MINUTES):
        raise ValueError(MINUTES_PROBLEM)
    return int(text)


@dataclass(frozen=True)
class CareModel:
    items: tuple[CareTickLine, ...]  # empty when the plan has none today: Home shows nothing
    moods: tuple[tuple[Mood, str], ...]  # the five faces with their words
    mood_today: Mood | None
    message: str = ""


class CarePresenter:
    """Supportive care after the routine on Home: never part of the routine's streak."""

    def __init__(self, core: Core, view):
        self.core, self.view = core, view

    def enter(self, message: str = "") -> None:
        journal, today = self.core.store.treatment, self.core.today()
        asked = asked_today(journal.care_items(), today, journal.care_ticks(today - TICKS_LOOK_BACK, today),
                            self.core.store.rest_days())
        minutes_done = {t.kind: t.minutes for t in journal.care_ticks(today, today) if t.minutes}
        lines = tuple(CareTickLine(item.kind, item.kind.words, done,
                                   f"{item.target_minutes} min planned" if item.target_minutes else "",
                                   item.kind in MINUTES_ASKED,
                                   f"{minutes_done[item.kind]} min done" if done and item.kind in minutes_done else "")
                      for item, done in asked if item.kind is not CareKind.MOOD)
        mood = journal.moods(today, today)
        faces = tuple((m, m.words) for m in Mood) if any(item.kind is CareKind.MOOD for item, _ in asked) else ()
        self.view.show(CareModel(lines, faces, mood[-1].mood if mood else None, message))

    def tick(self, kind: CareKind, minutes: int | str | None = None) -> None:
        """Done today; for aerobic exercise with the minutes, as typed (optional) or a number."""
        if isinstance(minutes, str):
            try:
                minutes = typed_minutes(minutes) if CareKind(kind) in MINUTES_ASKED else None
            except ValueError as error:
                self.enter(str(error))
                return
        self._write(lambda: self.core.store.treatment.tick_care(kind, self.core.today(), self.core.clock.now(),
                                                                minutes))

    def untick(self, kind: CareKind) -> None:
        ticks = [t for t in self.core.store.treatment.care_ticks(self.core.today(), self.core.today())
                 if t.kind is CareKind(kind)]
        for tick in ticks:
            self._write(lambda: self.core.store.treatment.untick_care(tick.id, self.core.clock.now()))

    def record_mood(self, mood: Mood, note: str | None = None) -> None:
        self._write(lambda: self.core.store.treatment.record_mood(self.core.today(), mood, self.core.clock.now(),
                                                                  note))

    def _write(self, write) -> None:
        try:
            write()
        except (TreatmentError, StoreError) as error:
            self.enter(str(error))
            return
        self.enter()

