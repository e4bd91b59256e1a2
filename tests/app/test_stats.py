"""The day rules, streaks and adherence as pure functions over plain data."""
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from app import stats
from app.stats import DONE, FUTURE, MISSED, NO_DATA, PARTIAL, REST, TODAY, Logbook, PlanHistory, PlanRules

ALL = frozenset({"heat", "massage", "eyes"})
START = date(2026, 3, 2)  # a Monday, four weeks before Europe's spring change
SUN = 6


def plan(effective=START, required=ALL, rest=()):
    return PlanRules(effective, frozenset(required), frozenset(rest))


def book(done=None, rest_days=(), plans=None):
    history = PlanHistory(plans or [plan()])
    done = dict(done or {})
    return Logbook(history, done, frozenset(rest_days), stats.first_day(history, min(done, default=None)))


def day(n: int) -> date:
    return START + timedelta(days=n)


def run_of_days(first: int, last: int, steps=ALL) -> dict[date, frozenset[str]]:
    return {day(n): frozenset(steps) for n in range(first, last + 1)}


# --- which plan rules a day -----------------------------------------------------------


def test_the_latest_saved_plan_already_effective_rules_the_day():
    first, second, correction = plan(day(0)), plan(day(10)), plan(day(5))
    history = PlanHistory([first, second, correction])
    assert history.in_force(day(4)) is first
    assert history.in_force(day(7)) is correction
    assert history.in_force(day(12)) is correction  # saved after the day-10 plan
    assert history.in_force(day(-3)) is first  # before any plan: the first saved one


def test_no_plan_at_all_rules_nothing():
    assert PlanHistory([]).in_force(START) is None


# --- a day's status -------------------------------------------------------------------


def test_a_day_with_every_required_step_done_is_done():
    logbook = book({day(0): ALL | {"preparation"}})
    assert logbook.status(day(0), today=day(3)) == DONE


def test_a_day_missing_a_required_step_is_partial_and_ends_the_streak():
    logbook = book({**run_of_days(0, 1), day(2): frozenset({"heat", "massage"}), **run_of_days(3, 4)})
    statuses = logbook.statuses(day(0), day(4), today=day(4))
    assert statuses[day(2)] == PARTIAL
    assert stats.current_streak(statuses, day(4)) == 2
    assert stats.best_streak(statuses) == 2


def test_optional_steps_are_not_needed_and_excluded_steps_are_not_asked():
    logbook = book({day(0): frozenset({"heat"})}, plans=[plan(required={"heat"})])
    assert logbook.status(day(0), today=day(1)) == DONE


def test_a_session_with_nothing_done_makes_a_partial_day():
    logbook = book({day(0): frozenset()})
    assert logbook.status(day(0), today=day(1)) == PARTIAL


def test_rest_days_from_the_list_and_from_the_plan_in_force():
    plans = [plan(day(0)), plan(day(7), rest={SUN})]  # Sundays are rest days from the second week
    logbook = book(run_of_days(0, 0), rest_days={day(2)}, plans=plans)
    assert logbook.status(day(2), today=day(20)) == REST
    assert logbook.status(day(6), today=day(20)) == MISSED  # a Sunday under the first plan
    assert logbook.status(day(13), today=day(20)) == REST


def test_a_done_rest_day_is_done():
    logbook = book(run_of_days(0, 0), rest_days={day(0)})
    assert logbook.status(day(0), today=day(1)) == DONE


def test_today_is_pending_until_done_then_done():
    logbook = book(run_of_days(0, 2))
    assert logbook.status(day(3), today=day(3)) == TODAY
    assert logbook.status(day(2), today=day(2)) == DONE


def test_today_is_rest_when_it_is_a_rest_day():
    assert book(run_of_days(0, 0), rest_days={day(1)}).status(day(1), today=day(1)) == REST


def test_days_after_today_are_future_unless_already_done():
    logbook = book(run_of_days(0, 1))
    assert logbook.status(day(5), today=day(0)) == FUTURE
    assert logbook.status(day(1), today=day(0)) == DONE  # stored ahead after a move west


def test_days_before_any_plan_or_session_have_no_data():
    logbook = book(run_of_days(3, 3), plans=[plan(day(2))])
    assert logbook.status(day(0), today=day(5)) == NO_DATA
    assert logbook.status(day(2), today=day(5)) == MISSED


def test_a_session_before_the_first_plan_starts_the_record():
    logbook = book(run_of_days(0, 0), plans=[plan(day(5))])
    assert logbook.start == day(0)
    assert logbook.status(day(1), today=day(6)) == MISSED


# --- streaks --------------------------------------------------------------------------


def test_rest_days_neither_break_nor_extend_a_streak():
    logbook = book({**run_of_days(0, 2), **run_of_days(4, 5)}, rest_days={day(3)})
    statuses = logbook.statuses(day(0), day(5), today=day(5))
    assert stats.current_streak(statuses, day(5)) == 5


def test_today_not_yet_done_keeps_the_streak_and_a_missed_day_breaks_it():
    logbook = book({**run_of_days(0, 2), **run_of_days(4, 6)})
    statuses = logbook.statuses(day(0), day(7), today=day(7))
    assert statuses[day(7)] == TODAY
    assert stats.current_streak(statuses, day(7)) == 3
    assert stats.best_streak(statuses) == 3
    over = logbook.statuses(day(0), day(8), today=day(8))
    assert stats.current_streak(over, day(8)) == 0  # yesterday is over and was missed


def test_best_streak_finds_the_longest_run_anywhere():
    logbook = book({**run_of_days(0, 5), **run_of_days(7, 8)})
    statuses = logbook.statuses(day(0), day(8), today=day(8))
    assert stats.best_streak(statuses) == 6
    assert stats.current_streak(statuses, day(8)) == 2


def test_no_data_means_no_streak():
    assert stats.current_streak({}, START) == 0
    assert stats.best_streak({}) == 0


# --- adherence ------------------------------------------------------------------------


def test_adherence_counts_done_days_over_planned_days():
    logbook = book({**run_of_days(0, 2), day(3): frozenset({"heat"})}, rest_days={day(4)})
    statuses = logbook.statuses(day(0), day(6), today=day(6))
    # days 0-2 done, 3 partial, 4 rest, 5 missed, 6 today (pending): 3 of 5
    assert stats.adherence(statuses, day(0), day(6)) == 60.0


def test_today_counts_for_adherence_once_done():
    logbook = book(run_of_days(0, 1))
    assert stats.adherence(logbook.statuses(day(0), day(1), day(1)), day(0), day(1)) == 100.0
    pending = book(run_of_days(0, 0))
    assert stats.adherence(pending.statuses(day(0), day(1), day(1)), day(0), day(1)) == 100.0


def test_a_done_rest_day_counts_without_passing_100():
    logbook = book({**run_of_days(0, 0), day(1): ALL}, rest_days={day(1)})
    assert stats.adherence(logbook.statuses(day(0), day(1), day(2)), day(0), day(1)) == 100.0


def test_adherence_with_nothing_planned_is_100():
    logbook = book({}, rest_days={day(0), day(1)})
    assert stats.adherence(logbook.statuses(day(0), day(1), day(1)), day(0), day(1)) == 100.0


# --- calendars ------------------------------------------------------------------------


def test_weeks_and_months_are_calendar_days():
    assert stats.week_of(date(2026, 3, 29)) == stats.days_between(date(2026, 3, 23), date(2026, 3, 29))
    assert len(stats.month_of(date(2028, 2, 1))) == 29
    assert stats.month_of(date(2026, 12, 1))[-1] == date(2026, 12, 31)
    assert stats.week_starts(date(2026, 11, 25), 3) == [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]


# --- properties -----------------------------------------------------------------------

KEYS = sorted(ALL)
step_sets = st.frozensets(st.sampled_from(KEYS))
plans_strategy = st.lists(
    st.builds(lambda offset, required, rest: plan(day(offset), required, rest),
              st.integers(-5, 40), step_sets, st.frozensets(st.integers(0, 6), max_size=3)),
    min_size=1, max_size=3)
logbooks = st.builds(
    book,
    st.dictionaries(st.integers(-10, 50).map(day), step_sets, max_size=40),
    st.frozensets(st.integers(-10, 50).map(day), max_size=10),
    plans_strategy,
)
todays = st.integers(0, 55).map(day)


def history(logbook: Logbook, today: date) -> dict[date, str]:
    last = max([today, *logbook.done_steps])  # every day stored, even well after today
    return logbook.statuses(min(logbook.start or today, today), last, today)


@given(logbooks, todays)
def test_best_is_never_below_current(logbook, today):
    statuses = history(logbook, today)
    assert stats.best_streak(statuses) >= stats.current_streak(statuses, today)
    assert set(statuses.values()) <= set(stats.STATUSES)


@given(logbooks, todays, st.integers(-12, 58).map(day))
def test_completing_a_day_never_lowers_either_streak(logbook, today, extra):
    before = history(logbook, today)
    done = {**logbook.done_steps, extra: ALL}
    more = Logbook(logbook.plans, done, logbook.rest_days, stats.first_day(logbook.plans, min(done)))
    after = history(more, today)
    assert stats.current_streak(after, today) >= stats.current_streak(before, today)
    assert stats.best_streak(after) >= stats.best_streak(before)


@given(logbooks, todays, st.integers(1, 120))
def test_adherence_stays_within_0_and_100(logbook, today, window):
    statuses = history(logbook, today)
    value = stats.adherence(statuses, today - timedelta(days=window - 1), today)
    assert 0.0 <= value <= 100.0


ZONES = [ZoneInfo(name) for name in ("Europe/Paris", "America/New_York", "Australia/Lord_Howe",
                                     "Asia/Tokyo", "America/St_Johns", "Pacific/Kiritimati")]
# Local start times that stress day boundaries, with ordinary ones between.
START_TIMES = st.sampled_from([time(0, 0), time(0, 10), time(2, 30), time(8, 0), time(23, 50), time(23, 59)])
EUROPE_SPRING = date(2026, 3, 29)


@st.composite
def daily_sessions(draw):
    """Consecutive days around a daylight-saving change, each with one or more sessions,
    each session started at a local time in whichever zone the patient is in that day
    (a change of zone is a move). Each day's steps are split over its sessions."""
    first = EUROPE_SPRING - timedelta(days=draw(st.integers(1, 10)))
    count = draw(st.integers(1, 20))
    sessions = []
    for n in range(count):
        local_day = first + timedelta(days=n)
        zone = draw(st.sampled_from(ZONES))
        parts = draw(st.integers(1, 3))
        for part in range(parts):
            at = datetime.combine(local_day, draw(START_TIMES), zone)
            sessions.append((at, frozenset(k for i, k in enumerate(KEYS) if i % parts == part)))
    return first, count, sessions


@settings(max_examples=60)
@given(daily_sessions(), st.frozensets(st.integers(0, 19), max_size=4))
def test_a_day_is_its_local_start_date_across_dst_midnight_and_moves(schedule, rest_offsets):
    first, count, sessions = schedule
    done: dict[date, frozenset[str]] = {}
    for started_at, steps in sessions:
        local_day = started_at.date()  # what Store.begin_session records
        done[local_day] = done.get(local_day, frozenset()) | steps
    rest = {first + timedelta(days=n) for n in rest_offsets}
    history_ = PlanHistory([plan(first)])
    logbook = Logbook(history_, done, frozenset(rest), stats.first_day(history_, min(done)))
    today = first + timedelta(days=count)  # the day after the last: still pending
    statuses = logbook.statuses(first, today, today)
    assert stats.current_streak(statuses, today) == count
    assert stats.best_streak(statuses) == count
    assert stats.adherence(statuses, first, today) == 100.0


def test_statuses_over_plan_spans_agree_with_the_day_by_day_rule():
    from app.stats import Logbook, PlanHistory, PlanRules

    plans = PlanHistory([PlanRules(date(2026, 1, 1), frozenset({"heat"}), frozenset({6})),
                         PlanRules(date(2026, 1, 10), frozenset({"heat", "eyes"})),
                         PlanRules(date(2026, 1, 5), frozenset({"eyes"}), frozenset({0}))])
    done = {date(2026, 1, d): frozenset({"heat"} if d % 2 else {"eyes"}) for d in range(1, 25)}
    book = Logbook(plans, done, frozenset({date(2026, 1, 3)}), date(2026, 1, 1))
    today = date(2026, 1, 20)
    first, last = date(2025, 12, 28), date(2026, 1, 28)
    by_span = book.statuses(first, last, today)
    assert by_span == {day: book.status(day, today) for day in by_span}
    assert len(by_span) == 32
