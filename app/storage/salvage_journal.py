"""The treatment journal's part of a salvage: every version that reads, merged in once.

A version is recognised by all its own values (its saved instant among them), as the import
does; the version it replaces is found through the same recognition, so a history that
went on after the backup is joined to the backup's. A version whose areas or answers did
not all read is still kept (with those that did), as a session is with its steps; one the
record refuses (its replaced version did not read, or was replaced another way since) is
counted as lost.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from .checks import TABLE_WORDS
from .salvage_reading import TableRead

# Each table of versions, with its child table and the child's link to it.
JOURNAL = {"injections": ("injection_areas", "injection_id"), "effect_marks": None,
           "checkins": ("checkin_answers", "checkin_id"), "care_items": None, "care_ticks": None,
           "mood_entries": None}
JOURNAL_TABLES = tuple(t for table, child in JOURNAL.items() for t in (table, *(child[:1] if child else ())))
VERSION_KEYS = ("id", "replaces_id")


@dataclass
class JournalReport:
    added: int = 0  # versions the record lacked, read back
    lost: int = 0  # versions that did not read, or the record refused, above what it held
    unread: list[str] = field(default_factory=list)  # tables that could not all be read, in words


def merge_journal(connection, tables: dict[str, TableRead], present: set[str]) -> JournalReport:
    """Merge the journal tables read from the damaged file (`present`: those its schema has)."""
    report = JournalReport()
    for table, child in JOURNAL.items():
        if table not in present:
            continue  # a record from before the journal: nothing was lost
        _merge_table(connection, table, child, tables, report)
    for table in JOURNAL_TABLES:
        if table in present and not tables[table].whole:
            report.unread.append(TABLE_WORDS[table][0])
    return report


def _sql(connection, statement: str, parameters=()):
    return connection.exec_driver_sql(statement, tuple(parameters))


def _try(connection, write):
    try:
        with connection.begin_nested():
            return write()
    except SQLAlchemyError:
        return None


def _identity(row: dict) -> tuple:
    return tuple(sorted((k, v) for k, v in row.items() if k not in VERSION_KEYS))


def _merge_table(connection, table: str, child, tables: dict[str, TableRead], report: JournalReport) -> None:
    highest = _sql(connection, f'SELECT coalesce(max(id), 0) FROM "{table}"').scalar()
    held = [dict(row) for row in _sql(connection, f'SELECT * FROM "{table}" ORDER BY id').mappings()]
    known = {_identity(row): row["id"] for row in held}
    damaged_children = _children_by_parent(tables, child)
    ids: dict[int, int] = {}  # the damaged file's version id -> the record's
    for row in sorted(tables[table].rows, key=lambda r: r["id"]):
        kids = damaged_children.get(row["id"], [])
        identity = _identity(row)
        if identity in known:
            ids[row["id"]] = known[identity]
            continue
        replaces = row["replaces_id"]
        if replaces is not None and replaces not in ids:
            report.lost += 1  # what it replaced did not read: it cannot be joined to its history
            continue
        added = _try(connection, lambda: _add(connection, table, child, row, kids,
                                              None if replaces is None else ids[replaces]))
        if added is None:
            report.lost += 1
            continue
        ids[row["id"]] = known[identity] = added
        report.added += 1
    report.lost += sum(1 for i in tables[table].unread_ids() if i > highest)


def _children_by_parent(tables: dict[str, TableRead], child) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    if child is not None:
        for row in tables[child[0]].rows:
            grouped.setdefault(row[child[1]], []).append(row)
    return grouped


def _add(connection, table: str, child, row: dict, kids: list[dict], replaces: int | None) -> int:
    values = {k: v for k, v in row.items() if k != "id"} | {"replaces_id": replaces}
    names, marks = ", ".join(f'"{k}"' for k in values), ", ".join("?" for _ in values)
    new_id = _sql(connection, f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values.values()).lastrowid
    for kid in kids:
        kid_values = {k: v for k, v in kid.items() if k != "id"} | {child[1]: new_id}
        names, marks = ", ".join(f'"{k}"' for k in kid_values), ", ".join("?" for _ in kid_values)
        _sql(connection, f'INSERT INTO "{child[0]}" ({names}) VALUES ({marks})', kid_values.values())
    return new_id
