"""Each measure against the patient's own baseline set: what changed, and whether the change
is larger than the measurement noise. Never a grade: no House-Brackmann, Sunnybrook or
eFACE estimate is made or implied, and every place showing a number says so
(app/face_words.NOT_A_GRADE_LINE).
"""
from __future__ import annotations

from dataclasses import dataclass

from .measures import SPEC_BY_KEY, MeasureValue
from .noise import Noise

NO_CLEAR_CHANGE = "No clear change"
OTHER_MODEL = "The baseline photos were measured another way. Measure them again to compare."
NO_BASELINE = "Choose a baseline photo set to compare with."


@dataclass(frozen=True)
class SetMeasures:
    """One set's measures, all from one model (photos measured by another are left out)."""

    set_id: int
    model_id: str | None          # None: no photo of the set is measured yet
    values: tuple[MeasureValue, ...]

    def value(self, key: str) -> MeasureValue | None:
        return next((v for v in self.values if v.key == key), None)


@dataclass(frozen=True)
class SideChange:
    baseline: float
    latest: float

    @property
    def change(self) -> float:
        return self.latest - self.baseline


@dataclass(frozen=True)
class ChangeRow:
    key: str
    label: str
    unit: str
    noise: float                  # a change within +-noise is no clear change
    right: SideChange             # the patient's own right and left
    left: SideChange
    baseline_ratio: float | None  # left / right
    latest_ratio: float | None

    def clear(self, side: SideChange) -> bool:
        return abs(side.change) > self.noise

    @property
    def no_clear_change(self) -> bool:
        """Neither side moved more than the noise."""
        return not (self.clear(self.right) or self.clear(self.left))

    def words(self, side: SideChange) -> str:
        if not self.clear(side):
            return NO_CLEAR_CHANGE
        return f"{side.change:+.1f} {self.unit}".replace(" °", "°")


@dataclass(frozen=True)
class Comparison:
    rows: tuple[ChangeRow, ...]
    reason: str = ""              # why there are no rows, in the patient's words


def compare(baseline: SetMeasures | None, latest: SetMeasures, noise: Noise) -> Comparison:
    """Every measure both sets have, baseline first; none when the sets were measured by
    different models (they disagree by more than the changes we look for, research §5)."""
    if baseline is None:
        return Comparison((), NO_BASELINE)
    if baseline.model_id is None or latest.model_id is None:
        return Comparison(())
    if baseline.model_id != latest.model_id:
        return Comparison((), OTHER_MODEL)
    rows = []
    for before in baseline.values:
        after = latest.value(before.key)
        if after is None:
            continue
        spec = SPEC_BY_KEY[before.key]
        rows.append(ChangeRow(before.key, before.label, before.unit, noise.of_change(spec),
                              SideChange(before.right, after.right), SideChange(before.left, after.left),
                              before.ratio, after.ratio))
    return Comparison(tuple(rows))
