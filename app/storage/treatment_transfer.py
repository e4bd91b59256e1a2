"""The treatment journal in the JSON export: every version of every entry, and its import.

Each table is a list of versions in the order they were saved; a version names the one it
replaces by its index in the same list ("replaces"), so the history survives a move to
another device whatever ids the record gives. Import checks every version with the same
validators as the screens (a field at fault is named; nothing is written), then merges:
a version already present (the same instant and the same content) is skipped. A version
whose entry was changed on this device since, later than the file's change, is held
back: the history stays one line and this device's newer change stays current.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from sqlalchemy import select

from ..treatment.entries import AreaDose, Injection
from ..treatment.validation import (MAX_NAME_CHARS, MAX_NOTE_CHARS, TreatmentError, check_answers, check_care_item,
                                    check_checkin_date, check_mark_date, check_mood, checked_areas, checked_minutes,
                                    latest_dose)
from ..vocabulary import Cadence, CareKind, EffectMark, SideEffect
from .fields import Fields, kind_of
from .models import (CareItemRecord, CareTickRecord, CheckInAnswerRecord, CheckInRecord, EffectMarkRecord,
                     InjectionAreaRecord, InjectionRecord, MoodRecord, decode_days, encode_days)
from .plausible import latest_day

MAX_VERSIONS = 100_000


def _day(value) -> str:
    return value.isoformat()


def _injection_out(row: InjectionRecord) -> dict[str, Any]:
    return {"given_on": _day(row.given_on), "given_by": row.given_by, "product": row.product,
            "areas": [{"area": a.area, "side": a.side, "units": a.units} for a in row.areas]}


def _checkin_out(row: CheckInRecord) -> dict[str, Any]:
    stored = {a.item for a in row.answers}
    return {"local_date": _day(row.local_date), "note": row.note,
            "answers": [item.value for item in SideEffect if item.value in stored]}


def _care_item_out(row: CareItemRecord) -> dict[str, Any]:
    return {"kind": row.kind, "cadence": row.cadence, "starts_on": _day(row.starts_on),
            "target_minutes": row.target_minutes, "dose_dates": [_day(d) for d in decode_days(row.dose_dates)]}


CONTENT_OUT: dict[str, tuple[type, Callable[[Any], dict[str, Any]]]] = {
    "injections": (InjectionRecord, _injection_out),
    "effect_marks": (EffectMarkRecord, lambda r: {"local_date": _day(r.local_date), "kind": r.kind}),
    "checkins": (CheckInRecord, _checkin_out),
    "care_items": (CareItemRecord, _care_item_out),
    "care_ticks": (CareTickRecord, lambda r: {"local_date": _day(r.local_date), "kind": r.kind,
                                              "minutes": r.minutes}),
    "mood_entries": (MoodRecord, lambda r: {"local_date": _day(r.local_date), "mood": r.mood, "note": r.note}),
}


def _instant(value: datetime) -> str:
    return value.astimezone(timezone.utc).isoformat()


def export_treatment(s) -> dict[str, list[dict[str, Any]]]:
    document = {}
    for name, (model, content) in CONTENT_OUT.items():
        rows = list(s.scalars(select(model).order_by(model.id)))  # a replaced version always has the lower id
        index = {row.id: position for position, row in enumerate(rows)}
        document[name] = [{"created_at": _instant(row.created_at), "deleted": row.deleted,
                           "replaces": None if row.replaces_id is None else index[row.replaces_id], **content(row)}
                          for row in rows]
    return document


# --- reading the file ----------------------------------------------------------------------------

@dataclass(frozen=True)
class VersionIn:
    created_at: datetime
    deleted: bool
    replaces: int | None
    columns: dict[str, Any]
    children: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class TreatmentIn:
    tables: dict[str, tuple[VersionIn, ...]] = field(default_factory=dict)


def _checked(fields: Fields, name: str, check: Callable):
    """Run one of the journal's validators, its refusal naming this field of the file
    (or the part of it the validator names: areas[1].units)."""
    try:
        return check()
    except TreatmentError as error:
        where = error.field if error.field.startswith(name) else name
        raise fields.fail(where, str(error).removeprefix(f"{error.field}: ")) from None


def parse_treatment(top: Fields, required: bool) -> TreatmentIn:
    """The journal's part of the file; an export older than the journal has none."""
    if "treatment" not in top.table and not required:
        return TreatmentIn({name: () for name in CONTENT_OUT})
    top.raw("treatment")
    journal = Fields(top.source, top.table["treatment"], "treatment")
    injections = tuple(_versions(journal, "injections", _parse_injection))
    given = [Injection(i, v.columns["given_on"], ()) for i, v in enumerate(injections)]
    tables = {"injections": injections,
              "effect_marks": _versions(journal, "effect_marks", lambda f: _parse_mark(f, given)),
              "checkins": _versions(journal, "checkins", lambda f: _parse_checkin(f, given)),
              "care_items": _versions(journal, "care_items", _parse_care_item),
              "care_ticks": _versions(journal, "care_ticks", _parse_care_tick),
              "mood_entries": _versions(journal, "mood_entries", _parse_mood)}
    return TreatmentIn(tables)


def _versions(journal: Fields, name: str, parse: Callable) -> tuple[VersionIn, ...]:
    entries = journal.items(name)
    if len(entries) > MAX_VERSIONS:
        raise journal.fail(name, f"holds more than {MAX_VERSIONS} entries")
    versions, replaced = [], set()
    for position, entry in enumerate(entries):
        replaces = entry.integer("replaces", 0, position - 1, optional=True) if position else \
            _first_replaces_nothing(entry)
        deleted = entry.flag("deleted")
        if deleted and replaces is None:
            raise entry.fail("deleted", "is true, but the entry replaces nothing: there is nothing to delete")
        if replaces is not None and replaces in replaced:
            raise entry.fail("replaces", f"names entry {replaces}, which another entry already replaces")
        replaced.add(replaces)
        columns, children = parse(entry)
        versions.append(VersionIn(entry.instant("created_at"), deleted, replaces, columns, children))
    return tuple(versions)


def _first_replaces_nothing(entry: Fields) -> None:
    if entry.raw("replaces") is not None:
        raise entry.fail("replaces", f"must be null for the first entry, got {kind_of(entry.raw('replaces'))}")
    return None


def _only(entry: Fields, names: tuple[str, ...]) -> None:
    extra = sorted(set(entry.table) - set(names) - {"created_at", "deleted", "replaces"})
    if extra:
        raise entry.fail(extra[0], "is not a field of this entry")


def _parse_injection(entry: Fields):
    _only(entry, ("given_on", "given_by", "product", "areas"))
    given_on = entry.day("given_on")
    doses = []
    for area in entry.items("areas"):
        _only(area, ("area", "side", "units"))
        units = area.raw("units")
        doses.append(AreaDose(area.raw("area"), area.raw("side"), units))
    if doses or not entry.table.get("deleted"):  # a deletion keeps no areas
        doses = list(_checked(entry, "areas", lambda: checked_areas(doses)))
    columns = {"given_on": given_on, "given_by": entry.text("given_by", MAX_NAME_CHARS, optional=True),
               "product": entry.text("product", MAX_NAME_CHARS, optional=True)}
    children = tuple({"position": i, "area": d.area.value, "side": d.side.value, "units": d.units}
                     for i, d in enumerate(doses))
    return columns, children


def _parse_mark(entry: Fields, injections: list[Injection]):
    _only(entry, ("local_date", "kind"))
    day = entry.day("local_date")
    _checked(entry, "local_date", lambda: check_mark_date(day, injections, latest_day()))
    return {"local_date": day, "kind": entry.choice("kind", tuple(EffectMark))}, ()


def _parse_checkin(entry: Fields, injections: list[Injection]):
    _only(entry, ("local_date", "note", "answers"))
    day = entry.day("local_date")
    _checked(entry, "local_date", lambda: check_checkin_date(day, injections, latest_day()))
    raw = entry.raw("answers")
    if not isinstance(raw, list) or len(set(map(repr, raw))) != len(raw):
        raise entry.fail("answers", f"must be a list of answers, each once, got {kind_of(raw)}")
    answers = _checked(entry, "answers", lambda: check_answers(raw))
    columns = {"local_date": day, "note": entry.text("note", MAX_NOTE_CHARS, optional=True)}
    return columns, tuple({"item": item.value} for item in SideEffect if item in answers)


def _parse_care_item(entry: Fields):
    _only(entry, ("kind", "cadence", "starts_on", "target_minutes", "dose_dates"))
    days = entry.days("dose_dates", latest=latest_dose(latest_day()))
    kind, cadence, minutes, days = _checked(entry, "dose_dates", lambda: check_care_item(
        entry.choice("kind", tuple(CareKind)), entry.choice("cadence", tuple(Cadence)),
        entry.integer("target_minutes", 1, 24 * 60, optional=True), days, latest_day()))
    return {"kind": kind.value, "cadence": cadence.value, "starts_on": entry.day("starts_on"),
            "target_minutes": minutes, "dose_dates": encode_days(days)}, ()


def _parse_care_tick(entry: Fields):
    _only(entry, ("local_date", "kind", "minutes"))
    minutes = _checked(entry, "minutes", lambda: checked_minutes("minutes", entry.raw("minutes")))
    return {"local_date": entry.day("local_date"), "kind": entry.choice("kind", tuple(CareKind)),
            "minutes": minutes}, ()


def _parse_mood(entry: Fields):
    _only(entry, ("local_date", "mood", "note"))
    mood = _checked(entry, "mood", lambda: check_mood(entry.raw("mood")))
    if not isinstance(entry.raw("mood"), int):
        raise entry.fail("mood", f"must be a whole number from 1 to 5, got {kind_of(entry.raw('mood'))}")
    return {"local_date": entry.day("local_date"), "mood": int(mood),
            "note": entry.text("note", MAX_NOTE_CHARS, optional=True)}, ()


# --- merging -------------------------------------------------------------------------------------

CHILD_MODEL = {"injections": (InjectionAreaRecord, "areas", ("position", "area", "side", "units")),
               "checkins": (CheckInAnswerRecord, "answers", ("item",))}


def _identity(created_at: datetime, deleted: bool, columns: dict[str, Any], children) -> tuple:
    """What a version is recognised by when the record already holds it: every value it has."""
    return created_at, deleted, tuple(sorted(columns.items())), tuple(tuple(sorted(c.items())) for c in children)


def _row_identity(name: str, row, column_names) -> tuple:
    columns = {column: getattr(row, column) for column in column_names}
    children = ()
    if name in CHILD_MODEL:
        _model, attribute, child_columns = CHILD_MODEL[name]
        children = tuple({c: getattr(child, c) for c in child_columns} for child in getattr(row, attribute))
    return _identity(row.created_at, row.deleted, columns, children)


def merge_treatment(s, contents: TreatmentIn, report) -> None:
    for name, versions in contents.tables.items():
        model, _content = CONTENT_OUT[name]
        rows = list(s.scalars(select(model)))
        column_names = tuple(versions[0].columns) if versions else ()
        existing = {_row_identity(name, row, column_names): row.id for row in rows}
        successor = {row.replaces_id: row.id for row in rows if row.replaces_id is not None}
        created = {row.id: row.created_at for row in rows}
        ids: list[int] = []
        for version in versions:
            known = existing.get(_identity(version.created_at, version.deleted, version.columns, version.children))
            if known is not None:
                ids.append(known)
                continue
            replaces = None
            if version.replaces is not None:
                replaces = ids[version.replaces]
                while replaces in successor:  # changed on this device since: follow to its newest version
                    replaces = successor[replaces]
                if created[replaces] >= version.created_at:
                    ids.append(replaces)  # this device's change is the later one and stays current
                    report.held_back_treatment += 1
                    continue
            row = model(created_at=version.created_at, deleted=version.deleted, replaces_id=replaces,
                        **version.columns)
            if name in CHILD_MODEL:
                child, attribute, _columns = CHILD_MODEL[name]
                setattr(row, attribute, [child(**values) for values in version.children])
            s.add(row)
            s.flush()
            ids.append(row.id)
            created[row.id] = version.created_at
            if replaces is not None:
                successor[replaces] = row.id
            report.added_treatment += 1
