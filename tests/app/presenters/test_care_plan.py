"""The caregiver sets supportive care (default none) and the expected cycle length."""
from datetime import date

from app.presenters.care_plan import CarePlanPresenter
from app.treatment.cycle import CYCLE_WEEKS_SETTING
from app.vocabulary import Cadence, CareKind


def test_supportive_care_is_off_by_default_and_items_are_added_and_removed(core, navigator, screen):
    presenter = CarePlanPresenter(core, navigator, screen)
    presenter.enter()
    assert [line.on for line in screen.model.lines] == [False] * len(CareKind)
    presenter.toggle(CareKind.AEROBIC)
    presenter.set_cadence(CareKind.AEROBIC, Cadence.WEEKLY)
    presenter.type(CareKind.AEROBIC, minutes="30")
    presenter.toggle(CareKind.B_VITAMIN_COURSE)
    presenter.type(CareKind.B_VITAMIN_COURSE, doses="2026-11-25, 2027-02-02")  # a plan: ahead of today
    presenter.type(cycle_weeks="14")
    presenter.save()
    items = {i.kind: i for i in core.store.treatment.care_items()}
    assert items[CareKind.AEROBIC].cadence is Cadence.WEEKLY and items[CareKind.AEROBIC].target_minutes == 30
    assert items[CareKind.B_VITAMIN_COURSE].dose_dates == (date(2026, 11, 25), date(2027, 2, 2))
    assert core.store.settings()[CYCLE_WEEKS_SETTING] == "14" and navigator.current == "caregiver"

    presenter.enter()
    presenter.toggle(CareKind.AEROBIC)
    presenter.save()
    assert [i.kind for i in core.store.treatment.care_items()] == [CareKind.B_VITAMIN_COURSE]


def test_saving_nothing_changed_adds_no_version(core, navigator, screen):
    core.store.treatment.save_care_item(CareKind.FOOT_SOAK, Cadence.DAILY, date(2026, 11, 1), core.clock.now())
    [before] = core.store.treatment.care_items()
    presenter = CarePlanPresenter(core, navigator, screen)
    presenter.enter()
    presenter.save()
    assert core.store.treatment.care_items() == [before]


def test_what_cannot_be_saved_is_said_item_by_item(core, navigator, screen):
    presenter = CarePlanPresenter(core, navigator, screen)
    presenter.enter()
    presenter.toggle(CareKind.AEROBIC)
    presenter.type(CareKind.AEROBIC, minutes="lots")
    presenter.toggle(CareKind.B_VITAMIN_COURSE)
    presenter.type(CareKind.B_VITAMIN_COURSE, doses="next Monday")
    presenter.type(cycle_weeks="²")
    presenter.save()
    assert [p.split(":")[0] for p in screen.model.problems] == [
        "Vitamin B1/B12 injection", "Aerobic exercise", "Expected cycle length"]
    assert core.store.treatment.care_items() == [] and navigator.current is None
