"""The check-in and the booking prompt join the reminders: on their days, until answered."""
from datetime import date, datetime, timedelta, timezone

from app.reminders import MESSAGES, ReminderScheduler
from app.settings import Preferences, save_preferences
from app.treatment.cycle import BOOKED_SETTING
from app.treatment.entries import AreaDose, CheckIn, Injection
from app.treatment.nudges import BOOKING_NUDGE, CHECKIN_NUDGE, treatment_nudge
from app.vocabulary import InjectionArea, InjectionSide
from tests.app.test_reminders import Notifications, finish_a_whole_session, run

TODAY = date(2026, 11, 25)
UTC = timezone.utc


def shot(given_on: date) -> Injection:
    return Injection(1, given_on, (AreaDose(InjectionArea.CHIN, InjectionSide.BOTH),))


def test_the_check_in_is_nudged_in_its_window_until_answered():
    injections = [shot(TODAY - timedelta(days=3))]
    assert treatment_nudge(TODAY, injections, [], []) == CHECKIN_NUDGE
    assert treatment_nudge(TODAY, injections, [CheckIn(1, TODAY, frozenset())], []) is None
    assert treatment_nudge(TODAY + timedelta(days=20), injections, [], []) is None
    assert treatment_nudge(TODAY, [], [], []) is None


def test_the_booking_prompt_is_nudged_until_answered_for_this_cycle():
    given_on = TODAY - timedelta(weeks=11)  # the usual window opens in a week
    assert treatment_nudge(TODAY, [shot(given_on)], [], []) == BOOKING_NUDGE
    assert treatment_nudge(TODAY, [shot(given_on)], [], [], booked_for=given_on.isoformat()) is None
    assert treatment_nudge(TODAY, [shot(given_on)], [], [], booked_for="2026-01-01") == BOOKING_NUDGE


def test_a_done_day_still_rings_for_the_check_in_and_no_more_once_it_is_answered(store, routine, practice, clock):
    save_preferences(store, Preferences(reminder_times=("08:30", "19:00")))
    store.treatment.log_injection(TODAY - timedelta(days=2), [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT)],
                                  clock.now())
    notes = Notifications(clock)
    sched = ReminderScheduler.for_record(store, routine, clock, notes)
    sched.check()
    finish_a_whole_session(practice, clock)  # the routine is done before 08:30
    run(clock, sched, hours=1)
    assert [(when, message) for when, _title, message in notes.sent] == [("2026-11-25 08:30", CHECKIN_NUDGE)]
    store.treatment.check_in(TODAY, [], clock.now())
    clock.advance((datetime(2026, 11, 25, 18, 50, tzinfo=UTC) - clock.now()).total_seconds())
    run(clock, sched, hours=0.5)
    assert len(notes.sent) == 1


def test_a_routine_reminder_carries_the_nudge_after_its_own_words(store, routine, clock):
    save_preferences(store, Preferences(reminder_times=("08:30",)))
    store.treatment.log_injection(TODAY - timedelta(weeks=11), [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT)],
                                  clock.now())
    store.put_setting(BOOKED_SETTING, "2020-01-01")  # an earlier cycle's answer does not count
    notes = Notifications(clock)
    sched = ReminderScheduler.for_record(store, routine, clock, notes)
    sched.check()
    run(clock, sched, hours=1)
    [(_when, _title, message)] = notes.sent
    assert any(message == f"{words} {BOOKING_NUDGE}" for words in MESSAGES)


def test_the_android_plan_keeps_a_settled_day_for_its_nudge_alone():
    from app.reminders import android_alarm_plan

    now = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    settled = {TODAY + timedelta(days=1)}
    plan = android_alarm_plan(now, ["08:30"], lambda day: day in settled, days=3,
                              nudge=lambda day: CHECKIN_NUDGE if day <= TODAY + timedelta(days=1) else None)
    messages = {entry["day"]: entry["message"] for entry in plan}
    assert messages["2026-11-26"] == CHECKIN_NUDGE  # done or resting, but the check-in is still asked
    assert messages["2026-11-25"].endswith(CHECKIN_NUDGE) and messages["2026-11-25"] != CHECKIN_NUDGE
    assert messages["2026-11-27"] in MESSAGES
