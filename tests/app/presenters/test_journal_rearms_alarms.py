"""Android's alarms hold their own copy of the reminders: each journal entry that changes the
nudges (an injection saved, corrected or deleted, a check-in, the booking prompt answered, an
effect mark) arms them afresh, and the plan armed then says no more than is still to do."""
from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.presenters.injection import InjectionPresenter
from app.presenters.treatment import CheckInPresenter, CycleCardPresenter
from app.reminders import android_alarm_plan_for_store
from app.treatment.entries import AreaDose
from app.treatment.nudges import BOOKING_NUDGE, CHECKIN_NUDGE
from app.vocabulary import EffectMark, InjectionArea, InjectionSide
from tests.fakes import FakeScreen

TODAY = date(2026, 11, 25)  # FakeClock's day


@pytest.fixture
def armed(core, monkeypatch):
    """Each plan Android would have been given, as the core would compute it at that moment."""
    core.apply_preferences(replace(core.preferences, reminder_times=("19:00",)))  # later than the clock's hour
    plans = []

    def arm() -> bool:
        plans.append(android_alarm_plan_for_store(core.store, core.routine, core.clock))
        return True
    monkeypatch.setattr(core, "rearm_android_alarms", arm)
    return plans


def messages_on(plan, day: date) -> list[str]:
    return [entry["message"] for entry in plan if entry["day"] == day.isoformat()]


def log(core, given_on):
    return core.store.treatment.log_injection(given_on, [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT)],
                                              core.clock.now())


def test_an_answered_check_in_leaves_no_check_in_reminder_for_its_day(core, navigator, screen, armed):
    log(core, TODAY - timedelta(days=3))
    before = android_alarm_plan_for_store(core.store, core.routine, core.clock)
    assert any(CHECKIN_NUDGE in m for m in messages_on(before, TODAY))
    checkin = CheckInPresenter(core, navigator, screen)
    checkin.prepare()
    checkin.nothing_new()
    [plan] = armed
    today = messages_on(plan, TODAY)
    assert today and not any(CHECKIN_NUDGE in m for m in today)  # the routine still rings, without it
    assert any(CHECKIN_NUDGE in m for m in messages_on(plan, TODAY + timedelta(days=1)))  # tomorrow's is still asked


def test_an_injection_saved_corrected_and_deleted_each_arms_the_alarms(core, navigator, screen, armed):
    presenter = InjectionPresenter(core, navigator, screen)
    presenter.prepare()
    presenter.enter()
    presenter.toggle_area(InjectionArea.CHEEK)
    presenter.save()
    assert len(armed) == 1 and any(CHECKIN_NUDGE in m for m in messages_on(armed[0], TODAY))
    [shot] = core.store.treatment.injections()
    presenter.prepare(injection_id=shot.id)
    presenter.enter()
    presenter.type(date_text=(TODAY - timedelta(days=20)).isoformat())  # out of its check-in window
    presenter.save()
    assert len(armed) == 2 and not any(CHECKIN_NUDGE in e["message"] for e in armed[1])
    [shot] = core.store.treatment.injections()
    presenter.prepare(injection_id=shot.id)
    presenter.enter()
    presenter._delete()  # what "Yes, delete it" calls
    assert len(armed) == 3 and core.store.treatment.injections() == []


def test_the_booking_prompt_answered_leaves_no_booking_reminder(core, armed):
    log(core, TODAY - timedelta(weeks=10, days=1))  # two weeks before the usual window: prompted
    assert any(BOOKING_NUDGE in e["message"] for e in android_alarm_plan_for_store(core.store, core.routine,
                                                                                    core.clock))
    card = CycleCardPresenter(core, FakeScreen())
    card.booking_answered()
    [plan] = armed
    assert plan and not any(BOOKING_NUDGE in e["message"] for e in plan)
    card.mark(EffectMark.FADING)
    assert len(armed) == 2


def test_a_refused_check_in_arms_nothing(core, navigator, screen, armed):
    checkin = CheckInPresenter(core, navigator, screen)
    checkin.prepare()
    checkin.nothing_new()  # no injection: outside any window, refused
    assert armed == [] and screen.model.message


def test_a_care_plan_saved_arms_the_alarms_afresh(core, navigator, screen, armed):
    from app.presenters.care_plan import CarePlanPresenter

    plan = CarePlanPresenter(core, navigator, screen)
    plan.enter()
    plan.type(cycle_weeks="20")  # the booking prompt follows the expected cycle length
    plan.save()
    assert len(armed) == 1 and navigator.current == "caregiver"


def test_an_alarm_service_failing_after_a_check_in_leaves_it_saved(core, navigator, screen, monkeypatch):
    def broken_alarm_service(*_args):
        raise RuntimeError("the alarm service is not answering")
    monkeypatch.setattr("app.core.schedule_android_alarms", broken_alarm_service)
    log(core, TODAY - timedelta(days=3))
    checkin = CheckInPresenter(core, navigator, screen)
    checkin.prepare()
    checkin.nothing_new()
    assert navigator.current == "home"  # saved, not "could not be saved"
    assert len(core.store.treatment.checkins()) == 1
