"""Opening the health record at start: check it, mend what can be mended, say what happened.

`open_store` is the one way the app opens its record. In order it:
  1. makes sure the data folder exists, is private and can be written (else StoreError);
     after an unclean stop, copies the -wal aside before SQLite replays it, and tells the
     patient if the replay dropped commits (wal.py);
  2. checks the database; a damaged one (failing integrity_check, or unusable: see
     checks.py) is moved aside (renamed, never deleted, with its -wal and -shm) and the
     newest good backup put in its place, or a fresh record begun; what the damaged file
     still reads is then salvaged into it (salvage.py); a missing one is brought back from
     the newest good backup, if there is one;
  3. refuses a record written by a newer app (SchemaTooNewError), touching nothing;
  4. makes today's backup, before any migration changes the file;
  5. opens the Store, which migrates an older schema.
"""
from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .aside import SIDE_FILES, move_aside
from .backup import (PARTIAL_SUFFIX, BackupInfo, check_database, daily_backup, has_tables, holds_sessions,
                     integrity_problems, is_corruption, list_backups, stored_revision, write_verified_copy)
from .checks import record_problem
from .db import REVISIONS, SchemaTooNewError, StoreError, prepare_data_dir
from .repository import DB_NAME, Store
from .salvage import SalvageReport, salvage, salvage_words
from .wal import keep_unclean_journal

log = logging.getLogger(__name__)
# What was wrong with a record moved aside, as "SmileBack found that ..." goes on.
DAMAGED = "its health record was damaged and could not be read safely"
EMPTIED = "its health record was empty although backups exist"
# Below this much free space a session could not be recorded safely.
MIN_FREE_BYTES = 1024 * 1024
_NO_SPACE = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


@dataclass(frozen=True)
class OpenResult:
    store: Store
    notice: str | None  # for the patient, shown once at start; None when all was well
    # The record was damaged, emptied or lost, and mended from a backup or afresh; or its
    # latest changes may have been lost with its -wal. The notice then comes first, on its own.
    repaired: bool = False


def open_store(data_dir: Path | str, today: date, now: datetime | None = None) -> OpenResult:
    data_dir = Path(data_dir)
    now = now or datetime.now()
    db_path = data_dir / DB_NAME
    ensure_writable(data_dir)
    journal = keep_unclean_journal(db_path, now)  # before anything opens the record
    existed = db_path.exists()
    mend = repair = None
    if existed:
        what = diagnose(db_path)
        mend = recover_damaged(db_path, what, now) if what else None
    else:
        repair = recover_missing(db_path, now)
    refuse_newer_schema(db_path)
    backup_notice = _backup_notice(db_path, today)
    store = _open(data_dir, remove_on_failure=not existed)
    if mend is not None:
        repair = mend.notice(store)
    notices = [journal, repair, backup_notice]
    return OpenResult(store, "\n\n".join(n for n in notices if n) or None, repaired=bool(journal or repair))


# --- the folder ---------------------------------------------------------------------------

def ensure_writable(data_dir: Path) -> None:
    """Fail early and plainly when nothing can be saved, leaving no file behind."""
    try:
        prepare_data_dir(data_dir)
        _write_probe(data_dir)
    except OSError as error:
        raise StoreError(_folder_message(data_dir, error)) from error
    if free_bytes(data_dir) < MIN_FREE_BYTES:
        raise StoreError(_full_message(data_dir))


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def _write_probe(data_dir: Path) -> None:
    """Writing (and syncing) a small real file is the only sure test of a writable folder."""
    probe = data_dir / ".smileback-write-test"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"\0" * 4096)
            os.fsync(fd)
        finally:
            os.close(fd)
    finally:
        try:
            probe.unlink()
        except OSError:
            pass


def _folder_message(data_dir: Path, error: OSError) -> str:
    if error.errno in _NO_SPACE:
        return _full_message(data_dir)
    return (f"SmileBack cannot save anything in its data folder {data_dir} "
            f"({error.strerror or error}). Your exercises would not be recorded, so the app "
            "stops here. Please check that the folder exists and can be written to.")


def _full_message(data_dir: Path) -> str:
    return (f"The storage holding SmileBack's data folder {data_dir} is full. Your exercises "
            "would not be recorded, so the app stops here. Please free some space and start again; "
            "your record has not been changed.")


# --- checking and mending the database -----------------------------------------------------

def find_damage(db_path: Path) -> str | None:
    """What is wrong with the database file, or None if it passes integrity_check.

    Only damage is reported; a file that cannot be opened for another reason (locked,
    unreadable) raises StoreError instead, as moving it aside would not help.
    """
    try:
        with closing(sqlite3.connect(db_path)) as connection:
            connection.execute("PRAGMA busy_timeout=5000")
            problems = integrity_problems(connection)
    except UnicodeDecodeError as error:  # SQLite's own message quoted broken bytes from the file
        return f"the file holds unreadable text ({error.reason})"
    except sqlite3.Error as error:
        if is_corruption(error):
            return str(error)
        raise StoreError(f"SmileBack cannot read its health record at {db_path} ({error}). "
                         "It has been left as it is.") from error
    return "; ".join(problems) or None


def diagnose(db_path: Path) -> str | None:
    """What is wrong with the record, as "SmileBack found that ..." goes on; None if nothing."""
    if find_damage(db_path):
        return DAMAGED
    return unusable(db_path) or emptied(db_path)


def unusable(db_path: Path) -> str | None:
    """A whole file the app still cannot use: a table or the schema revision gone, a bad value."""
    try:
        with closing(sqlite3.connect(db_path)) as connection:
            connection.execute("PRAGMA busy_timeout=5000")
            problem = record_problem(connection)
    except sqlite3.Error as error:
        if is_corruption(error):
            return DAMAGED
        raise StoreError(f"SmileBack cannot read its health record at {db_path} ({error}). "
                         "It has been left as it is.") from error
    return f"its health record could not be used: {problem}" if problem else None


def emptied(db_path: Path) -> str | None:
    """An empty record (no bytes, or no table) beside backups was lost, not never made."""
    if not has_tables(db_path) and list_backups(db_path.parent):
        return EMPTIED
    return None


@dataclass(frozen=True)
class Mend:
    """A damaged record moved aside, and what was put in its place."""

    moved: Path
    backup: BackupInfo | None  # None: a fresh record was begun
    what: str  # what was wrong, in the patient's words

    def notice(self, store: Store) -> str:
        """Salvage what the moved file still holds into `store`, and say what happened."""
        report = SalvageReport(read=False) if self.what == EMPTIED else _salvage_quietly(store, self.moved)
        return _damage_notice(self, report, has_plan=store.current_plan() is not None)


def recover_damaged(db_path: Path, what: str, now: datetime) -> Mend:
    """Move the damaged file aside and put the newest good backup in its place."""
    moved = move_aside(db_path, now)
    backup = newest_good_backup(db_path.parent)
    if backup is not None:
        write_verified_copy(backup.path, db_path)
    return Mend(moved, backup, what)


def _salvage_quietly(store: Store, moved: Path) -> SalvageReport:
    """A salvage that fails in a way not foreseen must not stop the start: the file stays kept."""
    try:
        return salvage(store, moved)
    except Exception:  # noqa: BLE001 (logged; the patient is told it may be missing)
        log.exception("salvage of %s failed", moved)
        return SalvageReport(read=False)


def recover_missing(db_path: Path, now: datetime) -> str | None:
    """No record, but backups: it was lost (deleted, or a crash in the middle of mending
    it), not never made; bring back the newest good backup. None on a true first start."""
    db_path.with_name(db_path.name + PARTIAL_SUFFIX).unlink(missing_ok=True)  # an interrupted copy
    if any(db_path.with_name(db_path.name + s).exists() for s in SIDE_FILES):
        # A -wal without its database must not be replayed into a new one.
        move_aside(db_path, now, label="orphaned")
    backup = newest_good_backup(db_path.parent)
    if backup is None:
        return None
    write_verified_copy(backup.path, db_path)
    return (f"SmileBack could not find its health record in {db_path.parent}, so it has brought it "
            f"back from the backup of {backup.day:%d %B %Y}. Anything recorded after that backup may be missing.")


def newest_good_backup(data_dir: Path) -> BackupInfo | None:
    """The newest backup that passes its check, preferring one that holds sessions (a copy
    made while the record was empty would bring nothing back)."""
    good = [backup for backup in list_backups(data_dir) if check_database(backup.path) is None]
    return next((backup for backup in good if holds_sessions(backup.path)), good[0] if good else None)


def _damage_notice(mend: Mend, report: SalvageReport, has_plan: bool) -> str:
    first = f"SmileBack found that {mend.what}. The file has been kept, not deleted, at {mend.moved}."
    if mend.backup is not None:
        restored = f" Your record has been brought back from the backup of {mend.backup.day:%d %B %Y}. "
        if not report.read:
            return first + restored + "Anything recorded after that backup may be missing."
        return first + restored + salvage_words(report, after_backup=True)
    if not report.read:
        return (first + " There was no backup to bring back, so a new, empty record has been "
                "started. Your plan will need to be set up again.")
    sentences = [first, "There was no backup to bring back, so a new record has been started.",
                 salvage_words(report, after_backup=False),
                 "" if has_plan else "Your plan will need to be set up again."]
    return " ".join(sentence for sentence in sentences if sentence)


def refuse_newer_schema(db_path: Path) -> None:
    if not db_path.exists():
        return
    try:
        with closing(sqlite3.connect(db_path)) as connection:
            revision = stored_revision(connection)
    except sqlite3.Error as error:
        raise StoreError(f"SmileBack cannot read its health record at {db_path} ({error}).") from error
    if revision is not None and revision not in REVISIONS:
        raise SchemaTooNewError(
            f"This health record was written by a newer version of SmileBack (schema {revision}). "
            "It has been left untouched: please update the app to open it.")


# --- today's backup and the Store ----------------------------------------------------------

def _backup_notice(db_path: Path, today: date) -> str | None:
    """A failed backup must not keep the patient from exercising; it is told instead."""
    try:
        daily_backup(db_path, today)
    except StoreError as error:
        return f"Today's backup could not be made: {error}"
    return None


def _open(data_dir: Path, remove_on_failure: bool) -> Store:
    try:
        return Store(data_dir)
    except StoreError:
        if remove_on_failure:  # a file this call began must not stay half-written
            for suffix in ("",) + SIDE_FILES:
                (data_dir / (DB_NAME + suffix)).unlink(missing_ok=True)
        raise
