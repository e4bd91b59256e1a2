"""Which dates a SmileBack record can hold: none before EARLIEST_DAY, none after tomorrow.

A date outside these is a wrong clock (a phone reset to 1970, a year typed wrong). Kept,
it would make every day since "missed" and every figure slow to compute.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from .errors import StoreError

EARLIEST_DAY = date(2021, 1, 1)  # five years before SmileBack's first release: earlier is a wrong clock


def latest_day() -> date:
    """Tomorrow by this device's clock, in UTC: a day of margin for a zone ahead of it."""
    return datetime.now(timezone.utc).date() + timedelta(days=1)


def is_plausible(day: date) -> bool:
    return EARLIEST_DAY <= day <= latest_day()


def day_words(day: date) -> str:
    """'1 January 1970' (strftime's %Y would not write every year the same way)."""
    return f"{day.day} {day:%B} {day.year}"


def wrong_clock_words(day: date) -> str:
    return (f"this device's clock says {day_words(day)}, which cannot be right. "
            "Please set the date and time in the device's settings")


def refuse_implausible(*days: date) -> None:
    """Raise StoreError, in words for the patient, if any of `days` cannot be right."""
    for day in days:
        if not is_plausible(day):
            raise StoreError(f"Nothing was saved: {wrong_clock_words(day)}, then try again.")
