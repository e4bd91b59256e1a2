"""Keeping a record's files aside, never deleting them: moved when damaged, copied when in doubt.

A database file travels with its -wal and -shm, and keeps their pairing (X-wal beside X),
so whatever is set aside can still be opened later with everything it held.
"""
from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from .db import StoreError, restrict_file

SIDE_FILES = ("-wal", "-shm")
PARTIAL = ".partial"


def with_suffix(path: Path, suffix: str) -> Path:
    """The file `suffix` names beside `path`: with_suffix(db, "-wal") is its write-ahead log."""
    return path.with_name(path.name + suffix)


def aside_target(db_path: Path, now: datetime, label: str) -> Path:
    """smileback-<label>-<stamp>.sqlite3 beside the record, numbered so as to take no name in use."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target, counter = db_path.with_name(f"smileback-{label}-{stamp}.sqlite3"), 1
    while any(with_suffix(target, s).exists() for s in ("",) + SIDE_FILES):
        counter += 1
        target = db_path.with_name(f"smileback-{label}-{stamp}-{counter}.sqlite3")
    return target


def move_aside(db_path: Path, now: datetime, label: str = "damaged") -> Path:
    """Rename the database and its -wal/-shm with a timestamp; nothing is deleted."""
    target = aside_target(db_path, now, label)
    try:
        for suffix in SIDE_FILES + ("",):  # the main file last: it marks the move as done
            side = with_suffix(db_path, suffix)
            if side.exists():
                os.replace(side, with_suffix(target, suffix))
    except OSError as error:
        raise StoreError(f"SmileBack found its health record damaged but could not move it aside "
                         f"({error.strerror or error}). It has been left at {db_path}.") from error
    return target


def copy_aside(db_path: Path, now: datetime, label: str) -> Path | None:
    """Copy the database and its -wal/-shm as they are, before SQLite touches them.

    Each file is copied under a temporary name and renamed when all are written, so a
    kill half-way leaves only *.partial files (cleared at the next copy), never a copy that
    looks whole. Returns the copy of the main file's path, or None when no copy could be
    written (a full disk).
    """
    clear_partial_copies(db_path.parent, label)
    target = aside_target(db_path, now, label)
    sources = [s for s in ("",) + SIDE_FILES if with_suffix(db_path, s).exists()]
    partial = [with_suffix(target, s + PARTIAL) for s in sources]
    try:
        for suffix, temporary in zip(sources, partial):
            shutil.copyfile(with_suffix(db_path, suffix), temporary)
            restrict_file(temporary)
        for suffix, temporary in zip(sources, partial):
            os.replace(temporary, with_suffix(target, suffix))
    except OSError:
        remove_copies(partial)
        return None
    return target


def clear_partial_copies(folder: Path, label: str) -> None:
    """Copies a kill cut short: the originals were still in place when they were begun."""
    remove_copies(folder.glob(f"smileback-{label}-*{PARTIAL}"))


def remove_copies(paths) -> None:
    """Remove copies this module made (never an original)."""
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
