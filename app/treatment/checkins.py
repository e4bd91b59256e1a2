"""Side-effect check-ins: when they are asked, and which answers need someone else's help.

The check-in is asked daily from the day of an injection to CHECKIN_DAYS days after it.
Some answers are red flags (the list a clinician gives with every injection): trouble
breathing, swallowing or speaking is for the emergency services at once; seeing double, an
eyelid or brow sitting lower and weakness elsewhere are for the clinician the same day.
The app tells whom to reach, never what it may be.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from ..vocabulary import HelpNeeded, SideEffect
from .entries import CheckIn, Injection

CHECKIN_DAYS = 14
# The numbers the help page and the safety note show, as the patient or caregiver stored them.
EMERGENCY_NUMBER_SETTING = "help.emergency_number"
CLINICIAN_NUMBER_SETTING = "help.clinician_number"

HELP_FOR = {
    SideEffect.BREATHING_OR_SPEAKING: HelpNeeded.EMERGENCY,
    SideEffect.SWALLOWING: HelpNeeded.EMERGENCY,
    SideEffect.DOUBLE_VISION: HelpNeeded.CLINICIAN_TODAY,
    SideEffect.LID_OR_BROW_LOWER: HelpNeeded.CLINICIAN_TODAY,
    SideEffect.WEAKNESS_ELSEWHERE: HelpNeeded.CLINICIAN_TODAY,
}
RED_FLAGS = frozenset(HELP_FOR)
_URGENCY = (HelpNeeded.NONE, HelpNeeded.CLINICIAN_TODAY, HelpNeeded.EMERGENCY)


def help_needed(answers: Iterable[SideEffect]) -> HelpNeeded:
    """The most urgent help any of the answers needs."""
    return max((HELP_FOR.get(answer, HelpNeeded.NONE) for answer in answers),
               key=_URGENCY.index, default=HelpNeeded.NONE)


def red_flags(answers: Iterable[SideEffect]) -> list[SideEffect]:
    """The red-flag answers, the most urgent first (in the checklist's order within each)."""
    flagged = [answer for answer in SideEffect if answer in set(answers) and answer in RED_FLAGS]
    return sorted(flagged, key=lambda answer: -_URGENCY.index(HELP_FOR[answer]))


def window_of(injection: Injection) -> tuple[date, date]:
    """The first and last day a check-in is asked after this injection."""
    return injection.given_on, injection.given_on + timedelta(days=CHECKIN_DAYS)


def latest_before(injections: Iterable[Injection], day: date) -> Injection | None:
    """The injection whose cycle `day` falls in: the latest given on or before it."""
    earlier = [i for i in injections if i.given_on <= day]
    return max(earlier, key=lambda i: (i.given_on, i.id), default=None)


def in_window(injections: Iterable[Injection], day: date) -> bool:
    injection = latest_before(injections, day)
    return injection is not None and day <= window_of(injection)[1]


def checkin_due(injections: Iterable[Injection], checkins: Iterable[CheckIn], today: date) -> bool:
    """Whether to ask today: inside a window, and not answered yet today."""
    return in_window(injections, today) and all(c.local_date != today for c in checkins)


def checkins_first_red(checkins: Iterable[CheckIn]) -> list[CheckIn]:
    """Check-ins with a red flag first (the most urgent first), then the rest; newest first within each."""
    by_date = sorted(checkins, key=lambda c: (c.local_date, c.id), reverse=True)
    return sorted(by_date, key=lambda c: -_URGENCY.index(help_needed(c.answers)))
