"""The caregiver dashboard, on a real SQLite record seeded day by day."""
from datetime import date, datetime, time, timedelta, timezone

import pytest

from app.caregiver.dashboard import NEEDS_ATTENTION, NOT_STARTED, ON_TRACK, SLIPPING, dashboard
from app.storage.repository import PlanStepView
from tests.seed import one_transaction

TODAY = date(2026, 11, 25)  # a Wednesday; FakeClock's default day
TIMED = ("heat", "massage", "eyes")


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def at(day: date, hour: int = 8) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.utc)


def save_plan(store, routine, effective_from: date, excluded=(), rest_weekdays=()):
    steps = [PlanStepView(s.key, s.key not in excluded, s.seconds) for s in routine.steps]
    return store.save_plan(steps, set(rest_weekdays), effective_from, at(effective_from, 7))


def add_session(store, plan, day: date, skip=(), status="completed", note=None, rating=None,
                done_share=1.0, hour=8) -> int:
    """A session on `day` running every included step of `plan`; steps in `skip` are skipped."""
    start = at(day, hour)
    session_id = store.begin_session(plan.id, start)
    for position, step in enumerate(plan.included_steps()):
        log = store.start_step(session_id, position, step.step_key, step.seconds, start)
        skipped = step.step_key in skip
        done = 30.0 if skipped else step.seconds * done_share
        store.finish_step(log, "skipped" if skipped else "done", done, start + timedelta(seconds=done))
    store.finish_session(session_id, status, start + timedelta(minutes=20))
    if note is not None or rating is not None:
        store.annotate_session(session_id, note, rating)
    return session_id


def daily(store, plan, first_ago: int, last_ago: int, except_ago=(), **kwargs) -> None:
    """A session a day, written through the Store's methods in one transaction (fast)."""
    with one_transaction(store) as bulk:
        for n in range(first_ago, last_ago - 1, -1):
            if n not in except_ago:
                add_session(bulk, plan, ago(n), **kwargs)


# --- adherence and status -----------------------------------------------------------------


def test_every_day_done_is_on_track(store, routine):
    plan = save_plan(store, routine, ago(40))
    daily(store, plan, 40, 0)
    board = dashboard(store, routine, TODAY)
    assert board.adherence == {7: 100.0, 30: 100.0, 90: 100.0}
    assert board.status == ON_TRACK
    assert board.status_reason == "Every routine day of the last 7 was done."
    assert board.missed_days == []
    assert board.last_session == TODAY


def test_missed_days_make_it_slipping_and_are_listed_newest_first(store, routine):
    plan = save_plan(store, routine, ago(29))
    daily(store, plan, 29, 1, except_ago=(2, 10, 20))
    board = dashboard(store, routine, TODAY)
    # 29 routine days are over (today is still open); 3 of them were missed.
    assert board.adherence[30] == pytest.approx(100 * 26 / 29)
    assert board.adherence[7] == pytest.approx(100 * 5 / 6)
    # Days before the first plan are not counted as missed.
    assert board.adherence[90] == pytest.approx(100 * 26 / 29)
    assert board.missed_days == [ago(2), ago(10), ago(20)]
    assert board.status == SLIPPING
    assert "1 day of the last 7" in board.status_reason


def test_a_partly_done_day_is_slipping_but_not_missed(store, routine):
    plan = save_plan(store, routine, ago(10))
    daily(store, plan, 10, 1, except_ago=(3,))
    add_session(store, plan, ago(3), skip=("eyes",), status="partial")
    board = dashboard(store, routine, TODAY)
    assert board.status == SLIPPING
    assert board.missed_days == []
    assert board.days[ago(3)] == "partial"


def test_missed_days_older_than_a_week_do_not_spoil_the_status(store, routine):
    plan = save_plan(store, routine, ago(20))
    daily(store, plan, 20, 1, except_ago=(8, 9))
    board = dashboard(store, routine, TODAY)
    assert board.status == ON_TRACK
    assert board.missed_days == [ago(8), ago(9)]


def test_three_days_without_any_session_needs_attention(store, routine):
    plan = save_plan(store, routine, ago(20))
    daily(store, plan, 20, 3)
    board = dashboard(store, routine, TODAY)
    assert board.last_session == ago(3)
    assert board.quiet_days == 3
    assert board.status == NEEDS_ATTENTION


def test_two_quiet_days_are_only_slipping(store, routine):
    plan = save_plan(store, routine, ago(20))
    daily(store, plan, 20, 2)
    board = dashboard(store, routine, TODAY)
    assert board.quiet_days == 2
    assert board.status == SLIPPING


def test_an_abandoned_session_still_counts_as_a_session(store, routine):
    plan = save_plan(store, routine, ago(20))
    daily(store, plan, 20, 3)
    add_session(store, plan, ago(1), skip=TIMED, status="abandoned")
    board = dashboard(store, routine, TODAY)
    assert board.last_session == ago(1)
    assert board.status == SLIPPING


def test_rest_weekdays_are_not_quiet_days(store, routine):
    # Today is a Wednesday: Monday and Tuesday are the plan's rest days.
    plan = save_plan(store, routine, ago(20), rest_weekdays=(0, 1))
    daily(store, plan, 20, 3)
    board = dashboard(store, routine, TODAY)
    assert board.days[ago(1)] == board.days[ago(2)] == "rest"
    assert board.quiet_days == 1
    assert board.status == ON_TRACK
    # Days 3 to 6 ago; days 1 and 2 were rest days and today is still open.
    assert board.status_reason == "All 4 routine days of the last 7 were done; today is not over yet."


def test_a_new_patient_with_no_session_yet(store, routine):
    save_plan(store, routine, TODAY)
    board = dashboard(store, routine, TODAY)
    assert board.last_session is None
    assert board.quiet_days == 1
    assert board.status == NOT_STARTED and board.status.words == "Not started yet"
    assert board.status_reason == "No session has been recorded yet."
    assert board.routine_days == {7: 0, 30: 0, 90: 0}  # nothing measured: the 100 % below is not shown


def test_no_record_at_all_is_not_started(store, routine):
    board = dashboard(store, routine, TODAY)
    assert board.status == NOT_STARTED and board.routine_days == {7: 0, 30: 0, 90: 0}


def test_a_plan_with_no_session_for_days_is_not_started_and_says_how_long(store, routine):
    save_plan(store, routine, ago(4))
    board = dashboard(store, routine, TODAY)
    assert board.quiet_days == 5
    assert board.status == NOT_STARTED
    assert board.status_reason == "No session has been recorded yet; 4 routine days are over without one."
    assert board.missed_days == [ago(1), ago(2), ago(3), ago(4)]
    assert board.adherence[7] == 0.0 and board.routine_days[7] == 4


def test_before_the_first_routine_day_is_over_it_is_not_started(store, routine):
    plan = save_plan(store, routine, TODAY)
    add_session(store, plan, TODAY, skip=("eyes",), status="partial")
    board = dashboard(store, routine, TODAY)
    assert board.status == NOT_STARTED
    assert board.status_reason == "The first routine day is not over yet."


def test_the_first_day_done_is_on_track_and_says_it_was_one_day(store, routine):
    plan = save_plan(store, routine, TODAY)
    add_session(store, plan, TODAY)
    board = dashboard(store, routine, TODAY)
    assert board.status == ON_TRACK and board.routine_days[7] == 1
    assert board.status_reason == "The one routine day of the last 7 was done."


def test_a_week_done_up_to_yesterday_says_six_days_not_seven(store, routine):
    plan = save_plan(store, routine, ago(20))
    daily(store, plan, 20, 1)
    board = dashboard(store, routine, TODAY)
    assert board.status == ON_TRACK
    assert board.status_reason == "All 6 routine days of the last 7 were done; today is not over yet."


def test_a_patient_who_stopped_long_ago_is_not_called_not_started(store, routine):
    plan = save_plan(store, routine, ago(200))
    daily(store, plan, 200, 150)
    board = dashboard(store, routine, TODAY)
    assert board.last_session is None  # none in the 90-day window, but the record has sessions
    assert board.status == NEEDS_ATTENTION


def test_days_are_judged_by_the_plan_in_force_then(store, routine):
    first = save_plan(store, routine, ago(20))
    # The patient never does the eye circles; ten days ago the caregiver dropped them.
    for n in range(20, 10, -1):
        add_session(store, first, ago(n), skip=("eyes",), status="partial")
    second = save_plan(store, routine, ago(10), excluded=("eyes",))
    daily(store, second, 10, 1)
    board = dashboard(store, routine, TODAY)
    assert [board.days[ago(n)] for n in (11, 10)] == ["partial", "done"]
    assert board.adherence[7] == 100.0
    assert board.adherence[30] == pytest.approx(100 * 10 / 20)
    assert board.status == ON_TRACK
    assert board.missed_days == []


def test_a_plan_change_today_does_not_rewrite_the_past(store, routine):
    first = save_plan(store, routine, ago(5))
    daily(store, first, 5, 1, skip=("massage",), status="partial")
    save_plan(store, routine, TODAY, excluded=("massage",))
    board = dashboard(store, routine, TODAY)
    assert [board.days[ago(n)] for n in range(5, 0, -1)] == ["partial"] * 5
    assert board.adherence[7] == 0.0


# --- steps, ratings and notes ------------------------------------------------------------------


def test_step_figures_compare_time_done_with_time_planned(store, routine):
    plan = save_plan(store, routine, ago(10))
    add_session(store, plan, ago(3), done_share=0.9)
    add_session(store, plan, ago(2), done_share=0.5)
    add_session(store, plan, ago(1), skip=("heat",), status="partial")
    board = dashboard(store, routine, TODAY)
    heat = next(s for s in board.steps if s.step_key == "heat")
    assert heat.title == "Warm towel"
    assert (heat.done, heat.skipped) == (2, 1)
    assert heat.avg_done_seconds == pytest.approx((540 + 300 + 30) / 3)
    assert heat.avg_planned_seconds == pytest.approx(600)
    assert heat.done_percent == pytest.approx(200 / 3)
    assert [s.step_key for s in board.steps] == [s.key for s in routine.steps]


def test_step_figures_leave_out_sessions_older_than_the_window(store, routine):
    plan = save_plan(store, routine, ago(200))
    add_session(store, plan, ago(120), skip=("heat",))
    add_session(store, plan, ago(1))
    heat = next(s for s in dashboard(store, routine, TODAY).steps if s.step_key == "heat")
    assert (heat.done, heat.skipped) == (1, 0)


def test_ratings_oldest_first_and_notes_newest_first(store, routine):
    plan = save_plan(store, routine, ago(200))
    add_session(store, plan, ago(100), note="too old to show", rating=1)
    add_session(store, plan, ago(5), note="Towel felt good", rating=4)
    add_session(store, plan, ago(4), rating=2)
    add_session(store, plan, ago(3), note="   ", rating=None)
    add_session(store, plan, ago(2), note="Cheek tired,\nstopped early", rating=3)
    board = dashboard(store, routine, TODAY)
    assert board.ratings == [(ago(5), 4), (ago(4), 2), (ago(2), 3)]
    assert board.notes == [(ago(2), "Cheek tired,\nstopped early"), (ago(5), "Towel felt good")]


def test_two_sessions_on_one_day_keep_their_own_order(store, routine):
    plan = save_plan(store, routine, ago(5))
    add_session(store, plan, ago(1), note="morning", hour=7)
    add_session(store, plan, ago(1), note="evening", hour=19)
    assert [text for _, text in dashboard(store, routine, TODAY).notes] == ["evening", "morning"]
