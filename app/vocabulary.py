"""One word per concept: the statuses SmileBack stores and shows, and the words for each.

Each status is a `StrEnum` whose value is what the record stores (unchanged since the
first schema); `.words` is what a person reads, on screen, in History, in the CSV and in
the PDF alike. A status compares equal to its stored text, so rows read back as plain
strings still match.
"""
from __future__ import annotations

from enum import StrEnum

# The patient's affected side, as stored; "left" is their own left, as they feel it.
SIDES = ("unknown", "left", "right", "both")


class TodayStatus(StrEnum):
    """How today stands, on Home."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    PARTIAL = "partial"

    @property
    def words(self) -> str:
        return _TODAY_WORDS[self]


class DayStatus(StrEnum):
    """One calendar day judged by the plan in force that day (the rules are in app/stats.py)."""

    DONE = "done"
    PARTIAL = "partial"
    MISSED = "missed"
    REST = "rest"
    TODAY = "today"  # today, not done yet: it ends no streak
    FUTURE = "future"
    NO_DATA = "none"  # before the first plan and the first session: nothing was asked yet

    @property
    def words(self) -> str:
        return _DAY_WORDS[self]


class SessionStatus(StrEnum):
    """How one session ended."""

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"  # every required step done
    PARTIAL = "partial"  # something done, not every required step
    ABANDONED = "abandoned"  # closed with nothing done

    @property
    def words(self) -> str:
        return _SESSION_WORDS[self]


class StepStatus(StrEnum):
    """One step of one session."""

    RUNNING = "running"
    DONE = "done"
    SKIPPED = "skipped"

    @property
    def words(self) -> str:
        return _STEP_WORDS[self]


class DashboardStatus(StrEnum):
    """The caregiver's one-line reading of the last days."""

    ON_TRACK = "on track"
    SLIPPING = "slipping"
    NEEDS_ATTENTION = "needs attention"
    NOT_STARTED = "not started"  # no session yet, or the first routine day is not over: nothing to judge

    @property
    def words(self) -> str:
        return "Not started yet" if self is DashboardStatus.NOT_STARTED else self.value.capitalize()


_TODAY_WORDS = {
    TodayStatus.NOT_STARTED: "Not started yet today.",
    TodayStatus.IN_PROGRESS: "Today's session is in progress.",
    TodayStatus.DONE: "Done for today. Well done.",
    TodayStatus.PARTIAL: "Partly done today.",
}
_DAY_WORDS = {
    DayStatus.DONE: "Done", DayStatus.PARTIAL: "Partly done", DayStatus.MISSED: "Missed",
    DayStatus.REST: "Rest day", DayStatus.TODAY: "Today", DayStatus.FUTURE: "To come",
    DayStatus.NO_DATA: "Before you started",
}
_SESSION_WORDS = {
    SessionStatus.IN_PROGRESS: "Not finished", SessionStatus.COMPLETED: "Complete",
    SessionStatus.PARTIAL: "Partly done", SessionStatus.ABANDONED: "Stopped early",
}
_STEP_WORDS = {StepStatus.RUNNING: "Not finished", StepStatus.DONE: "Done", StepStatus.SKIPPED: "Skipped"}


def session_words(stored: str) -> str:
    """The words for a stored session status; an unknown value is shown as stored."""
    try:
        return SessionStatus(stored).words
    except ValueError:
        return stored


def step_words(stored: str) -> str:
    try:
        return StepStatus(stored).words
    except ValueError:
        return stored
