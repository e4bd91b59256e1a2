"""The outcomes' part of a salvage: what the damaged file still holds, merged in once.

The damaged file is newer than the backup that took its place, so where the two differ
it wins: an item it set aside is set aside, a rating it changed later takes its value,
its baseline is the baseline, a photo it retook later is that photo. Rows are recognised
as the import recognises them: an item by what it is and when it was chosen, a rating by
item, day and moment, a score by all its values, a set by its day and when it was made,
a photo by set and expression. The photo files themselves were never in the damaged file:
they are in photos/, untouched.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from .checks import TABLE_WORDS
from .salvage_reading import TableRead

OUTCOME_TABLES = ("rating_items", "ratings", "clinician_scores", "photo_sets", "photos")
SCORE_VALUES = ("scale", "scale_name", "value", "scored_on", "rated_by", "note", "created_at")


@dataclass
class OutcomesReport:
    added: int = 0  # rows the record lacked (or held in an older state), read back
    lost: int = 0  # rows that did not read, or the record refused, above what it held
    unread: list[str] = field(default_factory=list)


def _sql(connection, statement: str, parameters=()):
    return connection.exec_driver_sql(statement, tuple(parameters))


def _rows(connection, table: str) -> list[dict]:
    return [dict(row) for row in _sql(connection, f'SELECT * FROM "{table}" ORDER BY id').mappings()]


def _insert(connection, table: str, values: dict) -> int:
    names, marks = ", ".join(f'"{k}"' for k in values), ", ".join("?" for _ in values)
    return _sql(connection, f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values.values()).lastrowid


def _saved(connection, write, report: OutcomesReport):
    """One row's write, on its own: a refusal is that row lost, not the salvage."""
    try:
        with connection.begin_nested():
            result = write()
    except SQLAlchemyError:
        report.lost += 1
        return None
    report.added += 1
    return result


def merge_outcomes(connection, tables: dict[str, TableRead], present: set[str]) -> OutcomesReport:
    report = OutcomesReport()
    if not set(OUTCOME_TABLES) & present:
        return report  # a record from before the outcomes: nothing was lost
    highest = {t: _sql(connection, f'SELECT coalesce(max(id), 0) FROM "{t}"').scalar() for t in OUTCOME_TABLES}
    items = _merge_items(connection, tables["rating_items"].rows, report)
    _merge_ratings(connection, tables["ratings"].rows, items, report)
    _merge_scores(connection, tables["clinician_scores"].rows, report)
    _merge_sets(connection, tables["photo_sets"].rows, tables["photos"].rows, report)
    for table in OUTCOME_TABLES:  # a table the damaged file lacks is said by the start-up check
        if table in present:
            report.lost += sum(1 for i in tables[table].unread_ids() if i > highest[table])
            if not tables[table].whole:
                report.unread.append(TABLE_WORDS[table][0])
    return report


def _merge_items(connection, rows: list[dict], report: OutcomesReport) -> dict[int, int]:
    held = {(r["item_key"], r["own_words"], r["chosen_at"]): r for r in _rows(connection, "rating_items")}
    ids = {}
    for row in rows:
        mine = held.get((row["item_key"], row["own_words"], row["chosen_at"]))
        if mine is None:
            new_id = _saved(connection, lambda: _insert(connection, "rating_items",
                                                        {k: v for k, v in row.items() if k != "id"}), report)
        elif (mine["retired_at"], mine["position"]) != (row["retired_at"], row["position"]):
            def update(mine=mine, row=row) -> int:
                _sql(connection, "UPDATE rating_items SET retired_at = ?, position = ? WHERE id = ?",
                     (row["retired_at"], row["position"], mine["id"]))
                return mine["id"]
            new_id = _saved(connection, update, report)
        else:
            new_id = mine["id"]
        if new_id is not None:
            ids[row["id"]] = new_id
    return ids


def _merge_ratings(connection, rows: list[dict], items: dict[int, int], report: OutcomesReport) -> None:
    held = {(r["item_id"], r["local_date"], r["moment"]): r for r in _rows(connection, "ratings")}
    for row in rows:
        if row["item_id"] not in items:
            report.lost += 1  # its item did not read: the rating cannot say what it rates
            continue
        values = {k: v for k, v in row.items() if k != "id"} | {"item_id": items[row["item_id"]]}
        mine = held.get((values["item_id"], values["local_date"], values["moment"]))
        if mine is None:
            _saved(connection, lambda: _insert(connection, "ratings", values), report)
        elif row["created_at"] > mine["created_at"] and row["value"] != mine["value"]:
            _saved(connection, lambda: _sql(connection, "UPDATE ratings SET value = ?, created_at = ? WHERE id = ?",
                                            (row["value"], row["created_at"], mine["id"])), report)


def _merge_scores(connection, rows: list[dict], report: OutcomesReport) -> None:
    held = {tuple(r[c] for c in SCORE_VALUES) for r in _rows(connection, "clinician_scores")}
    for row in rows:
        if tuple(row[c] for c in SCORE_VALUES) not in held:
            _saved(connection, lambda: _insert(connection, "clinician_scores",
                                               {k: v for k, v in row.items() if k != "id"}), report)


def _merge_sets(connection, sets: list[dict], photos: list[dict], report: OutcomesReport) -> None:
    held = {(r["taken_on"], r["created_at"]): r["id"] for r in _rows(connection, "photo_sets")}
    ids = {}
    for row in sets:
        mine = held.get((row["taken_on"], row["created_at"]))
        if mine is None:
            mine = _saved(connection, lambda: _insert(connection, "photo_sets", {
                k: v for k, v in row.items() if k not in ("id", "baseline")} | {"baseline": 0}), report)
        if mine is not None:
            ids[row["id"]] = mine
    baseline = next((ids.get(row["id"]) for row in sets if row["baseline"]), None)
    if baseline is not None:
        _sql(connection, "UPDATE photo_sets SET baseline = 0 WHERE baseline AND id != ?", (baseline,))
        _sql(connection, "UPDATE photo_sets SET baseline = 1 WHERE id = ?", (baseline,))
    taken = {(r["set_id"], r["expression"]): r for r in _rows(connection, "photos")}
    for row in photos:
        if row["set_id"] not in ids:
            report.lost += 1
            continue
        values = {k: v for k, v in row.items() if k != "id"} | {"set_id": ids[row["set_id"]]}
        mine = taken.get((values["set_id"], values["expression"]))
        if mine is None:
            _saved(connection, lambda: _insert(connection, "photos", values), report)
        elif mine["sha256"] != row["sha256"] and row["taken_at"] > mine["taken_at"]:
            def retake(mine=mine, values=values):
                _sql(connection, "DELETE FROM photos WHERE id = ?", (mine["id"],))
                return _insert(connection, "photos", values)
            _saved(connection, retake, report)
