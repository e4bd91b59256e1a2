"""Issue 11.3: a damaged record that still reads gives back what it holds.

When a damaged record is moved aside and a backup put in its place, the sessions (with
their steps), plans, rest days and settings recorded after that backup are read back
from the damaged file, row by row; the patient is told how many came back and how many
could not be read.
"""
import hashlib
import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.storage import Store
from app.storage.backup import daily_backup
from app.storage.opening import open_store
from app.storage.repository import DB_NAME, PlanStepView
from tests.app.test_opening import AT_START, NOON, TODAY, break_an_index, make_record, notes, record_session

STEPS = ("heat", "massage", "eyes")
MOVED = "smileback-damaged-20261125-081530.sqlite3"


# --- making records, and damaging them ------------------------------------------------------

def backed_up_then(data_dir: Path, *after: str) -> None:
    """One session, yesterday's backup of it, then a session per note in `after` (not in the backup)."""
    make_record(data_dir, (NOON - timedelta(days=2), "two days ago"))
    daily_backup(data_dir, TODAY - timedelta(days=1))
    store = Store(data_dir)
    for hour, note in enumerate(after):
        record_session(store, NOON - timedelta(hours=12 - hour), note)
    store.close()


def add_sessions(store: Store, count: int, note: str = "session {n}") -> None:
    """`count` sessions of three steps each, one a day before TODAY (fast: one transaction)."""
    plan = store.current_plan() or store.save_plan([PlanStepView(k, True, 300) for k in STEPS], set(),
                                                   date(2026, 1, 1), datetime(2026, 1, 1, tzinfo=timezone.utc))
    with store.engine.connect() as conn, conn.begin():
        for n in range(count):
            started = NOON - timedelta(days=count - n)
            conn.exec_driver_sql(
                "INSERT INTO sessions (local_date, started_at, ended_at, last_activity_at, utc_offset_minutes,"
                " status, note, plan_id) VALUES (?, ?, ?, ?, 0, 'completed', ?, ?)",
                (started.date().isoformat(), _stored(started), _stored(started + timedelta(minutes=15)),
                 _stored(started + timedelta(minutes=15)), note.format(n=n) + " " + "x" * 150, plan.id))
            session_id = conn.exec_driver_sql("SELECT max(id) FROM sessions").scalar()
            for position, key in enumerate(STEPS):
                conn.exec_driver_sql(
                    "INSERT INTO step_logs (session_id, position, step_key, planned_seconds, done_seconds,"
                    " status, started_at, ended_at) VALUES (?, ?, ?, 300, 300.0, 'done', ?, ?)",
                    (session_id, position, key, _stored(started + timedelta(minutes=5 * position)),
                     _stored(started + timedelta(minutes=5 * position + 5))))


def _stored(moment: datetime) -> str:
    """A timestamp as SQLAlchemy stores it in SQLite."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


def leaf_pages(db_path: Path, name: str) -> list[tuple[int, int]]:
    """(page number, rows on it) of each leaf page of a table or index, in order."""
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute("SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                            "ORDER BY pageno", (name,)).fetchall()


def garble_page(db_path: Path, page_number: int) -> None:
    """Overwrite one page with bytes SQLite cannot make sense of, as a failing disk would."""
    with closing(sqlite3.connect(db_path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(db_path, "r+b") as file:
        file.seek((page_number - 1) * page_size)
        file.write(b"\xff" * page_size)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def step_count(store: Store) -> int:
    return sum(len(s.steps) for s in store.sessions_between(date(2000, 1, 1), date(2100, 1, 1)))


def opened(data_dir: Path):
    return open_store(data_dir, TODAY, AT_START)


# --- index-only damage: everything reads, nothing is lost ---------------------------------------

def test_a_broken_index_loses_nothing_recorded_since_the_backup(data_dir):
    backed_up_then(data_dir, "this morning", "at noon")
    db_path = data_dir / DB_NAME
    break_an_index(db_path)
    damaged = digest(db_path)
    result = opened(data_dir)
    try:
        assert notes(result.store) == ["two days ago", "this morning", "at noon"]
        assert "24 November 2026" in result.notice
        assert "2 sessions recorded after that backup were read back from the damaged file" in result.notice
        assert "may be missing" not in result.notice and "could not" not in result.notice.split("kept")[1]
        assert digest(data_dir / MOVED) == damaged  # read from a copy: the kept file is untouched
    finally:
        result.store.close()


def test_a_garbled_index_page_loses_nothing(data_dir):
    backed_up_then(data_dir, "this morning")
    db_path = data_dir / DB_NAME
    [(page, _rows)] = leaf_pages(db_path, "ix_sessions_local_date")
    garble_page(db_path, page)
    result = opened(data_dir)
    try:
        assert notes(result.store) == ["two days ago", "this morning"]
        assert "1 session recorded after that backup was read back" in result.notice
        assert step_count(result.store) == 0  # record_session writes no steps
    finally:
        result.store.close()


def test_a_garbled_table_page_costs_only_the_sessions_on_it(data_dir):
    make_record(data_dir)
    daily_backup(data_dir, TODAY - timedelta(days=1))  # a backup with no session yet
    store = Store(data_dir)
    add_sessions(store, 120)
    store.close()
    db_path = data_dir / DB_NAME
    pages = leaf_pages(db_path, "sessions")
    page, lost = pages[len(pages) // 2]
    garble_page(db_path, page)
    result = opened(data_dir)
    try:
        kept = notes(result.store)
        assert len(kept) == 120 - lost and lost > 0
        assert kept[0].startswith("session 0 ") and kept[-1].startswith("session 119 ")
        assert f"{120 - lost} sessions recorded after that backup were read back" in result.notice
        assert f"{lost} sessions recorded after it could not be read" in result.notice
        assert step_count(result.store) == 3 * (120 - lost)  # each with its own steps
    finally:
        result.store.close()


def test_steps_that_cannot_be_read_leave_their_sessions_with_the_rest(data_dir):
    make_record(data_dir)
    daily_backup(data_dir, TODAY - timedelta(days=1))
    store = Store(data_dir)
    add_sessions(store, 60)
    store.close()
    db_path = data_dir / DB_NAME
    pages = leaf_pages(db_path, "step_logs")
    page, lost = pages[len(pages) // 2]
    garble_page(db_path, page)
    result = opened(data_dir)
    try:
        assert len(notes(result.store)) == 60
        assert step_count(result.store) == 180 - lost
        assert "60 sessions recorded after that backup were read back" in result.notice
        assert f"{lost} exercise steps recorded after it could not be read" in result.notice
    finally:
        result.store.close()


def test_a_schema_sqlite_refuses_to_read_still_gives_its_rows_back(data_dir):
    backed_up_then(data_dir, "this morning")
    with closing(sqlite3.connect(data_dir / DB_NAME)) as conn:
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute("UPDATE sqlite_master SET sql='CREATE INDEX ix_sessions_status ON sessions (no_such_column)' "
                     "WHERE name='ix_sessions_status'")
        conn.commit()
    with closing(sqlite3.connect(data_dir / DB_NAME)) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sessions")  # "malformed database schema"
    result = opened(data_dir)
    try:
        assert notes(result.store) == ["two days ago", "this morning"]
        assert "1 session recorded after that backup was read back" in result.notice
    finally:
        result.store.close()


# --- no backup: the new record is filled from the damaged one -----------------------------------

def test_without_a_backup_the_new_record_is_filled_from_the_damaged_one(data_dir):
    make_record(data_dir, (NOON - timedelta(days=1), "yesterday"), (NOON, "today"))
    store = Store(data_dir)
    store.put_setting("profile.name", "Ana")
    store.close()
    break_an_index(data_dir / DB_NAME)
    result = opened(data_dir)
    try:
        assert notes(result.store) == ["yesterday", "today"]
        assert result.store.current_plan() is not None
        assert result.store.settings()["profile.name"] == "Ana"
        assert "new record" in result.notice
        assert "2 sessions were read back into it from the damaged file" in result.notice
        assert "set up again" not in result.notice  # the plan came back too
    finally:
        result.store.close()


# --- what was already in the backup ---------------------------------------------------------------

def test_a_session_in_the_backup_that_went_on_after_it_is_brought_up_to_date_not_doubled(data_dir):
    store = Store(data_dir)
    plan = store.save_plan([PlanStepView(k, True, 300) for k in STEPS], set(), TODAY, NOON)
    session_id = store.begin_session(plan.id, NOON)
    first = store.start_step(session_id, 0, "heat", 300, NOON)
    store.close()
    daily_backup(data_dir, TODAY)  # taken with the session under way
    store = Store(data_dir)
    at = NOON
    for position, key in enumerate(STEPS[1:], start=1):
        at += timedelta(minutes=5)
        step_id = store.start_step(session_id, position, key, 300, at)
        if position == 1:
            store.finish_step(first, "done", 300, at)
        store.finish_step(step_id, "done", 300, at + timedelta(minutes=5))
    store.finish_session(session_id, "completed", at + timedelta(minutes=5))
    store.annotate_session(session_id, "finished after the backup", 5)
    store.close()
    break_an_index(data_dir / DB_NAME)

    result = opened(data_dir)
    try:
        [session] = result.store.sessions_between(date(2000, 1, 1), date(2100, 1, 1))
        assert (session.status, session.note, session.rating) == ("completed", "finished after the backup", 5)
        assert [(s.step_key, s.status) for s in session.steps] == [(k, "done") for k in STEPS]
        assert "1 session recorded before it was brought up to date from the damaged file" in result.notice
    finally:
        result.store.close()


def test_settings_and_rest_days_changed_since_the_backup_are_kept(data_dir):
    backed_up_then(data_dir)
    store = Store(data_dir)
    store.put_setting("pref.voice", "0")
    store.set_rest_day(TODAY, True, NOON)
    store.close()
    break_an_index(data_dir / DB_NAME)
    result = opened(data_dir)
    try:
        assert result.store.settings()["pref.voice"] == "0"
        assert result.store.rest_days() == {TODAY}
        assert notes(result.store) == ["two days ago"]
        assert "Nothing recorded after that backup was lost" in result.notice
    finally:
        result.store.close()


def test_a_file_that_does_not_read_at_all_still_says_what_may_be_missing(data_dir):
    backed_up_then(data_dir, "this morning")
    (data_dir / DB_NAME).write_bytes(b"not a database" * 500)
    result = opened(data_dir)
    try:
        assert notes(result.store) == ["two days ago"]
        assert "Anything recorded after that backup may be missing" in result.notice
    finally:
        result.store.close()
