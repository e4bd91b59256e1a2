"""Full export and import of the health record as one versioned JSON file.

The file holds every plan version with its steps, every session with its steps, notes
and ratings, the rest days, the settings, except caregiver.* settings: those guard
the caregiver PIN and must never leave the device or be planted by a file, and the
treatment journal with its history (treatment_transfer.py), and the outcomes, with the
progress photos in an archive beside the file (outcome_transfer.py).

Import checks the whole file before writing anything, then writes in one transaction:
a bad file changes nothing and is refused with a message naming the field. A plan must
be one the caregiver's editor could have saved under this routine (known steps, each
included timed step within its bounds, at least one of them); text must be storable. Importing
into a record that already has data merges: a session already present (same start
instant and local date) or a plan already present (same creation instant) is skipped.
"""
from __future__ import annotations

import json
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
from .fields import BROKEN_TEXT, Fields, ImportFileError, kind_of, storable
from .repository import Store
from .outcome_transfer import (OutcomesIn, PhotoArrivals, export_outcomes, merge_outcomes, open_archive,
                               parse_outcomes, write_photo_archive)
from .treatment_transfer import TreatmentIn, export_treatment, merge_treatment, parse_treatment

FORMAT = "smileback-health-record"
VERSION = 2  # 2 added the treatment journal; a file of version 1 is still read
READABLE_VERSIONS = (1, 2)
PRIVATE_SETTING_PREFIX = "caregiver."
MAX_SECONDS = 24 * 3600
MAX_POSITION = 1000
MAX_NOTE_CHARS = 10_000
MAX_OFFSET_MINUTES = 24 * 60


@dataclass
class ImportReport:
    added_sessions: int = 0
    skipped_duplicates: int = 0  # sessions already in the record
    added_plans: int = 0
    held_back_plans: int = 0  # newer than the record's current plan, and not to displace it
    added_rest_days: int = 0
    added_settings: int = 0
    skipped_settings: list[str] = field(default_factory=list)  # kept as on this device, or private
    added_treatment: int = 0  # versions of treatment journal entries
    held_back_treatment: int = 0  # changed on this device since, later than in the file
    added_outcomes: int = 0  # items, ratings, clinician scores, photo sets and photos
    photos_not_found: int = 0  # photos whose picture the archive beside the file did not hold whole


# --- export -----------------------------------------------------------------------------

def export_json(store: Store, path: Path | str) -> Path:
    """Write everything to `path` (atomically: a temporary file renamed into place)."""
    path = Path(path)
    document = export_document(store)
    text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
    try:  # health data: private to this user, like the record itself
        write_photo_archive(store.data_dir, document["outcomes"], path)
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
            "treatment": export_treatment(s),
            "outcomes": export_outcomes(s),
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
    treatment: TreatmentIn
    outcomes: OutcomesIn


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
    top = Fields(source, document, "")
    if top.table.get("format") != FORMAT:
        raise top.fail("format", f"must be {FORMAT!r}: this is not a SmileBack export")
    version = top.table.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version not in READABLE_VERSIONS:
        readable = " or ".join(map(str, READABLE_VERSIONS))
        raise top.fail("version", f"must be {readable}, got {kind_of(version)}: this file was made by "
                                  "another version of SmileBack")
    plans = tuple(_parse_plan(p, routine) for p in top.items("plans"))
    sessions = tuple(_parse_session(s, len(plans)) for s in top.items("sessions"))
    rest_days = tuple((r.day("local_date"), r.instant("created_at")) for r in top.items("rest_days"))
    return _Contents(plans, sessions, rest_days, _parse_settings(top), parse_treatment(top, required=version >= 2),
                     parse_outcomes(top))


def _parse_plan(plan: Fields, routine: Routine) -> _PlanIn:
    """A plan as the caregiver's editor could have saved it: this routine's steps, each
    included timed step within its bounds, and at least one of them."""
    weekdays = plan.raw("rest_weekdays")
    if not isinstance(weekdays, list) or any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6
                                             for d in weekdays):
        raise plan.fail("rest_weekdays", f"must be a list of weekdays 0 (Monday) to 6, got {kind_of(weekdays)}")
    steps = tuple(_parse_plan_step(step, routine) for step in plan.items("steps"))
    plan.unique("steps", [step[0] for step in steps])
    if not any(included and routine.step(key).timed for _, key, included, _ in steps):
        timed = ", ".join(step.title for step in routine.steps if step.timed)
        raise plan.fail("steps", f"must include at least one timed step ({timed})")
    return _PlanIn(plan.instant("created_at"), plan.day("effective_from"),
                   encode_weekdays(weekdays), steps)


def _parse_plan_step(step: Fields, routine: Routine) -> tuple[int, str, bool, int]:
    position = step.integer("position", 0, MAX_POSITION)
    key = step.choice("step_key", tuple(known.key for known in routine.steps))
    included, seconds = step.flag("included"), step.integer("seconds", 0, MAX_SECONDS)
    known = routine.step(key)
    if included and known.timed and not known.min_seconds <= seconds <= known.max_seconds:
        raise step.fail("seconds", f"must be from {known.min_seconds} to {known.max_seconds} seconds for "
                                   f"{known.title}, got {kind_of(seconds)}")
    return position, key, included, seconds


def _parse_session(session: Fields, plan_count: int) -> _SessionIn:
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


def _parse_step(step: Fields) -> _StepIn:
    return _StepIn(
        position=step.integer("position", 0, MAX_POSITION),
        step_key=step.text("step_key", 40),
        planned_seconds=step.integer("planned_seconds", 0, MAX_SECONDS),
        done_seconds=step.number("done_seconds", 0, MAX_SECONDS),
        status=step.choice("status", STEP_STATUSES),
        started_at=step.instant("started_at"),
        ended_at=step.instant("ended_at", optional=True),
    )


def _parse_settings(top: Fields) -> dict[str, str]:
    settings = top.raw("settings")
    if not isinstance(settings, dict):
        raise top.fail("settings", f"must be an object, got {kind_of(settings)}")
    for key, value in settings.items():
        if not 0 < len(key) <= 60:
            raise top.fail("settings", f"has a key of {len(key)} characters; keys are 1 to 60")
        if not storable(key):
            raise top.fail("settings", f"has a key that {BROKEN_TEXT}")
        if not isinstance(value, str):
            raise top.fail(f"settings.{key}"[:80], f"must be text, got {kind_of(value)}")
        if not storable(value):
            raise top.fail(f"settings.{key}"[:80], BROKEN_TEXT)
    return settings


# --- import --------------------------------------------------------------------------------

def import_json(store: Store, path: Path | str, routine: Routine, keep_current_plan: bool = False) -> ImportReport:
    """Merge the file into the record. With `keep_current_plan`, a plan from the file saved
    after the record's current plan is not added (it would become current)."""
    path = Path(path)
    contents = parse_document(read_document(path), routine, path.name)
    report, arrivals, archive = ImportReport(), PhotoArrivals(), open_archive(path)
    try:
        with store.session_factory.begin() as s:  # all or nothing
            plan_ids = _merge_plans(s, contents.plans, report, keep_current_plan)
            _merge_sessions(s, contents.sessions, plan_ids, report)
            _merge_rest_days(s, contents.rest_days, report)
            _merge_settings(s, contents.settings, report)
            merge_treatment(s, contents.treatment, report)
            merge_outcomes(s, contents.outcomes, report, store.data_dir, archive, arrivals)
    except (SQLAlchemyError, OSError) as error:
        arrivals.undo()  # the pictures written for rows that were not kept
        raise StoreError(f"SmileBack could not add the file to your record ({error.__class__.__name__}). "
                         "Nothing was imported.") from error
    finally:
        if archive is not None:
            archive.close()
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
