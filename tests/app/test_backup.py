"""Daily backups: written whole or not at all, kept by the retention rule, restorable."""
import os
import sqlite3
import stat
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from app.storage import Store, StoreError
from app.storage import backup
from app.storage.backup import BackupInfo, backups_to_keep, daily_backup, list_backups, restore_backup
from app.storage.repository import PlanStepView

TODAY = date(2026, 11, 25)
NOON = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def record_session(store: Store, started_at: datetime, note: str | None = None) -> int:
    plan = store.current_plan() or store.save_plan([PlanStepView("heat", True, 600)], set(), started_at.date(),
                                                   started_at)
    session_id = store.begin_session(plan.id, started_at)
    step_id = store.start_step(session_id, 0, "heat", 600, started_at)
    store.finish_step(step_id, "done", 600, started_at + timedelta(minutes=10))
    store.finish_session(session_id, "completed", started_at + timedelta(minutes=10))
    store.annotate_session(session_id, note, 4)
    return session_id


def rows(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


def notes_in(path: Path) -> list:
    return [row[0] for row in rows(path, "SELECT note FROM sessions ORDER BY id")]


# --- the daily backup -------------------------------------------------------------------

def test_daily_backup_is_a_checked_private_copy_named_by_date(store):
    record_session(store, NOON, "first")
    path = daily_backup(store, TODAY)
    assert path == store.data_dir / "backups" / "smileback-2026-11-25.sqlite3"
    assert notes_in(path) == ["first"]  # the copy sees commits still sitting in the -wal
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    assert rows(path, "PRAGMA journal_mode") == [("delete",)]  # one self-contained file
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_only_one_backup_a_day(store):
    assert daily_backup(store, TODAY) is not None
    record_session(store, NOON, "later that day")
    assert daily_backup(store, TODAY) is None
    assert daily_backup(store, TODAY + timedelta(days=1)).name == "smileback-2026-11-26.sqlite3"


def test_daily_backup_accepts_store_file_or_folder(store):
    assert daily_backup(store.data_dir, TODAY).name == "smileback-2026-11-25.sqlite3"
    assert daily_backup(store.path, TODAY + timedelta(days=1)).name == "smileback-2026-11-26.sqlite3"


def test_no_backup_without_a_database(tmp_path):
    assert daily_backup(tmp_path, TODAY) is None
    assert not (tmp_path / "backups").exists()


def test_a_copy_failing_its_check_leaves_no_file(store, monkeypatch):
    monkeypatch.setattr(backup, "integrity_problems", lambda conn: ["*** in database main ***"])
    with pytest.raises(StoreError, match="failed its check"):
        daily_backup(store, TODAY)
    assert list(store.data_dir.joinpath("backups").iterdir()) == []


def test_a_half_written_copy_from_a_crash_is_cleared_and_never_listed(store):
    folder = store.data_dir / "backups"
    folder.mkdir()
    leftover = folder / "smileback-2026-11-24.sqlite3.partial"
    leftover.write_bytes(b"SQLite format 3\0 cut short")
    assert list_backups(store.data_dir) == []
    daily_backup(store, TODAY)
    assert not leftover.exists()


def test_list_backups_newest_first_and_ignores_other_files(store):
    for days_ago in (3, 0, 10):
        daily_backup(store, TODAY - timedelta(days=days_ago))
    (store.data_dir / "backups" / "holiday-photo.jpg").write_bytes(b"\xff\xd8")
    listed = list_backups(store.data_dir)
    assert [b.day for b in listed] == [TODAY, TODAY - timedelta(days=3), TODAY - timedelta(days=10)]
    assert all(isinstance(b, BackupInfo) and b.size > 0 and b.kind == "daily" for b in listed)
    assert all(b.created.tzinfo is not None for b in listed)


# --- retention ------------------------------------------------------------------------------

def info(day: date) -> BackupInfo:
    return BackupInfo(Path(f"smileback-{day.isoformat()}.sqlite3"), day, 1, datetime(2026, 1, 1).astimezone())


def test_retention_keeps_last_seven_and_newest_of_each_older_month():
    days = [date(2026, 11, 25) - timedelta(days=n) for n in range(100)]  # back to 17 August
    kept = sorted(b.day for b in backups_to_keep([info(d) for d in days]))
    last_seven = [date(2026, 11, 19) + timedelta(days=n) for n in range(7)]
    assert kept == [date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31), date(2026, 11, 18)] + last_seven


@given(st.sets(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), max_size=60))
def test_retention_rule_holds_for_any_set_of_days(days):
    backups = [info(d) for d in days]
    kept = {b.day for b in backups_to_keep(backups)}
    newest_first = sorted(days, reverse=True)
    recent, older = newest_first[:7], newest_first[7:]
    assert set(recent) <= kept
    for month in {(d.year, d.month) for d in older}:
        in_month = [d for d in older if (d.year, d.month) == month]
        assert [d for d in in_month if d in kept] == [max(in_month)]


def test_daily_backups_over_months_are_pruned(store):
    first = date(2026, 8, 1)
    for n in range(90):
        daily_backup(store, first + timedelta(days=n))
    days = [b.day for b in list_backups(store.data_dir)]
    last = first + timedelta(days=89)  # 29 October
    assert days == [last - timedelta(days=n) for n in range(7)] + [date(2026, 10, 22), date(2026, 9, 30),
                                                                     date(2026, 8, 31)]


# --- restoring --------------------------------------------------------------------------------

def test_restore_brings_back_the_backup_and_keeps_a_pre_restore_copy(store):
    record_session(store, NOON - timedelta(days=1), "before the backup")
    chosen = daily_backup(store, TODAY)
    record_session(store, NOON, "after the backup")

    result = restore_backup(store, chosen, TODAY)
    try:
        assert [s.note for s in result.store.sessions_between(date(2026, 1, 1), TODAY)] == ["before the backup"]
        assert notes_in(result.safety_copy) == ["before the backup", "after the backup"]
        assert result.safety_copy.name == "smileback-2026-11-25-pre-restore.sqlite3"
        assert [b.kind for b in list_backups(store.data_dir)] == ["pre-restore", "daily"]
        record_session(result.store, NOON + timedelta(hours=1), "the store works afterwards")
        assert rows(result.store.path, "PRAGMA integrity_check") == [("ok",)]
        assert rows(result.store.path, "PRAGMA journal_mode") == [("wal",)]
    finally:
        result.store.close()


def test_a_second_restore_the_same_day_keeps_both_safety_copies(store):
    chosen = daily_backup(store, TODAY)
    first = restore_backup(store, chosen, TODAY)
    second = restore_backup(first.store, chosen, TODAY)
    second.store.close()
    assert first.safety_copy != second.safety_copy
    assert first.safety_copy.exists() and second.safety_copy.exists()


def test_a_damaged_backup_is_refused_and_nothing_changes(store):
    record_session(store, NOON, "keep me")
    chosen = daily_backup(store, TODAY)
    chosen.write_bytes(chosen.read_bytes()[:5000])  # cut short
    with pytest.raises(StoreError, match="cannot be used.*Nothing was changed"):
        restore_backup(store, chosen, TODAY)
    assert [s.note for s in store.sessions_between(TODAY, TODAY)] == ["keep me"]
    assert [b.kind for b in list_backups(store.data_dir)] == ["daily"]  # no safety copy needed


def test_a_backup_from_a_newer_app_is_refused(store):
    chosen = daily_backup(store, TODAY)
    with closing(sqlite3.connect(chosen)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    with pytest.raises(StoreError, match="newer version"):
        restore_backup(store, chosen, TODAY)


def test_restore_survives_a_folder_name_with_odd_characters(tmp_path):
    store = Store(tmp_path / "my data #1 ?")
    record_session(store, NOON, "odd folder")
    chosen = daily_backup(store, TODAY)
    result = restore_backup(store, chosen, TODAY)
    result.store.close()
    assert notes_in(result.store.path) == ["odd folder"]


def test_backup_folder_is_private_even_if_made_elsewhere(store):
    folder = store.data_dir / "backups"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    daily_backup(store, TODAY)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_killed_backup_leaves_no_stray_files(tmp_path):
    """Issue 11.5: a kill mid-copy left *.partial-journal beside the backups."""
    from app.storage.backup import backups_dir, remove_partial_files

    folder = backups_dir(tmp_path)
    folder.mkdir(parents=True)
    for name in ("smileback-2026-11-25.sqlite3.partial", "smileback-2026-11-25.sqlite3.partial-journal"):
        (folder / name).write_bytes(b"half")
    remove_partial_files(folder)
    assert list(folder.iterdir()) == []
