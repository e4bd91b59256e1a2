"""Words and numbers as a patient reads them: durations, greetings, dates."""
from __future__ import annotations

import math
from datetime import date, datetime


def clock_face(seconds: float) -> str:
    """A countdown as m:ss, rounded up so that 0:00 means the time is really up."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


def duration_words(seconds: float) -> str:
    whole = int(round(seconds))
    minutes, rest = divmod(whole, 60)
    if whole == 0:
        return "no timer"
    if minutes == 0:
        return f"{rest} s"
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def greeting(now: datetime, name: str = "") -> str:
    part = "morning" if now.hour < 12 else "afternoon" if now.hour < 18 else "evening"
    return f"Good {part}, {name}" if name else f"Good {part}"


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def streak_words(days: int) -> str:
    if days == 0:
        return "No streak yet: today is a good day to begin."
    return "1 day in a row" if days == 1 else f"{days} days in a row"


def plural(count: int, one: str, many: str | None = None) -> str:
    """"1 session", "3 sessions"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
