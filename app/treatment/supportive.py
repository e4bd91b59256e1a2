"""Supportive care beside the exercises: which items are asked on a day, and done against planned.

An item is asked from its start day: a daily item every day, a weekly item once in each
seven days counted from its start, a vitamin B1/B12 course on the day of each dose. A rest
day asks nothing, as for the routine; a tick on it still counts. Supportive care never
touches the routine's streak: nothing here is read by app/stats.py.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..vocabulary import Cadence, CareKind
from .entries import CareItem, CareTick, MoodEntry


@dataclass(frozen=True)
class CareTally:
    item: CareItem
    done: int
    planned: int


def _period_of(item: CareItem, day: date) -> tuple[date, date]:
    """The days one tick of `item` answers for, around `day`: the day itself, or its week."""
    if item.kind is CareKind.B_VITAMIN_COURSE or item.cadence is Cadence.DAILY:
        return day, day
    start = item.starts_on + timedelta(weeks=(day - item.starts_on).days // 7)
    return start, start + timedelta(days=6)


def is_asked_on(item: CareItem, day: date, rest_days: Collection[date] = ()) -> bool:
    if day < item.starts_on or day in rest_days:
        return False
    if item.kind is CareKind.B_VITAMIN_COURSE:
        return day in item.dose_dates
    return True


def is_done(item: CareItem, day: date, ticks: Sequence[CareTick]) -> bool:
    """Whether a tick answers for `day` (a weekly item: any tick in its week)."""
    first, last = _period_of(item, day)
    return any(t.kind is item.kind and first <= t.local_date <= last for t in ticks)


def asked_today(items: Sequence[CareItem], today: date, ticks: Sequence[CareTick],
                rest_days: Collection[date] = ()) -> list[tuple[CareItem, bool]]:
    """The items for Home's quick ticks today, each with whether it is done, in the plan's order."""
    return [(item, is_done(item, today, ticks)) for item in items if is_asked_on(item, today, rest_days)]


def tally(items: Sequence[CareItem], ticks: Sequence[CareTick], first: date, last: date,
          rest_days: Collection[date] = ()) -> list[CareTally]:
    """For each item, the periods from `first` to `last` ticked against those asked."""
    tallies = []
    for item in items:
        periods = set()
        day = max(first, item.starts_on)
        while day <= last:
            if is_asked_on(item, day, rest_days):
                periods.add(_period_of(item, day))
            day += timedelta(days=1)
        done = sum(1 for period in periods
                   if any(t.kind is item.kind and period[0] <= t.local_date <= period[1] for t in ticks))
        tallies.append(CareTally(item, done, len(periods)))
    return tallies


def mood_ticks(moods: Sequence[MoodEntry]) -> list[CareTick]:
    """A mood entry is the tick of the mood check."""
    return [CareTick(m.id, m.local_date, CareKind.MOOD) for m in moods]
