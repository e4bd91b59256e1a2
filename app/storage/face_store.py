"""The face measures' reads and writes, over the Store's engine and its one door for writes.

A photo has at most one measure: measuring it again (say, by a newer model) replaces it,
and deleting the photo deletes it. Sets are compared only when measured by the same model.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..face.baseline import Comparison, SetMeasures, compare
from ..face.geometry import IRIS_MM, PhotoFeatures
from ..face.job import MeasureJob, PhotoOutcome, PhotoToMeasure
from ..face.port import FaceLandmarker
from ..face.measures import measures_of
from ..face.noise import Noise, load_noise
from ..face.port import STATUS_WORDS, FaceStatus
from ..vocabulary import Expression
from .errors import StoreError
from .models import FaceMeasureRecord, PhotoRecord, PhotoSetRecord
from .photo_files import photos_dir

log = logging.getLogger(__name__)
GONE = "Nothing was changed: this photo is no longer in the record. Please look again."


@dataclass(frozen=True)
class PhotoMeasure:
    photo_id: int
    expression: Expression
    status: FaceStatus
    model_id: str
    mirrored: bool
    iris_mm: float
    features: PhotoFeatures | None
    measured_at: datetime

    @property
    def words(self) -> str:
        """"Measured", or the retake request."""
        return STATUS_WORDS[self.status]


def measure_of(row: FaceMeasureRecord, expression: str) -> PhotoMeasure:
    found = PhotoFeatures.from_dict(json.loads(row.features)) if row.features is not None else None
    return PhotoMeasure(row.photo_id, Expression(expression), FaceStatus(row.status), row.model_id, row.mirrored,
                        row.iris_mm, found, row.measured_at)


def readable_measure(row: FaceMeasureRecord, expression: str) -> PhotoMeasure | None:
    """The row's measure, or None for one damaged in the file: it counts as not measured yet,
    so measuring the set again remakes it from the photo (the photo is what matters)."""
    try:
        return measure_of(row, expression)
    except (ValueError, KeyError, TypeError):
        log.warning("face measure of photo %s is unreadable; it will be measured again", row.photo_id)
        return None


class FaceStore:
    def __init__(self, reading: Callable[[], Session], writing: Callable[[], AbstractContextManager[Session]],
                 data_dir: Path):
        self._reading, self._writing, self._data_dir = reading, writing, data_dir
        self._noise: Noise | None = None

    @property
    def noise(self) -> Noise:
        if self._noise is None:
            self._noise = load_noise()
        return self._noise

    def record(self, photo_id: int, status: FaceStatus, model_id: str, mirrored: bool,
               features: PhotoFeatures | None, now: datetime) -> PhotoMeasure:
        """Keep what measuring the photo came to, in place of any earlier measure of it."""
        status = FaceStatus(status)
        if (status is FaceStatus.MEASURED) != (features is not None):
            raise ValueError("features come with a measured photo, and only with one")
        text = json.dumps(features.as_dict(), allow_nan=False) if features is not None else None
        with self._writing() as s:
            photo = s.get(PhotoRecord, photo_id)
            if photo is None:
                raise StoreError(GONE)
            row = s.scalars(select(FaceMeasureRecord).where(FaceMeasureRecord.photo_id == photo_id)).first()
            if row is None:
                row = FaceMeasureRecord(photo_id=photo_id)
                s.add(row)
            row.model_id, row.mirrored, row.status, row.features = model_id, bool(mirrored), status.value, text
            row.iris_mm, row.measured_at = IRIS_MM, now
            s.flush()
            return measure_of(row, photo.expression)

    def keep(self, outcome: PhotoOutcome, now: datetime) -> PhotoMeasure:
        """A MeasureJob's result, kept (call it on the thread that owns the store)."""
        return self.record(outcome.photo_id, outcome.status, outcome.model_id, outcome.mirrored, outcome.features, now)

    def for_set(self, set_id: int) -> dict[Expression, PhotoMeasure]:
        """The set's photos that have been measured (or refused), by expression."""
        query = select(FaceMeasureRecord, PhotoRecord.expression).join(PhotoRecord) \
            .where(PhotoRecord.set_id == set_id)
        with self._reading() as s:
            measures = [readable_measure(row, expression) for row, expression in s.execute(query)]
        return {m.expression: m for m in measures if m is not None}

    def to_measure(self, set_id: int, model_id: str,
                   mirrored: Callable[[int], bool] = lambda photo_id: False) -> list[PhotoToMeasure]:
        """The set's photos not yet measured by `model_id`, as a MeasureJob takes them (it
        measures the at-rest photo first: the eyes-closed photo takes its scale from it, and
        one that found no scale before is measured again).
        `mirrored` says, by photo id, which were saved as a mirror image."""
        with self._reading() as s:
            photos = s.scalars(select(PhotoRecord).where(PhotoRecord.set_id == set_id)).all()
            expressions = {p.id: p.expression for p in photos}
            rows = s.scalars(select(FaceMeasureRecord).where(
                FaceMeasureRecord.photo_id.in_(list(expressions)), FaceMeasureRecord.model_id == model_id)).all()
            kept = [readable_measure(row, expressions[row.photo_id]) for row in rows]
            done = {m.photo_id for m in kept if m is not None and not (
                m.expression is Expression.EYES_CLOSED and m.status is FaceStatus.EYES_HIDDEN)}  # waited for a scale
            folder = photos_dir(self._data_dir)
            return [PhotoToMeasure(p.id, Expression(p.expression), folder / p.file_name, mirrored(p.id))
                    for p in photos if p.id not in done]

    def job(self, set_id: int, landmarker: FaceLandmarker,
            mirrored: Callable[[int], bool] = lambda photo_id: False) -> MeasureJob:
        """A job (not started) measuring the set's photos this landmarker has not measured;
        made here, on the store's thread, so the worker never touches the record."""
        return MeasureJob(lambda: landmarker, self.to_measure(set_id, landmarker.model_id, mirrored),
                          self.rest_scale(set_id, landmarker.model_id))

    def rest_scale(self, set_id: int, model_id: str) -> float | None:
        """The inner eye corners' distance in mm on the set's measured at-rest photo: the
        scale for its eyes-closed photo when that is measured on its own."""
        rest = self.for_set(set_id).get(Expression.AT_REST)
        if rest is None or rest.features is None or rest.model_id != model_id:
            return None
        return rest.features.inner_corners_mm

    def measures_for_set(self, set_id: int) -> SetMeasures:
        """The set's measures from its measured photos. Photos measured by a model other than
        most of the set's are left out: their numbers do not mix."""
        measured = {e: m for e, m in self.for_set(set_id).items() if m.status is FaceStatus.MEASURED}
        if not measured:
            return SetMeasures(set_id, None, ())
        model_id = Counter(m.model_id for m in measured.values()).most_common(1)[0][0]
        photos = {e: m.features for e, m in measured.items() if m.model_id == model_id and m.iris_mm == IRIS_MM}
        return SetMeasures(set_id, model_id, measures_of(photos))

    def changes_since_baseline(self, set_id: int | None = None) -> Comparison:
        """Each measure of the set (by default the latest set that is not the baseline)
        against the baseline set's, with the noise; no rows where they cannot be compared."""
        with self._reading() as s:
            sets = s.scalars(select(PhotoSetRecord).order_by(PhotoSetRecord.taken_on, PhotoSetRecord.id)).all()
            baseline = next((row.id for row in sets if row.baseline), None)
            if set_id is None:
                later = [row.id for row in sets if not row.baseline]
                set_id = later[-1] if later else None
        if set_id is None:
            return Comparison(())
        before = self.measures_for_set(baseline) if baseline is not None else None
        return compare(before, self.measures_for_set(set_id), self.noise)
