"""How much a measure moves when nothing about the face has changed: the measurement noise.

`feature_noise` measures it: the same photo after small shifts, turns, size, brightness and
JPEG changes, as the same face photographed twice would differ; the noise of a feature is
twice the standard deviation of its values over those copies (the larger side's). The
numbers kept in data/face_noise.toml were measured so (see the comments there); a test
measures them again on the test face and checks they stay within the kept ones.

A change since the baseline compares photos of two sets, so its noise is the feature's
noise times sqrt(2 x photos per value): a movement from rest is made of two photos each time.
"""
from __future__ import annotations

import io
import math
import statistics
from dataclasses import dataclass
from pathlib import Path

from ..toml_files import read_toml
from .geometry import IRIS_MM, PAIR_FIELDS, features, iris_scale
from .measures import MeasureSpec
from .port import FaceLandmarker, FaceStatus

NOISE_FILE = Path(__file__).resolve().parents[2] / "data" / "face_noise.toml"


class FaceNoiseError(ValueError):
    """data/face_noise.toml is missing a field or has one that is not a plausible number."""


@dataclass(frozen=True)
class Noise:
    iris_mm: float
    two_sd: dict[str, float]     # per feature of one photo, mm (degrees for the smile angle)

    def of_change(self, spec: MeasureSpec) -> float:
        return self.two_sd[spec.feature] * math.sqrt(2 * spec.photos_per_set)


def load_noise(path: Path = NOISE_FILE) -> Noise:
    data = read_toml(path, FaceNoiseError)
    iris = data.get("iris_mm")
    if not isinstance(iris, (int, float)) or isinstance(iris, bool) or not 10 <= iris <= 13:
        raise FaceNoiseError(f"{path}: iris_mm must be a number of millimetres between 10 and 13")
    if iris != IRIS_MM:
        raise FaceNoiseError(f"{path}: iris_mm is {iris}, but the measures scale by {IRIS_MM}: measure the noise again")
    table = data.get("two_sd")
    if not isinstance(table, dict):
        raise FaceNoiseError(f"{path}: needs a [two_sd] table")
    two_sd = {}
    for name in PAIR_FIELDS:
        value = table.get(name)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value < 20:
            raise FaceNoiseError(f"{path}: two_sd.{name} must be a number above 0 and below 20")
        two_sd[name] = float(value)
    unknown = sorted(set(table) - set(PAIR_FIELDS))
    if unknown:
        raise FaceNoiseError(f"{path}: two_sd.{unknown[0]} is not a measured feature")
    return Noise(float(iris), two_sd)


def variants(image):
    """The photo (a Pillow image) as a second take might differ: moved, turned, nearer,
    lighter, compressed."""
    from PIL import Image, ImageEnhance  # only when measuring: Pillow imports numpy when it is there

    w, h = image.size
    out = [("as is", image)]
    for dx, dy in ((3, 0), (-3, 2), (0, -3)):
        out.append((f"shift {dx},{dy}", image.transform(image.size, Image.Transform.AFFINE, (1, 0, -dx, 0, 1, -dy),
                                                        Image.Resampling.BILINEAR)))
    for degrees in (-2.5, 2.5):
        out.append((f"turn {degrees}°", image.rotate(degrees, Image.Resampling.BILINEAR)))
    for scale in (0.95, 1.05):
        resized = image.resize((round(w * scale), round(h * scale)), Image.Resampling.BILINEAR)
        out.append((f"size x{scale}", resized))
    for factor in (0.85, 1.15):
        out.append((f"light x{factor}", ImageEnhance.Brightness(image).enhance(factor)))
    for quality in (70, 85):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality)
        out.append((f"jpeg {quality}", Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")))
    return out


def feature_noise(landmarker: FaceLandmarker, images: list) -> dict[str, float]:
    """Twice the standard deviation of each feature over every variant of each image (the
    spread of each image about its own mean, pooled), the larger of the two sides."""
    spreads: dict[str, list[float]] = {name: [] for name in PAIR_FIELDS}
    for image in images:
        values: dict[tuple[str, int], list[float]] = {}
        for name, variant in variants(image):
            buffer = io.BytesIO()
            variant.save(buffer, "PNG")
            result = landmarker.landmarks(buffer.getvalue())
            if result.status is not FaceStatus.MEASURED:
                raise ValueError(f"the {name} copy was not measured: {result.status.value}")
            found = features(result.points.xy, False, iris_scale(result.points.xy))
            for field in PAIR_FIELDS:
                for side in (0, 1):
                    values.setdefault((field, side), []).append(getattr(found, field)[side])
        for field in PAIR_FIELDS:
            spreads[field].append(max(statistics.pstdev(values[(field, side)]) for side in (0, 1)))
    return {field: 2 * math.sqrt(statistics.fmean(s * s for s in spreads[field])) for field in PAIR_FIELDS}
