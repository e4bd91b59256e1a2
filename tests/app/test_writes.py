"""A write the record refuses comes back as WriteFailed, in plain words; our own mistakes do not."""
from datetime import datetime, timezone

import pytest
from sqlalchemy.exc import IntegrityError

from app.storage import WriteFailed
from tests.faults import RefusedWrites, fill_to_the_brim

AT = datetime(2026, 11, 25, 8, tzinfo=timezone.utc)


def test_a_full_disk_is_said_so(store):
    """SQLITE_FULL for real: the record may not grow by one page, and this write needs several."""
    fill_to_the_brim(store)
    with pytest.raises(WriteFailed, match="the device's storage is full"):
        store.put_setting("summary.draft", "x" * 20_000)


def test_a_read_only_record_is_said_so_and_nothing_of_the_write_is_kept(store, practice):
    RefusedWrites(store).refuse()
    with pytest.raises(WriteFailed, match="the record is read-only"):
        store.begin_session(practice.ensure_plan().id, AT)
    assert store.session_count() == 0


def test_a_mistake_in_what_we_write_is_not_taken_for_a_full_disk(store):
    with pytest.raises(IntegrityError):  # no session 999: a foreign key, not the disk
        store.start_step(999, 0, "heat", 600, AT)
