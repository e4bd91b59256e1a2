"""What a record must hold for the app to use it, checked cheaply at every start.

`PRAGMA integrity_check` finds damage to the file's structure. A file can pass it and still
not serve: a table dropped, the schema revision gone (Alembic would then try to create
every table again and fail), or one value the app cannot read back (a session dated
'garbage' would stop History, or every start, with a Python error). `record_problem`
finds those, in words for the patient; `row_rule` is the same value check as SQL, for
the salvage to skip such rows.

Every rule follows what the app writes through SQLAlchemy: dates as 'YYYY-MM-DD', times
as 'YYYY-MM-DD HH:MM:SS.ffffff', integers and floats as numbers, text as text. A rule that
refused a value the app wrote would move a good record aside and drop the row: tests
check every date and time SQLAlchemy writes passes, and that what passes reads back.
'datetime(x, '+0 days') = x' is how a day is checked: SQLite's date() keeps 30 February
as written, but normalises it to 2 March when asked to add nothing. SQLite has a year 0,
Python has not.
"""
from __future__ import annotations

import sqlite3

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, String
from sqlalchemy.types import TypeDecorator

from ..formatting import plural
from .db import REVISIONS
from .models import Base

REVISION_TABLE = "alembic_version"
# Each table as the patient would name it, and one of its rows.
TABLE_WORDS = {
    "plans": ("the plan", "plan version"),
    "plan_steps": ("the steps of the plan", "plan step"),
    "sessions": ("the list of sessions", "session"),
    "step_logs": ("the exercise steps of each session", "exercise step"),
    "rest_days": ("the rest days", "rest day"),
    "settings": ("the settings", "setting"),
    "injections": ("the injections of the treatment journal", "injection"),
    "injection_areas": ("the areas of each injection", "injection area"),
    "effect_marks": ("the marks of the effect starting and fading", "effect mark"),
    "checkins": ("the side-effect check-ins", "check-in"),
    "checkin_answers": ("the answers of each check-in", "check-in answer"),
    "care_items": ("the supportive care of the plan", "supportive care item"),
    "care_ticks": ("the supportive care done", "supportive care tick"),
    "mood_entries": ("the moods", "mood"),
    "rating_items": ("the things you chose to rate", "rating item"),
    "ratings": ("your ratings", "rating"),
    "clinician_scores": ("the scores a clinician gave", "clinician score"),
    "photo_sets": ("the progress photo sets", "photo set"),
    "photos": ("the progress photos", "progress photo"),
    "face_measures": ("the face measures of the photos", "face measure"),
}
# The revision that made each table that came after the first: an older record lacks it, rightly.
TABLE_SINCE = {table: "0002" for table in ("injections", "injection_areas", "effect_marks", "checkins",
                                           "checkin_answers", "care_items", "care_ticks", "mood_entries")}
TABLE_SINCE |= {table: "0003" for table in ("rating_items", "ratings", "clinician_scores", "photo_sets", "photos")}
TABLE_SINCE["face_measures"] = "0004"
NO_REVISION = "it no longer says which version of SmileBack wrote it"


def table_columns(table: str) -> list[str]:
    return [column.name for column in Base.metadata.tables[table].columns]


def value_rule(column: Column) -> str:
    """SQL that is 1 when the column's value reads back as the app expects, else 0 (never NULL)."""
    name = f'"{column.name}"'
    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    if isinstance(kind, DateTime):
        rule = _time_rule(name)
    elif isinstance(kind, Date):
        rule = f"typeof({name}) = 'text' AND {name} >= '0001' AND date({name}, '+0 days') = {name}"
    elif isinstance(kind, Boolean):
        rule = f"typeof({name}) = 'integer' AND {name} IN (0, 1)"
    elif isinstance(kind, Integer):
        rule = f"typeof({name}) = 'integer'"
    elif isinstance(kind, Float):
        rule = f"typeof({name}) IN ('integer', 'real')"
    elif isinstance(kind, String):
        rule = f"typeof({name}) = 'text'"
    else:
        raise TypeError(f"no value rule for {column.table.name}.{column.name} ({kind!r})")
    if column.nullable:
        rule = f"{name} IS NULL OR ({rule})"
    return f"coalesce(({rule}), 0)"


def _time_rule(name: str) -> str:
    """'YYYY-MM-DD HH:MM:SS' (or with a 'T'), then nothing or '.' and digits. The seconds are
    checked apart from the fraction: datetime() rounds .9995 up into the next second."""
    whole = f"replace(substr({name}, 1, 19), 'T', ' ')"
    return (f"typeof({name}) = 'text' AND {name} >= '0001' AND datetime({whole}, '+0 days') = {whole} AND "
            f"(length({name}) = 19 OR (substr({name}, 20, 1) = '.' AND length({name}) > 20 "
            f"AND substr({name}, 21) NOT GLOB '*[^0-9]*'))")


def row_rule(table: str, columns: list[str] | None = None) -> str:
    """SQL that is 1 when every one of `columns` (all, by default) of a row reads back."""
    model = Base.metadata.tables[table]
    rules = [value_rule(model.columns[name]) for name in (columns or table_columns(table))]
    return " AND ".join(rules) or "1"


def record_problem(connection: sqlite3.Connection) -> str | None:
    """Why a record that passed integrity_check cannot be used, in the patient's words; or None.

    None too for a record with no table at all (a first start, or emptied: judged elsewhere)
    and for one written by a newer app (refused elsewhere, untouched).
    """
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables & (set(TABLE_WORDS) | {REVISION_TABLE}):
        return None
    revision = _revision(connection) if REVISION_TABLE in tables else None
    if revision is None:
        return NO_REVISION
    if revision not in REVISIONS:
        return None
    expected = tables_at(revision)
    return _missing_parts(connection, tables, expected) or _unreadable_values(connection, expected)


def tables_at(revision: str) -> list[str]:
    """The tables a record at `revision` has (REVISIONS are in order, so their ids compare as text)."""
    return [table for table in TABLE_WORDS if TABLE_SINCE.get(table, REVISIONS[0]) <= revision]


def _revision(connection: sqlite3.Connection) -> str | None:
    row = connection.execute(f"SELECT version_num FROM {REVISION_TABLE}").fetchone()
    return row[0] if row else None


def _missing_parts(connection: sqlite3.Connection, tables: set[str], expected: list[str]) -> str | None:
    missing = [TABLE_WORDS[table][0] for table in expected
               if table not in tables or not set(table_columns(table)) <= _columns_in(connection, table)]
    return f"part of it is missing ({' and '.join(missing)})" if missing else None


def _columns_in(connection: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}


def _unreadable_values(connection: sqlite3.Connection, expected: list[str]) -> str | None:
    counts = [(connection.execute(f'SELECT count(*) FROM "{table}" WHERE NOT ({row_rule(table)})').fetchone()[0],
               TABLE_WORDS[table][1]) for table in expected]
    bad = [plural(count, row) for count, row in counts if count]
    if not bad:
        return None
    return f"it holds {' and '.join(bad)} with a date or number that cannot be read"
