"""The face measures in words and tables, one vocabulary for the screens, the CSV and the PDF.

Each measure of a set against the baseline set, right and left, with the change and the
noise it is judged by; and each key measure over every measured set, for a trend. Nothing
here grades a face: every table carries NOT_A_GRADE_LINE.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .face.baseline import ChangeRow, Comparison, SideChange
from .face.port import STATUS_WORDS, FaceStatus
from .storage import Store
from .vocabulary import Expression

NOT_A_GRADE_LINE = ("An estimate from photos, not a clinical grade: SmileBack never estimates "
                    "House-Brackmann, Sunnybrook or eFACE.")
NOT_AVAILABLE = STATUS_WORDS[FaceStatus.UNAVAILABLE]
NOTHING_MEASURED = "No photo set has been measured yet."
NO_LATER_SET = "Measure a photo set taken after the baseline to see what changed."
# The measures a trend is drawn for: the movements the routine works on.
TREND_KEYS = ("big_smile.movement", "eyes_closed.opening", "brows_raised.lift")


def day_words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def amount(value: float, unit: str) -> str:
    """'8.1 mm', '12.0°'."""
    return f"{value:.1f} {unit}".replace(" °", "°")


def change_words(row: ChangeRow, side: SideChange) -> str:
    """'+1.2 mm', or 'No clear change' within the noise."""
    return row.words(side)


def expression_of(key: str) -> Expression:
    """The photo a measure is read from: 'big_smile.movement' is the big smile's."""
    prefix = key.split(".")[0]
    return Expression.AT_REST if prefix == "rest" else Expression(prefix)


@dataclass(frozen=True)
class SideWords:
    side: str              # "right" or "left": the patient's own
    baseline: str          # "8.1 mm"
    latest: str
    change: str            # "+1.2 mm" or "No clear change"


@dataclass(frozen=True)
class FaceRow:
    key: str
    measure: str           # "Mouth corner movement, big smile"
    baseline: str          # "right 8.1 mm, left 5.2 mm"
    latest: str
    change: str            # "right +1.2 mm, left No clear change"
    noise: str             # "0.8 mm": a smaller change is no clear change
    right_change: str
    left_change: str
    no_clear_change: bool  # neither side moved more than the noise
    sides: tuple[SideWords, SideWords] = ()  # right, then left: a table's two rows


@dataclass(frozen=True)
class FaceTable:
    title: str             # "Baseline 1 September 2026, latest 3 December 2026"
    rows: tuple[FaceRow, ...]
    empty_text: str        # why there are no rows ("" with rows)
    note: str = NOT_A_GRADE_LINE


def sides(right: str, left: str) -> str:
    return f"right {right}, left {left}"


def face_row(row: ChangeRow) -> FaceRow:
    right, left = change_words(row, row.right), change_words(row, row.left)
    each = tuple(SideWords(name, amount(side.baseline, row.unit), amount(side.latest, row.unit), words)
                 for name, side, words in (("right", row.right, right), ("left", row.left, left)))
    return FaceRow(row.key, row.label,
                   sides(amount(row.right.baseline, row.unit), amount(row.left.baseline, row.unit)),
                   sides(amount(row.right.latest, row.unit), amount(row.left.latest, row.unit)),
                   sides(right, left), amount(row.noise, row.unit), right, left, row.no_clear_change, each)


def baseline_and_later(store: Store) -> tuple[object | None, list]:
    """The baseline set (or None) and the other sets, oldest first."""
    sets = store.outcomes.photo_sets()
    baseline = next((s for s in sets if s.baseline), None)
    return baseline, [s for s in sets if not s.baseline]


def face_table(store: Store, set_id: int | None = None) -> FaceTable:
    """Set `set_id` (by default the latest set after the baseline) against the baseline."""
    baseline, later = baseline_and_later(store)
    chosen = next((s for s in later if s.id == set_id), None) if set_id is not None else (later[-1] if later else None)
    if baseline is None or chosen is None:
        measured = any(store.face.for_set(s.id) for s in ([baseline] if baseline else []) + later)
        return FaceTable("", (), NO_LATER_SET if measured else NOTHING_MEASURED)
    comparison = store.face.changes_since_baseline(chosen.id)
    return table_of(comparison, f"Baseline {day_words(baseline.taken_on)}, latest {day_words(chosen.taken_on)}")


def table_of(comparison: Comparison, title: str) -> FaceTable:
    rows = tuple(face_row(row) for row in comparison.rows)
    if rows:
        return FaceTable(title, rows, "")
    return FaceTable("", (), comparison.reason or NOTHING_MEASURED)


# --- over time -------------------------------------------------------------------------------

@dataclass(frozen=True)
class FacePoint:
    day: date
    right: float
    left: float


@dataclass(frozen=True)
class FaceTrend:
    key: str
    label: str
    unit: str
    points: tuple[FacePoint, ...]   # oldest first, one per measured set


def face_trends(store: Store, keys: tuple[str, ...] = TREND_KEYS) -> tuple[FaceTrend, ...]:
    """Each key measure in every set measured by the baseline's model (or, without a
    baseline, by the first measured set's): numbers from two models do not mix."""
    sets = store.outcomes.photo_sets()
    measured = [(s, store.face.measures_for_set(s.id)) for s in sets]
    measured = [(s, m) for s, m in measured if m.model_id is not None]
    if not measured:
        return ()
    model = next((m.model_id for s, m in measured if s.baseline), measured[0][1].model_id)
    trends = []
    for key in keys:
        points, label, unit = [], "", ""
        for photo_set, measures in measured:
            value = measures.value(key) if measures.model_id == model else None
            if value is not None:
                points.append(FacePoint(photo_set.taken_on, value.right, value.left))
                label, unit = value.label, value.unit
        if points:
            trends.append(FaceTrend(key, label, unit, tuple(points)))
    return tuple(trends)


def point_words(point: FacePoint, unit: str) -> str:
    return f"{day_words(point.day)}: {sides(amount(point.right, unit), amount(point.left, unit))}"


# --- the outcomes CSV ------------------------------------------------------------------------

FACE_ENTRY = "Face measure from photos"


def face_outcome_rows(store: Store) -> list[tuple]:
    """(day, entry, item, moment, value, rated_by, note) per measure and side of every set
    measured after the baseline, dated by the set, as the outcomes CSV takes them."""
    baseline, later = baseline_and_later(store)
    if baseline is None:
        return []
    rows = []
    for photo_set in later:
        for row in store.face.changes_since_baseline(photo_set.id).rows:
            line = face_row(row)
            for name, side, words in (("right", row.right, line.right_change), ("left", row.left, line.left_change)):
                rows.append((photo_set.taken_on, FACE_ENTRY, f"{row.label}, {name}", "", amount(side.latest, row.unit),
                             "", f"Since the baseline of {day_words(baseline.taken_on)}: {words} "
                                 f"(noise {line.noise}). {NOT_A_GRADE_LINE}"))
    return rows
