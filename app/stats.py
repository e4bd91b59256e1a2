"""Streaks, calendars and adherence: pure functions over plain data, computed on demand.

The rules, in one place (app/storage/queries.py only reads the data they need):

- A day's sessions are the sessions whose stored local date is that day, wherever the
  patient is now. Their done steps are pooled: several sessions on one day count once.
- A day is "done" when every step required by the plan in force that day was done.
  The plan in force is the latest saved plan already effective on that day (the first
  saved plan for days before any plan took effect).
- A rest day (an explicit one, or a rest weekday of the plan in force) neither breaks nor
  extends a streak; a done rest day still counts as done, a partly done one stays "rest".
- A past day that is neither done nor rest is "partial" (it had a session) or "missed";
  both end a streak. Today, until it is done, is "today" and ends nothing yet.
- Days after today are "future", unless already done (a session dated in a zone ahead).
- Days before the first plan took effect and before the first session are "none": there
  was nothing to do yet, so they are neither missed nor counted in adherence.

Everything is arithmetic on calendar dates, never on seconds, so daylight-saving changes
and time-zone moves cannot split or merge days.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .vocabulary import DayStatus

# Short names for the day statuses, used throughout the rules below.
DONE, PARTIAL, MISSED, REST, TODAY, FUTURE, NO_DATA = DayStatus
STATUSES = tuple(DayStatus)
# Days that were asked of the patient and are over (or done): the adherence denominator.
PLANNED = frozenset({DONE, PARTIAL, MISSED})
# Days that end a run of done days; rest, today and "none" are passed over.
STREAK_BREAKERS = frozenset({PARTIAL, MISSED, FUTURE})
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class PlanRules:
    """What one plan version asks for, as plain data."""

    effective_from: date
    required_steps: frozenset[str]
    rest_weekdays: frozenset[int] = frozenset()  # 0 = Monday, as date.weekday()


class PlanHistory:
    """Every plan version in the order they were saved; says which one rules a given day."""

    def __init__(self, plans: Sequence[PlanRules]):
        self.plans = tuple(plans)
        self._change_days = sorted({p.effective_from for p in self.plans})
        # From each change day on, the plan saved last among those already effective rules:
        # a correction saved later wins even if it takes effect on the same or an earlier day.
        self._ruling = [max(i for i, p in enumerate(self.plans) if p.effective_from <= day)
                        for day in self._change_days]

    @property
    def first_effective(self) -> date | None:
        return self._change_days[0] if self._change_days else None

    def required_anywhere(self) -> frozenset[str]:
        """Every step key some plan version requires: the only steps the day rules look at."""
        return frozenset().union(*(p.required_steps for p in self.plans))

    def spans(self, first: date, last: date):
        """(plan in force, first day, last day) for consecutive stretches of first..last."""
        if not self.plans or last < first:
            yield None, first, last
            return
        start = first
        for change in self._change_days:
            if first < change <= last:
                yield self.in_force(start), start, change - timedelta(days=1)
                start = change
        yield self.in_force(start), start, last

    def in_force(self, day: date) -> PlanRules | None:
        if not self.plans:
            return None
        index = bisect_right(self._change_days, day) - 1
        return self.plans[self._ruling[index]] if index >= 0 else self.plans[0]


def first_day(plans: PlanHistory, first_session: date | None) -> date | None:
    """The first day with anything to judge: the first plan in force or the first session."""
    return min((d for d in (plans.first_effective, first_session) if d is not None), default=None)


@dataclass(frozen=True)
class Logbook:
    """What the day rules need, read once from storage.

    done_steps holds every day that has at least one session, mapped to the union of the
    step keys done in that day's sessions (an empty set if nothing was done). Keys no plan
    requires may be left out: they cannot change a day's status.
    """

    plans: PlanHistory
    done_steps: Mapping[date, frozenset[str]]
    rest_days: frozenset[date] = frozenset()
    start: date | None = None  # see first_day(); days before it are NO_DATA

    def status(self, day: date, today: date, plan: PlanRules | None = None) -> str:
        plan = plan or self.plans.in_force(day)
        done = self.done_steps.get(day)
        if done is not None and (plan is None or plan.required_steps <= done):
            return DONE  # a done day is done, even a rest day or one stored "ahead" after a move west
        if day > today:
            return FUTURE
        if self.start is None or day < self.start:
            return NO_DATA
        if day in self.rest_days or (plan is not None and day.weekday() in plan.rest_weekdays):
            return REST
        if day == today:
            return TODAY
        return MISSED if done is None else PARTIAL

    def mark(self, day: date, today: date) -> str:
        """The day's mark in a week strip: its status, except that today with a required step
        done shows half filled (the rules call it "today" until it is done, but part is done)."""
        status = self.status(day, today)
        plan = self.plans.in_force(day)
        if status == TODAY and plan is not None and self.done_steps.get(day, frozenset()) & plan.required_steps:
            return PARTIAL
        return status

    def asks_nothing(self, day: date, today: date) -> bool:
        """Nothing more is asked of `day`, past or ahead: it is done, or it is a rest day."""
        plan = self.plans.in_force(day)
        return (self.status(day, today, plan) == DONE or day in self.rest_days
                or (plan is not None and day.weekday() in plan.rest_weekdays))

    def statuses(self, first: date, last: date, today: date) -> dict[date, str]:
        """The status of every day from first to last inclusive."""
        # Walk the plan versions' spans rather than looking the plan up for each day:
        # ten years of days is the Home screen's hot path.
        result: dict[date, str] = {}
        for plan, span_first, span_last in self.plans.spans(first, last):
            for day in days_between(span_first, span_last):
                result[day] = self.status(day, today, plan)
        return result


# --- calendars ------------------------------------------------------------------------


def days_between(first: date, last: date) -> list[date]:
    """Every day from first to last inclusive (empty if last is before first)."""
    # Counting ordinals is several times cheaper than adding a timedelta per day.
    return list(map(date.fromordinal, range(first.toordinal(), last.toordinal() + 1)))


def week_start(day: date) -> date:
    """The Monday of the week holding day."""
    return day - timedelta(days=day.weekday())


def week_of(day: date) -> list[date]:
    monday = week_start(day)
    return days_between(monday, monday + timedelta(days=6))


def month_of(month: date) -> list[date]:
    """Every day of the month that holds `month` (any day of it will do)."""
    first = month.replace(day=1)
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return days_between(first, following - ONE_DAY)


def week_starts(today: date, weeks: int) -> list[date]:
    """The Mondays of the last `weeks` weeks, oldest first, today's week last."""
    this_week = week_start(today)
    return [this_week - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


# --- streaks and adherence ------------------------------------------------------------


def current_streak(statuses: Mapping[date, str], today: date) -> int:
    """Done days in the run that reaches today.

    Walks back from today over done days, passing over rest days, "none" days and today
    itself while it is not done yet. Done days already stored just after today (sessions
    logged in a zone ahead of the current one) extend the run too.
    """
    count = 0
    day = today
    while day in statuses:
        status = statuses[day]
        if status == DONE:
            count += 1
        elif status in STREAK_BREAKERS:
            break
        day -= ONE_DAY
    day = today + ONE_DAY
    while statuses.get(day) == DONE:
        count += 1
        day += ONE_DAY
    return count


def best_streak(statuses: Mapping[date, str]) -> int:
    """The longest run of done days, with rest, today and "none" days passed over."""
    best = run = 0
    for day in sorted(statuses):
        status = statuses[day]
        if status == DONE:
            run += 1
            best = max(best, run)
        elif status in STREAK_BREAKERS:
            run = 0
    return best


def routine_days(statuses: Mapping[date, str], first: date, last: date) -> int:
    """The days from first to last that adherence judges: over and not rest days, plus any done day."""
    return sum(1 for d, s in statuses.items() if first <= d <= last and s in PLANNED)


def adherence(statuses: Mapping[date, str], first: date, last: date) -> float:
    """Done days as a percentage of planned days from first to last inclusive.

    Planned days are the days that are over and were not rest days, plus any done day
    (a done rest day counts for the patient, and cannot push the figure past 100).
    Today counts only once done. With no planned day in the window nothing was asked
    and nothing was missed, so the answer is 100.0.
    """
    planned = done = 0
    for day in days_between(first, last):
        status = statuses.get(day)
        if status in PLANNED:
            planned += 1
            done += status == DONE
    return 100.0 * done / planned if planned else 100.0
