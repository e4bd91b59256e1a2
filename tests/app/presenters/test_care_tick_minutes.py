"""Aerobic exercise ticked on Home with the minutes done (optional): stored with the tick,
refused in plain words unless a sane whole number, and never asked for the other items."""
from datetime import date

import pytest

from app.presenters.treatment import MAX_TICK_MINUTES, MINUTES_PROBLEM, CarePresenter, typed_minutes
from app.vocabulary import Cadence, CareKind
from tests.fakes import FakeScreen

TODAY = date(2026, 11, 25)


@pytest.fixture
def care(core):
    now = core.clock.now()
    core.store.treatment.save_care_item(CareKind.AEROBIC, Cadence.DAILY, TODAY, now, target_minutes=30)
    core.store.treatment.save_care_item(CareKind.FOOT_SOAK, Cadence.DAILY, TODAY, now)
    view = FakeScreen()
    presenter = CarePresenter(core, view)
    presenter.enter()
    return presenter, view


def test_the_minutes_typed_are_kept_with_the_tick_and_said_on_its_line(core, care):
    presenter, view = care
    aerobic, soak = view.model.items
    assert aerobic.asks_minutes and not soak.asks_minutes and aerobic.done_minutes_text == ""
    presenter.tick(CareKind.AEROBIC, " 25 ")
    [tick] = core.store.treatment.care_ticks()
    assert tick.kind is CareKind.AEROBIC and tick.minutes == 25
    assert view.model.items[0].done and view.model.items[0].done_minutes_text == "25 min done"


def test_no_minutes_is_a_plain_tick(core, care):
    presenter, view = care
    presenter.tick(CareKind.AEROBIC, "")
    [tick] = core.store.treatment.care_ticks()
    assert tick.minutes is None and view.model.items[0].done_minutes_text == ""


@pytest.mark.parametrize("typed", ["0", "-5", "2.5", "lots", "301", "٣٠", "99999"])
def test_minutes_that_are_not_sane_are_refused_and_nothing_is_ticked(core, care, typed):
    presenter, view = care
    presenter.tick(CareKind.AEROBIC, typed)
    assert view.model.message == MINUTES_PROBLEM and core.store.treatment.care_ticks() == []
    assert not view.model.items[0].done


def test_minutes_typed_for_another_item_are_not_stored(core, care):
    presenter, _view = care
    presenter.tick(CareKind.FOOT_SOAK, "20")
    [tick] = core.store.treatment.care_ticks()
    assert tick.kind is CareKind.FOOT_SOAK and tick.minutes is None


def test_the_bound_is_inclusive():
    assert typed_minutes(str(MAX_TICK_MINUTES)) == MAX_TICK_MINUTES and typed_minutes("1") == 1
