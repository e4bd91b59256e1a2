"""Measuring a set of photos in the background, so the screen stays responsive.

MeasureJob runs on one worker thread and never touches Kivy or the record: a screen polls
it from the Clock (done/total for a progress bar) and hands each finished result to the
store on its own thread. The landmarker is made on the worker too (its first import and
model load take a while).
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..vocabulary import Expression
from .geometry import PhotoFeatures, carried_scale, features, iris_scale
from .port import FaceLandmarker, FaceStatus


@dataclass(frozen=True)
class PhotoToMeasure:
    photo_id: int
    expression: Expression
    source: Path | bytes
    mirrored: bool = False


@dataclass(frozen=True)
class PhotoOutcome:
    photo_id: int
    expression: Expression
    status: FaceStatus
    model_id: str
    mirrored: bool
    features: PhotoFeatures | None


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    finished: bool
    results: tuple[PhotoOutcome, ...]   # the ones finished since the last poll
    failure: str = ""                   # an unexpected error stopped the job

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


def measure_photo(landmarker: FaceLandmarker, photo: PhotoToMeasure,
                  inner_corners_mm: float | None = None) -> PhotoOutcome:
    """One photo's features. The eyes-closed photo has no iris to scale by: it takes the
    scale of the set's at-rest photo through the inner eye corners (`inner_corners_mm`), and
    without that it cannot be measured (asked again, as eyes not visible)."""
    eyes_open = photo.expression is not Expression.EYES_CLOSED
    result = landmarker.landmarks(photo.source, photo.mirrored, eyes_open=eyes_open)
    found, status = None, result.status
    if result.status is FaceStatus.MEASURED:
        xy = result.points.xy
        if eyes_open:
            found = features(xy, photo.mirrored, iris_scale(xy))
        elif inner_corners_mm is not None:
            found = features(xy, photo.mirrored, carried_scale(xy, inner_corners_mm))
        else:
            status = FaceStatus.EYES_HIDDEN
    return PhotoOutcome(photo.photo_id, photo.expression, status, result.model_id, photo.mirrored, found)


class MeasureJob:
    def __init__(self, make_landmarker: Callable[[], FaceLandmarker], photos: Sequence[PhotoToMeasure],
                 inner_corners_mm: float | None = None):
        order = list(Expression)
        self._photos = sorted(photos, key=lambda p: order.index(p.expression))  # at rest first: it carries the scale
        self._make, self._inner = make_landmarker, inner_corners_mm
        self._lock, self._done_event = threading.Lock(), threading.Event()
        self._new: list[PhotoOutcome] = []
        self._done, self._failure, self._cancelled = 0, "", False
        self._thread = threading.Thread(target=self._work, name="face-measures", daemon=True)

    def start(self) -> MeasureJob:
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Stop after the photo being measured now."""
        self._cancelled = True

    def poll(self) -> Progress:
        with self._lock:
            new, self._new = tuple(self._new), []
            return Progress(self._done, len(self._photos), self._done_event.is_set(), new, self._failure)

    def wait(self, timeout: float | None = None) -> bool:
        """For tests and the bench: True once the job has finished."""
        return self._done_event.wait(timeout)

    def _work(self) -> None:
        try:
            landmarker = self._make()
            inner = self._inner
            for photo in self._photos:
                if self._cancelled:
                    break
                outcome = measure_photo(landmarker, photo, inner)
                if outcome.expression is Expression.AT_REST and outcome.features is not None:
                    inner = outcome.features.inner_corners_mm
                with self._lock:
                    self._new.append(outcome)
                    self._done += 1
        except Exception as error:  # noqa: BLE001 - said through poll(), never lost on a thread
            with self._lock:
                self._failure = f"{type(error).__name__}: {error}"
        finally:
            self._done_event.set()
