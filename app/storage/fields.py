"""Reading an export file's JSON, field by field, naming the path of any field at fault.

Shared by the parts of the import (the routine's record, the treatment journal): each
refusal is an ImportFileError whose message names the file and the field.
"""
from __future__ import annotations

import math
from datetime import date, datetime, timezone
from typing import Any

from .plausible import EARLIEST_DAY, is_plausible


class ImportFileError(ValueError):
    """The file cannot be imported; the message names the file and the field at fault."""


class Fields:
    """Reads typed fields from one JSON object, naming the path of any bad one."""

    def __init__(self, source: str, value: Any, path: str):
        self.source, self.path = source, path
        if not isinstance(value, dict) and not path:
            raise ImportFileError(f"{source}: is not a SmileBack export (it holds {kind_of(value)}, "
                                  "not a record). Nothing was imported.")
        if not isinstance(value, dict):
            raise self._error(path, f"must be an object, got {kind_of(value)}")
        self.table = value

    def _error(self, where: str, problem: str) -> ImportFileError:
        return ImportFileError(f"{self.source}: field '{where}' {problem}. Nothing was imported.")

    def fail(self, name: str, problem: str) -> ImportFileError:
        return self._error(f"{self.path}.{name}" if self.path else name, problem)

    def raw(self, name: str) -> Any:
        if name not in self.table:
            raise self.fail(name, "is missing")
        return self.table[name]

    def text(self, name: str, max_chars: int, optional: bool = False) -> str | None:
        value = self.raw(name)
        if value is None and optional:
            return None
        if not isinstance(value, str) or len(value) > max_chars or (not optional and not value):
            raise self.fail(name, f"must be text of at most {max_chars} characters, got {kind_of(value)}")
        if not storable(value):
            raise self.fail(name, BROKEN_TEXT)
        return value

    def integer(self, name: str, low: int, high: int, optional: bool = False) -> int | None:
        value = self.raw(name)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(name, f"must be a whole number from {low} to {high}, got {kind_of(value)}")
        return value

    def number(self, name: str, low: float, high: float) -> float:
        value = self.raw(name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not low <= value <= high:
            raise self.fail(name, f"must be a number from {low:g} to {high:g}, got {kind_of(value)}")
        return float(value)

    def flag(self, name: str) -> bool:
        value = self.raw(name)
        if not isinstance(value, bool):
            raise self.fail(name, f"must be true or false, got {kind_of(value)}")
        return value

    def choice(self, name: str, options: tuple[str, ...]) -> str:
        value = self.raw(name)
        if not isinstance(value, str) or value not in options:
            raise self.fail(name, f"must be one of {', '.join(options)}, got {kind_of(value)}")
        return value

    def day(self, name: str) -> date:
        return self._day_from(name, self.raw(name))

    def days(self, name: str, latest: date | None = None) -> list[date]:
        """A list of dates, a bad one named by its place: dose_dates[2]. `latest`: the last
        day allowed, for dates planned ahead (else tomorrow, as for what has happened)."""
        values = self.raw(name)
        if not isinstance(values, list):
            raise self.fail(name, f"must be a list of dates, got {kind_of(values)}")
        return [self._day_from(f"{name}[{index}]", value, latest) for index, value in enumerate(values)]

    def _day_from(self, name: str, value, latest: date | None = None) -> date:
        try:
            day = date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.fail(name, f"must be a date like 2026-11-25, got {kind_of(value)}") from None
        if latest is None:
            self._check_plausible(name, day, value)
        elif not EARLIEST_DAY <= day <= latest:
            raise self.fail(name, f"must be a date from {EARLIEST_DAY:%d %B %Y} to {latest:%d %B %Y}, "
                                  f"got {kind_of(value)}")
        return day

    def instant(self, name: str, optional: bool = False) -> datetime | None:
        """An ISO timestamp with its UTC offset, kept as aware UTC (as the store keeps it)."""
        value = self.raw(name)
        if value is None and optional:
            return None
        try:
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                raise ValueError("no UTC offset")
            moment = parsed.astimezone(timezone.utc)
        except (TypeError, ValueError, OverflowError):
            raise self.fail(name, "must be a date and time with its UTC offset, like "
                                  f"2026-11-25T08:00:00+00:00, got {kind_of(value)}") from None
        self._check_plausible(name, moment.date(), value)
        return moment

    def _check_plausible(self, name: str, day: date, value) -> None:
        """No record of this app was kept before EARLIEST_DAY, nor after this device's today
        (a day of margin for a zone ahead): such a date is a wrong clock, and would wreck the figures."""
        if not is_plausible(day):
            raise self.fail(name, f"must be a date from {EARLIEST_DAY:%d %B %Y} to today, got {kind_of(value)}")

    def items(self, name: str) -> list[Fields]:
        values = self.raw(name)
        if not isinstance(values, list):
            raise self.fail(name, f"must be a list, got {kind_of(values)}")
        where = f"{self.path}.{name}" if self.path else name
        return [Fields(self.source, value, f"{where}[{index}]") for index, value in enumerate(values)]

    def unique(self, name: str, values: list) -> None:
        if len(set(values)) != len(values):
            raise self.fail(name, "has the same position twice")


BROKEN_TEXT = "holds a broken character (the file was damaged, or written by another program)"


def storable(text: str) -> bool:
    """False for text with a lone surrogate: json reads "\\ud800" without complaint, but it is
    no character and cannot be written as UTF-8 into the record."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def kind_of(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
