"""What the session runner writes as a session goes on, as plain data (the Store writes it)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from .storage.errors import WriteFailed  # noqa: F401  (what a refused write raises; no SQLAlchemy)


@dataclass(frozen=True)
class StepFinish:
    """A step's end, as the runner reports it: done or skipped, with the time it reached."""

    step_id: int
    status: str
    done_seconds: float
    at: datetime


class Journal(Protocol):
    """Where the runner writes (the Store). `finished` closes the step before in the same transaction.

    Each method raises app.storage.WriteFailed when the record refuses the write (a full
    disk, a read-only file); nothing of that call is written then, so it can be tried again.
    """

    def begin_session(self, plan_id: int, started_at: datetime) -> int: ...
    def start_step(self, session_id: int, position: int, step_key: str, planned_seconds: int, at: datetime,
                   finished: StepFinish | None = None) -> int: ...
    def checkpoint_step(self, step_id: int, done_seconds: float, at: datetime) -> None: ...
    def finish_step(self, step_id: int, status: str, done_seconds: float, at: datetime) -> None: ...
    def finish_session(self, session_id: int, status: str, at: datetime, finished: StepFinish | None = None) -> None: ...
