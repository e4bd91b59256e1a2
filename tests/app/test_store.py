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
