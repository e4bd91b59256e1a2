"""Backups of the health record: one a day at start, checked before it counts.

A backup is written with SQLite's online backup API (a consistent copy even while the
app writes), under a temporary name, checked with `PRAGMA integrity_check`, flushed to
disk and only then renamed: a file with a backup's name is always a whole, good copy.

Retention keeps the last seven backups plus, older than those, the newest one of each
month, so a mistake noticed weeks later can still be undone.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Callable

from .checks import record_problem
from .db import REVISIONS, StoreError, create_private_database, prepare_data_dir, restrict_file
from .photo_backup import back_up_photos, prune_photo_backups, restore_photos
from .repository import DB_NAME, Store

BACKUP_DIR = "backups"
KEEP_RECENT = 7
DAILY, PRE_RESTORE = "daily", "pre-restore"
PARTIAL_SUFFIX = ".partial"
STAGING_DIR = "restoring"  # in the data folder, only while a restore is being prepared
READY_NAME = "ready.sqlite3"
# smileback-2026-11-25.sqlite3, smileback-2026-11-25-pre-restore.sqlite3, ...-pre-restore-2.sqlite3
_NAME = re.compile(r"^smileback-(\d{4}-\d{2}-\d{2})(?:-(pre-restore)(?:-(\d+))?)?\.sqlite3$")
_CORRUPTION_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    day: date
    size: int
    created: datetime
    kind: str = DAILY


@dataclass(frozen=True)
class RestoreResult:
    store: Store  # the reopened record; the Store passed in is closed and must not be used
    safety_copy: Path  # the record as it was just before the restore
    missing_photos: tuple[str, ...] = ()  # photo files the restored record names and no folder had


# --- checking a database file ---------------------------------------------------------

def is_corruption(error: sqlite3.Error) -> bool:
    """True when SQLite says the file itself is damaged, not merely busy or unreadable."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.startswith(_CORRUPTION_CODES) or "not a database" in str(error)


def tolerate_bad_text(connection: sqlite3.Connection) -> sqlite3.Connection:
    """A damaged file can hold invalid UTF-8 (in names, in integrity_check's report): read
    it with replacement characters rather than fail on it."""
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    return connection


def integrity_problems(connection: sqlite3.Connection) -> list[str]:
    rows = tolerate_bad_text(connection).execute("PRAGMA integrity_check").fetchall()
    return [] if rows == [("ok",)] else [str(row[0]) for row in rows[:5]]


def check_database(path: Path) -> str | None:
    """Why the file at `path` cannot serve as a health record, or None if it can."""
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
            problems = integrity_problems(connection)
            if problems:
                return "it is damaged (" + "; ".join(problems) + ")"
            revision = stored_revision(connection)
            unusable = record_problem(connection)  # a backup that would be mended again at the next start
    except (sqlite3.Error, UnicodeDecodeError) as error:
        return f"it cannot be read ({error})"
    if revision is not None and revision not in REVISIONS:
        return f"it was made by a newer version of SmileBack (schema {revision})"
    return unusable


def holds_sessions(path: Path) -> bool:
    """Whether the database file at `path` records at least one session."""
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
            return connection.execute("SELECT EXISTS (SELECT 1 FROM sessions)").fetchone()[0] == 1
    except sqlite3.Error:
        return False


def has_tables(path: Path) -> bool:
    """False for an empty file, or a database with no table at all: nothing was ever kept in it."""
    if path.stat().st_size == 0:
        return False
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
            return connection.execute("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type='table')").fetchone()[0] == 1
    except sqlite3.Error:
        return True  # unreadable is damage, judged by the integrity check, not emptiness


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI; as_uri() escapes '?', '#' and spaces a folder name may hold."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def stored_revision(connection: sqlite3.Connection) -> str | None:
    has_table = tolerate_bad_text(connection).execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


# --- writing a verified copy ------------------------------------------------------------

def write_verified_copy(source: Path, target: Path) -> Path:
    """Copy the database at `source` to `target`: temporary name, check, fsync, rename.

    On any failure the temporary file is removed and StoreError raised; `target` is
    either untouched or the complete, checked copy.
    """
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        _copy_database(source, partial)
        _fsync_file(partial)
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except (OSError, sqlite3.Error, StoreError) as error:
        _remove_quietly(partial)
        if isinstance(error, StoreError):
            raise
        raise StoreError(f"SmileBack could not write a copy of the health record to {target}: "
                         f"{_plain(error)}") from error
    restrict_file(target)
    return target


def _copy_database(source: Path, partial: Path) -> None:
    _remove_quietly(partial)  # a leftover from an interrupted attempt
    create_private_database(partial)  # 0600 from the first byte, and so its journal too
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
        src.execute("PRAGMA busy_timeout=5000")
        src.backup(dst)
        # A backup is one self-contained file: no -wal beside it to lose when copied.
        dst.execute("PRAGMA journal_mode=DELETE")
        problems = integrity_problems(dst)
    if problems:
        raise StoreError(f"The copy of the health record failed its check: {'; '.join(problems)}")


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    """Make a rename durable; not every platform can open a directory, which is fine."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _plain(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


# --- daily backups and their listing -----------------------------------------------------

def backups_dir(data_dir: Path | str) -> Path:
    return Path(data_dir) / BACKUP_DIR


def _database_path(store_or_path: Store | Path | str) -> Path:
    if isinstance(store_or_path, Store):
        return store_or_path.path
    path = Path(store_or_path)
    return path / DB_NAME if path.is_dir() else path


def daily_backup(store_or_path: Store | Path | str, today: date, fresh: bool = False) -> Path | None:
    """Make today's backup unless it exists (or, `fresh`, make it anew from the record as it is
    now); returns its path, or None if nothing was done.

    Accepts a Store, the database file, or the data folder. Raises StoreError (with the
    temporary file removed) when the copy cannot be written or fails its check.
    """
    db_path = _database_path(store_or_path)
    if not db_path.exists():
        return None
    folder = backups_dir(db_path.parent)
    target = folder / f"smileback-{today.isoformat()}.sqlite3"
    if folder.is_dir():
        remove_partial_files(folder)
    if target.exists() and not fresh:
        return None
    try:
        prepare_data_dir(folder)
    except OSError as error:
        raise StoreError(f"SmileBack could not create its backup folder {folder}: {_plain(error)}") from error
    write_verified_copy(db_path, target)
    _back_up_photos(db_path.parent, target)
    prune_backups(db_path.parent)
    return target


def _back_up_photos(data_dir: Path, backup: Path) -> None:
    try:
        back_up_photos(data_dir, backup)
    except OSError as error:
        raise StoreError(f"SmileBack could not copy the progress photos into its backup folder: "
                         f"{_plain(error)}") from error


def remove_partial_files(folder: Path) -> None:
    """Half-written copies left by a crash are never backups; clear them away."""
    for partial in folder.glob(f"*{PARTIAL_SUFFIX}*"):  # the copy, and SQLite's journal beside it
        _remove_quietly(partial)


def list_backups(data_dir: Path | str) -> list[BackupInfo]:
    """Every backup in data_dir/backups, newest first."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    infos = [info for info in (_backup_info(path) for path in folder.iterdir()) if info]
    return sorted(infos, key=lambda info: (info.day, info.created, info.path.name), reverse=True)


def _backup_info(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if not match or not path.is_file():
        return None
    try:
        day = date.fromisoformat(match.group(1))
        stat = path.stat()
    except (ValueError, OSError):
        return None
    created = datetime.fromtimestamp(stat.st_mtime).astimezone()
    return BackupInfo(path, day, stat.st_size, created, PRE_RESTORE if match.group(2) else DAILY)


def backups_to_keep(backups: list[BackupInfo], keep_recent: int = KEEP_RECENT) -> list[BackupInfo]:
    """The last `keep_recent` backups, plus the newest of each month among the older ones."""
    newest_first = sorted(backups, key=lambda b: (b.day, b.created, b.path.name), reverse=True)
    kept, months = newest_first[:keep_recent], set()
    for backup in newest_first[keep_recent:]:
        month = (backup.day.year, backup.day.month)
        if month not in months:
            months.add(month)
            kept.append(backup)
    return kept


def prune_backups(data_dir: Path | str, keep_recent: int = KEEP_RECENT) -> list[Path]:
    """Delete backups the retention rule no longer keeps; returns what was deleted.

    The newest backup that holds any session is always kept, whatever came after it
    (days of copies of an emptied record must never push the last good one out)."""
    backups = list_backups(data_dir)
    kept = {b.path for b in backups_to_keep(backups, keep_recent)}
    with_sessions = next((b for b in backups if holds_sessions(b.path)), None)
    if with_sessions is not None:
        kept.add(with_sessions.path)
    removed = [b.path for b in backups if b.path not in kept]
    for path in removed:
        _remove_quietly(path)
    prune_photo_backups(backups_dir(data_dir), kept)
    return removed


# --- restoring ----------------------------------------------------------------------------

def restore_backup(store: Store, backup_path: Path | str, today: date,
                   adjust: Callable[[Store], None] | None = None) -> RestoreResult:
    """Replace the health record with a backup, after saving the current one.

    The current record is first copied to a "pre-restore" backup, so a restore can itself
    be undone. `adjust`, if given, writes into a staged copy of the backup before it goes
    live, so the record is either as it was or the adjusted backup, never between.
    The passed Store is closed; use the Store in the result from then on.
    Raises StoreError, with nothing changed, if the backup is unusable.
    """
    backup_path = Path(backup_path)
    problem = check_database(backup_path)
    if problem:
        raise StoreError(f"The backup {backup_path.name} cannot be used: {problem}. Nothing was changed.")
    safety = write_verified_copy(store.path, safety_copy_target(store.data_dir, today))
    data_dir, db_path = store.data_dir, store.path
    _back_up_photos(data_dir, safety)
    staging = data_dir / STAGING_DIR
    try:
        source = _staged_copy(backup_path, staging, adjust) if adjust else backup_path
        store.close()
        _copy_into_live_database(source, db_path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    missing = restore_photos(data_dir, backups_dir(data_dir))
    return RestoreResult(Store(data_dir), safety, tuple(missing))


def _staged_copy(backup_path: Path, staging: Path, adjust: Callable[[Store], None]) -> Path:
    """A checked copy of the backup with `adjust` written into it, ready to go live."""
    shutil.rmtree(staging, ignore_errors=True)  # a leftover from an interrupted restore
    try:
        prepare_data_dir(staging)
    except OSError as error:
        raise StoreError(f"SmileBack could not prepare the restore in {staging}: {_plain(error)}. "
                         "Nothing was changed.") from error
    write_verified_copy(backup_path, staging / DB_NAME)
    staged = Store(staging)  # brings an older backup's schema up to date, as opening it would
    try:
        adjust(staged)
    finally:
        staged.close()
    return write_verified_copy(staging / DB_NAME, staging / READY_NAME)


def safety_copy_target(data_dir: Path, today: date) -> Path:
    folder = backups_dir(data_dir)
    try:
        prepare_data_dir(folder)
    except OSError as error:
        raise StoreError(f"SmileBack could not create its backup folder {folder}: {_plain(error)}") from error
    base = f"smileback-{today.isoformat()}-pre-restore"
    target, counter = folder / f"{base}.sqlite3", 1
    while target.exists():
        counter += 1
        target = folder / f"{base}-{counter}.sqlite3"
    return target


def _copy_into_live_database(source: Path, db_path: Path) -> None:
    """The backup API writes into the live file as one transaction: a crash half-way
    leaves the old record whole, never a mixture (unlike copying the file over it)."""
    try:
        with closing(sqlite3.connect(read_only_uri(source), uri=True)) as src, \
                closing(sqlite3.connect(db_path)) as dst:
            dst.execute("PRAGMA busy_timeout=5000")
            dst.execute("PRAGMA synchronous=FULL")
            src.backup(dst)
    except sqlite3.Error as error:
        raise StoreError(f"SmileBack could not restore the backup {source.name}: {error}. "
                         "The record before the attempt is saved in the backups folder.") from error
