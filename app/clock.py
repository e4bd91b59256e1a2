"""Time sources, injected everywhere so that tests and demonstrations control time.

`monotonic()` drives timers (it never jumps with the wall clock); `now()` is the aware
local wall-clock time, used to stamp sessions with their UTC instant and local date.
"""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def now(self) -> datetime: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()


class ScaledClock:
    """Runs monotonic time `factor` times faster, for demonstrations (--time-scale)."""

    def __init__(self, base: Clock, factor: float):
        if factor <= 0:
            raise ValueError("time scale must be greater than 0")
        self.base, self.factor = base, factor
        self._origin = base.monotonic()

    def monotonic(self) -> float:
        return self._origin + (self.base.monotonic() - self._origin) * self.factor

    def now(self) -> datetime:
        return self.base.now()


class FakeClock:
    """A clock that moves only when told to; wall time follows monotonic time."""

    def __init__(self, start: datetime | None = None, zone: tzinfo | None = None):
        self._zone = zone or timezone.utc
        start = start or datetime(2026, 11, 25, 8, 0, tzinfo=self._zone)
        self._utc = start.astimezone(timezone.utc)
        self._mono = 1000.0

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._utc.astimezone(self._zone)

    def advance(self, seconds: float) -> None:
        self._mono += seconds
        self._utc += timedelta(seconds=seconds)

    def set_zone(self, zone: tzinfo) -> None:
        """The patient travels: same instant, another local time."""
        self._zone = zone
