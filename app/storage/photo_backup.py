"""Progress photos in the backups: backups/photos/, beside the database copies.

A photo file is named by the SHA-256 of its bytes and never changes, so one folder serves
every backup: a backup adds the files its record names that the folder lacks (checked
against their names first), pruning takes away those no kept backup names, and a restore
brings back into the data folder every file the restored record names that is not there.
"""
from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from ..atomic import remove_quietly, write_atomically
from .db import prepare_data_dir
from .photo_files import photos_dir


def photo_backups_dir(backups: Path) -> Path:
    return backups / "photos"


def named_files(database: Path) -> set[str]:
    """The photo files a record (or a backup of one) names; none before the photos table."""
    uri = Path(database).resolve().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            return {row[0] for row in connection.execute("SELECT file_name FROM photos")}
    except sqlite3.Error:  # no photos table yet, or unreadable: judged elsewhere
        return set()


def _copy_checked(source: Path, target: Path) -> bool:
    """Copy a photo whose bytes match its name; False when it is missing or damaged."""
    try:
        data = source.read_bytes()
    except OSError:
        return False
    if f"{hashlib.sha256(data).hexdigest()}.jpg" != source.name:
        return False
    prepare_data_dir(target.parent)
    write_atomically(target, data, private=True)
    return True


def back_up_photos(data_dir: Path, backup: Path) -> list[str]:
    """Copy into backups/photos what the backup names and the folder lacks; returns the names
    that could not be copied (missing or damaged in the data folder)."""
    folder = photo_backups_dir(backup.parent)
    missing = []
    for name in sorted(named_files(backup)):
        if not (folder / name).exists() and not _copy_checked(photos_dir(data_dir) / name, folder / name):
            missing.append(name)
    return missing


def prune_photo_backups(backups: Path, kept: Iterable[Path]) -> None:
    """Take away the backed-up photos no kept backup names."""
    folder = photo_backups_dir(backups)
    if not folder.is_dir():
        return
    named = set().union(*(named_files(path) for path in kept))
    for path in folder.iterdir():
        if path.name not in named:
            remove_quietly(path)


def restore_photos(data_dir: Path, backups: Path) -> list[str]:
    """Bring back every photo the restored record names that the data folder lacks; returns
    the names found in neither place."""
    from .repository import DB_NAME

    lost = []
    for name in sorted(named_files(Path(data_dir) / DB_NAME)):
        target = photos_dir(data_dir) / name
        try:
            if not target.exists() and not _copy_checked(photo_backups_dir(backups) / name, target):
                lost.append(name)
        except OSError:  # the record is restored already; a photo not brought back is said, not raised
            lost.append(name)
    return lost
