"""When the app asks for a self-rating: every few days, and at the moments of the Botox cycle.

The routine rating is due when the last rating of any moment was `every_days` days ago or
more (3 by default; the caregiver can change it). Each cycle moment is asked once in the
cycle it belongs to, while its window is open:
  - about 2 weeks after the injection: days 12 to 18 after it;
  - about 6 weeks after: days 38 to 48;
  - when the effect fades: the 7 days from a "fading" mark in the cycle;
  - just before the next injection: from 7 days before the wear-off estimate opens until the
    next injection is recorded (the estimate comes from the treatment journal's rules).
A cycle moment answered counts as the routine rating too. When more than one is due, the
one whose window closes soonest is asked.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ..treatment.checkins import latest_before
from ..treatment.cycle import Forecast
from ..treatment.entries import Injection, Mark
from ..vocabulary import EffectMark, RatingMoment
from .entries import Rating

EVERY_DAYS_SETTING = "outcomes.rating_every_days"
DEFAULT_EVERY_DAYS = 3
MIN_EVERY_DAYS, MAX_EVERY_DAYS = 1, 30
TWO_WEEKS = (12, 18)  # days after the injection
SIX_WEEKS = (38, 48)
FADING_DAYS = 7
BEFORE_LEAD_DAYS = 7
OPEN_ENDED = date.max  # "until the next injection is recorded"


def every_days(settings: dict[str, str]) -> int:
    """The caregiver's interval; a stored value that is not a sane day count is the default."""
    text = settings.get(EVERY_DAYS_SETTING, "")
    if text.isascii() and text.isdigit() and MIN_EVERY_DAYS <= int(text) <= MAX_EVERY_DAYS:
        return int(text)
    return DEFAULT_EVERY_DAYS


def routine_due(ratings: Sequence[Rating], today: date, interval: int = DEFAULT_EVERY_DAYS) -> bool:
    past = [r.local_date for r in ratings if r.local_date <= today]
    return not past or (today - max(past)).days >= interval


def cycle_windows(injection: Injection, marks: Sequence[Mark], injections: Sequence[Injection],
                  forecast: Forecast | None) -> dict[RatingMoment, tuple[date, date]]:
    """The window (first day, last day) of each cycle moment of `injection`'s cycle."""
    start = injection.given_on
    windows = {
        RatingMoment.TWO_WEEKS_AFTER: (start + timedelta(days=TWO_WEEKS[0]), start + timedelta(days=TWO_WEEKS[1])),
        RatingMoment.SIX_WEEKS_AFTER: (start + timedelta(days=SIX_WEEKS[0]), start + timedelta(days=SIX_WEEKS[1])),
    }
    fading = sorted(m.local_date for m in marks
                    if m.kind is EffectMark.FADING and latest_before(injections, m.local_date) == injection)
    if fading:
        windows[RatingMoment.EFFECT_FADING] = (fading[0], fading[0] + timedelta(days=FADING_DAYS - 1))
    if forecast is not None and forecast.injection == injection:
        windows[RatingMoment.BEFORE_INJECTION] = (forecast.opens - timedelta(days=BEFORE_LEAD_DAYS), OPEN_ENDED)
    return windows


def moment_due(ratings: Sequence[Rating], injections: Sequence[Injection], marks: Sequence[Mark],
               forecast: Forecast | None, today: date, interval: int = DEFAULT_EVERY_DAYS) -> RatingMoment | None:
    """The rating to ask for today, or None. `forecast` is the current cycle's wear-off estimate."""
    injection = latest_before(injections, today)
    if injection is not None:
        in_cycle = {r.moment for r in ratings if injection.given_on <= r.local_date <= today}
        open_now = [(last, moment) for moment, (first, last)
                    in cycle_windows(injection, marks, injections, forecast).items()
                    if first <= today <= last and moment not in in_cycle]
        if open_now:
            return min(open_now, key=lambda pair: (pair[0], list(RatingMoment).index(pair[1])))[1]
    return RatingMoment.ROUTINE if routine_due(ratings, today, interval) else None
