"""Issue 11.1: an emptied record while good backups exist is damage, not a first start;
and retention never deletes the newest backup that holds sessions."""
import sqlite3
from contextlib import closing
from datetime import timedelta

import pytest

from app.storage.backup import daily_backup, list_backups, prune_backups
from app.storage.opening import open_store
from app.storage.repository import DB_NAME
from tests.app.test_opening import NOON, TODAY, make_record, notes


@pytest.mark.parametrize("emptied", ["zero bytes", "no tables"])
def test_an_emptied_record_is_mended_from_the_newest_backup(data_dir, emptied):
    make_record(data_dir, (NOON - timedelta(days=1), "yesterday"))
    daily_backup(data_dir, TODAY - timedelta(days=1))
    db_path = data_dir / DB_NAME
    for side in ("-wal", "-shm"):
        db_path.with_name(DB_NAME + side).unlink(missing_ok=True)
    if emptied == "zero bytes":
        db_path.write_bytes(b"")
    else:
        db_path.unlink()
        with closing(sqlite3.connect(db_path)) as conn:
            conn.execute("PRAGMA user_version=0")
            conn.commit()
    result = open_store(data_dir, TODAY, NOON)
    try:
        assert notes(result.store) == ["yesterday"]
        assert "empty" in result.notice and "24 November 2026" in result.notice
        assert list(data_dir.glob("smileback-damaged-*.sqlite3")), "the emptied file is kept, not deleted"
    finally:
        result.store.close()


def test_a_true_first_start_is_not_damage(data_dir):
    result = open_store(data_dir, TODAY, NOON)
    try:
        assert result.notice is None
    finally:
        result.store.close()


def test_retention_keeps_the_newest_backup_with_sessions_whatever_follows(data_dir):
    make_record(data_dir, (NOON - timedelta(days=12), "twelve days ago"))
    daily_backup(data_dir, TODAY - timedelta(days=12))
    (data_dir / DB_NAME).unlink()
    make_record(data_dir)  # an empty record, copied every day after
    for days_ago in range(10, -1, -1):
        daily_backup(data_dir, TODAY - timedelta(days=days_ago))
    prune_backups(data_dir)
    kept = {b.day for b in list_backups(data_dir)}
    assert TODAY - timedelta(days=12) in kept  # same month as newer copies, older than the last 7
