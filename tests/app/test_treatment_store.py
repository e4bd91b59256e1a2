"""The treatment journal's record: each entry committed when made, checked first, kept with its history."""
from datetime import date, datetime, timedelta, timezone

import pytest

from app.storage import Store, StoreError, WriteFailed
from app.treatment.entries import AreaDose
from app.treatment.validation import TreatmentError
from app.vocabulary import Cadence, CareKind, EffectMark, InjectionArea, InjectionSide, Mood, SideEffect
from tests.faults import RefusedWrites

NOW = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)
TODAY = NOW.date()
CHEEK_LEFT = AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 2.5)


@pytest.fixture
def journal(store):
    return store.treatment


def test_an_injection_is_on_disk_as_soon_as_it_is_logged(data_dir, journal):
    logged = journal.log_injection(date(2026, 10, 21), [CHEEK_LEFT, AreaDose(InjectionArea.NECK, InjectionSide.BOTH)],
                                   NOW, given_by="Dr Okafor", product="Botox")
    reopened = Store(data_dir)  # a second connection sees only what was committed
    try:
        assert reopened.treatment.injections() == [logged]
        assert logged.areas[1].units is None and logged.total_units == 2.5
    finally:
        reopened.close()


def test_an_edit_replaces_the_injection_and_keeps_the_old_version(journal):
    first = journal.log_injection(date(2026, 10, 21), [CHEEK_LEFT], NOW)
    fixed = journal.log_injection(date(2026, 10, 20), [CHEEK_LEFT], NOW + timedelta(minutes=1), replaces=first.id)
    assert journal.injections() == [fixed]
    history = journal.history("injections", fixed.id)
    assert [h.entry.given_on for h in history] == [date(2026, 10, 21), date(2026, 10, 20)]
    assert [h.deleted for h in history] == [False, False]


def test_a_deleted_injection_is_gone_from_the_journal_but_not_from_its_history(journal):
    logged = journal.log_injection(date(2026, 10, 21), [CHEEK_LEFT], NOW)
    journal.delete_injection(logged.id, NOW + timedelta(minutes=1))
    assert journal.injections() == []
    deletion = logged.id + 1  # the version that says it was deleted, saved next
    assert [(h.deleted, h.entry.given_on) for h in journal.history("injections", deletion)] == [
        (False, date(2026, 10, 21)), (True, date(2026, 10, 21))]
    with pytest.raises(StoreError, match="changed or deleted since"):
        journal.delete_injection(logged.id, NOW + timedelta(minutes=2))
    with pytest.raises(StoreError, match="changed or deleted since"):
        journal.log_injection(date(2026, 10, 21), [CHEEK_LEFT], NOW, replaces=logged.id)


@pytest.mark.parametrize("given_on, areas, field", [
    (TODAY + timedelta(days=1), [CHEEK_LEFT], "date"),
    (TODAY, [], "areas"),
    (TODAY, [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 0)], "areas[0].units"),
    (TODAY, [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 5000)], "areas[0].units"),
    (TODAY, [AreaDose("forehead", InjectionSide.LEFT)], "areas[0].area"),
    (TODAY, [CHEEK_LEFT, CHEEK_LEFT], "areas[1]"),
])
def test_a_bad_injection_is_refused_naming_the_field_and_nothing_is_kept(journal, given_on, areas, field):
    with pytest.raises(TreatmentError) as refused:
        journal.log_injection(given_on, areas, NOW)
    assert refused.value.field == field and str(refused.value).startswith(field)
    assert journal.injections() == []


def test_an_injection_from_a_wrong_clock_is_refused(journal):
    with pytest.raises(StoreError, match="cannot be right"):
        journal.log_injection(date(1970, 1, 1), [CHEEK_LEFT], NOW)


def test_a_refused_write_raises_write_failed_and_keeps_nothing(store, journal):
    RefusedWrites(store).refuse()
    with pytest.raises(WriteFailed, match="read-only"):
        journal.log_injection(TODAY, [CHEEK_LEFT], NOW)
    with pytest.raises(WriteFailed):
        journal.tick_care(CareKind.FOOT_SOAK, TODAY, NOW)


def test_a_check_in_is_kept_per_day_and_a_second_replaces_the_first(journal):
    journal.log_injection(date(2026, 11, 20), [CHEEK_LEFT], NOW)
    journal.check_in(date(2026, 11, 24), [], NOW)
    first = journal.check_in(TODAY, [SideEffect.HEADACHE], NOW, note="  ")
    second = journal.check_in(TODAY, [SideEffect.HEADACHE, SideEffect.DOUBLE_VISION], NOW, note="after lunch")
    assert [c.local_date for c in journal.checkins()] == [date(2026, 11, 24), TODAY]
    assert journal.checkins()[-1] == second and second.note == "after lunch" and first.note is None
    assert journal.checkins(TODAY, TODAY) == [second]


@pytest.mark.parametrize("day, problem", [
    (date(2026, 10, 31), "none is recorded"),  # before the injection
    (date(2026, 11, 1) + timedelta(days=15), "the 14 days after an injection"),
    (TODAY + timedelta(days=1), "still to come"),
])
def test_a_check_in_outside_its_window_is_refused(journal, day, problem):
    journal.log_injection(date(2026, 11, 1), [CHEEK_LEFT], NOW)
    with pytest.raises(TreatmentError, match=problem):
        journal.check_in(day, [], NOW)
    assert journal.checkins() == []


def test_effect_marks_follow_an_injection(journal):
    with pytest.raises(TreatmentError, match="only after an injection"):
        journal.mark_effect(EffectMark.STARTED, TODAY, NOW)
    journal.log_injection(date(2026, 11, 1), [CHEEK_LEFT], NOW)
    started = journal.mark_effect(EffectMark.STARTED, date(2026, 11, 5), NOW)
    assert journal.marks() == [started]
    journal.delete_mark(started.id, NOW)
    assert journal.marks() == []


def test_supportive_care_items_ticks_and_mood(journal):
    item = journal.save_care_item(CareKind.AEROBIC, Cadence.WEEKLY, TODAY, NOW, target_minutes=30)
    again = journal.save_care_item(CareKind.AEROBIC, Cadence.DAILY, TODAY, NOW, target_minutes=20)
    assert journal.care_items() == [again] and again.id != item.id
    course = journal.save_care_item(CareKind.B_VITAMIN_COURSE, Cadence.WEEKLY, TODAY, NOW,
                                    dose_dates=[date(2027, 3, 2), date(2026, 11, 25)])  # planned ahead
    assert course.dose_dates == (date(2026, 11, 25), date(2027, 3, 2))
    journal.remove_care_item(course.id, NOW)
    assert journal.care_items() == [again]

    tick = journal.tick_care(CareKind.AEROBIC, TODAY, NOW, minutes=25)
    assert journal.tick_care(CareKind.AEROBIC, TODAY, NOW, minutes=35).minutes == 35
    assert len(journal.care_ticks()) == 1 and tick.minutes == 25
    journal.untick_care(journal.care_ticks()[0].id, NOW)
    assert journal.care_ticks() == []

    journal.record_mood(TODAY, Mood.LOW, NOW)
    assert journal.record_mood(TODAY, 4, NOW, note="better").mood is Mood.GOOD
    assert [m.mood for m in journal.moods()] == [Mood.GOOD]


@pytest.mark.parametrize("write, field", [
    (lambda j: j.record_mood(TODAY, 6, NOW), "mood"),
    (lambda j: j.record_mood(TODAY, True, NOW), "mood"),
    (lambda j: j.tick_care(CareKind.AEROBIC, TODAY, NOW, minutes=0), "minutes"),
    (lambda j: j.tick_care(CareKind.AEROBIC, TODAY + timedelta(days=2), NOW), "date"),
    (lambda j: j.save_care_item(CareKind.FOOT_SOAK, Cadence.DAILY, TODAY, NOW, dose_dates=[TODAY]), "dose dates"),
    (lambda j: j.save_care_item("yoga", Cadence.DAILY, TODAY, NOW), "kind"),
    (lambda j: j.save_care_item(CareKind.B_VITAMIN_COURSE, Cadence.WEEKLY, TODAY, NOW,
                                dose_dates=[TODAY + timedelta(days=400)]), "dose dates"),
])
def test_bad_supportive_care_is_refused_naming_the_field(journal, write, field):
    with pytest.raises(TreatmentError) as refused:
        write(journal)
    assert refused.value.field == field

