"""What a treatment entry must be before the record takes it, with the field named.

The same checks serve the screens (via the store) and the JSON import. Each raises
TreatmentError, whose message names the field and says what it must be, in plain words.
Bounds are there to catch a slip of the finger, not to judge a dose: the app never does.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from ..vocabulary import Cadence, CareKind, InjectionArea, InjectionSide, Mood, SideEffect
from .checkins import CHECKIN_DAYS, latest_before, window_of
from .entries import AreaDose, Injection

MAX_UNITS = 500  # far above any area's dose: a larger number is a typing slip
MAX_NAME_CHARS = 120  # who gave it, the product
MAX_NOTE_CHARS = 10_000
MAX_MINUTES = 24 * 60
MAX_DOSES = 60
DOSES_AHEAD_DAYS = 366  # a course is planned at most a year ahead
EARLIEST_DOSE = date(2021, 1, 1)  # as the record's earliest day (app/storage/plausible.py)


class TreatmentError(ValueError):
    """An entry the record cannot take; the message names the field, for the patient."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field = field


def _words(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def not_after_today(field: str, day: date, today: date, what: str) -> None:
    if not isinstance(day, date):
        raise TreatmentError(field, f"must be a date, got {day!r}")
    if day > today:
        raise TreatmentError(field, f"{what} cannot be on a day still to come "
                                    f"({_words(day)}; today is {_words(today)})")


def checked_text(field: str, value, max_chars: int) -> str | None:
    """Optional text: None or blank is None; otherwise text of at most `max_chars`, storable as UTF-8."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TreatmentError(field, f"must be text, got {value!r}"[:120])
    if len(value) > max_chars:
        raise TreatmentError(field, f"must be at most {max_chars} characters, got {len(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise TreatmentError(field, "holds a broken character") from None
    return value.strip() or None


def checked_units(field: str, units) -> float | None:
    if units is None:
        return None
    if isinstance(units, bool) or not isinstance(units, (int, float)) or not math.isfinite(units) \
            or not 0 < units <= MAX_UNITS:
        raise TreatmentError(field, f"must be a number of units above 0 and at most {MAX_UNITS}, or left empty; "
                                    f"got {units!r}"[:160])
    return float(units)


def checked_areas(areas: Sequence[AreaDose]) -> tuple[AreaDose, ...]:
    if not areas:
        raise TreatmentError("areas", "choose at least one area of the face")
    seen, checked = set(), []
    for index, dose in enumerate(areas):
        field = f"areas[{index}]"
        if not isinstance(dose, AreaDose):
            raise TreatmentError(field, f"must be an area with its side, got {dose!r}"[:120])
        area = _member(f"{field}.area", InjectionArea, dose.area)
        side = _member(f"{field}.side", InjectionSide, dose.side)
        if (area, side) in seen:
            raise TreatmentError(field, f"{area.words} on {side.words.lower()} is listed twice")
        seen.add((area, side))
        checked.append(AreaDose(area, side, checked_units(f"{field}.units", dose.units)))
    return tuple(checked)


def _member(field: str, kind, value):
    try:
        return kind(value)
    except (ValueError, TypeError):
        options = ", ".join(str(member.value) for member in kind)
        raise TreatmentError(field, f"must be one of {options}, got {value!r}"[:160]) from None


def check_injection(given_on: date, areas: Sequence[AreaDose], given_by, product, today: date) -> Injection:
    """The injection as the record will keep it (id 0 until saved), or TreatmentError."""
    not_after_today("date", given_on, today, "an injection")
    return Injection(0, given_on, checked_areas(areas), checked_text("given by", given_by, MAX_NAME_CHARS),
                     checked_text("product", product, MAX_NAME_CHARS))


def check_answers(answers: Iterable) -> frozenset[SideEffect]:
    return frozenset(_member("answers", SideEffect, answer) for answer in answers)


def check_checkin_date(day: date, injections: Iterable[Injection], today: date) -> None:
    """A check-in is for a day from an injection to CHECKIN_DAYS days after it, and not to come."""
    not_after_today("date", day, today, "a check-in")
    injection = latest_before(injections, day)
    if injection is None:
        raise TreatmentError("date", "a check-in follows an injection, and none is recorded "
                                     f"on or before {_words(day)}")
    if day > window_of(injection)[1]:
        raise TreatmentError("date", f"a check-in is for the {CHECKIN_DAYS} days after an injection; "
                                     f"the last one before {_words(day)} was on {_words(injection.given_on)}")


def check_mark_date(day: date, injections: Iterable[Injection], today: date) -> None:
    not_after_today("date", day, today, "a mark")
    if latest_before(injections, day) is None:
        raise TreatmentError("date", f"the effect can be marked only after an injection, and none is recorded "
                                     f"on or before {_words(day)}")


def check_mood(mood) -> Mood:
    if isinstance(mood, bool):
        raise TreatmentError("mood", f"must be one of the five faces (1 to 5), got {mood!r}")
    try:
        return Mood(mood)
    except (ValueError, TypeError):
        raise TreatmentError("mood", f"must be one of the five faces (1 to 5), got {mood!r}"[:120]) from None


def checked_minutes(field: str, minutes) -> int | None:
    if minutes is None:
        return None
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 < minutes <= MAX_MINUTES:
        raise TreatmentError(field, f"must be a whole number of minutes from 1 to {MAX_MINUTES}, or left empty; "
                                    f"got {minutes!r}"[:160])
    return minutes


def latest_dose(today: date) -> date:
    return today + timedelta(days=DOSES_AHEAD_DAYS)


def check_care_item(kind, cadence, target_minutes, dose_dates: Sequence[date], today: date):
    """A supportive-care item's fields as the record keeps them: (kind, cadence, minutes, dose dates).
    Dose dates are a plan: they may be ahead of today, up to a year."""
    kind = _member("kind", CareKind, kind)
    cadence = _member("cadence", Cadence, cadence)
    minutes = checked_minutes("target minutes", target_minutes)
    if len(dose_dates) > MAX_DOSES:
        raise TreatmentError("dose dates", f"can hold at most {MAX_DOSES} doses, got {len(dose_dates)}")
    if any(not isinstance(day, date) for day in dose_dates):
        raise TreatmentError("dose dates", "must all be dates")
    outside = [day for day in dose_dates if not EARLIEST_DOSE <= day <= latest_dose(today)]
    if outside:
        raise TreatmentError("dose dates", f"must be from {_words(EARLIEST_DOSE)} to a year ahead, "
                                           f"got {_words(outside[0])}")
    if dose_dates and kind is not CareKind.B_VITAMIN_COURSE:
        raise TreatmentError("dose dates", f"are only for {CareKind.B_VITAMIN_COURSE.words}")
    return kind, cadence, minutes, tuple(sorted(set(dose_dates)))


MAX_PHONE_CHARS = 30
PHONE_CHARACTERS = frozenset("0123456789+ ()-./")


def checked_phone(field: str, text: str) -> str:
    """A telephone number as the patient would dial it ("+44 20 7946 0000", "112"), or "" for none."""
    number = (text or "").strip()
    if len(number) > MAX_PHONE_CHARS or not set(number) <= PHONE_CHARACTERS or \
            (number and not any(ch.isdigit() for ch in number)):
        raise TreatmentError(field, f"type the number with digits (and + ( ) - if you like), "
                                    f"at most {MAX_PHONE_CHARS} characters")
    return number
