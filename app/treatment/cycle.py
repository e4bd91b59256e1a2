"""Where the patient is in an injection's cycle, and when its effect may wear off.

Everything here is an estimate from the patient's own record, never advice: the default
window (12 to 16 weeks, about the four months an injection usually lasts, or the length
the clinician set) is replaced by the patient's own cycles once they have marked when the
effect faded in two or more of them. A cycle runs from one injection to the next; its
length is the days from the injection to the first "fading" mark inside it.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from statistics import fmean

from ..vocabulary import EffectMark
from .checkins import latest_before
from .entries import Injection, Mark

DEFAULT_WEEKS = (12, 16)
CLINICIAN_SPREAD_WEEKS = 2  # either side of the length the clinician set
MIN_OWN_CYCLES = 2
MIN_HALF_WIDTH_DAYS = 7  # a window from the patient's cycles is at least two weeks wide
MAX_HALF_WIDTH_DAYS = 28
BOOKING_LEAD_DAYS = 14
CYCLE_WEEKS_SETTING = "plan.cycle_weeks"  # the cycle length the clinician set, in weeks, if known
BOOKED_SETTING = "treatment.booking_answered"  # the injection date (ISO) whose booking prompt was answered


class ForecastSource(StrEnum):
    USUAL = "usual"  # the usual 12 to 16 weeks
    CLINICIAN = "clinician"  # the expected length the clinician set
    OWN_CYCLES = "own_cycles"  # the patient's own marks


@dataclass(frozen=True)
class Forecast:
    """When the effect of `injection` may wear off: an estimate, from `opens` to `closes`."""

    injection: Injection
    opens: date
    closes: date
    source: ForecastSource
    cycles: int = 0  # how many of the patient's cycles it was drawn from


def clinician_weeks(settings: dict[str, str]) -> int | None:
    """The clinician's expected cycle length; a stored value that is not a sane week count is none."""
    text = settings.get(CYCLE_WEEKS_SETTING, "")
    return int(text) if text.isascii() and text.isdigit() and 1 <= int(text) <= 104 else None


def week_of_cycle(given_on: date, today: date) -> int:
    """1 in the first seven days from the injection (its day included), 2 in the next seven..."""
    return (today - given_on).days // 7 + 1


def day_words(day: date, today: date) -> str:
    """'21 October', with the year only when it is not this year's."""
    return f"{day.day} {day:%B}" if day.year == today.year else f"{day.day} {day:%B} {day.year}"


def cycle_words(injection: Injection, today: date) -> str:
    week = week_of_cycle(injection.given_on, today)
    return f"Week {week} since your injection on {day_words(injection.given_on, today)}"


def marks_of(injection: Injection, injections: Sequence[Injection], marks: Sequence[Mark]) -> list[Mark]:
    """The marks in the injection's cycle: on or after it, and before the next injection."""
    return sorted((m for m in marks if latest_before(injections, m.local_date) == injection),
                  key=lambda m: (m.local_date, m.id))


def cycle_lengths(injections: Sequence[Injection], marks: Sequence[Mark],
                  before: date | None = None) -> list[int]:
    """Days from each injection (given before `before`, if given) to the effect fading, for the
    cycles where it was marked, oldest first."""
    lengths = []
    for injection in sorted(injections, key=lambda i: (i.given_on, i.id)):
        if before is not None and injection.given_on >= before:
            continue
        fading = [m for m in marks_of(injection, injections, marks) if m.kind is EffectMark.FADING]
        if fading:
            lengths.append((fading[0].local_date - injection.given_on).days)
    return lengths


def forecast(injection: Injection, lengths: Sequence[int], clinician_weeks: int | None = None) -> Forecast:
    """The wear-off window after `injection`, from the cycle lengths (days) of the patient's record."""
    start = injection.given_on
    if len(lengths) >= MIN_OWN_CYCLES:
        centre = fmean(lengths)
        half = min(MAX_HALF_WIDTH_DAYS, max(MIN_HALF_WIDTH_DAYS, (max(lengths) - min(lengths)) / 2))
        # Never before the injection itself, however short a cycle was marked.
        opens = start + timedelta(days=max(0, round(centre - half)))
        closes = start + timedelta(days=max(0, round(centre + half)))
        return Forecast(injection, opens, closes, ForecastSource.OWN_CYCLES, len(lengths))
    if clinician_weeks:
        low = max(1, clinician_weeks - CLINICIAN_SPREAD_WEEKS)
        return Forecast(injection, start + timedelta(weeks=low),
                        start + timedelta(weeks=clinician_weeks + CLINICIAN_SPREAD_WEEKS), ForecastSource.CLINICIAN)
    low, high = DEFAULT_WEEKS
    return Forecast(injection, start + timedelta(weeks=low), start + timedelta(weeks=high), ForecastSource.USUAL)


def current_forecast(injections: Sequence[Injection], marks: Sequence[Mark], today: date,
                     clinician_weeks: int | None = None) -> Forecast | None:
    """The forecast for the cycle `today` is in, from every earlier cycle's marks; None before any injection."""
    injection = latest_before(injections, today)
    if injection is None:
        return None
    return forecast(injection, cycle_lengths(injections, marks, before=injection.given_on), clinician_weeks)


def booking_prompt_due(window: Forecast, today: date, answered: bool = False) -> bool:
    """Prompt to book the next appointment from two weeks before the window opens, until answered."""
    return not answered and today >= window.opens - timedelta(days=BOOKING_LEAD_DAYS)


def forecast_words(window: Forecast, today: date, whose: str = "your") -> str:
    """The window, labelled as the estimate it is and saying where it came from. `whose`
    is "your" on the patient's screens, "the patient's" in the clinician's report."""
    span = f"between {day_words(window.opens, today)} and {day_words(window.closes, today)}"
    if window.source is ForecastSource.OWN_CYCLES:
        return f"Estimate from {whose} own record ({window.cycles} cycles): the effect may wear off {span}."
    if window.source is ForecastSource.CLINICIAN:
        return f"Estimate from the cycle length the clinician set: the effect may wear off {span}."
    return f"A usual estimate, not yet from {whose} own record: the effect may wear off {span}."


def forecast_hint(window: Forecast) -> str | None:
    """What would make the estimate the patient's own, until it is."""
    if window.source is ForecastSource.OWN_CYCLES:
        return None
    return "Mark when the effect fades, and after two cycles the estimate will follow your own."
