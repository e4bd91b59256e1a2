"""Make a real record refuse writes, as a full disk or a read-only file would.

SQLite itself does the refusing: every connection the store's engine hands out gets
`PRAGMA query_only = ON`, so each write fails with SQLITE_READONLY ("attempt to write a
readonly database") while reads go on. (chmod cannot do this here: the tests run as root.
`PRAGMA max_page_count` gives a genuine SQLITE_FULL, but only for a write that needs a new
page, so a small step row would still fit; it is used where a write is large enough.)
"""
from __future__ import annotations

from sqlalchemy import event


class RefusedWrites:
    """`refuse()` makes the store's record read-only for its connections; `mend()` undoes it."""

    def __init__(self, store):
        self.store = store
        self.refusing = False

    def _on_checkout(self, dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.execute(f"PRAGMA query_only = {'ON' if self.refusing else 'OFF'}")

    def refuse(self) -> None:
        self.refusing = True
        if not event.contains(self.store.engine, "checkout", self._on_checkout):
            event.listen(self.store.engine, "checkout", self._on_checkout)

    def mend(self) -> None:
        self.refusing = False  # the next checkout of every pooled connection turns it off


def fill_to_the_brim(store) -> None:
    """No page more for the record: a write that needs a new page fails with SQLITE_FULL."""
    def limit(dbapi_connection, _record, _proxy):
        dbapi_connection.execute("PRAGMA max_page_count = 1")  # clamped to the pages it has

    event.listen(store.engine, "checkout", limit)
