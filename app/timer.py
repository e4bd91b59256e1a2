"""A countdown computed from a monotonic clock, never by counting ticks.

remaining = planned - elapsed, where elapsed adds up the running stretches. A stalled
frame or a sleeping screen changes nothing: the next reading is simply later.
"""
from __future__ import annotations

from .clock import Clock


class CountdownTimer:
    def __init__(self, clock: Clock, planned_seconds: float, already_done: float = 0.0):
        self._clock = clock
        self.planned = float(planned_seconds)
        self._banked = min(max(float(already_done), 0.0), self.planned)
        self._running_since: float | None = None

    @property
    def running(self) -> bool:
        return self._running_since is not None

    def start(self) -> None:
        if self._running_since is None:
            self._running_since = self._clock.monotonic()

    def pause(self) -> None:
        if self._running_since is not None:
            self._banked = self.elapsed()
            self._running_since = None

    def elapsed(self) -> float:
        total = self._banked
        if self._running_since is not None:
            total += self._clock.monotonic() - self._running_since
        return min(total, self.planned)

    def remaining(self) -> float:
        return self.planned - self.elapsed()

    @property
    def finished(self) -> bool:
        return self.elapsed() >= self.planned
