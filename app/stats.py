"""Streaks and day statuses: pure functions over stored sessions, computed on demand.

Streak arithmetic works on calendar dates, never on seconds, so daylight-saving changes
and time-zone moves cannot split or merge days.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

DONE, PARTIAL, MISSED, REST, TODAY, FUTURE = "done", "partial", "missed", "rest", "today", "future"


def day_statuses(sessions: Iterable[tuple[date, str]]) -> dict[date, str]:
    """Each day's best outcome: done beats partial; in-progress and abandoned count as partial."""
    result: dict[date, str] = {}
    for day, status in sessions:
        if status == "completed":
            result[day] = DONE
        elif result.get(day) != DONE:
            result[day] = PARTIAL
    return result


def current_streak(by_day: dict[date, str], rest_days: set[date], today: date) -> int:
    """Consecutive done days up to today; rest days are passed over, today may still come."""
    if not by_day:
        return 0
    earliest = min(by_day)
    day = today if by_day.get(today) == DONE else today - timedelta(days=1)
    count = 0
    while day >= earliest:
        if by_day.get(day) == DONE:
            count += 1
        elif day not in rest_days:
            break
        day -= timedelta(days=1)
    return count
