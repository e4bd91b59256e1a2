"""Progress queries against a real SQLite store: rows are written the way the app writes them."""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from app import stats
from app.vocabulary import TodayStatus
from app.stats import DONE, FUTURE, MISSED, NO_DATA, PARTIAL, REST, TODAY
from app.storage import Store, queries
from app.storage.models import Plan, RestDay, SessionRecord
from app.storage.repository import PlanStepView

UTC = timezone.utc
PARIS = ZoneInfo("Europe/Paris")
TOKYO = ZoneInfo("Asia/Tokyo")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
REQUIRED = ("heat", "massage", "eyes")


def save_plan(store, routine, effective, rest=(), leave_out=()):
    steps = [PlanStepView(s.key, s.key not in leave_out, s.seconds) for s in routine.steps]
    return store.save_plan(steps, set(rest), effective, datetime.combine(effective, time(7), UTC))


def record(store, plan, started, done=REQUIRED, skipped=(), seconds=60, status="completed", rating=None):
    """One session as the runner writes it: each step started, then finished done or skipped."""
    session_id = store.begin_session(plan.id, started)
    at = started
    for position, key in enumerate([*done, *skipped]):
        step_id = store.start_step(session_id, position, key, seconds, at)
        at += timedelta(seconds=seconds)
        store.finish_step(step_id, "done" if key in done else "skipped", seconds if key in done else 5, at)
    store.finish_session(session_id, status, at)
    if rating is not None:
        store.annotate_session(session_id, None, rating)
    return session_id


def at(day: date, hour: int = 8, minute: int = 0, zone=PARIS) -> datetime:
    return datetime.combine(day, time(hour, minute), zone)


D0 = date(2026, 11, 2)  # a Monday


def d(n: int) -> date:
    return D0 + timedelta(days=n)


# --- which day a session belongs to --------------------------------------------------


def test_a_session_started_at_23_50_belongs_to_that_day_though_it_ends_after_midnight(store, routine):
    plan = save_plan(store, routine, d(0))
    record(store, plan, at(d(1), 23, 50), seconds=600)  # ends at 00:20 the next day
    days = queries.day_map(store, routine, d(0), d(2), today=d(2))
    assert days == {d(0): MISSED, d(1): DONE, d(2): TODAY}


def test_days_across_the_spring_change_count_once_each(store, routine):
    first = date(2026, 3, 27)
    plan = save_plan(store, routine, first)
    times = [(23, 50), (0, 10), (2, 30), (23, 59), (0, 0)]  # 02:30 on the 29th does not exist in Paris
    for n, (hour, minute) in enumerate(times):
        record(store, plan, at(first + timedelta(days=n), hour, minute))
    today = first + timedelta(days=len(times))
    home = queries.home_stats(store, routine, today)
    assert (home.current_streak, home.best_streak) == (5, 5)


def test_a_move_west_keeps_each_session_on_the_day_it_was_started(store, routine):
    plan = save_plan(store, routine, date(2026, 11, 8))
    for day in (8, 9, 10):  # mornings in Tokyo; the 10th at 08:00 is still the 9th in Los Angeles
        record(store, plan, at(date(2026, 11, day), 8, zone=TOKYO))
    la_today = datetime(2026, 11, 10, 8, tzinfo=TOKYO).astimezone(LOS_ANGELES).date()
    assert la_today == date(2026, 11, 9)
    home = queries.home_stats(store, routine, la_today)
    assert dict(home.week)[date(2026, 11, 10)] == DONE
    assert home.current_streak == 3
    record(store, plan, at(date(2026, 11, 10), 9, zone=LOS_ANGELES))  # a second session that day
    record(store, plan, at(date(2026, 11, 11), 9, zone=LOS_ANGELES))
    assert queries.home_stats(store, routine, date(2026, 11, 11)).current_streak == 4
    newest = queries.history_rows(store)[-3]  # the Tokyo session of the 10th
    assert newest.local_started_at.hour == 8 and newest.local_date == date(2026, 11, 10)


# --- which days are done --------------------------------------------------------------


def test_steps_spread_over_several_sessions_of_one_day_make_it_done(store, routine):
    plan = save_plan(store, routine, d(0))
    record(store, plan, at(d(0), 8), done=("heat", "massage"), skipped=("eyes",), status="partial")
    record(store, plan, at(d(0), 18), done=("eyes",), status="partial")
    record(store, plan, at(d(1), 8), done=("heat", "massage"), skipped=("eyes",), status="partial")
    days = queries.day_map(store, routine, d(0), d(2), today=d(2))
    assert days[d(0)] == DONE
    assert days[d(1)] == PARTIAL


def test_a_completed_status_alone_does_not_make_a_day_done(store, routine):
    plan = save_plan(store, routine, d(0))
    record(store, plan, at(d(0)), done=("heat",), status="completed")
    assert queries.day_map(store, routine, d(0), d(0), today=d(1))[d(0)] == PARTIAL


def test_skipping_the_optional_preparation_still_completes_the_day(store, routine):
    assert not routine.step("preparation").required
    plan = save_plan(store, routine, d(0))
    record(store, plan, at(d(0)), done=REQUIRED, skipped=("preparation",))
    assert queries.day_map(store, routine, d(0), d(0), today=d(1))[d(0)] == DONE


def test_each_day_is_judged_by_the_plan_in_force_that_day(store, routine):
    save_plan(store, routine, d(0))
    lighter = save_plan(store, routine, d(8), rest={6}, leave_out=("eyes",))  # and Sundays off
    for n in (3, 9):
        record(store, lighter, at(d(n)), done=("heat", "massage"))
    days = queries.day_map(store, routine, d(0), d(13), today=d(14))
    assert (days[d(3)], days[d(9)]) == (PARTIAL, DONE)  # the first plan still asked for the eyes
    assert (days[d(6)], days[d(13)]) == (MISSED, REST)  # Sundays, before and after the change
    record(store, lighter, at(d(13)), done=("heat", "massage"))
    assert queries.day_map(store, routine, d(13), d(13), today=d(14))[d(13)] == DONE  # a done rest day


def test_an_older_plan_merged_in_later_does_not_rule_the_days_after_the_caregivers_plan(store, routine):
    """Issue 11.7: days were judged by plans in row order, so an old plan imported from a file
    (a new row, saved long before) ruled every day since, over the caregiver's current plan."""
    caregivers = save_plan(store, routine, d(5), leave_out=("eyes",))
    steps = [PlanStepView(s.key, True, s.seconds) for s in routine.steps]
    store.save_plan(steps, set(), d(0), datetime.combine(d(0), time(7), UTC))  # as an import writes it
    record(store, caregivers, at(d(7)), done=("heat", "massage"))
    record(store, caregivers, at(d(2)), done=("heat", "massage"))
    days = queries.day_map(store, routine, d(0), d(7), today=d(8))
    assert days[d(7)] == DONE  # the caregiver's plan, saved last, rules from its day on
    assert days[d(2)] == PARTIAL  # before it, the older plan asked for the eyes too


def test_rest_days_bridge_a_streak_and_days_before_the_plan_have_no_data(store, routine, clock):
    plan = save_plan(store, routine, d(2))
    for n in (2, 3, 5):
        record(store, plan, at(d(n)))
    store.set_rest_day(d(4), True, clock.now())
    home = queries.home_stats(store, routine, d(6))
    assert [s for _, s in home.week] == [NO_DATA, NO_DATA, DONE, DONE, REST, DONE, TODAY]
    assert (home.current_streak, home.today_status) == (3, TODAY)
    store.set_rest_day(d(4), False, clock.now())
    assert queries.home_stats(store, routine, d(6)).current_streak == 1


# --- the screens' figures -------------------------------------------------------------


def test_home_stats_is_computed_afresh_each_time(store, routine):
    plan = save_plan(store, routine, d(0))
    record(store, plan, at(d(0)))
    assert queries.home_stats(store, routine, d(1)).current_streak == 1
    record(store, plan, at(d(1)))
    home = queries.home_stats(store, routine, d(1))
    assert (home.current_streak, home.best_streak, home.today_status) == (2, 2, DONE)
    assert [day for day, _ in home.week] == stats.days_between(d(0), d(6))
    assert dict(home.week)[d(2)] == FUTURE


def test_progress_data_for_a_month(store, routine):
    today = date(2026, 11, 25)  # a Wednesday
    plan = save_plan(store, routine, date(2026, 9, 1))
    record(store, plan, at(date(2026, 9, 6)))  # a Sunday, just before the 12 weeks shown
    record(store, plan, at(date(2026, 11, 16)), done=("heat", "massage"), skipped=("eyes",), status="partial")
    for day in (23, 24):
        record(store, plan, at(date(2026, 11, day)), done=("preparation", *REQUIRED))
    data = queries.progress_data(store, routine, today, date(2026, 11, 1))

    assert [day for day, _ in data.calendar] == stats.month_of(date(2026, 11, 1))
    calendar = dict(data.calendar)
    assert (calendar[date(2026, 11, 16)], calendar[date(2026, 11, 24)], calendar[today]) == (PARTIAL, DONE, TODAY)
    assert calendar[date(2026, 11, 26)] == FUTURE
    assert (data.current_streak, data.best_streak) == (2, 2)
    assert data.adherence[7] == 100.0 * 2 / 6  # Nov 19-24 were planned, two done; today is pending
    assert data.adherence[90] == pytest.approx(100.0 * 3 / 85)  # Sep 1 .. Nov 24: 85 planned days

    assert len(data.weekly_minutes) == 12
    assert data.weekly_minutes[0] == (date(2026, 9, 7), 0.0)
    assert data.weekly_minutes[-2] == (date(2026, 11, 16), pytest.approx(125 / 60))
    assert data.weekly_minutes[-1] == (date(2026, 11, 23), 8.0)

    rates = {r.step_key: r for r in data.step_rates}
    assert [r.step_key for r in data.step_rates] == ["preparation", *REQUIRED]
    assert (rates["eyes"].done, rates["eyes"].skipped) == (3, 1)
    assert rates["eyes"].avg_done_seconds == pytest.approx((60 * 3 + 5) / 4)
    assert rates["eyes"].avg_planned_seconds == 60
    assert (rates["preparation"].done, rates["preparation"].skipped) == (2, 0)


def test_history_rows_newest_first_with_time_summed(store, routine):
    plan = save_plan(store, routine, d(0))
    first = record(store, plan, at(d(0)), rating=4)
    second = record(store, plan, at(d(0), 18), done=("heat",), skipped=("massage",), status="partial")
    third = record(store, plan, at(d(1)))
    rows = queries.history_rows(store)
    assert [r.session_id for r in rows] == [third, second, first]
    assert (rows[1].status, rows[1].done_seconds, rows[1].local_date) == ("partial", 65.0, d(0))
    assert (rows[2].rating, rows[2].done_seconds) == (4, 180.0)
    assert rows[0].started_at == at(d(1)) and rows[0].started_at.tzinfo is not None


def test_history_of_an_empty_record_is_empty(store, routine):
    assert queries.history_rows(store) == []
    home = queries.home_stats(store, routine, d(0))
    assert (home.current_streak, home.best_streak, home.today_status) == (0, 0, NO_DATA)


# --- the caregiver's window -----------------------------------------------------------


def test_adherence_between_dates(store, routine, clock):
    plan = save_plan(store, routine, d(0))
    for n in (0, 1, 3):
        record(store, plan, at(d(n)))
    store.set_rest_day(d(2), True, clock.now())
    assert queries.adherence_between(store, routine, d(0), d(4), today=d(5)) == 75.0
    assert queries.adherence_between(store, routine, d(0), d(30), today=d(4)) == 100.0  # d(4): pending
    assert queries.adherence_between(store, routine, d(2), d(2), today=d(5)) == 100.0  # only a rest day


def test_a_window_keeps_days_before_the_record_as_no_data(store, routine):
    plan = save_plan(store, routine, d(10))
    record(store, plan, at(d(10)))
    days = queries.day_map(store, routine, d(8), d(11), today=d(12))
    assert days == {d(8): NO_DATA, d(9): NO_DATA, d(10): DONE, d(11): MISSED}


def test_a_window_inside_the_record_knows_where_the_record_began(store, routine):
    plan = save_plan(store, routine, d(5))
    record(store, plan, at(d(0)))  # before the plan took effect: the record starts here
    days = queries.day_map(store, routine, d(2), d(5), today=d(6))
    assert days == {d(2): MISSED, d(3): MISSED, d(4): MISSED, d(5): MISSED}


def test_step_rates_cover_only_the_days_asked(store, routine):
    plan = save_plan(store, routine, d(0))
    record(store, plan, at(d(0)))
    record(store, plan, at(d(3)), done=("heat",), skipped=("massage",))
    rates = queries.step_rates(store, routine, d(1), d(3))
    assert [(r.step_key, r.done, r.skipped) for r in rates] == [("heat", 1, 0), ("massage", 0, 1)]


# --- the practice's summary of today -------------------------------------------------


def test_today_summary_follows_the_day_rules(practice, store, clock):
    plan = store.current_plan()
    today = clock.now().date()
    record(store, plan, clock.now() - timedelta(days=1))
    record(store, plan, clock.now(), done=("heat", "massage"), status="partial")
    record(store, plan, clock.now() + timedelta(hours=2), done=("eyes",), status="partial")
    summary = practice.today_summary()
    assert summary.status == TodayStatus.DONE
    assert summary.streak == 2  # a session before the first plan starts the record, judged by that plan
    assert queries.home_stats(store, practice.routine, today).today_status == DONE


# --- properties through the store -----------------------------------------------------

ZONES = [PARIS, ZoneInfo("America/New_York"), TOKYO, LOS_ANGELES, ZoneInfo("Australia/Lord_Howe")]
AUTUMN_CHANGES = date(2026, 10, 25)  # Europe; North America follows on Nov 1


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("property-store"))
    yield store
    store.close()


def clear(store):
    with store.engine.begin() as conn:
        for table in (SessionRecord, RestDay, Plan):
            conn.execute(delete(table.__table__))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    offset=st.integers(0, 6),
    days=st.lists(st.tuples(st.sampled_from(ZONES), st.sampled_from([(0, 5), (8, 0), (23, 50)]),
                            st.integers(1, 2), st.booleans()), min_size=1, max_size=6),
)
def test_streaks_through_the_store_across_dst_midnight_and_moves(shared_store, routine, offset, days):
    """Consecutive days around the autumn changes: each has sessions (its steps split over
    one or two), started near midnight or in the morning, in whatever zone the patient is
    in, or is a rest day. The streak is the number of days with sessions."""
    store = shared_store
    clear(store)
    first = AUTUMN_CHANGES - timedelta(days=offset)
    plan = save_plan(store, routine, first)
    for n, (zone, (hour, minute), parts, resting) in enumerate(days):
        day = first + timedelta(days=n)
        if resting:
            store.set_rest_day(day, True, at(day, 7, zone=UTC))
            continue
        for part in range(parts):
            record(store, plan, at(day, hour, minute, zone) + timedelta(minutes=5 * part),
                   done=REQUIRED[part::parts])
    today = first + timedelta(days=len(days))
    expected = sum(1 for *_, resting in days if not resting)
    home = queries.home_stats(store, routine, today)
    assert (home.current_streak, home.best_streak) == (expected, expected)
    assert queries.adherence_between(store, routine, first, today, today) == 100.0
