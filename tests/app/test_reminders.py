import importlib.util
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.clock import FakeClock
from app.reminders import (CATCH_UP_MESSAGE, CHECKED_KEY, FIRED_KEY, MESSAGES, ReminderLog, ReminderScheduler,
                           android_alarm_plan, android_alarm_plan_for_store, due_reminders, load_log,
                           next_reminder, plan_check, settled_on, reminder_notice, schedule_android_alarms,
                           upcoming_reminders)
from app.settings import Preferences, save_preferences
from tests.fakes import MemorySettings

ROOT = Path(__file__).resolve().parents[2]
UTC = timezone.utc




class Notifications:
    def __init__(self, clock):
        self.clock, self.sent = clock, []

    def __call__(self, title, message):
        self.sent.append((self.clock.now().strftime("%Y-%m-%d %H:%M"), title, message))

    def times(self):
        return [when for when, _, _ in self.sent]


def scheduler(clock, store=None, times=("08:30", "19:00"), done=lambda: False, notify=None):
    store = store if store is not None else MemorySettings()
    notify = notify or Notifications(clock)
    return ReminderScheduler(store, clock, lambda: times, lambda day: done(), notify), notify, store


def run(clock, sched, hours, step=60):
    """Check once every `step` seconds for `hours`, as the app's clock loop would."""
    for _ in range(int(hours * 3600 / step)):
        clock.advance(step)
        sched.check()


# --- the in-app scheduler with a fake clock ------------------------------------------------

def test_a_day_not_done_gets_exactly_one_per_reminder_time(clock):
    sched, notes, _ = scheduler(clock)  # clock starts 2026-11-25 08:00
    sched.check()
    run(clock, sched, hours=15.5)
    assert notes.times() == ["2026-11-25 08:30", "2026-11-25 19:00"]
    assert all(title == "SmileBack" for _, title, _ in notes.sent)


def test_a_done_day_gets_none(clock):
    sched, notes, _ = scheduler(clock, done=lambda: True)
    sched.check()
    run(clock, sched, hours=15.5)
    assert notes.sent == []


def test_finishing_mid_day_silences_the_later_reminder(clock):
    state = {"done": False}
    sched, notes, _ = scheduler(clock, done=lambda: state["done"])
    sched.check()
    run(clock, sched, hours=2)
    state["done"] = True
    run(clock, sched, hours=13)
    assert notes.times() == ["2026-11-25 08:30"]


def test_across_midnight_each_day_starts_afresh(clock):
    sched, notes, _ = scheduler(clock, times=("08:30", "23:59", "00:00"))
    sched.check()
    run(clock, sched, hours=40)  # to 2026-11-27 00:00
    assert notes.times() == ["2026-11-25 08:30", "2026-11-25 23:59", "2026-11-26 00:00",
                             "2026-11-26 08:30", "2026-11-26 23:59", "2026-11-27 00:00"]


def test_checking_often_does_not_repeat(clock):
    sched, notes, _ = scheduler(clock)
    sched.check()
    run(clock, sched, hours=1, step=7)
    assert notes.times() == ["2026-11-25 08:30"]


def test_a_restart_does_not_repeat_a_reminder(store):
    clock = FakeClock(datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    first, notes, _ = scheduler(clock, store=store)
    first.check()
    run(clock, first, hours=0.6)  # 08:36
    assert notes.times() == ["2026-11-25 08:30"]
    again, notes_after_restart, _ = scheduler(clock, store=store)
    clock.advance(60)
    again.check()
    assert notes_after_restart.sent == []
    assert load_log(store).fired_on(date(2026, 11, 25)) == {"08:30"}


def test_a_record_that_refuses_writes_still_gets_its_reminder_once(store):
    """The log write raised out of the once-a-minute loop: no reminder, and a crash."""
    from tests.faults import RefusedWrites

    clock = FakeClock(datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    sched, notes, _ = scheduler(clock, store=store)
    sched.check()
    RefusedWrites(store).refuse()
    run(clock, sched, hours=0.6)  # 08:36
    assert notes.times() == ["2026-11-25 08:30"]


def test_times_missed_while_closed_give_one_catch_up(store):
    clock = FakeClock(datetime(2026, 11, 25, 7, 0, tzinfo=UTC))
    sched, _, _ = scheduler(clock, store=store)
    sched.check()  # the app was open at 07:00, then closed
    clock.advance(13 * 3600)  # reopened at 20:00: 08:30 and 19:00 both passed
    reopened, notes, _ = scheduler(clock, store=store)
    assert reopened.check() == "19:00"
    run(clock, reopened, hours=3)
    assert notes.times() == ["2026-11-25 20:00"]
    assert notes.sent[0][2] == CATCH_UP_MESSAGE


def test_yesterdays_missed_reminders_are_dropped(store):
    clock = FakeClock(datetime(2026, 11, 25, 18, 0, tzinfo=UTC))
    sched, _, _ = scheduler(clock, store=store)
    sched.check()
    clock.advance(13 * 3600)  # closed over 19:00, reopened next day 07:00
    reopened, notes, _ = scheduler(clock, store=store)
    reopened.check()
    run(clock, reopened, hours=2)
    assert notes.times() == ["2026-11-26 08:30"]
    assert notes.sent[0][2] in MESSAGES


def test_the_first_look_ever_fires_nothing(clock):
    clock.advance(2 * 3600)  # 10:00, past the 08:30 reminder
    sched, notes, _ = scheduler(clock)
    sched.check()
    run(clock, sched, hours=1)
    assert notes.sent == []


def test_a_time_added_after_it_passed_today_waits_for_tomorrow(clock):
    times = ["19:00"]
    sched, notes, store = scheduler(clock)
    sched.reminder_times = lambda: tuple(times)
    sched.check()
    run(clock, sched, hours=2)  # 10:00
    times.append("09:00")
    run(clock, sched, hours=24)
    assert notes.times() == ["2026-11-25 19:00", "2026-11-26 09:00"]


def test_reminders_follow_local_time_after_travel(clock):
    sched, notes, _ = scheduler(clock, times=("09:00",))
    sched.check()  # 08:00 UTC
    clock.set_zone(timezone(timedelta(hours=-5)))  # now 03:00 local
    run(clock, sched, hours=7)
    assert notes.times() == ["2026-11-25 09:00"]


def test_flying_west_does_not_repeat_a_reminder_already_given(clock):
    sched, notes, _ = scheduler(clock, times=("09:00",))
    sched.check()
    run(clock, sched, hours=1.5)  # 09:30 UTC, the 09:00 reminder given
    clock.set_zone(timezone(timedelta(hours=-2)))  # 07:30 local: 09:00 comes round again
    run(clock, sched, hours=3)
    assert notes.times() == ["2026-11-25 09:00"]


def test_the_day_is_judged_only_when_a_reminder_is_due(clock):
    asked = []
    sched, _, _ = scheduler(clock, done=lambda: asked.append(1) or False)
    sched.check()
    run(clock, sched, hours=15.5)
    assert len(asked) == 2


def test_a_failing_notifier_does_not_stop_the_loop(clock):
    def broken(title, message):
        raise OSError("no notification daemon")

    sched, _, _ = scheduler(clock, notify=broken)
    sched.check()
    run(clock, sched, hours=1)  # must not raise


def test_the_log_is_written_at_most_once_a_minute(clock):
    sched, _, store = scheduler(clock)
    sched.check()
    before = store.writes
    run(clock, sched, hours=0.25, step=5)  # 180 checks within 15 minutes
    assert store.writes - before <= 2 * 15 + 2


def test_unreadable_stored_log_starts_afresh():
    store = MemorySettings({FIRED_KEY: "yesterday 8:30", CHECKED_KEY: "soon"})
    assert load_log(store) == ReminderLog()
    store = MemorySettings({FIRED_KEY: "2026-11-25 08:30,banana", CHECKED_KEY: "2026-11-25T08:00:00"})
    assert load_log(store) == ReminderLog()  # a bad time, and a naive watermark


def finish_a_whole_session(practice, clock):
    runner = practice.new_runner()
    runner.start()
    while runner.state.value != "session_finished":
        if runner.state.value == "step_finished" or (
                runner.state.value == "running" and not runner.current.step.timed):
            runner.confirm()
        else:
            clock.advance(30)
            runner.tick()


def test_scheduler_wired_to_the_app(store, routine, practice, clock):
    save_preferences(store, Preferences(reminder_times=("08:30",)))
    notes = Notifications(clock)
    sched = ReminderScheduler.for_record(store, routine, clock, notes)
    sched.check()
    finish_a_whole_session(practice, clock)  # done before the reminder
    run(clock, sched, hours=1)
    assert notes.sent == []
    assert sched.next_reminder() == datetime(2026, 11, 26, 8, 30, tzinfo=UTC)
    clock.advance((datetime(2026, 11, 26, 8, 0, tzinfo=UTC) - clock.now()).total_seconds())  # closed overnight
    run(clock, sched, hours=1)
    assert notes.times() == ["2026-11-26 08:30"]


def test_settled_days_follow_the_home_screen(store, routine, practice, clock):
    settled = settled_on(store, routine, clock)
    today = clock.now().date()
    assert settled(today) is False
    finish_a_whole_session(practice, clock)
    assert settled(today) is True and settled(today + timedelta(days=1)) is False


# --- the pure pieces ---------------------------------------------------------------------------

def test_plan_check_marks_due_times_even_on_a_done_day():
    log = ReminderLog(date(2026, 11, 25), frozenset(), datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    result = plan_check(["08:30"], datetime(2026, 11, 25, 8, 30, tzinfo=UTC), log, today_done=True)
    assert result.fire is None and result.log.fired == {"08:30"}


def test_plan_check_on_time_is_not_a_catch_up():
    log = ReminderLog(None, frozenset(), datetime(2026, 11, 25, 8, 29, tzinfo=UTC))
    result = plan_check(["08:30"], datetime(2026, 11, 25, 8, 30, 40, tzinfo=UTC), log, today_done=False)
    assert (result.fire, result.catch_up) == ("08:30", False)


def test_due_reminders_counts_midnight_on_a_new_day():
    log = ReminderLog(date(2026, 11, 24), frozenset({"00:00"}), datetime(2026, 11, 24, 23, 59, tzinfo=UTC))
    assert due_reminders(["00:00"], datetime(2026, 11, 25, 0, 0, tzinfo=UTC), log) == ["00:00"]


@pytest.mark.parametrize("now, done, expected", [
    (datetime(2026, 11, 25, 8, 0, tzinfo=UTC), False, datetime(2026, 11, 25, 8, 30, tzinfo=UTC)),
    (datetime(2026, 11, 25, 8, 30, tzinfo=UTC), False, datetime(2026, 11, 25, 19, 0, tzinfo=UTC)),
    (datetime(2026, 11, 25, 20, 0, tzinfo=UTC), False, datetime(2026, 11, 26, 8, 30, tzinfo=UTC)),
    (datetime(2026, 11, 25, 8, 0, tzinfo=UTC), True, datetime(2026, 11, 26, 8, 30, tzinfo=UTC)),
    (datetime(2026, 12, 31, 23, 0, tzinfo=UTC), False, datetime(2027, 1, 1, 8, 30, tzinfo=UTC)),
])
def test_next_reminder(now, done, expected):
    assert next_reminder(now, ["19:00", "08:30"], today_done=done) == expected


def test_no_times_no_next_reminder():
    assert next_reminder(datetime(2026, 11, 25, 8, 0, tzinfo=UTC), []) is None


def test_next_reminder_passes_over_rest_days():
    now = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # Wednesday evening; Thursday and Friday rest
    rest = {date(2026, 11, 26), date(2026, 11, 27)}
    assert next_reminder(now, ["08:30"], skip_day=rest.__contains__) == datetime(2026, 11, 28, 8, 30, tzinfo=UTC)


def test_times_are_compared_in_one_written_form():
    log = ReminderLog(date(2026, 11, 25), frozenset({"08:30"}), datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    assert due_reminders(["8:30"], datetime(2026, 11, 25, 9, 0, tzinfo=UTC), log) == []


def test_upcoming_reminders_skip_settled_days():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    moments = upcoming_reminders(now, ["08:30", "19:00"], skip_day=lambda d: d == date(2026, 11, 26), days=3)
    assert moments == [datetime(2026, 11, 25, 19, 0, tzinfo=UTC),
                       datetime(2026, 11, 27, 8, 30, tzinfo=UTC), datetime(2026, 11, 27, 19, 0, tzinfo=UTC)]


def test_notice_words_vary_and_catch_up_is_its_own():
    days = [date(2026, 11, 25) + timedelta(days=i) for i in range(3)]
    messages = {reminder_notice(day, "08:30").message for day in days}
    assert messages == set(MESSAGES)
    assert reminder_notice(days[0], "08:30", catch_up=True).message == CATCH_UP_MESSAGE
    for text in (*MESSAGES, CATCH_UP_MESSAGE):
        assert not any(word in text.lower() for word in ("must", "should", "missed", "doctor", "treatment"))


# --- what counts as a settled day ---------------------------------------------------------------

def test_nothing_is_asked_on_rest_days_and_weekly_rest(store, routine, practice, clock):
    settled = settled_on(store, routine, clock)
    today = clock.now().date()  # a Wednesday
    assert settled(today) is False
    store.set_rest_day(today, True, clock.now())
    assert settled(today) is True
    plan = store.current_plan()
    store.save_plan(list(plan.steps), {(today + timedelta(days=1)).weekday()}, today, clock.now())
    assert settled(today + timedelta(days=1)) is True
    assert settled(today + timedelta(days=2)) is False


def test_a_partial_session_still_gets_reminders(store, routine, practice, clock):
    session = store.begin_session(store.current_plan().id, clock.now())
    store.finish_session(session, "partial", clock.now())
    assert settled_on(store, routine, clock)(clock.now().date()) is False


def test_two_sessions_that_together_do_the_day_settle_it(store, routine, practice, clock):
    """Reminders use the day rules themselves: done steps pool over the day's sessions."""
    first = practice.new_runner()
    first.start()
    first.confirm()  # preparation
    first.skip()  # the towel
    first.skip()
    first.skip()
    assert settled_on(store, routine, clock)(clock.now().date()) is False
    second = practice.new_runner()
    second.start()
    second.skip()  # preparation
    for seconds in (600, 240, 120):
        clock.advance(seconds)
        second.tick()
        second.confirm()
    assert second.status() == "completed"
    assert settled_on(store, routine, clock)(clock.now().date()) is True


# --- Android ----------------------------------------------------------------------------------------

def test_android_plan_is_wall_clock_and_skips_settled_days():
    now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    plan = android_alarm_plan(now, ["08:30", "19:00"], skip_day=lambda d: d == date(2026, 11, 27), days=4)
    assert [(p["day"], p["time"]) for p in plan] == [
        ("2026-11-25", "19:00"), ("2026-11-26", "08:30"), ("2026-11-26", "19:00"),
        ("2026-11-28", "08:30"), ("2026-11-28", "19:00")]
    assert all(p["title"] == "SmileBack" and p["message"] in MESSAGES for p in plan)


def test_android_plan_for_store_leaves_out_a_rest_today(store, routine, practice, clock):
    save_preferences(store, Preferences(reminder_times=("19:00",)))
    store.set_rest_day(clock.now().date(), True, clock.now())
    plan = android_alarm_plan_for_store(store, routine, clock)
    assert len(plan) == 6 and plan[0]["day"] == "2026-11-26"


def test_scheduling_android_alarms_is_a_no_op_on_desktop(store, routine, clock):
    assert schedule_android_alarms(store, routine, clock) is False


def test_build_hook_declares_the_receiver_once():
    spec = importlib.util.spec_from_file_location("p4a_hook", ROOT / "android" / "p4a_hook.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    manifest = '<manifest><application android:label="x">\n    <activity/>\n    </application></manifest>'
    once = hook.add_receiver(manifest)
    assert once.count(hook.RECEIVER_NAME) == 1 and once.index(hook.RECEIVER_NAME) < once.index("</application>")
    assert hook.add_receiver(once) == once
    assert 'android:exported="false"' in once and "BOOT_COMPLETED" in once
