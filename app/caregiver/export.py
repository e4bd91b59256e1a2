"""Exports for the clinician: CSVs of sessions, of steps, of the treatment journal and of the outcomes, and a one-page PDF.

Every file is written under a temporary name in the target folder and renamed only
once all of them are complete, so a failure never leaves a half file behind nor
replaces an earlier export with a broken one.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..atomic import remove_quietly, write_temporary
from ..routine import Routine
from ..storage import Store
from ..storage.repository import SessionView
from ..vocabulary import session_words, step_words
from ..outcomes.items import load_items
from ..face_words import face_outcome_rows
from .outcomes_report import OUTCOME_COLUMNS, OUTCOME_TEXT_COLUMNS, outcome_rows
from .treatment_report import TREATMENT_COLUMNS, TREATMENT_TEXT_COLUMNS, treatment_rows

SESSION_COLUMNS = ("id", "local_date", "started_at_utc", "ended_at_utc", "utc_offset_minutes",
                   "status", "minutes_done", "rating", "note")
STEP_COLUMNS = ("session_id", "local_date", "position", "step_key", "step_title", "planned_seconds",
                "done_seconds", "status", "started_at_utc", "ended_at_utc")
# Wide enough for every session, including any dated oddly by a wrong device clock.
ALL_TIME = (date(1900, 1, 1), date(9999, 12, 31))
# A byte-order mark lets spreadsheet programs recognise UTF-8 (accents in notes).
CSV_ENCODING = "utf-8-sig"
# Columns of free or stored text. A cell of theirs that begins like a formula is written
# with a leading single quote, so a spreadsheet shows it as text and never runs it (CSV
# injection, as OWASP advises). Numeric columns are never touched: -300 stays a number.
# The JSON export (app/storage/transfer.py) keeps the text exactly as typed.
TEXT_COLUMNS = frozenset({"status", "note", "step_key", "step_title"}) | TREATMENT_TEXT_COLUMNS | OUTCOME_TEXT_COLUMNS
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(RuntimeError):
    """The export could not be written; the message is meant for the caregiver."""


@dataclass(frozen=True)
class ExportResult:
    paths: list[Path]
    message: str


def default_export_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def export_all(store: Store, routine: Routine, folder: Path, today: date, period_days: int = 30) -> ExportResult:
    """Write the four CSVs and the PDF report into folder; raise ExportError on failure."""
    from .report_pdf import report_pdf  # fpdf2 is loaded only when a report is made

    folder = prepare_folder(Path(folder))
    sessions = store.sessions_between(*ALL_TIME)
    stamp = today.isoformat()
    contents = {
        folder / f"smileback-sessions-{stamp}.csv": sessions_csv(sessions).encode(CSV_ENCODING),
        folder / f"smileback-steps-{stamp}.csv": steps_csv(sessions, routine).encode(CSV_ENCODING),
        folder / f"smileback-report-{stamp}.pdf": report_pdf(store, routine, today, period_days),
        folder / f"smileback-treatment-{stamp}.csv":
            csv_table(TREATMENT_COLUMNS, treatment_rows(store.treatment)).encode(CSV_ENCODING),
        folder / f"smileback-outcomes-{stamp}.csv":
            csv_table(OUTCOME_COLUMNS, outcome_rows(store, load_items(), face_outcome_rows(store))).encode(CSV_ENCODING),
    }
    write_all(contents)
    paths = list(contents)
    return ExportResult(paths, f"Saved {len(paths)} files in {folder}: " + ", ".join(p.name for p in paths) + ".")


# --- the CSVs --------------------------------------------------------------------------


def sessions_csv(sessions: list[SessionView]) -> str:
    return csv_table(SESSION_COLUMNS, [_session_row(s) for s in sessions])


def steps_csv(sessions: list[SessionView], routine: Routine) -> str:
    return csv_table(STEP_COLUMNS, [_step_row(s, step, routine) for s in sessions for step in s.steps])


def csv_table(columns: tuple[str, ...], rows: list[tuple]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line ends; quoting handles commas and newlines
    writer.writerow(columns)
    text = [index for index, name in enumerate(columns) if name in TEXT_COLUMNS]
    for row in rows:
        cells = list(row)
        for index in text:
            cells[index] = as_text_cell(cells[index])
        writer.writerow(cells)
    return buffer.getvalue()


def as_text_cell(value: object) -> object:
    """A text cell that a spreadsheet would take for a formula, with a quote in front."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _session_row(s: SessionView) -> tuple:
    return (s.id, s.local_date.isoformat(), _iso(s.started_at), _iso(s.ended_at), s.utc_offset_minutes,
            session_words(s.status), round(s.done_seconds / 60, 1), _blank(s.rating), _blank(s.note))


def _step_row(s: SessionView, step, routine: Routine) -> tuple:
    return (s.id, s.local_date.isoformat(), step.position, step.step_key, routine.step_title(step.step_key),
            step.planned_seconds, step.done_seconds, step_words(step.status), _iso(step.started_at), _iso(step.ended_at))


def _iso(moment) -> str:
    return moment.isoformat() if moment else ""


def _blank(value) -> object:
    return "" if value is None else value


# --- the folder and atomic writing ------------------------------------------------------


def prepare_folder(folder: Path) -> Path:
    """Create a missing folder if its parent exists; refuse anything else clearly."""
    if folder.is_dir():
        return folder
    if folder.exists():
        raise ExportError(f"Cannot export to {folder}: it is a file, not a folder.")
    if not folder.parent.is_dir():
        raise ExportError(f"Cannot export to {folder}: the folder {folder.parent} does not exist.")
    try:
        folder.mkdir()
    except OSError as error:
        raise ExportError(f"Cannot create the folder {folder}: {_reason(error)}.") from None
    return folder


def write_all(contents: dict[Path, bytes]) -> None:
    """All files or none: temporaries first, renames only when every one is on disk."""
    temporaries: dict[Path, Path] = {}
    try:
        for path, data in contents.items():
            temporaries[path] = write_temporary(path, data)
        for path, temporary in temporaries.items():
            os.replace(temporary, path)
    except OSError as error:
        for temporary in temporaries.values():
            remove_quietly(temporary)
        folder = next(iter(contents)).parent
        raise ExportError(f"Cannot save the export in {folder}: {_reason(error)}. Nothing was changed there.") from None


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "the app is not allowed to write there (the folder is read-only)"
    return (error.strerror or str(error)).lower()
