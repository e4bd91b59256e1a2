"""After an unclean stop: the -wal kept aside before SQLite reads it, and any loss told.

SQLite keeps the latest commits in smileback.sqlite3-wal until it copies them into the
main file (a checkpoint); its index, smileback.sqlite3-shm, notes the last commit frame
(mxFrame) and how many frames are copied already (nBackfill). After a kill the next open
replays the -wal, but only as far as its frames check out: a -wal turned to garbage is
ignored, a damaged frame drops every commit from it on, a -wal deleted takes its commits
with it; and on close SQLite empties the -wal. All without a word.

So at start, when a -wal with content is found (or a -shm saying commits wait in a -wal
that is gone), the three files are first copied aside as smileback-wal-<stamp>.sqlite3
(+ -wal, + -shm, the pairing kept so they can be opened together later), and then
  claimed:  the last commit frame of the -wal (frame headers carry the -wal's salt and, on
            a commit, the database size), and the -shm's mxFrame when its salt matches;
  replayed: the frames SQLite accepts on this first open (PRAGMA wal_checkpoint says);
are compared. When everything claimed was replayed, the copy holds nothing the record
lacks, and is removed (after every kill a -wal is found, and copies would pile up).
Otherwise it is kept, and the patient told.

Not detectable: a -wal deleted together with its -shm (nothing is left to say commits were
waiting), or cut short at a commit boundary with its -shm gone. A power cut in the middle
of a commit that never returned can be told as a possible loss although nothing the
patient was shown as saved is missing.
"""
from __future__ import annotations

import sqlite3
import struct
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .aside import SIDE_FILES, copy_aside, remove_copies, with_suffix

WAL_MAGIC = (0x377F0682, 0x377F0683)  # the low bit: checksums in big-endian words
WAL_VERSION, WAL_HEADER, FRAME_HEADER = 3007000, 32, 24
SHM_HEADER = 48  # the -shm's index header, stored twice; then nBackfill at 96
UNREADABLE, DAMAGED, MISSING = "unreadable", "damaged", "missing"


@dataclass(frozen=True)
class WalFile:
    readable: bool  # its header checks out; else SQLite ignores it all
    salt: bytes = b""
    last_commit: int = 0  # the number of the last commit frame of this generation, 0 if none


@dataclass(frozen=True)
class WalIndex:
    salt: bytes
    max_frame: int  # the last commit frame the app saw
    backfilled: int  # frames already copied into the main file

    @property
    def waiting(self) -> bool:
        return self.max_frame > self.backfilled


def keep_unclean_journal(db_path: Path, now: datetime) -> str | None:
    """Before the first open: copy an unclean -wal aside, open, and say what it lost (or None)."""
    wal = read_wal(with_suffix(db_path, "-wal"))
    index = read_index(with_suffix(db_path, "-shm"))
    if not db_path.exists() or (wal is None and not (index and index.waiting)):
        return None  # a clean stop (or no record: an orphaned -wal is set aside elsewhere)
    copy = copy_aside(db_path, now, "wal")
    replayed = frames_replayed(db_path)
    if replayed is None:  # the record does not open: the damage check that follows tells
        return None
    loss = journal_loss(wal, index, replayed)
    if loss is None and copy is not None:
        remove_copies(with_suffix(copy, s) for s in ("",) + SIDE_FILES)
    return None if loss is None else journal_notice(loss, copy)


def journal_loss(wal: WalFile | None, index: WalIndex | None, replayed: int) -> str | None:
    """UNREADABLE, DAMAGED or MISSING when commits were (or may have been) dropped; else None."""
    if wal is None:
        return MISSING if index and index.waiting else None
    if not wal.readable:  # unless its index shows every frame already copied in, all may be lost
        return None if index and not index.waiting else UNREADABLE
    claimed = max(wal.last_commit, index.max_frame if index and index.salt == wal.salt else 0)
    return DAMAGED if claimed > replayed else None


def journal_notice(loss: str, copy: Path | None) -> str:
    what = {UNREADABLE: "the file holding its latest changes ({name}) could not be read",
            DAMAGED: "part of the file holding its latest changes ({name}) could not be read",
            MISSING: "the file holding its latest changes ({name}) has gone missing"}[loss]
    kept = (f" The files as they were are kept, not deleted, at {copy}." if copy is not None
            else " No copy of them could be kept: the storage is full.")
    return ("SmileBack was not closed properly last time, and " + what.format(name="smileback.sqlite3-wal") +
            ". What was recorded just before (the last sessions or steps) may be missing from your record." + kept)


def frames_replayed(db_path: Path) -> int | None:
    """Open the record (SQLite replays its -wal now) and count the frames it accepted."""
    try:
        with closing(sqlite3.connect(db_path)) as connection:
            connection.execute("PRAGMA busy_timeout=5000")
            _busy, frames, _copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error:
        return None
    return max(frames, 0)  # -1: the record is not in WAL mode, and nothing was replayed


# --- reading the files' headers ------------------------------------------------------------

def read_wal(path: Path) -> WalFile | None:
    """The -wal's header and its last commit frame; None when there is none or it is empty."""
    try:
        with open(path, "rb") as file:
            header = file.read(WAL_HEADER)
            if not header:
                return None
            if not _header_checks_out(header):
                return WalFile(readable=False)
            page_size = struct.unpack(">I", header[8:12])[0]
            return WalFile(True, header[16:24], _last_commit(file, header[16:24], page_size))
    except FileNotFoundError:
        return None


def _header_checks_out(header: bytes) -> bool:
    if len(header) < WAL_HEADER:
        return False
    magic, version, page_size = struct.unpack(">III", header[:12])
    if magic not in WAL_MAGIC or version != WAL_VERSION or page_size < 512 or page_size & (page_size - 1):
        return False
    return _checksum(header[:24], big_endian=bool(magic & 1)) == struct.unpack(">II", header[24:32])


def _checksum(data: bytes, big_endian: bool) -> tuple[int, int]:
    """SQLite's -wal checksum (walChecksumBytes), here only over the 24-byte header."""
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    first = second = 0
    for index in range(0, len(words), 2):
        first = (first + words[index] + second) & 0xFFFFFFFF
        second = (second + words[index + 1] + first) & 0xFFFFFFFF
    return first, second


def _last_commit(file, salt: bytes, page_size: int) -> int:
    """Frames of this generation carry its salt; a commit frame gives the database's size.
    A frame cut short (the end of the file) is no frame."""
    size = file.seek(0, 2)
    last, number = 0, 0
    while WAL_HEADER + (number + 1) * (FRAME_HEADER + page_size) <= size:
        file.seek(WAL_HEADER + number * (FRAME_HEADER + page_size))
        frame = file.read(FRAME_HEADER)
        number += 1
        if frame[8:16] == salt and struct.unpack(">I", frame[4:8])[0] != 0:
            last = number
    return last


def read_index(path: Path) -> WalIndex | None:
    """The -shm's header, when it is whole (both copies agree) and initialised; else None."""
    try:
        with open(path, "rb") as file:
            data = file.read(2 * SHM_HEADER + 4)
    except FileNotFoundError:
        return None
    if len(data) < 2 * SHM_HEADER + 4 or data[:SHM_HEADER] != data[SHM_HEADER:2 * SHM_HEADER]:
        return None
    version, _unused, _change, initialised = struct.unpack("=IIIB", data[:13])  # the machine's own byte order
    if version != WAL_VERSION or not initialised:
        return None
    max_frame = struct.unpack("=I", data[16:20])[0]
    backfilled = struct.unpack("=I", data[2 * SHM_HEADER:2 * SHM_HEADER + 4])[0]
    return WalIndex(data[32:40], max_frame, backfilled)
