"""Face measures on the screens: measuring a set (a progress bar and a retake request per
photo), each expression's measures beside its photo pair, and the key measures over time.

Never a grade: every place that shows a number shows NOT_A_GRADE_LINE with it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..charts import Scale, nice_scale
from ..core import Core
from ..face.port import FaceStatus
from ..face_words import (NOT_A_GRADE_LINE, NOT_AVAILABLE, FaceRow, FaceTrend, expression_of, face_table,
                          face_trends, point_words)
from ..vocabulary import Expression

# A retake request per photo, in plain words; {photo} is the expression ("big smile").
RETAKE = {
    FaceStatus.NO_FACE: "No face was found in the '{photo}' photo: please take it again, facing the camera.",
    FaceStatus.TWO_FACES: "More than one face is in the '{photo}' photo: please take it again with only your face.",
    FaceStatus.TURNED: "Your face is turned to one side in the '{photo}' photo: please take it again, "
                       "looking straight at the camera.",
    FaceStatus.EYES_HIDDEN: "Neither eye could be seen in the '{photo}' photo: please take it again with your "
                            "eyes open as far as you can.",
    FaceStatus.TOO_FAR: "Your face is too small in the '{photo}' photo: please come closer and take it again.",
    FaceStatus.UNREADABLE: "The '{photo}' photo could not be opened: please take it again.",
}
# The eyes-closed photo is scaled by the at-rest one: without it, that photo waits.
CLOSED_WAITS = (f"The '{Expression.EYES_CLOSED.words.lower()}' photo is measured with the "
                f"'{Expression.AT_REST.words.lower()}' one: please take the '{Expression.AT_REST.words.lower()}' "
                "photo again, then measure the set.")
PREPARING = "Getting ready to measure..."
NO_PAIR_MEASURE = "No measure of this expression yet: measure both sets first."


def known_unavailable(core: Core) -> bool:
    """This device is known to have no landmarker (asking starts building it, off this thread)."""
    landmarker = core.face_landmarker.ready()
    return landmarker is not None and not landmarker.available()


def retake_words(expression: Expression, status: FaceStatus) -> str:
    if status is FaceStatus.EYES_HIDDEN and expression is Expression.EYES_CLOSED:
        return CLOSED_WAITS
    return RETAKE[status].format(photo=expression.words.lower())


# --- measuring a set ------------------------------------------------------------------------------

@dataclass(frozen=True)
class MeasuringModel:
    set_id: int | None
    running: bool
    fraction: float        # for the progress bar, 0 to 1
    progress_text: str     # "Measuring photo 3 of 6"
    retakes: tuple[str, ...]
    message: str           # what measuring came to, or why it cannot be done here
    available: bool        # False once the device is known to have no landmarker


class MeasuringPresenter:
    """A part of the photo screens; its screen calls `tick()` from the clock while `running`."""

    def __init__(self, core: Core, view):
        self.core, self.view = core, view
        self.shown_set: int | None = None

    def enter(self, set_id: int | None = None) -> None:
        """Show set `set_id` (by default the one being measured) without measuring it."""
        self.shown_set = set_id if set_id is not None else self.core.measuring.set_id
        self.view.show(self.model())

    def measure(self, set_id: int) -> None:
        self.shown_set = set_id
        self.core.measuring.start(set_id)
        self.view.show(self.model())

    def tick(self) -> bool:
        """The clock's call: keeps what was measured and shows the progress. False once done."""
        before = self.core.measuring.state()
        self.core.measuring.step()
        if self.core.measuring.state() != before or not before.running:
            self.view.show(self.model())
        return self.core.measuring.running

    def model(self) -> MeasuringModel:
        state = self.core.measuring.state()
        mine = state.set_id == self.shown_set and self.shown_set is not None
        if known_unavailable(self.core):
            return MeasuringModel(self.shown_set, False, 0.0, "", (), NOT_AVAILABLE, False)
        if mine and state.running:
            text = PREPARING if state.preparing or not state.total else \
                f"Measuring photo {min(state.done + 1, state.total)} of {state.total}"
            return MeasuringModel(self.shown_set, True, state.done / state.total if state.total else 0.0, text,
                                  self._retakes(), "", True)
        retakes = self._retakes()
        message = state.problem if mine and state.problem else self._result_words(retakes)
        return MeasuringModel(self.shown_set, False, 1.0 if mine else 0.0, "", retakes, message, True)

    def _retakes(self) -> tuple[str, ...]:
        if self.shown_set is None:
            return ()
        found = self.core.store.face.for_set(self.shown_set)
        return tuple(retake_words(e, found[e].status) for e in Expression
                     if e in found and found[e].status in RETAKE)

    def _result_words(self, retakes: tuple[str, ...]) -> str:
        if self.shown_set is None:
            return ""
        found = self.core.store.face.for_set(self.shown_set)
        measured = sum(1 for m in found.values() if m.status is FaceStatus.MEASURED)
        if not found:
            return ""
        if retakes:
            return f"{measured} of {len(found)} photos measured."
        return f"All {measured} photos measured. {NOT_A_GRADE_LINE}"


# --- beside each photo pair ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PairMeasure:
    measure: str           # "Mouth corner movement, big smile"
    right: str             # "+1.2 mm" or "No clear change"
    left: str
    baseline: str          # "right 8.1 mm, left 5.2 mm"
    latest: str
    noise: str


@dataclass(frozen=True)
class PairMeasures:
    lines: tuple[PairMeasure, ...]
    empty_text: str        # why there is nothing to show ("" with lines)
    note: str              # NOT_A_GRADE_LINE with lines


def pair_measures(core: Core, set_id: int, expression: Expression) -> PairMeasures:
    """Set `set_id`'s measures of `expression` against the baseline's."""
    table = face_table(core.store, set_id)
    lines = tuple(pair_line(r) for r in table.rows if expression_of(r.key) is Expression(expression))
    if lines:  # kept measures are shown even where this device cannot make new ones
        return PairMeasures(lines, "", NOT_A_GRADE_LINE)
    if known_unavailable(core):
        return PairMeasures((), NOT_AVAILABLE, "")
    kept = core.store.face.for_set(set_id).get(Expression(expression))
    if kept is not None and kept.status in RETAKE:  # this photo could not be measured: say why
        return PairMeasures((), retake_words(Expression(expression), kept.status), "")
    return PairMeasures((), table.empty_text if not table.rows else NO_PAIR_MEASURE, "")


def pair_line(row: FaceRow) -> PairMeasure:
    return PairMeasure(row.measure, row.right_change, row.left_change, row.baseline, row.latest, row.noise)


# --- over time, on Trends ----------------------------------------------------------------------------

@dataclass(frozen=True)
class FaceLineModel:
    words: str             # "Mouth corner movement, big smile (mm)"
    scale: Scale
    right: tuple[tuple[int, float], ...]  # (day on the axis, value)
    left: tuple[tuple[int, float], ...]
    legend: str            # the two lines in words
    values: tuple[str, ...]  # every point in words


@dataclass(frozen=True)
class FaceTrendsModel:
    axis_days: int
    first_text: str
    last_text: str
    lines: tuple[FaceLineModel, ...]
    injection_days: tuple[int, ...]
    empty_text: str
    note: str


LEGEND = "Thick line with round dots: your right side. Thin line with square dots: your left side."
NO_FACE_TREND = "Measured photo sets will show here over time, right and left side by side."


def face_trends_model(core: Core, today: date, injections: tuple[date, ...]) -> FaceTrendsModel:
    trends = face_trends(core.store)
    if not trends:
        return FaceTrendsModel(0, "", "", (), (), NO_FACE_TREND, "")
    first = min(p.day for t in trends for p in t.points)
    last = max(today, first)
    return FaceTrendsModel((last - first).days, f"{first.day} {first:%B %Y}", f"{last.day} {last:%B %Y}",
                           tuple(face_line(t, first) for t in trends),
                           tuple((d - first).days for d in injections if first <= d <= last), "", NOT_A_GRADE_LINE)


def face_line(trend: FaceTrend, first: date) -> FaceLineModel:
    largest = max(max(p.right, p.left) for p in trend.points)
    return FaceLineModel(f"{trend.label} ({trend.unit})", nice_scale(largest),
                         tuple(((p.day - first).days, p.right) for p in trend.points),
                         tuple(((p.day - first).days, p.left) for p in trend.points),
                         LEGEND, tuple(point_words(p, trend.unit) for p in trend.points))
