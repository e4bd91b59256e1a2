"""The self-ratings over time beside effort and treatment, and the latest against the injections.

Progress draws each item's ratings, the weekly minutes of exercise and the injection dates
on one time axis: from the week of the first rating to today. Nothing is smoothed or
scored; a notable change (changes.py) is pointed out, not interpreted.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..stats import week_start
from ..treatment.entries import Injection
from .changes import NotableChange, in_order, latest_on_or_before, notable_change
from .entries import Rating


@dataclass(frozen=True)
class ItemSeries:
    item_id: int
    words: str
    points: tuple[tuple[date, int], ...]
    change: NotableChange | None


@dataclass(frozen=True)
class Trend:
    first: date  # the axis, from the Monday of the first rating's week
    last: date  # to today
    items: tuple[ItemSeries, ...]
    weekly_minutes: tuple[tuple[date, float], ...]  # (Monday, minutes that week), every week of the axis
    injections: tuple[date, ...]


def _by_item(ratings: Sequence[Rating]) -> dict[int, list[Rating]]:
    grouped: dict[int, list[Rating]] = {}
    for rating in in_order(ratings):
        grouped.setdefault(rating.item_id, []).append(rating)
    return grouped


def weekly_minutes(minutes_by_day: Mapping[date, float], first: date, last: date) -> tuple[tuple[date, float], ...]:
    weeks, monday = [], week_start(first)
    while monday <= last:
        total = sum(minutes_by_day.get(monday + timedelta(days=d), 0.0) for d in range(7))
        weeks.append((monday, round(total, 1)))
        monday += timedelta(days=7)
    return tuple(weeks)


def trend(words: Mapping[int, str], ratings: Sequence[Rating], minutes_by_day: Mapping[date, float],
          injections: Sequence[Injection], today: date) -> Trend | None:
    """The chart's series, for the items in `words` (item id -> words, in the order shown); None
    before the first rating of any of them."""
    grouped = _by_item([r for r in ratings if r.item_id in words and r.local_date <= today])
    if not grouped:
        return None
    first = week_start(min(r.local_date for rs in grouped.values() for r in rs))
    series = tuple(ItemSeries(item_id, text, tuple((r.local_date, r.value) for r in grouped.get(item_id, ())),
                              notable_change(grouped.get(item_id, ())))
                   for item_id, text in words.items())
    given = tuple(sorted({i.given_on for i in injections if first <= i.given_on <= today}))
    return Trend(first, today, series, weekly_minutes(minutes_by_day, first, today), given)


@dataclass(frozen=True)
class Standing:
    """An item's latest rating beside its ratings at the first and at the last injection
    (the latest on or before each injection's day)."""

    item_id: int
    latest: Rating | None
    at_first: Rating | None
    at_last: Rating | None


def standings(item_ids: Sequence[int], ratings: Sequence[Rating], injections: Sequence[Injection]) -> tuple[Standing, ...]:
    grouped = _by_item(ratings)
    days = sorted(i.given_on for i in injections)
    result = []
    for item_id in item_ids:
        own = grouped.get(item_id, [])
        result.append(Standing(item_id, own[-1] if own else None,
                               latest_on_or_before(own, days[0]) if days else None,
                               latest_on_or_before(own, days[-1]) if days else None))
    return tuple(result)


def standing_words(words: str, standing: Standing) -> str:
    parts = [f"now {standing.latest.value}" if standing.latest else "not rated yet"]
    if standing.at_first is not None:
        parts.append(f"{standing.at_first.value} at the first injection")
    if standing.at_last is not None and standing.at_last != standing.at_first:
        parts.append(f"{standing.at_last.value} at the last injection")
    return f"{words}: {', '.join(parts)}."
