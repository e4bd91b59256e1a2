"""The face landmarker as a port, like the cue ports and the camera: the app asks it for a
photo's points, and a device without the runtime gets one that says "not available on this
device", so the photo features keep working without the measures.

The real one (app/face/lite.py) needs numpy and a TFLite interpreter (ai_edge_litert on a
desktop, tflite_runtime on Android); it is imported only when asked for, off the UI thread.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..vocabulary import FaceStatus


# What the patient reads for each outcome: a retake request in plain words, never a judgement.
STATUS_WORDS = {
    FaceStatus.MEASURED: "Measured",
    FaceStatus.NO_FACE: "No face was found in this photo. Please take it again, facing the camera.",
    FaceStatus.TWO_FACES: "More than one face is in this photo. Please take it again with only your face.",
    FaceStatus.TURNED: "Your face is turned to one side. Please take it again looking straight at the camera.",
    FaceStatus.EYES_HIDDEN: "Neither eye could be seen. Please take it again with your eyes open as far as you can.",
    FaceStatus.TOO_FAR: "Your face is too small in this photo. Please come closer and take it again.",
    FaceStatus.UNREADABLE: "This photo could not be opened. Please take it again.",
    FaceStatus.UNAVAILABLE: "Face measures are not available on this device.",
}


@dataclass(frozen=True)
class FacePoints:
    """478 points in image pixels, MediaPipe's face-mesh numbering (0-467) and iris (468-477).

    MediaPipe names sides as the subject's, for an unmirrored photo; `mirrored` says the
    stored photo is a mirror image, so the patient's sides are the other way round."""

    xy: tuple[tuple[float, float], ...]
    model_id: str
    mirrored: bool


@dataclass(frozen=True)
class LandmarkResult:
    status: FaceStatus
    points: FacePoints | None   # only when MEASURED
    model_id: str

    @property
    def words(self) -> str:
        return STATUS_WORDS[self.status]


class FaceLandmarker(Protocol):
    model_id: str

    def available(self) -> bool:
        """True when this device can measure faces."""

    def landmarks(self, photo: Path | bytes, mirrored: bool = False, eyes_open: bool = True) -> LandmarkResult:
        """The photo's points, or why there are none. `eyes_open` False (the eyes-closed
        photo) skips the eyes-visible and iris-size checks: the iris is meant to be hidden."""


class UnavailableLandmarker:
    """A device without numpy or a TFLite runtime: every photo is 'not available'."""

    model_id = "unavailable"

    def __init__(self, reason: str = ""):
        self.reason = reason  # for logs and the report, never shown as an error

    def available(self) -> bool:
        return False

    def landmarks(self, photo: Path | bytes, mirrored: bool = False, eyes_open: bool = True) -> LandmarkResult:
        return LandmarkResult(FaceStatus.UNAVAILABLE, None, self.model_id)


def available_landmarker(models: Path | None = None) -> FaceLandmarker:
    """The on-device landmarker, or an UnavailableLandmarker where numpy or every TFLite
    runtime is missing. Slow on first call (imports numpy, builds three interpreters):
    call it off the UI thread. A model file that fails its checksum is a packaging fault and
    raises (ModelFileError), rather than quietly turning the feature off."""
    # lite imports numpy and the runtime itself, inside a guard: an ImportError from our own
    # code is a bug and must surface, not turn the feature off.
    from .lite import LiteRtLandmarker, runtime_missing
    missing = runtime_missing()
    if missing:
        return UnavailableLandmarker(missing)
    return LiteRtLandmarker(models)
