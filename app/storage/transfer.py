"""Full export and import of the health record as one versioned JSON file.

The file holds every plan version with its steps, every session with its steps, notes
and ratings, the rest days and the settings, except caregiver.* settings: those guard
the caregiver PIN and must never leave the device or be planted by a file.

Import checks the whole file before writing anything, then writes in one transaction:
a bad file changes nothing and is refused with a message naming the field. A plan must
be one the caregiver's editor could have saved under this routine (known steps, each
included timed step within its bounds, at least one of them); text must be storable. Importing
into a record that already has data merges: a session already present (same start
instant and local date) or a plan already present (same creation instant) is skipped.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ..atomic import write_atomically
from ..routine import Routine
from .db import StoreError
from .models import SESSION_STATUSES, STEP_STATUSES, Plan, decode_weekdays, encode_weekdays, PlanStep, RestDay, SessionRecord, Setting, StepLog
from .plausible import EARLIEST_DAY, is_plausible
from .repository import Store

FORMAT = "smileback-health-record"
VERSION = 1
PRIVATE_SETTING_PREFIX = "caregiver."
MAX_SECONDS = 24 * 3600
MAX_POSITION = 1000
MAX_NOTE_CHARS = 10_000
MAX_OFFSET_MINUTES = 24 * 60


class ImportFileError(ValueError):
    """The file cannot be imported; the message names the file and the field at fault."""


@dataclass
class ImportReport:
    added_sessions: int = 0
    skipped_duplicates: int = 0  # sessions already in the record
    added_plans: int = 0
    held_back_plans: int = 0  # newer than the record's current plan, and not to displace it
    added_rest_days: int = 0
    added_settings: int = 0
    skipped_settings: list[str] = field(default_factory=list)  # kept as on this device, or private


# --- export -----------------------------------------------------------------------------

def export_json(store: Store, path: Path | str) -> Path:
    """Write everything to `path` (atomically: a temporary file renamed into place)."""
    path = Path(path)
    document = export_document(store)
    text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
    try:  # health data: private to this user, like the record itself
        write_atomically(path, text.encode("utf-8"), private=True)
    except OSError as error:
        raise StoreError(f"SmileBack could not write the export to {path}: {error.strerror or error}") from error
    return path


def export_document(store: Store) -> dict[str, Any]:
    with store.session_factory() as s:  # one read transaction: a consistent snapshot
        plans = list(s.scalars(select(Plan).order_by(Plan.id)))
        plan_index = {plan.id: index for index, plan in enumerate(plans)}
        sessions = s.scalars(select(SessionRecord).order_by(SessionRecord.started_at, SessionRecord.id))
        return {
            "format": FORMAT,
            "version": VERSION,
            "plans": [_plan_out(plan) for plan in plans],
            "sessions": [_session_out(row, plan_index) for row in sessions],
            "rest_days": [{"local_date": r.local_date.isoformat(), "created_at": _instant(r.created_at)}
                          for r in s.scalars(select(RestDay).order_by(RestDay.local_date))],
            "settings": {row.key: row.value for row in s.scalars(select(Setting).order_by(Setting.key))
                         if not row.key.startswith(PRIVATE_SETTING_PREFIX)},
        }


def _instant(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(timezone.utc).isoformat()


def _plan_out(plan: Plan) -> dict[str, Any]:
    return {
        "created_at": _instant(plan.created_at),
        "effective_from": plan.effective_from.isoformat(),
        "rest_weekdays": sorted(decode_weekdays(plan.rest_weekdays)),
        "steps": [{"position": p.position, "step_key": p.step_key, "included": p.included, "seconds": p.seconds}
                  for p in plan.steps],
    }


def _session_out(row: SessionRecord, plan_index: dict[int, int]) -> dict[str, Any]:
    return {
        "plan": plan_index[row.plan_id],  # index into "plans": ids differ between devices
        "local_date": row.local_date.isoformat(),
        "started_at": _instant(row.started_at),
        "ended_at": _instant(row.ended_at),
        "last_activity_at": _instant(row.last_activity_at),
        "utc_offset_minutes": row.utc_offset_minutes,
        "status": row.status,
        "note": row.note,
        "rating": row.rating,
        "steps": [_step_out(step) for step in row.steps],
    }


def _step_out(step: StepLog) -> dict[str, Any]:
    return {
        "position": step.position, "step_key": step.step_key, "planned_seconds": step.planned_seconds,
        "done_seconds": step.done_seconds, "status": step.status,
        "started_at": _instant(step.started_at), "ended_at": _instant(step.ended_at),
    }


# --- reading a file, field by field ----------------------------------------------------------

class _Fields:
    """Reads typed fields from one JSON object, naming the path of any bad one."""

    def __init__(self, source: str, value: Any, path: str):
        self.source, self.path = source, path
        if not isinstance(value, dict) and not path:
            raise ImportFileError(f"{source}: is not a SmileBack export (it holds {_kind(value)}, "
                                  "not a record). Nothing was imported.")
        if not isinstance(value, dict):
            raise self._error(path, f"must be an object, got {_kind(value)}")
        self.table = value

    def _error(self, where: str, problem: str) -> ImportFileError:
        return ImportFileError(f"{self.source}: field '{where}' {problem}. Nothing was imported.")

    def fail(self, name: str, problem: str) -> ImportFileError:
        return self._error(f"{self.path}.{name}" if self.path else name, problem)

    def raw(self, name: str) -> Any:
        if name not in self.table:
            raise self.fail(name, "is missing")
        return self.table[name]

    def text(self, name: str, max_chars: int, optional: bool = False) -> str | None:
        value = self.raw(name)
        if value is None and optional:
            return None
        if not isinstance(value, str) or len(value) > max_chars or (not optional and not value):
            raise self.fail(name, f"must be text of at most {max_chars} characters, got {_kind(value)}")
        if not storable(value):
            raise self.fail(name, BROKEN_TEXT)
        return value

    def integer(self, name: str, low: int, high: int, optional: bool = False) -> int | None:
        value = self.raw(name)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(name, f"must be a whole number from {low} to {high}, got {_kind(value)}")
        return value

    def number(self, name: str, low: float, high: float) -> float:
        value = self.raw(name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not low <= value <= high:
            raise self.fail(name, f"must be a number from {low:g} to {high:g}, got {_kind(value)}")
        return float(value)

    def flag(self, name: str) -> bool:
        value = self.raw(name)
        if not isinstance(value, bool):
            raise self.fail(name, f"must be true or false, got {_kind(value)}")
        return value

    def choice(self, name: str, options: tuple[str, ...]) -> str:
        value = self.raw(name)
        if not isinstance(value, str) or value not in options:
            raise self.fail(name, f"must be one of {', '.join(options)}, got {_kind(value)}")
        return value

    def day(self, name: str) -> date:
        value = self.raw(name)
        try:
            day = date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.fail(name, f"must be a date like 2026-11-25, got {_kind(value)}") from None
        self._check_plausible(name, day, value)
        return day

    def instant(self, name: str, optional: bool = False) -> datetime | None:
        """An ISO timestamp with its UTC offset, kept as aware UTC (as the store keeps it)."""
        value = self.raw(name)
        if value is None and optional:
            return None
        try:
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                raise ValueError("no UTC offset")
            moment = parsed.astimezone(timezone.utc)
        except (TypeError, ValueError, OverflowError):
            raise self.fail(name, "must be a date and time with its UTC offset, like "
                                  f"2026-11-25T08:00:00+00:00, got {_kind(value)}") from None
        self._check_plausible(name, moment.date(), value)
        return moment

    def _check_plausible(self, name: str, day: date, value) -> None:
        """No record of this app was kept before EARLIEST_DAY, nor after this device's today
        (a day of margin for a zone ahead): such a date is a wrong clock, and would wreck the figures."""
        if not is_plausible(day):
            raise self.fail(name, f"must be a date from {EARLIEST_DAY:%d %B %Y} to today, got {_kind(value)}")

    def items(self, name: str) -> list[_Fields]:
        values = self.raw(name)
        if not isinstance(values, list):
            raise self.fail(name, f"must be a list, got {_kind(values)}")
        where = f"{self.path}.{name}" if self.path else name
        return [_Fields(self.source, value, f"{where}[{index}]") for index, value in enumerate(values)]

    def unique(self, name: str, values: list) -> None:
        if len(set(values)) != len(values):
            raise self.fail(name, "has the same position twice")


BROKEN_TEXT = "holds a broken character (the file was damaged, or written by another program)"


def storable(text: str) -> bool:
    """False for text with a lone surrogate: json reads "\\ud800" without complaint, but it is
    no character and cannot be written as UTF-8 into the record."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _kind(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- the validated contents, ready to write -----------------------------------------------

@dataclass(frozen=True)
class _PlanIn:
    created_at: datetime
    effective_from: date
    rest_weekdays: str
    steps: tuple[tuple[int, str, bool, int], ...]


@dataclass(frozen=True)
class _StepIn:
    position: int
    step_key: str
    planned_seconds: int
    done_seconds: float
    status: str
    started_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True)
class _SessionIn:
    plan: int
    local_date: date
    started_at: datetime
    ended_at: datetime | None
    last_activity_at: datetime
    utc_offset_minutes: int
    status: str
    note: str | None
    rating: int | None
    steps: tuple[_StepIn, ...]


@dataclass(frozen=True)
class _Contents:
    plans: tuple[_PlanIn, ...]
    sessions: tuple[_SessionIn, ...]
    rest_days: tuple[tuple[date, datetime], ...]
    settings: dict[str, str]


def read_document(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"{path.name}: cannot be read ({error.strerror or error}).") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ImportFileError(f"{path.name}: is not a SmileBack export (not readable JSON: {error}). "
                              "Nothing was imported.") from None


def parse_document(document: Any, routine: Routine, source: str = "export") -> _Contents:
    top = _Fields(source, document, "")
    if top.table.get("format") != FORMAT:
        raise top.fail("format", f"must be {FORMAT!r}: this is not a SmileBack export")
    version = top.table.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version != VERSION:
        raise top.fail("version", f"must be {VERSION}, got {_kind(version)}: this file was made by "
                                  "another version of SmileBack")
    plans = tuple(_parse_plan(p, routine) for p in top.items("plans"))
    sessions = tuple(_parse_session(s, len(plans)) for s in top.items("sessions"))
    rest_days = tuple((r.day("local_date"), r.instant("created_at")) for r in top.items("rest_days"))
    return _Contents(plans, sessions, rest_days, _parse_settings(top))


def _parse_plan(plan: _Fields, routine: Routine) -> _PlanIn:
    """A plan as the caregiver's editor could have saved it: this routine's steps, each
    included timed step within its bounds, and at least one of them."""
    weekdays = plan.raw("rest_weekdays")
    if not isinstance(weekdays, list) or any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6
                                             for d in weekdays):
        raise plan.fail("rest_weekdays", f"must be a list of weekdays 0 (Monday) to 6, got {_kind(weekdays)}")
    steps = tuple(_parse_plan_step(step, routine) for step in plan.items("steps"))
    plan.unique("steps", [step[0] for step in steps])
    if not any(included and routine.step(key).timed for _, key, included, _ in steps):
        timed = ", ".join(step.title for step in routine.steps if step.timed)
        raise plan.fail("steps", f"must include at least one timed step ({timed})")
    return _PlanIn(plan.instant("created_at"), plan.day("effective_from"),
                   encode_weekdays(weekdays), steps)


def _parse_plan_step(step: _Fields, routine: Routine) -> tuple[int, str, bool, int]:
    position = step.integer("position", 0, MAX_POSITION)
    key = step.choice("step_key", tuple(known.key for known in routine.steps))
    included, seconds = step.flag("included"), step.integer("seconds", 0, MAX_SECONDS)
    known = routine.step(key)
    if included and known.timed and not known.min_seconds <= seconds <= known.max_seconds:
        raise step.fail("seconds", f"must be from {known.min_seconds} to {known.max_seconds} seconds for "
                                   f"{known.title}, got {_kind(seconds)}")
    return position, key, included, seconds


def _parse_session(session: _Fields, plan_count: int) -> _SessionIn:
    if plan_count == 0:
        raise session.fail("plan", "refers to a plan, but the file has none")
    steps = tuple(_parse_step(step) for step in session.items("steps"))
    session.unique("steps", [step.position for step in steps])
    return _SessionIn(
        plan=session.integer("plan", 0, plan_count - 1),
        local_date=session.day("local_date"),
        started_at=session.instant("started_at"),
        ended_at=session.instant("ended_at", optional=True),
        last_activity_at=session.instant("last_activity_at"),
        utc_offset_minutes=session.integer("utc_offset_minutes", -MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES),
        status=session.choice("status", SESSION_STATUSES),
        note=session.text("note", MAX_NOTE_CHARS, optional=True),
        rating=session.integer("rating", 1, 5, optional=True),
        steps=steps,
    )


def _parse_step(step: _Fields) -> _StepIn:
    return _StepIn(
        position=step.integer("position", 0, MAX_POSITION),
        step_key=step.text("step_key", 40),
        planned_seconds=step.integer("planned_seconds", 0, MAX_SECONDS),
        done_seconds=step.number("done_seconds", 0, MAX_SECONDS),
        status=step.choice("status", STEP_STATUSES),
        started_at=step.instant("started_at"),
        ended_at=step.instant("ended_at", optional=True),
    )


def _parse_settings(top: _Fields) -> dict[str, str]:
    settings = top.raw("settings")
    if not isinstance(settings, dict):
        raise top.fail("settings", f"must be an object, got {_kind(settings)}")
    for key, value in settings.items():
        if not 0 < len(key) <= 60:
            raise top.fail("settings", f"has a key of {len(key)} characters; keys are 1 to 60")
        if not storable(key):
            raise top.fail("settings", f"has a key that {BROKEN_TEXT}")
        if not isinstance(value, str):
            raise top.fail(f"settings.{key}"[:80], f"must be text, got {_kind(value)}")
        if not storable(value):
            raise top.fail(f"settings.{key}"[:80], BROKEN_TEXT)
    return settings


# --- import --------------------------------------------------------------------------------

def import_json(store: Store, path: Path | str, routine: Routine, keep_current_plan: bool = False) -> ImportReport:
    """Merge the file into the record. With `keep_current_plan`, a plan from the file saved
    after the record's current plan is not added (it would become current)."""
    path = Path(path)
    contents = parse_document(read_document(path), routine, path.name)
    report = ImportReport()
    try:
        with store.session_factory.begin() as s:  # all or nothing
            plan_ids = _merge_plans(s, contents.plans, report, keep_current_plan)
            _merge_sessions(s, contents.sessions, plan_ids, report)
            _merge_rest_days(s, contents.rest_days, report)
            _merge_settings(s, contents.settings, report)
    except SQLAlchemyError as error:
        raise StoreError(f"SmileBack could not add the file to your record ({error.__class__.__name__}). "
                         "Nothing was imported.") from error
    return report


def _merge_plans(s, plans: tuple[_PlanIn, ...], report: ImportReport, keep_current: bool) -> list[int]:
    """The record's plan id for each plan in the file, adding those not present."""
    # Only plans present before the import count as duplicates, so two versions saved
    # within the same instant in the file both arrive.
    existing = {created: plan_id for plan_id, created in s.execute(select(Plan.id, Plan.created_at))}
    current = s.execute(select(Plan.id, Plan.created_at)
                        .order_by(Plan.created_at.desc(), Plan.id.desc()).limit(1)).first()
    ids = []
    for plan in plans:
        if plan.created_at in existing:
            ids.append(existing[plan.created_at])
            continue
        if keep_current and current is not None and plan.created_at > current.created_at:
            # Its sessions are still merged, filed under the record's current plan.
            ids.append(current.id)
            report.held_back_plans += 1
            continue
        row = Plan(created_at=plan.created_at, effective_from=plan.effective_from, rest_weekdays=plan.rest_weekdays,
                   steps=[PlanStep(position=p, step_key=k, included=i, seconds=sec) for p, k, i, sec in plan.steps])
        s.add(row)
        s.flush()
        ids.append(row.id)
        report.added_plans += 1
    return ids


def _merge_sessions(s, sessions: tuple[_SessionIn, ...], plan_ids: list[int], report: ImportReport) -> None:
    rows = s.execute(select(SessionRecord.started_at, SessionRecord.local_date))
    existing = {(started_at, local_date) for started_at, local_date in rows}
    for session in sessions:
        if (session.started_at, session.local_date) in existing:
            report.skipped_duplicates += 1
            continue
        existing.add((session.started_at, session.local_date))  # the same session twice in one file
        s.add(SessionRecord(
            plan_id=plan_ids[session.plan], local_date=session.local_date, started_at=session.started_at,
            ended_at=session.ended_at, last_activity_at=session.last_activity_at,
            utc_offset_minutes=session.utc_offset_minutes, status=session.status, note=session.note,
            rating=session.rating,
            steps=[StepLog(position=t.position, step_key=t.step_key, planned_seconds=t.planned_seconds,
                           done_seconds=t.done_seconds, status=t.status, started_at=t.started_at,
                           ended_at=t.ended_at) for t in session.steps],
        ))
        s.flush()  # in file order, so ids (and a later export) keep the file's order
        report.added_sessions += 1


def _merge_rest_days(s, rest_days: tuple[tuple[date, datetime], ...], report: ImportReport) -> None:
    existing = set(s.scalars(select(RestDay.local_date)))
    for day, created_at in rest_days:
        if day not in existing:
            s.add(RestDay(local_date=day, created_at=created_at))
            existing.add(day)
            report.added_rest_days += 1


def _merge_settings(s, settings: dict[str, str], report: ImportReport) -> None:
    """The device's own settings win; caregiver.* is never taken from a file."""
    existing = set(s.scalars(select(Setting.key)))
    for key, value in settings.items():
        if key in existing or key.startswith(PRIVATE_SETTING_PREFIX):
            report.skipped_settings.append(key)
            continue
        s.add(Setting(key=key, value=value))
        report.added_settings += 1
