"""Reading back what a damaged record still holds, into the record that took its place.

A damaged file often still reads almost all of itself: an index that no longer matches
its table, a few bad pages, one row with a value the app cannot use. Once it has been
moved aside and the newest good backup (or a fresh record) put in its place, `salvage`
reads its tables row by row, stepping over what cannot be read, and merges in what the
backup lacks, in one transaction:
  - plans by the instant they were saved (as the import does), each with its steps;
  - sessions by start instant and local date (as the import does). A session the backup
    lacks is added with every one of its steps that reads (a session is never dropped
    for a missing step; the notice counts the steps). A session the backup holds that went on
    after it (more steps, its end, a note) is brought up to date. Nothing is removed or doubled;
  - rest days by date; settings by key, the damaged file's value winning: it is the newer;
  - the treatment journal's versions by all their values (salvage_journal.py);
  - the outcomes: ratings, scores, photo sets, the damaged file winning (salvage_outcomes.py).
Reading is done on a temporary copy, so the file kept aside stays as it was, byte for byte.

What could not be read is counted by the ids missing from the damaged file's tables: the
app never deletes a session or a step, so ids run without gaps. Only ids above the highest
the backup holds count as lost (the rows below came back with the backup). After a restore
of an older backup ids can repeat, and the count is then only an estimate.
"""
from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections import defaultdict
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from ..formatting import plural
from .aside import SIDE_FILES, with_suffix
from .backup import tolerate_bad_text
from .checks import TABLE_WORDS, row_rule, table_columns
from .repository import Store
from .salvage_journal import JOURNAL_TABLES, merge_journal
from .salvage_outcomes import OUTCOME_TABLES, merge_outcomes
from .salvage_reading import TableRead, read_table

PARENTS_FIRST = ("plans", "plan_steps", "sessions", "step_logs", "rest_days", "settings")
SESSION_PROGRESS = ("ended_at", "last_activity_at", "status", "note", "rating")
STEP_PROGRESS = ("step_key", "planned_seconds", "done_seconds", "status", "started_at", "ended_at")
REFUSED = object()  # a write the record refused


@dataclass
class SalvageReport:
    read: bool = True  # the damaged file could be read at all
    added: int = 0  # sessions the backup lacked, read back
    updated: int = 0  # sessions the backup held, brought up to date
    lost: int = 0  # sessions the backup lacked that could not be read
    lost_steps: int = 0  # steps of sessions the backup lacked or held, that could not be read
    sessions_unread: bool = False  # the sessions could not be read at all: how many were lost is unknown
    unread: list[str] = field(default_factory=list)  # other parts that could not all be read, in words
    journal_added: int = 0  # treatment journal entries (versions) the backup lacked, read back
    journal_lost: int = 0
    outcomes_added: int = 0  # ratings, scores, photo sets and photos the backup lacked (or held older)
    outcomes_lost: int = 0

    @property
    def complete(self) -> bool:
        return not (self.lost or self.lost_steps or self.sessions_unread or self.unread or self.journal_lost
                    or self.outcomes_lost)


def salvage(store: Store, damaged: Path) -> SalvageReport:
    """Merge into the open record what the damaged file at `damaged` still holds."""
    try:
        with _reading_copy(damaged) as connection:
            present = _tables_in(connection)
            tables = {name: read_table(connection, name, table_columns(name), row_rule)
                      for name in PARENTS_FIRST + JOURNAL_TABLES + OUTCOME_TABLES}
    except (OSError, sqlite3.Error):
        return SalvageReport(read=False)
    if all(read.missing for read in tables.values()):
        return SalvageReport(read=False)
    try:
        with store.engine.begin() as connection:
            report = _Merge(connection, tables).run()
            journal = merge_journal(connection, tables, present)
            outcomes = merge_outcomes(connection, tables, present)
    except SQLAlchemyError:  # nothing was merged: the transaction is rolled back
        return SalvageReport(read=False)
    report.journal_added, report.journal_lost = journal.added, journal.lost
    report.outcomes_added, report.outcomes_lost = outcomes.added, outcomes.lost
    report.unread += journal.unread + outcomes.unread
    return report


def _tables_in(connection: sqlite3.Connection) -> set[str]:
    """The tables the damaged file's schema names (a record from before the journal has none of it)."""
    try:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error:
        return set(JOURNAL_TABLES + OUTCOME_TABLES)  # not known: what does not read is said to be missing


@contextmanager
def _reading_copy(damaged: Path):
    """A connection to a copy of the damaged file (with its -wal/-shm), in a private folder."""
    with tempfile.TemporaryDirectory(dir=damaged.parent, prefix=".salvage-") as folder:
        copy = Path(folder) / "damaged.sqlite3"
        for suffix in ("",) + SIDE_FILES:
            if with_suffix(damaged, suffix).exists():
                shutil.copyfile(with_suffix(damaged, suffix), with_suffix(copy, suffix))
        with closing(tolerate_bad_text(sqlite3.connect(copy))) as connection:
            connection.execute("PRAGMA writable_schema=ON")  # read past schema entries SQLite would refuse
            yield connection


class _Merge:
    """One merge of the rows read into the open record, on its connection."""

    def __init__(self, connection, tables: dict[str, TableRead]):
        self.connection, self.tables = connection, tables
        self.report = SalvageReport()
        self.plan_ids: dict[int, int] = {}  # the damaged file's plan id -> the record's

    def run(self) -> SalvageReport:
        highest_session, highest_step = self._highest("sessions"), self._highest("step_logs")
        self._merge_plans()
        self._merge_sessions()
        self._merge_rest_days()
        self._merge_settings()
        self._count_lost(highest_session, highest_step)
        return self.report

    # --- plumbing -----------------------------------------------------------------------

    def _sql(self, statement: str, parameters=()):
        return self.connection.exec_driver_sql(statement, tuple(parameters))

    def _highest(self, table: str) -> int:
        return self._sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar()

    def _insert(self, table: str, values: dict) -> int:
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        return self._sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", values.values()).lastrowid

    def _update(self, table: str, row_id: int, values: dict) -> None:
        assignments = ", ".join(f"{name} = ?" for name in values)
        self._sql(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id])

    def _try(self, write):
        """Run one write in a savepoint and return what it returns; REFUSED when the record
        refuses the row (a constraint), which is then skipped."""
        try:
            with self.connection.begin_nested():
                return write()
        except SQLAlchemyError:
            return REFUSED

    def _rows(self, table: str) -> list[dict]:
        return self.tables[table].rows

    def _by(self, table: str, key: str) -> dict[int, list[dict]]:
        grouped = defaultdict(list)
        for row in self._rows(table):
            grouped[row[key]].append(row)
        return grouped

    # --- plans ----------------------------------------------------------------------------

    def _merge_plans(self) -> None:
        existing = dict(self._sql("SELECT created_at, id FROM plans").all())
        steps = self._by("plan_steps", "plan_id")
        for row in self._rows("plans"):
            if row["created_at"] not in existing:
                plan_id = self._try(lambda: self._insert("plans", _without(row, "id")))
                if plan_id is REFUSED:
                    continue  # its sessions go to the plan in force at their start
                existing[row["created_at"]] = plan_id
                for step in steps.get(row["id"], []):
                    self._try(lambda: self._insert("plan_steps", {**_without(step, "id"), "plan_id": plan_id}))
            self.plan_ids[row["id"]] = existing[row["created_at"]]

    def _plan_for(self, session: dict) -> int | None:
        """The session's own plan; if it did not read, the record's plan in force at its start."""
        if session["plan_id"] in self.plan_ids:
            return self.plan_ids[session["plan_id"]]
        return self._sql("SELECT id FROM plans ORDER BY created_at <= ? DESC, created_at DESC, id DESC LIMIT 1",
                         [session["started_at"]]).scalar()

    # --- sessions and their steps -------------------------------------------------------

    def _merge_sessions(self) -> None:
        existing = {(started, day): (row_id, activity) for row_id, started, day, activity in self._sql(
            "SELECT id, started_at, local_date, last_activity_at FROM sessions").all()}
        steps = self._by("step_logs", "session_id")
        for row in self._rows("sessions"):
            key = (row["started_at"], row["local_date"])
            known = existing.get(key)
            if known is None:
                added = self._add_session(row, steps.get(row["id"], []))
                if added is not REFUSED:
                    existing[key] = (added, row["last_activity_at"])
            elif row["last_activity_at"] > known[1]:  # the same text format: compared as text
                self._bring_up_to_date(known[0], row, steps.get(row["id"], []))

    def _add_session(self, row: dict, steps: list[dict]):
        """Add the session with its steps; returns its new id, or REFUSED."""
        plan_id = self._plan_for(row)
        session_id = REFUSED if plan_id is None else self._try(
            lambda: self._insert("sessions", {**_without(row, "id"), "plan_id": plan_id}))
        if session_id is REFUSED:
            self.report.lost += 1
            return REFUSED
        self.report.added += 1
        for step in steps:
            self._keep_step(lambda: self._insert("step_logs", {**_without(step, "id"), "session_id": session_id}))
        return session_id

    def _bring_up_to_date(self, session_id: int, row: dict, steps: list[dict]) -> None:
        if self._try(lambda: self._update("sessions", session_id, _only(row, SESSION_PROGRESS))) is REFUSED:
            return
        self.report.updated += 1
        held = dict(self._sql("SELECT position, id FROM step_logs WHERE session_id = ?", [session_id]).all())
        for step in steps:
            if step["position"] in held:
                self._keep_step(lambda: self._update("step_logs", held[step["position"]], _only(step, STEP_PROGRESS)))
            else:
                self._keep_step(lambda: self._insert("step_logs", {**_without(step, "id"), "session_id": session_id}))

    def _keep_step(self, write) -> None:
        if self._try(write) is REFUSED:
            self.report.lost_steps += 1

    def _count_lost(self, highest_session: int, highest_step: int) -> None:
        """What did not read, above what the backup held (the rest came back with it)."""
        sessions, steps = self.tables["sessions"], self.tables["step_logs"]
        referenced = max((row["session_id"] for row in steps.rows), default=0)
        self.report.sessions_unread = sessions.missing  # then how many is not known
        if not sessions.missing:
            self.report.lost += sum(1 for i in sessions.unread_ids(at_least=referenced) if i > highest_session)
        self.report.lost_steps += sum(1 for i in steps.unread_ids() if i > highest_step)
        if steps.missing and self._rows("sessions"):
            self.report.unread.append(TABLE_WORDS["step_logs"][0])
        for name in ("plans", "plan_steps", "rest_days", "settings"):
            if not self.tables[name].whole:
                self.report.unread.append(TABLE_WORDS[name][0])

    # --- rest days and settings ---------------------------------------------------------

    def _merge_rest_days(self) -> None:
        for row in self._rows("rest_days"):
            self._try(lambda: self._sql("INSERT OR IGNORE INTO rest_days (local_date, created_at) VALUES (?, ?)",
                                        [row["local_date"], row["created_at"]]))

    def _merge_settings(self) -> None:
        """The damaged file is this device's record as it was last: its settings are the newer."""
        for row in self._rows("settings"):
            self._try(lambda: self._sql("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                        [row["key"], row["value"]]))


def _without(row: dict, name: str) -> dict:
    return {key: value for key, value in row.items() if key != name}


def _only(row: dict, names: tuple[str, ...]) -> dict:
    return {name: row[name] for name in names if name in row}


# --- in words, for the notice -----------------------------------------------------------

def salvage_words(report: SalvageReport, after_backup: bool) -> str:
    """What came back from the damaged file and what did not, as sentences for the notice.
    `after_backup`: a backup was brought back (else a new record was started)."""
    since = " recorded after that backup" if after_backup else ""
    sentences = []
    if report.added:
        into = "" if after_backup else " into it"
        sentences.append(f"{plural(report.added, 'session')}{since} {_were(report.added)} read back{into} "
                         "from the damaged file.")
    if report.updated:
        sentences.append(f"{plural(report.updated, 'session')} recorded before it {_were(report.updated)} "
                         "brought up to date from the damaged file.")
    if report.lost:
        sentences.append(f"{plural(report.lost, 'session')}{since and ' recorded after it'} could not be read.")
    if report.sessions_unread:
        sentences.append(f"The sessions{since} could not be read and may be missing.")
    if report.lost_steps:
        sentences.append(f"{plural(report.lost_steps, 'exercise step')}{since and ' recorded after it'} could not "
                         "be read: some sessions show fewer steps than were done.")
    if report.journal_added:
        sentences.append(f"{plural(report.journal_added, 'treatment journal entry', 'treatment journal entries')}"
                         f"{since} {_were(report.journal_added)} read back.")
    if report.journal_lost:
        sentences.append(f"{plural(report.journal_lost, 'treatment journal entry', 'treatment journal entries')}"
                         f"{since and ' recorded after it'} could not be read.")
    if report.outcomes_added:
        sentences.append(f"{plural(report.outcomes_added, 'rating, score or photo entry', 'rating, score or photo entries')}"
                         f"{since} {_were(report.outcomes_added)} read back.")
    if report.outcomes_lost:
        sentences.append(f"{plural(report.outcomes_lost, 'rating, score or photo entry', 'rating, score or photo entries')}"
                         f"{since and ' recorded after it'} could not be read.")
    if report.unread:
        sentences.append(f"These could not all be read back: {' and '.join(report.unread)}.")
    if report.complete:
        sentences.append("Nothing was lost." if sentences else f"Nothing{since} was lost.")
    return " ".join(sentences)


def _were(count: int) -> str:
    return "was" if count == 1 else "were"
