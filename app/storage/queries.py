"""Progress queries: streaks, calendars, adherence and history, read straight from SQL.

The day rules live in app.stats; this module only fetches the facts they need, with
aggregate queries that return plain columns (no ORM objects), so ten years of daily use
stays fast. Nothing is cached: every figure is computed from the stored sessions when asked.

Everything a screen or the caregiver dashboard needs is public here:
home_stats, progress_data, history_rows, day_map, adherence_between, step_rates,
weekly_minutes, logbook and whole_logbook.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import String, case, func, select, type_coerce
from sqlalchemy.orm import Session

from .. import stats
from ..routine import Routine
from ..vocabulary import StepStatus
from .models import Plan, PlanStep, RestDay, SessionRecord, StepLog, decode_weekdays
from .repository import Store

ADHERENCE_WINDOWS = (7, 30, 90)
WEEKLY_MINUTES_WEEKS = 12
# Local dates around the world differ by up to two days (UTC-12 to UTC+14), so a session
# started in another zone may be dated up to two days after today's local date.
AHEAD_DAYS = timedelta(days=2)
STEP_RATE_DAYS = 90  # step rates on the Progress screen cover the last 90 days, like adherence
# Dates read as their stored ISO text: date.fromisoformat is far cheaper than the generic
# SQLite Date processor, which matters over ten years of days.
_SESSION_DAY = type_coerce(SessionRecord.local_date, String)
_REST_DAY = type_coerce(RestDay.local_date, String)


@dataclass(frozen=True)
class HomeStats:
    current_streak: int
    best_streak: int
    week: list[tuple[date, str]]  # Monday..Sunday of today's week
    today_status: str  # "done", "rest" or "today" ("none" only before any plan exists)


@dataclass(frozen=True)
class StepRate:
    step_key: str
    done: int
    skipped: int
    avg_done_seconds: float  # over the finished (done or skipped) logs of this step
    avg_planned_seconds: float


@dataclass(frozen=True)
class ProgressData:
    current_streak: int
    best_streak: int
    calendar: list[tuple[date, str]]  # every day of the month asked for
    adherence: dict[int, float]  # {7: %, 30: %, 90: %}, windows ending today
    routine_days: dict[int, int]  # the days each window judged: with none, its 100 % measures nothing
    weekly_minutes: list[tuple[date, float]]  # (Monday, minutes), 12 weeks, oldest first
    step_rates: list[StepRate]  # last STEP_RATE_DAYS days, routine order


@dataclass(frozen=True)
class HistoryRow:
    session_id: int
    local_date: date
    status: str  # the session's own status: completed, partial, abandoned, in_progress
    done_seconds: float
    rating: int | None
    started_at: datetime  # aware, UTC
    utc_offset_minutes: int = 0  # the device's offset when the session started

    @property
    def local_started_at(self) -> datetime:
        """The start as the patient's clock showed it then, wherever they are now."""
        return self.started_at.astimezone(timezone(timedelta(minutes=self.utc_offset_minutes)))


# --- the screens' questions -----------------------------------------------------------


def home_stats(store: Store, routine: Routine, today: date) -> HomeStats:
    with store.session_factory() as s:
        book = logbook(s, routine)
    history = _history(book, today)
    return HomeStats(
        current_streak=stats.current_streak(history, today),
        best_streak=stats.best_streak(history),
        week=[(day, book.mark(day, today)) for day in stats.week_of(today)],
        today_status=book.status(today, today),
    )


def whole_logbook(store: Store, routine: Routine) -> stats.Logbook:
    """Every day's facts in one read, for rules worked out in memory (the finish moment's
    day before and after a session)."""
    with store.session_factory() as s:
        return logbook(s, routine)


def progress_data(store: Store, routine: Routine, today: date, month: date) -> ProgressData:
    with store.session_factory() as s:  # one read transaction: every figure from one snapshot
        book = logbook(s, routine)
        minutes = _weekly_minutes(s, today, WEEKLY_MINUTES_WEEKS)
        rates = _step_rates(s, routine, today - timedelta(days=STEP_RATE_DAYS - 1), today)
    history = _history(book, today)
    return ProgressData(
        current_streak=stats.current_streak(history, today),
        best_streak=stats.best_streak(history),
        calendar=[(day, book.status(day, today)) for day in stats.month_of(month)],
        adherence={n: stats.adherence(history, today - timedelta(days=n - 1), today) for n in ADHERENCE_WINDOWS},
        routine_days={n: stats.routine_days(history, today - timedelta(days=n - 1), today) for n in ADHERENCE_WINDOWS},
        weekly_minutes=minutes,
        step_rates=rates,
    )


def history_rows(store: Store) -> list[HistoryRow]:
    """Every session, newest first, with the time done summed in SQL."""
    total = func.coalesce(func.sum(StepLog.done_seconds), 0.0)
    query = (
        select(SessionRecord.id, _SESSION_DAY, SessionRecord.status, total, SessionRecord.rating,
               SessionRecord.started_at, SessionRecord.utc_offset_minutes)
        .outerjoin(StepLog, StepLog.session_id == SessionRecord.id)
        .group_by(SessionRecord.id)
        .order_by(SessionRecord.started_at.desc(), SessionRecord.id.desc())
    )
    with store.session_factory() as s:
        return [HistoryRow(sid, date.fromisoformat(day), status, float(done), rating, started, offset)
                for sid, day, status, done, rating, started, offset in s.execute(query)]


def settled_days(store: Store, routine: Routine, today: date) -> Callable[[date], bool]:
    """Whether a day asks nothing more (done by the day rules, or a rest day): reminders skip it."""
    with store.session_factory() as s:
        book = logbook(s, routine, today - stats.ONE_DAY)  # yesterday too: a zone change can move "today"
    return lambda day: book.asks_nothing(day, today)


# --- for the caregiver dashboard ------------------------------------------------------


def day_map(store: Store, routine: Routine, first: date, last: date, today: date) -> dict[date, str]:
    """The status (one of stats.STATUSES) of every day from first to last inclusive."""
    with store.session_factory() as s:
        book = logbook(s, routine, first, last)
    return book.statuses(first, last, today)


def adherence_between(store: Store, routine: Routine, first: date, last: date, today: date) -> float:
    """Done days as a percentage (0..100) of planned days from first to min(last, today).

    See stats.adherence: today counts only once done; 100.0 when nothing was planned.
    """
    last = min(last, today)
    if last < first:
        return 100.0
    return stats.adherence(day_map(store, routine, first, last, today), first, last)


def step_rates(store: Store, routine: Routine, first: date, last: date) -> list[StepRate]:
    """How often each step was done or skipped in sessions dated first..last, routine order."""
    with store.session_factory() as s:
        return _step_rates(s, routine, first, last)


def weekly_minutes(store: Store, today: date, weeks: int = WEEKLY_MINUTES_WEEKS) -> list[tuple[date, float]]:
    """Minutes exercised per week (Monday, minutes), oldest first, today's week last."""
    with store.session_factory() as s:
        return _weekly_minutes(s, today, weeks)


# --- reading the facts ----------------------------------------------------------------


def logbook(s: Session, routine: Routine, first: date | None = None, last: date | None = None) -> stats.Logbook:
    """The facts the day rules need, for sessions dated first..last (all when not given)."""
    plans = plan_history(s, routine)
    done = _done_steps(s, plans.required_anywhere(), first, last)
    if first is None and last is None:
        first_session = min(done, default=None)
    else:  # the window may begin after the record does
        first_session = s.scalar(select(func.min(SessionRecord.local_date)))
    rest = frozenset(date.fromisoformat(d) for d in s.scalars(select(_REST_DAY)))
    return stats.Logbook(plans, done, rest, stats.first_day(plans, first_session))


def plan_history(s: Session, routine: Routine) -> stats.PlanHistory:
    """Every plan version, oldest saved first, as the steps it requires and its rest weekdays."""
    rows = s.execute(
        select(Plan.id, Plan.effective_from, Plan.rest_weekdays, PlanStep.step_key, PlanStep.included)
        .outerjoin(PlanStep, PlanStep.plan_id == Plan.id)
        # By when each was saved, not by row: a plan merged in from an older file is a new row.
        .order_by(Plan.created_at, Plan.id, PlanStep.position)
    )
    plans: dict[int, tuple[date, str, list[str]]] = {}
    for plan_id, effective_from, rest_weekdays, step_key, included in rows:
        entry = plans.setdefault(plan_id, (effective_from, rest_weekdays, []))
        if step_key is not None and included:
            entry[2].append(step_key)
    return stats.PlanHistory([
        stats.PlanRules(effective, required_steps(routine, keys), decode_weekdays(rest))
        for effective, rest, keys in plans.values()
    ])


def required_steps(routine: Routine, included_keys: Iterable[str]) -> frozenset[str]:
    """Included steps the routine marks required. A key the routine no longer knows is
    left out: the runner cannot offer it, so it could never be done."""
    known = {step.key: step.required for step in routine.steps}
    return frozenset(key for key in included_keys if known.get(key, False))


def _done_steps(s: Session, keys: frozenset[str], first: date | None,
                last: date | None) -> dict[date, frozenset[str]]:
    """Each day with a session, mapped to the steps among `keys` done in its sessions together.

    Shaped for ten years of use: one scan of the step logs collects, for each key, the days
    it was done (no per-day grouping, which would sort every log), and the days come back as
    joined text that Python splits into sets in C rather than row by row.
    """
    session_days = _day_set(s.scalar(_within(select(func.group_concat(_SESSION_DAY)), first, last)))
    ordered = sorted(keys)
    days_by_key: dict[str, set[str]] = {}
    if ordered:
        columns = [func.group_concat(case((StepLog.step_key == key, _SESSION_DAY))) for key in ordered]
        query = (select(*columns).join_from(StepLog, SessionRecord, StepLog.session_id == SessionRecord.id)
                 .where(StepLog.status == StepStatus.DONE))
        days_by_key = dict(zip(ordered, map(_day_set, s.execute(_within(query, first, last)).one())))
    complete = session_days.intersection(*days_by_key.values())  # most days: every key done
    done = dict.fromkeys(complete, frozenset(keys))
    for day in session_days - complete:
        done[day] = frozenset(key for key in ordered if day in days_by_key[key])
    return dict(zip(map(date.fromisoformat, done), done.values()))


def _day_set(joined: str | None) -> set[str]:
    return set(joined.split(",")) if joined else set()


def _within(query, first: date | None, last: date | None):
    if first is not None:
        query = query.where(SessionRecord.local_date >= first)
    if last is not None:
        query = query.where(SessionRecord.local_date <= last)
    return query


def _history(book: stats.Logbook, today: date) -> dict[date, str]:
    """Statuses from the first day with data to just after today (see AHEAD_DAYS)."""
    return book.statuses(min(book.start or today, today), today + AHEAD_DAYS, today)


def _weekly_minutes(s: Session, today: date, weeks: int) -> list[tuple[date, float]]:
    mondays = stats.week_starts(today, weeks)
    query = (
        select(_SESSION_DAY, func.sum(StepLog.done_seconds))
        .join(StepLog, StepLog.session_id == SessionRecord.id)
        .group_by(SessionRecord.local_date)
    )
    query = _within(query, mondays[0], mondays[-1] + timedelta(days=6))
    seconds = dict.fromkeys(mondays, 0.0)
    for day, done in s.execute(query):
        seconds[stats.week_start(date.fromisoformat(day))] += done or 0.0
    return [(monday, seconds[monday] / 60.0) for monday in mondays]


def _step_rates(s: Session, routine: Routine, first: date, last: date) -> list[StepRate]:
    query = (
        select(StepLog.step_key, StepLog.status, func.count(), func.sum(StepLog.done_seconds),
               func.sum(StepLog.planned_seconds))
        .join(SessionRecord, SessionRecord.id == StepLog.session_id)
        .where(StepLog.status.in_((StepStatus.DONE, StepStatus.SKIPPED)))
        .group_by(StepLog.step_key, StepLog.status)
    )
    totals: dict[str, list[float]] = {}  # key -> [done, skipped, done seconds, planned seconds]
    for key, status, count, done_seconds, planned_seconds in s.execute(_within(query, first, last)):
        entry = totals.setdefault(key, [0, 0, 0.0, 0.0])
        entry[0 if status == StepStatus.DONE else 1] += count
        entry[2] += done_seconds or 0.0
        entry[3] += planned_seconds or 0
    order = {step.key: i for i, step in enumerate(routine.steps)}
    keys = sorted(totals, key=lambda k: (order.get(k, len(order)), k))
    return [_rate(key, *totals[key]) for key in keys]


def _rate(key: str, done: int, skipped: int, done_seconds: float, planned_seconds: float) -> StepRate:
    finished = done + skipped
    return StepRate(key, int(done), int(skipped), done_seconds / finished, planned_seconds / finished)
