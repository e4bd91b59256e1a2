"""Reading one table of a damaged file row by row: what reads is kept, what does not is stepped over.

A table is read in rowid order without any index (an index may be what is damaged). When a
page cannot be read, the scan stops with an error; from there each rowid is read on its own
(each lookup goes down the tree to its own page, so only the bad page's rows fail). Each row comes with a check of its values (`row_rule`):
a row that reads but holds, say, a date that is not a date is counted, not kept.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Callable

# Past a bad page with no known highest rowid, how many missing rowids in a row end the search.
MAX_PROBES = 10_000


@dataclass
class TableRead:
    rows: list[dict] = field(default_factory=list)  # rows that read, with values the app can use
    usable: set[int] = field(default_factory=set)  # their rowids
    seen: set[int] = field(default_factory=set)  # the rowid of every row that read, usable or not
    highest: int = 0  # the highest rowid known to exist
    broken: bool = False  # some part of the table could not be read

    @property
    def missing(self) -> bool:
        """Nothing at all could be read: the table is gone, or every page of it bad."""
        return self.broken and not self.seen

    @property
    def whole(self) -> bool:
        return not self.broken and self.usable == self.seen

    def unread_ids(self, at_least: int = 0) -> set[int]:
        """Rowids from 1 to the highest known (or `at_least`) that did not read, or held bad values."""
        top = min(max(self.highest, at_least), max(self.seen, default=0) + MAX_PROBES)
        return set(range(1, top + 1)) - self.usable


def read_table(connection: sqlite3.Connection, table: str, wanted: list[str],
               row_rule: Callable[[str, list[str]], str]) -> TableRead:
    """Every row of `table` that reads. A table without all the `wanted` columns is not read
    at all (counted as missing): its rows could not be written back whole."""
    columns = list(wanted)
    if not set(columns) <= _columns_in(connection, table):
        return TableRead(broken=True)
    names = ", ".join(f'"{name}"' for name in columns)
    select = f'SELECT rowid, {names}, {row_rule(table, columns)} FROM "{table}" NOT INDEXED'
    read = TableRead(highest=_highest_rowid(connection, table))
    stopped_after = _scan(connection, select + " ORDER BY rowid", columns, read)
    if stopped_after is not None:
        _read_one_by_one(connection, select + " WHERE rowid = ?", stopped_after, columns, read)
    read.highest = max(read.highest, max(read.seen, default=0))
    return read


def _columns_in(connection: sqlite3.Connection, table: str) -> set[str]:
    try:
        return {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
    except sqlite3.Error:
        return set()


def _highest_rowid(connection: sqlite3.Connection, table: str) -> int:
    try:
        return connection.execute(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').fetchone()[0]
    except sqlite3.Error:  # the rightmost pages are bad: not known
        return 0


def _scan(connection: sqlite3.Connection, query: str, columns: list[str], read: TableRead) -> int | None:
    """Read the whole table in one pass; on an error, the last rowid read (0 for none), else None."""
    last = 0
    try:
        for row in connection.execute(query):
            _keep(row, columns, read)
            last = row[0]
        return None
    except sqlite3.Error:  # a page SQLite cannot make sense of
        read.broken = True
        return last


def _read_one_by_one(connection: sqlite3.Connection, query: str, after: int, columns: list[str],
                     read: TableRead) -> None:
    """Each rowid after `after` on its own: a scan goes through the bad page (and the cursor
    reads one row ahead, so the row before the error is lost to it too); a lookup of one
    rowid goes down the tree to its own page only. Up to the highest rowid if known, else
    until MAX_PROBES in a row are found missing."""
    rowid, misses = after, 0
    while rowid < read.highest if read.highest > after else misses < MAX_PROBES:
        rowid += 1
        try:
            row = connection.execute(query, (rowid,)).fetchone()
        except sqlite3.Error:
            row = None
        if row is None:
            misses += 1
        else:
            misses = 0
            _keep(row, columns, read)


def _keep(row: tuple, columns: list[str], read: TableRead) -> None:
    rowid, *values, usable = row
    read.seen.add(rowid)
    if usable:
        read.usable.add(rowid)
        read.rows.append(dict(zip(columns, values)))
