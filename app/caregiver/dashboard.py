"""The caregiver dashboard: how the routine has gone lately, in plain figures.

Day statuses and adherence come from app.storage.queries (days judged by the plan in
force on each day); this module only picks what a caregiver needs to see.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .. import stats
from ..routine import Routine
from ..storage import Store, queries
from ..storage.repository import SessionView
from ..vocabulary import DashboardStatus
from .pin import last_reset

WINDOW_DAYS = 90  # missed days, ratings, notes and step figures cover the last 90 days
ADHERENCE_WINDOWS = (7, 30, 90)
ON_TRACK, SLIPPING, NEEDS_ATTENTION = DashboardStatus.ON_TRACK, DashboardStatus.SLIPPING, DashboardStatus.NEEDS_ATTENTION
NOT_STARTED = DashboardStatus.NOT_STARTED
WEEK = 7  # the status reads the last 7 days
# Routine days in a row without any session (rest days not counted) that call for a word.
QUIET_DAYS_FOR_ATTENTION = 3
# Past routine days not fully done: a partial day is not "done" either.
_UNDONE = frozenset({stats.MISSED, stats.PARTIAL})


@dataclass(frozen=True)
class StepSummary:
    step_key: str
    title: str
    done: int
    skipped: int
    avg_done_seconds: float  # over the step's finished logs, done or skipped
    avg_planned_seconds: float

    @property
    def done_percent(self) -> float:
        offered = self.done + self.skipped
        return 100.0 * self.done / offered if offered else 0.0


@dataclass(frozen=True)
class Dashboard:
    today: date
    adherence: dict[int, float]  # {7: %, 30: %, 90: %}, windows ending today (100 when nothing was asked)
    status: DashboardStatus
    status_reason: str  # one plain sentence saying why
    last_session: date | None  # within the window; None if no session in it
    quiet_days: int  # routine days since the last session, today included
    missed_days: list[date]  # newest first
    steps: list[StepSummary]  # routine order
    ratings: list[tuple[date, int]]  # oldest first, for a chart over time
    notes: list[tuple[date, str]]  # newest first
    days: dict[date, str]  # status of every day of the window, for a calendar or chart
    pin_reset_on: date | None = None  # the last time the caregiver PIN was reset, if ever
    # Routine days judged in each adherence window (over and not rest days, plus any done
    # day): with none, the window's 100 % measures nothing and is not shown as a figure.
    routine_days: dict[int, int] = field(default_factory=dict)


def dashboard(store: Store, routine: Routine, today: date, window_days: int = WINDOW_DAYS) -> Dashboard:
    first = today - timedelta(days=window_days - 1)
    days = queries.day_map(store, routine, first, today, today)
    sessions = store.sessions_between(first, today)
    last_session = max((s.local_date for s in sessions), default=None)
    quiet = quiet_days(days, last_session, today)
    status, reason = plain_status(days, quiet, today, ever_started=store.session_count() > 0)
    return Dashboard(
        today=today,
        adherence={n: stats.adherence(days, today - timedelta(days=n - 1), today) for n in ADHERENCE_WINDOWS},
        routine_days={n: stats.routine_days(days, today - timedelta(days=n - 1), today) for n in ADHERENCE_WINDOWS},
        status=status,
        status_reason=reason,
        last_session=last_session,
        quiet_days=quiet,
        missed_days=sorted((d for d, s in days.items() if s == stats.MISSED), reverse=True),
        steps=step_summaries(store, routine, first, today),
        ratings=ratings(sessions),
        notes=notes(sessions),
        days=days,
        pin_reset_on=last_reset(store.settings()),
    )


def quiet_days(days: dict[date, str], last_session: date | None, today: date) -> int:
    """Routine days after the last session up to today; rest days and days before the plan don't count."""
    since = last_session or min(days, default=today) - timedelta(days=1)
    return sum(1 for d, s in days.items() if d > since and s in (stats.MISSED, stats.TODAY))


def plain_status(days: dict[date, str], quiet: int, today: date,
                 ever_started: bool = True) -> tuple[DashboardStatus, str]:
    """The status and one sentence saying why. `days` covers the window; `ever_started`: the
    record has any session at all (one older than the window still counts)."""
    if not ever_started:
        over = sum(1 for s in days.values() if s in stats.PLANNED)
        if over:
            return NOT_STARTED, (f"No session has been recorded yet; {_days(over, 'routine')} "
                                 f"{'is' if over == 1 else 'are'} over without one.")
        return NOT_STARTED, "No session has been recorded yet."
    if not stats.routine_days(days, min(days, default=today), today):
        return NOT_STARTED, "The first routine day is not over yet."
    if quiet >= QUIET_DAYS_FOR_ATTENTION:
        return NEEDS_ATTENTION, f"No session for {quiet} routine days."
    week = [s for d, s in days.items() if today - timedelta(days=WEEK - 1) <= d <= today]
    undone = sum(1 for s in week if s in _UNDONE)
    if undone:
        plural = "day" if undone == 1 else "days"
        return SLIPPING, f"{undone} {plural} of the last 7 not fully done."
    judged = sum(1 for s in week if s in stats.PLANNED)
    if judged == WEEK:
        return ON_TRACK, "Every routine day of the last 7 was done."
    still_open = "; today is not over yet." if days.get(today) == stats.TODAY else "."
    if judged == 0:
        return ON_TRACK, "No routine day of the last 7 is over yet" + still_open
    if judged == 1:
        return ON_TRACK, "The one routine day of the last 7 was done" + still_open
    return ON_TRACK, f"All {judged} routine days of the last 7 were done" + still_open


def _days(count: int, kind: str) -> str:
    return f"{count} {kind} day" if count == 1 else f"{count} {kind} days"


def step_summaries(store: Store, routine: Routine, first: date, last: date) -> list[StepSummary]:
    return [StepSummary(r.step_key, routine.step_title(r.step_key), r.done, r.skipped,
                        r.avg_done_seconds, r.avg_planned_seconds)
            for r in queries.step_rates(store, routine, first, last)]


def ratings(sessions: list[SessionView]) -> list[tuple[date, int]]:
    return [(s.local_date, s.rating) for s in sorted(sessions, key=_when) if s.rating is not None]


def notes(sessions: list[SessionView]) -> list[tuple[date, str]]:
    return [(s.local_date, s.note.strip()) for s in sorted(sessions, key=_when, reverse=True)
            if s.note and s.note.strip()]


def _when(session: SessionView) -> tuple:
    return session.local_date, session.started_at


