"""Issue 11.4: after an unclean stop, a -wal that SQLite cannot replay does not lose sessions silently.

The latest commits live in smileback.sqlite3-wal until SQLite copies them into the main
file. After a kill the next open replays it; a -wal turned to garbage, damaged in one
frame or deleted was ignored (and then emptied) without a word. Now the files are copied
aside first, and the patient is told when the record opened with fewer commits than the
-wal and its index (-shm) held.
"""
import random
import shutil
import struct
from datetime import timedelta
from pathlib import Path

from app.storage import Store
from app.storage.opening import open_store
from app.storage.repository import DB_NAME
from tests.app.test_opening import AT_START, NOON, TODAY, digest, notes, record_session

COPY = "smileback-wal-20261125-081530.sqlite3"
FRAME_HEADER, WAL_HEADER = 24, 32


def stopped_uncleanly(data_dir: Path, saved: list[str], in_wal: list[str]) -> None:
    """A record as a kill leaves it: `saved` in the main file, `in_wal` only in its -wal."""
    live = data_dir.parent / "live"
    store = Store(live)
    for hour, note in enumerate(saved + in_wal):
        record_session(store, NOON - timedelta(hours=10 - hour), note)
        if note == saved[-1]:
            with store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(live, data_dir)  # the files at the instant of the kill: main, -wal, -shm
    store.close()


def side(data_dir: Path, suffix: str) -> Path:
    return data_dir / (DB_NAME + suffix)


def frames(wal: bytes) -> int:
    page_size = struct.unpack(">I", wal[8:12])[0]
    return (len(wal) - WAL_HEADER) // (FRAME_HEADER + page_size)


def opened(data_dir: Path):
    return open_store(data_dir, TODAY, AT_START)


def test_an_unclean_stop_with_a_whole_wal_loses_nothing_and_says_nothing(data_dir):
    stopped_uncleanly(data_dir, ["saved"], ["in the wal", "also in the wal"])
    assert side(data_dir, "-wal").stat().st_size > 0
    result = opened(data_dir)
    try:
        assert notes(result.store) == ["saved", "in the wal", "also in the wal"]
        assert result.notice is None and not result.repaired
        assert not list(data_dir.glob("smileback-wal-*")), "a copy proven to hold nothing more is not kept"
    finally:
        result.store.close()


def test_a_wal_replaced_by_garbage_is_kept_and_told(data_dir):
    stopped_uncleanly(data_dir, ["saved"], ["in the wal"])
    wal = side(data_dir, "-wal")
    garbage = random.Random(11).randbytes(wal.stat().st_size)
    wal.write_bytes(garbage)
    main_before = digest(data_dir / DB_NAME)
    result = opened(data_dir)
    try:
        assert notes(result.store) == ["saved"]  # the garbage held nothing SQLite could replay
        assert result.repaired
        assert "not closed properly" in result.notice and "could not be read" in result.notice
        assert str(data_dir / COPY) in result.notice and "may be missing" in result.notice
        assert (data_dir / (COPY + "-wal")).read_bytes() == garbage  # kept, byte for byte, beside
        assert digest(data_dir / COPY) == main_before  # ... the main file it belongs with
        assert (data_dir / (COPY + "-shm")).exists()
    finally:
        result.store.close()


def test_a_wal_damaged_in_one_frame_is_kept_and_told(data_dir):
    stopped_uncleanly(data_dir, ["saved"], ["first in the wal", "second in the wal", "third in the wal"])
    wal = side(data_dir, "-wal")
    original = bytearray(wal.read_bytes())
    page_size = struct.unpack(">I", original[8:12])[0]
    middle = frames(original) // 2
    original[WAL_HEADER + middle * (FRAME_HEADER + page_size) + FRAME_HEADER + 100] ^= 0xFF
    wal.write_bytes(bytes(original))
    result = opened(data_dir)
    try:
        kept = notes(result.store)
        assert kept[0] == "saved" and len(kept) < 4  # SQLite replays up to the damaged frame only
        assert "part of the file holding its latest changes" in result.notice
        assert str(data_dir / COPY) in result.notice
        assert (data_dir / (COPY + "-wal")).read_bytes() == bytes(original)
    finally:
        result.store.close()


def test_a_wal_deleted_after_an_unclean_stop_is_noticed_by_its_index(data_dir):
    stopped_uncleanly(data_dir, ["saved"], ["in the wal"])
    side(data_dir, "-wal").unlink()  # the -shm stays, and says commits were waiting in the -wal
    result = opened(data_dir)
    try:
        assert notes(result.store) == ["saved"]
        assert "has gone missing" in result.notice and "may be missing" in result.notice
        assert (data_dir / COPY).exists() and (data_dir / (COPY + "-shm")).exists()
    finally:
        result.store.close()


def test_a_clean_stop_leaves_nothing_to_check(data_dir):
    stopped_uncleanly(data_dir, ["saved"], ["in the wal"])
    store = Store(data_dir)  # opened and closed properly: everything is in the main file
    store.close()
    assert not side(data_dir, "-wal").exists()
    result = opened(data_dir)
    try:
        assert notes(result.store) == ["saved", "in the wal"] and result.notice is None
        assert not list(data_dir.glob("smileback-wal-*"))
    finally:
        result.store.close()


def test_a_copy_cut_short_by_a_kill_is_cleared_and_never_looks_whole(data_dir):
    stopped_uncleanly(data_dir, ["saved"], ["in the wal"])
    leftover = data_dir / "smileback-wal-20261124-230000.sqlite3-wal.partial"
    leftover.write_bytes(b"half a copy")
    side(data_dir, "-wal").write_bytes(random.Random(3).randbytes(5000))
    result = opened(data_dir)
    try:
        assert not leftover.exists()
        assert sorted(p.name for p in data_dir.glob("smileback-wal-*")) == [COPY, COPY + "-shm", COPY + "-wal"]
    finally:
        result.store.close()
