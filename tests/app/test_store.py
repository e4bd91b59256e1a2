from datetime import datetime, timedelta, timezone

from sqlalchemy import text

from app.storage import Store
from app.storage.repository import PlanStepView

TOKYO = timezone(timedelta(hours=9))


def pragma(store, name):
    with store.engine.connect() as conn:
        return conn.execute(text(f"PRAGMA {name}")).scalar()


def test_durable_settings_on_every_connection(store):
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "synchronous") == 2  # FULL
    assert pragma(store, "foreign_keys") == 1


def test_a_session_keeps_its_local_date_and_offset(store):
    plan = store.save_plan([PlanStepView("heat", True, 600)], set(), datetime(2026, 1, 1).date(),
                           datetime(2026, 1, 1, tzinfo=timezone.utc))
    late_evening = datetime(2026, 3, 1, 23, 50, tzinfo=TOKYO)
    session_id = store.begin_session(plan.id, late_evening)
    session = store.session(session_id)
    assert str(session.local_date) == "2026-03-01"
    assert session.utc_offset_minutes == 540
    assert session.started_at == late_evening  # stored as UTC, equal as an instant


def test_foreign_keys_are_enforced(store):
    import pytest
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        store.start_step(999, 0, "heat", 600, datetime.now(timezone.utc))


def test_reopening_keeps_everything(data_dir, store):
    plan = store.save_plan([PlanStepView("heat", True, 600)], {5, 6}, datetime(2026, 1, 1).date(),
                           datetime(2026, 1, 1, tzinfo=timezone.utc))
    store.put_setting("profile.side", "left")
    store.close()
    again = Store(data_dir)
    assert again.current_plan() == plan
    assert again.settings()["profile.side"] == "left"
    again.close()


# --- issue 11.8: a wrong clock must not plant a date that wrecks every figure ---------------

import pytest

from app.storage import StoreError
from app.storage.plausible import EARLIEST_DAY

GOOD = datetime(2026, 11, 25, 8, tzinfo=timezone.utc)
FAR_FUTURE = datetime.now(timezone.utc) + timedelta(days=3)
WRONG_CLOCKS = [datetime(1970, 1, 1, 0, 0, 5, tzinfo=timezone.utc), datetime(1, 1, 1, 12, tzinfo=timezone.utc),
                datetime.combine(EARLIEST_DAY - timedelta(days=1), datetime.min.time(), timezone.utc), FAR_FUTURE]


def row_counts(store) -> tuple[int, ...]:
    with store.engine.connect() as conn:
        return tuple(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                     for table in ("plans", "plan_steps", "sessions", "rest_days"))


@pytest.mark.parametrize("wrong", WRONG_CLOCKS, ids=lambda d: str(d.date()))
def test_a_session_dated_by_a_wrong_clock_is_refused_in_plain_words(store, wrong):
    plan = store.save_plan([PlanStepView("heat", True, 600)], set(), GOOD.date(), GOOD)
    before = row_counts(store)
    with pytest.raises(StoreError, match="clock") as refused:
        store.begin_session(plan.id, wrong)
    assert "Nothing was saved" in str(refused.value) and "date and time" in str(refused.value)
    assert row_counts(store) == before


@pytest.mark.parametrize("wrong", WRONG_CLOCKS, ids=lambda d: str(d.date()))
def test_a_plan_or_rest_day_dated_by_a_wrong_clock_is_refused(store, wrong):
    with pytest.raises(StoreError, match="clock"):
        store.save_plan([PlanStepView("heat", True, 600)], set(), wrong.date(), GOOD)
    with pytest.raises(StoreError, match="clock"):
        store.save_plan([PlanStepView("heat", True, 600)], set(), GOOD.date(), wrong)
    with pytest.raises(StoreError, match="clock"):
        store.set_rest_day(wrong.date(), True, GOOD)
    with pytest.raises(StoreError, match="clock"):
        store.set_rest_day(GOOD.date(), True, wrong)
    assert row_counts(store) == (0, 0, 0, 0)


def test_the_first_and_the_last_plausible_days_are_accepted(store):
    first = datetime.combine(EARLIEST_DAY, datetime.min.time(), timezone.utc)
    tomorrow = datetime.now(timezone.utc) + timedelta(days=1)
    plan = store.save_plan([PlanStepView("heat", True, 600)], set(), first.date(), first)
    store.begin_session(plan.id, first)
    store.begin_session(plan.id, tomorrow)
    store.set_rest_day(tomorrow.date(), True, tomorrow)
    assert row_counts(store) == (1, 1, 2, 1)
