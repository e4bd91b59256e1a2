"""Issue 11.6: a record that passes integrity_check but cannot be used is mended, in plain words.

A missing or empty alembic_version made every start fail with Alembic's CREATE TABLE and
a link to SQLAlchemy's site; a dropped table, or one unreadable date, crashed Home or
History at every start. Each is now damage: moved aside, the newest good backup restored
(one that passes the same check), what still reads salvaged, and the patient told.
"""
import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings, strategies as st
from sqlalchemy.dialects import sqlite

from app.storage import Store, StoreError
from app.storage.backup import daily_backup, list_backups, restore_backup
from app.storage.checks import value_rule
from app.storage.models import RestDay, SessionRecord
from app.storage.opening import open_store
from app.storage.repository import DB_NAME
from tests.app.test_opening import AT_START, NOON, TODAY, make_record, notes, record_session
from tests.app.test_salvage import add_sessions, backed_up_then, step_count

TECHNICAL = ("[SQL", "SQL:", "OperationalError", "DatabaseError", "CREATE TABLE", "SELECT ", "Traceback", "http",
             "alembic")


def tamper(data_dir, *statements: str) -> None:
    with closing(sqlite3.connect(data_dir / DB_NAME)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def plain(notice: str) -> bool:
    return not any(word in notice for word in TECHNICAL)


def opened_twice(data_dir):
    """The first start mends and tells; the second finds nothing more to say."""
    first = open_store(data_dir, TODAY, AT_START)
    first.store.close()
    second = open_store(data_dir, TODAY, AT_START + timedelta(minutes=1))
    assert second.notice is None and not second.repaired
    return first, second.store


@pytest.mark.parametrize("statement", ["DROP TABLE alembic_version", "DELETE FROM alembic_version"])
def test_a_lost_schema_revision_is_mended_not_a_failure_at_every_start(data_dir, statement):
    backed_up_then(data_dir, "this morning")
    tamper(data_dir, statement)
    first, store = opened_twice(data_dir)
    try:
        assert first.repaired and plain(first.notice)
        assert "no longer says which version of SmileBack wrote it" in first.notice
        assert "1 session recorded after that backup was read back" in first.notice
        assert notes(store) == ["two days ago", "this morning"]
    finally:
        store.close()


def test_a_dropped_table_of_sessions_is_mended_from_the_backup(data_dir):
    backed_up_then(data_dir, "this morning")
    tamper(data_dir, "DROP TABLE step_logs", "DROP TABLE sessions")
    first, store = opened_twice(data_dir)
    try:
        assert plain(first.notice) and "part of it is missing (the list of sessions" in first.notice
        assert "The sessions recorded after that backup could not be read and may be missing" in first.notice
        assert notes(store) == ["two days ago"]
    finally:
        store.close()


def test_a_dropped_table_of_steps_keeps_every_session(data_dir):
    make_record(data_dir)
    daily_backup(data_dir, TODAY - timedelta(days=1))
    store = Store(data_dir)
    add_sessions(store, 3)
    store.close()
    tamper(data_dir, "DROP TABLE step_logs")
    first, store = opened_twice(data_dir)
    try:
        assert plain(first.notice) and "part of it is missing (the exercise steps of each session)" in first.notice
        assert "3 sessions recorded after that backup were read back" in first.notice
        assert "These could not all be read back: the exercise steps of each session" in first.notice
        assert len(notes(store)) == 3 and step_count(store) == 0
    finally:
        store.close()


def test_a_dropped_column_is_mended_and_said_plainly(data_dir):
    backed_up_then(data_dir, "this morning")
    tamper(data_dir, "ALTER TABLE sessions DROP COLUMN note")
    first, store = opened_twice(data_dir)
    try:
        assert plain(first.notice) and "part of it is missing (the list of sessions)" in first.notice
        assert "The sessions recorded after that backup could not be read" in first.notice
        assert notes(store) == ["two days ago"]
    finally:
        store.close()


@pytest.mark.parametrize("column", ["local_date", "started_at", "last_activity_at"])
def test_one_unreadable_date_costs_that_session_only(data_dir, column):
    backed_up_then(data_dir, "this morning", "at noon", "this evening")
    tamper(data_dir, f"UPDATE sessions SET {column} = 'garbage' WHERE note = 'at noon'")
    first, store = opened_twice(data_dir)
    try:
        assert plain(first.notice)
        assert "it holds 1 session with a date or number that cannot be read" in first.notice
        assert "2 sessions recorded after that backup were read back" in first.notice
        assert "1 session recorded after it could not be read" in first.notice
        assert notes(store) == ["two days ago", "this morning", "this evening"]
    finally:
        store.close()


def test_an_unreadable_date_in_a_session_the_backup_holds_costs_nothing(data_dir):
    backed_up_then(data_dir, "this morning")
    tamper(data_dir, "UPDATE sessions SET ended_at = '2026-02-30 10:00:00.000000' WHERE note = 'two days ago'")
    first, store = opened_twice(data_dir)
    try:
        assert "1 session recorded after that backup was read back" in first.notice
        assert "Nothing was lost" in first.notice
        assert notes(store) == ["two days ago", "this morning"]
    finally:
        store.close()


def test_backups_that_hold_the_unreadable_date_are_passed_over(data_dir):
    make_record(data_dir, (NOON - timedelta(days=3), "three days ago"), (NOON - timedelta(days=2), "two days ago"))
    tamper(data_dir, "UPDATE sessions SET local_date = 'garbage' WHERE note = 'three days ago'")
    daily_backup(data_dir, TODAY - timedelta(days=1))  # copied the bad date along
    first, store = opened_twice(data_dir)
    try:
        assert "There was no backup to bring back, so a new record has been started" in first.notice
        assert "1 session was read back into it" in first.notice and "1 session could not be read" in first.notice
        assert notes(store) == ["two days ago"]
        assert len(list_backups(data_dir)) == 2  # the bad copy is kept, today's is new
    finally:
        store.close()


def test_such_a_backup_is_refused_by_restore_too(data_dir):
    make_record(data_dir, (NOON, "today"))
    tamper(data_dir, "UPDATE sessions SET started_at = 'garbage'")
    bad = daily_backup(data_dir, TODAY)
    store = open_store(data_dir, TODAY, AT_START).store  # mended: a new record
    try:
        with pytest.raises(StoreError, match="cannot be used: it holds 1 session with a date") as refused:
            restore_backup(store, bad, TODAY)
        assert plain(str(refused.value))
    finally:
        store.close()


def test_a_record_that_fails_to_open_says_so_without_its_sql(data_dir, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def failing_migrate(engine):
        raise OperationalError("CREATE TABLE plans (id INTEGER)", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr("app.storage.repository.migrate", failing_migrate)
    with pytest.raises(StoreError) as failed:
        Store(data_dir)
    assert "disk I/O error" in str(failed.value) and plain(str(failed.value))


# --- the rules accept everything the app writes, and nothing it cannot read back ----------------

def test_a_time_that_rounds_up_is_not_mistaken_for_damage(data_dir):
    """Found by the SIGKILL test: SQLite's datetime() rounds 21:45:32.999883 up to 21:45:33."""
    store = Store(data_dir)
    record_session(store, NOON.replace(microsecond=999_883), "at the end of a second")
    store.close()
    result = open_store(data_dir, TODAY, AT_START)
    try:
        assert result.notice is None and notes(result.store) == ["at the end of a second"]
    finally:
        result.store.close()


def rule_accepts(column, value) -> bool:
    with closing(sqlite3.connect(":memory:")) as conn:
        return conn.execute(f'SELECT {value_rule(column)} FROM (SELECT ? AS "{column.name}")', (value,)).fetchone()[0]


def stored(column, value):
    """The value as SQLAlchemy's SQLite dialect writes it for this column."""
    dialect = sqlite.dialect()
    kind = column.type.dialect_impl(dialect)
    process = kind.bind_processor(dialect)
    return process(value) if process else value


STARTED, DAY = SessionRecord.__table__.c.started_at, RestDay.__table__.c.local_date


@settings(max_examples=300, deadline=None)
@given(st.datetimes(min_value=datetime(2021, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)))
def test_every_time_the_app_writes_passes_the_rule(moment):
    assert rule_accepts(STARTED, stored(STARTED, moment))


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2021, 1, 1)))
def test_every_day_the_app_writes_passes_the_rule(day):
    assert rule_accepts(DAY, stored(DAY, day))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=30), st.from_regex(r"\A20\d\d-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{0,8})?.{0,3}\Z")))
def test_a_time_the_rule_accepts_reads_back(text):
    if rule_accepts(STARTED, text):
        datetime.fromisoformat(text)  # what SQLAlchemy does on reading; must not raise


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=12), st.from_regex(r"\A\d\d\d\d-\d\d-\d\d.{0,2}\Z")))
def test_a_day_the_rule_accepts_reads_back(text):
    if rule_accepts(DAY, text):
        date.fromisoformat(text)


def test_year_zero_is_refused():
    """SQLite's calendar has a year 0; Python's (and so SQLAlchemy's) does not."""
    assert not rule_accepts(DAY, "0000-01-01") and not rule_accepts(STARTED, "0000-01-01 10:00:00.000000")
