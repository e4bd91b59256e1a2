"""Opening the record at start: damage is moved aside and mended, a newer record refused,
an unwritable or full folder stopped with a clear message, and the files kept private."""
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.storage import SchemaTooNewError, Store, StoreError
from app.storage import opening
from app.storage.backup import daily_backup, list_backups
from app.storage.opening import open_store
from app.storage.repository import DB_NAME, PlanStepView

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 25)
NOON = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
AT_START = datetime(2026, 11, 25, 8, 15, 30)


def record_session(store: Store, started_at: datetime, note: str) -> None:
    plan = store.current_plan() or store.save_plan([PlanStepView("heat", True, 600)], set(), started_at.date(),
                                                   started_at)
    session_id = store.begin_session(plan.id, started_at)
    store.finish_session(session_id, "completed", started_at + timedelta(minutes=10))
    store.annotate_session(session_id, note, None)


def notes(store: Store) -> list[str]:
    return [s.note for s in store.sessions_between(date(2000, 1, 1), date(2100, 1, 1))]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def make_record(data_dir: Path, *sessions: tuple[datetime, str]) -> None:
    store = Store(data_dir)
    for started_at, note in sessions:
        record_session(store, started_at, note)
    store.close()


def break_an_index(db_path: Path) -> None:
    """A database that opens fine but fails integrity_check: an index no longer matches."""
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute("UPDATE sqlite_master SET sql='CREATE INDEX ix_sessions_status ON sessions (note)' "
                     "WHERE name='ix_sessions_status'")
        conn.commit()


# --- an ordinary start ---------------------------------------------------------------------

def test_first_start_makes_a_private_record_and_says_nothing(data_dir):
    result = open_store(data_dir, TODAY, AT_START)
    result.store.close()
    assert result.notice is None
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / DB_NAME).stat().st_mode) == 0o600
    assert not list(data_dir.glob(".smileback-write-test*"))


def test_each_day_starts_with_a_backup_of_the_record_as_it_was(data_dir):
    make_record(data_dir, (NOON - timedelta(days=1), "yesterday"))
    result = open_store(data_dir, TODAY, AT_START)
    record_session(result.store, NOON, "today")
    result.store.close()
    [today_backup] = list_backups(data_dir)
    assert today_backup.day == TODAY
    with closing(sqlite3.connect(today_backup.path)) as conn:
        assert conn.execute("SELECT note FROM sessions").fetchall() == [("yesterday",)]
    open_store(data_dir, TODAY, AT_START).store.close()
    assert len(list_backups(data_dir)) == 1  # once a day


# --- a damaged record ------------------------------------------------------------------------

def test_unreadable_file_is_moved_aside_and_a_fresh_record_started(data_dir):
    data_dir.mkdir()
    garbage = b"this is not a database at all" * 200
    (data_dir / DB_NAME).write_bytes(garbage)
    result = open_store(data_dir, TODAY, AT_START)
    try:
        moved = data_dir / "smileback-damaged-20261125-081530.sqlite3"
        assert moved.read_bytes() == garbage  # kept, byte for byte
        assert notes(result.store) == []
        assert "damaged" in result.notice and str(moved) in result.notice
        assert "new, empty record" in result.notice
    finally:
        result.store.close()


def test_failed_integrity_check_restores_newest_good_backup(data_dir):
    make_record(data_dir, (NOON - timedelta(days=2), "two days ago"))
    daily_backup(data_dir, TODAY - timedelta(days=1))
    store = Store(data_dir)
    record_session(store, NOON - timedelta(hours=2), "this morning")
    store.close()
    db_path = data_dir / DB_NAME
    break_an_index(db_path)
    damaged = digest(db_path)

    result = open_store(data_dir, TODAY, AT_START)
    try:
        moved = data_dir / "smileback-damaged-20261125-081530.sqlite3"
        assert digest(moved) == damaged
        # The backup, and what the damaged file still read (issue 11.3: it was lost).
        assert notes(result.store) == ["two days ago", "this morning"]
        assert "24 November 2026" in result.notice and str(moved) in result.notice
        with closing(sqlite3.connect(db_path)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        result.store.close()


def test_moving_aside_takes_the_side_files_along_keeping_their_pairing(tmp_path):
    db_path = tmp_path / DB_NAME
    for suffix, content in (("", b"main"), ("-wal", b"wal bytes"), ("-shm", b"shm bytes")):
        db_path.with_name(DB_NAME + suffix).write_bytes(content)
    moved = opening.move_aside(db_path, AT_START)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        moved.name, moved.name + "-shm", moved.name + "-wal"]
    assert [moved.with_name(moved.name + s).read_bytes() for s in ("", "-wal", "-shm")] == [
        b"main", b"wal bytes", b"shm bytes"]


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(data_dir):
    make_record(data_dir, (NOON - timedelta(days=3), "old but good"))
    daily_backup(data_dir, TODAY - timedelta(days=2))
    newest = daily_backup(data_dir, TODAY - timedelta(days=1))
    newest.write_bytes(newest.read_bytes()[:3000])
    (data_dir / DB_NAME).write_bytes(b"\0" * 8192)
    result = open_store(data_dir, TODAY, AT_START)
    result.store.close()
    assert notes(Store(data_dir)) == ["old but good"]
    assert "23 November 2026" in result.notice


def test_a_lost_record_is_brought_back_from_the_newest_backup(data_dir):
    make_record(data_dir, (NOON - timedelta(days=1), "yesterday"))
    daily_backup(data_dir, TODAY - timedelta(days=1))
    (data_dir / DB_NAME).unlink()
    (data_dir / (DB_NAME + ".partial")).write_bytes(b"half a copy, from a crash while mending")
    (data_dir / (DB_NAME + "-wal")).write_bytes(b"an orphaned wal")
    result = open_store(data_dir, TODAY, AT_START)
    try:
        assert notes(result.store) == ["yesterday"]
        assert "could not find its health record" in result.notice and "24 November 2026" in result.notice
        assert not (data_dir / (DB_NAME + ".partial")).exists()
        orphan = data_dir / "smileback-orphaned-20261125-081530.sqlite3-wal"
        assert orphan.read_bytes() == b"an orphaned wal"  # kept, and never replayed into the copy
    finally:
        result.store.close()


def test_two_damaged_records_in_the_same_second_both_kept(data_dir):
    for content in (b"first garbage" * 100, b"second garbage" * 100):
        data_dir.mkdir(exist_ok=True)
        (data_dir / DB_NAME).write_bytes(content)
        open_store(data_dir, TODAY, AT_START).store.close()
    kept = sorted(p.name for p in data_dir.glob("smileback-damaged-*"))
    assert kept == ["smileback-damaged-20261125-081530-2.sqlite3", "smileback-damaged-20261125-081530.sqlite3"]


def test_a_busy_record_is_not_mistaken_for_damage(data_dir, monkeypatch):
    make_record(data_dir, (NOON, "busy"))
    before = digest(data_dir / DB_NAME)

    def locked(connection):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(opening, "integrity_problems", locked)
    with pytest.raises(StoreError, match="left as it is"):
        open_store(data_dir, TODAY, AT_START)
    assert digest(data_dir / DB_NAME) == before
    assert not list(data_dir.glob("smileback-damaged-*"))


# --- a record from a newer app -------------------------------------------------------------------

def test_a_record_from_a_newer_app_is_refused_and_left_untouched(data_dir):
    make_record(data_dir, (NOON, "from the future"))
    with closing(sqlite3.connect(data_dir / DB_NAME)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.commit()
    before = {name: digest(data_dir / name) for name in files_in(data_dir) if (data_dir / name).is_file()}
    with pytest.raises(SchemaTooNewError, match="newer version of SmileBack"):
        open_store(data_dir, TODAY, AT_START)
    after = {name: digest(data_dir / name) for name in files_in(data_dir) if (data_dir / name).is_file()}
    assert after == before  # not moved, not backed up, not changed


# --- failures that must leave nothing half-written -----------------------------------------------

def test_a_new_record_that_fails_to_open_is_not_left_behind(data_dir, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def failing_migrate(engine):
        raise OperationalError("CREATE TABLE plans", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr("app.storage.repository.migrate", failing_migrate)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(data_dir, TODAY, AT_START)
    assert files_in(data_dir) == []


def test_a_failed_backup_is_told_but_does_not_stop_the_day(data_dir, monkeypatch):
    make_record(data_dir, (NOON, "exercise anyway"))
    monkeypatch.setattr("app.storage.backup.integrity_problems", lambda conn: ["page 3 is never used"])
    result = open_store(data_dir, TODAY, AT_START)
    result.store.close()
    assert result.notice.startswith("Today's backup could not be made")
    assert files_in(data_dir / "backups") == []


def test_too_little_free_space_is_refused_plainly(data_dir, monkeypatch):
    monkeypatch.setattr(opening, "free_bytes", lambda folder: 10_000)
    with pytest.raises(StoreError, match="is full"):
        open_store(data_dir, TODAY, AT_START)
    assert files_in(data_dir) == []


def test_an_unwritable_folder_is_refused_plainly(data_dir, monkeypatch):
    real_open = os.open

    def read_only_open(path, flags, *args):
        if flags & os.O_CREAT:
            raise OSError(30, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    data_dir.mkdir()
    monkeypatch.setattr(opening.os, "open", read_only_open)
    with pytest.raises(StoreError, match="cannot save anything.*Read-only file system"):
        open_store(data_dir, TODAY, AT_START)
    assert files_in(data_dir) == []


# --- the same on a real full or read-only file system (needs mount rights, e.g. root) ------------

CHILD = r"""
import json, sys
from datetime import date, datetime
from pathlib import Path
from app.storage import StoreError
from app.storage.opening import open_store
data_dir = Path(sys.argv[1]) / "data"
{setup}
before = sorted(p.name for p in data_dir.iterdir()) if data_dir.exists() else []
try:
    open_store(data_dir, date(2026, 11, 25), datetime(2026, 11, 25, 8)).store.close()
    outcome = "opened"
except StoreError as error:
    outcome = str(error)
after = sorted(p.name for p in data_dir.iterdir()) if data_dir.exists() else []
print(json.dumps({{"outcome": outcome, "before": before, "after": after}}))
"""

FILL_DISK = """
open_store(data_dir, date(2026, 11, 24)).store.close()
try:
    with open(Path(sys.argv[1]) / "filler", "wb") as filler:
        while True:
            filler.write(b"\\0" * 65536)
            filler.flush()
except OSError:
    pass
"""

MAKE_READ_ONLY = """
import subprocess
open_store(data_dir, date(2026, 11, 24)).store.close()
subprocess.run(["mount", "-o", "remount,ro", sys.argv[1]], check=True)
"""


def run_on_small_disk(tmp_path: Path, setup: str) -> dict:
    """Run the child in a private mount namespace with its own 4 MB tmpfs."""
    disk = tmp_path / "disk"
    disk.mkdir()
    user = [] if os.geteuid() == 0 else ["--map-root-user"]
    shell = 'mount -t tmpfs -o size=4m tmpfs "$1" || exit 77; cd "$2" && exec "$3" -c "$4" "$1"'
    command = ["unshare", "--mount", *user, "sh", "-c", shell, "sh", str(disk), str(ROOT), sys.executable,
               CHILD.format(setup=setup)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if done.returncode == 77 or "Operation not permitted" in done.stderr:
        pytest.skip("no permission to mount a private tmpfs here")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


needs_unshare = pytest.mark.skipif(shutil.which("unshare") is None or sys.platform != "linux",
                                   reason="needs Linux unshare")


@needs_unshare
def test_a_really_full_disk_stops_with_a_clear_message_and_no_new_file(tmp_path):
    report = run_on_small_disk(tmp_path, FILL_DISK)
    assert "is full" in report["outcome"]
    assert report["after"] == report["before"]  # no backup folder growth, no probe, no temporary file


@needs_unshare
def test_a_really_read_only_folder_stops_with_a_clear_message(tmp_path):
    report = run_on_small_disk(tmp_path, MAKE_READ_ONLY)
    assert "cannot save anything" in report["outcome"]
    assert report["after"] == report["before"]


# --- privacy --------------------------------------------------------------------------------------

def test_record_and_its_side_files_are_private_even_with_a_lax_umask(data_dir):
    old_umask = os.umask(0o000)
    try:
        result = open_store(data_dir, TODAY, AT_START)
        record_session(result.store, NOON, "private")  # the -wal now exists and holds this
        wal, shm = data_dir / (DB_NAME + "-wal"), data_dir / (DB_NAME + "-shm")
        assert wal.exists() and wal.stat().st_size > 0
        for path in (data_dir / DB_NAME, wal, shm):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        result.store.close()
    finally:
        os.umask(old_umask)


def test_a_lax_folder_and_files_from_before_are_made_private(data_dir):
    make_record(data_dir, (NOON, "older install"))
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / DB_NAME, 0o644)
    open_store(data_dir, TODAY, AT_START).store.close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / DB_NAME).stat().st_mode) == 0o600
