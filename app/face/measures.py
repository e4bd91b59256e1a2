"""The measures of one photo set, per expression, each for the patient's right and left and as
a left/right ratio (pure Python: no numpy).

Each measure is one of Emotrics' (Guarin et al. 2018), on MediaPipe's points (geometry.py):

    at rest        eye opening     upper lid 159/386 to lower lid 145/374 (Emotrics' palpebral
                                   fissure height, MRD1 + MRD2)
                   brow height     pupil line up to mid-brow 105/334 (Emotrics' brow height)
                   mouth corner    corner 61/291 down from the pupil line (the two sides'
                   height          difference is Emotrics' commissure height deviation)
    gentle / big   corner movement how far the corner moved from its place at rest, in the
    smile                          pupil frame (Emotrics measures commissure excursion from the
                                   lower lip's midline point within one photo; from rest it
                                   is the movement the smile made)
                   smile angle     corner above the lower lip's middle (17), degrees from the
                                   pupil line (Emotrics' smile angle)
    eyes closed    eye still open  eye opening left when closing gently: 0 is fully closed
    brows raised   brow lift       brow height raised minus brow height at rest
    lips pursed    corner pulled   corner's distance from the midline at rest minus pursed
                   in

A measure needs the photos it is made from (the rest photo for every movement from rest);
one that cannot be made is left out. Nothing here grades a face: these are lengths.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..vocabulary import Expression
from .geometry import Pair, PhotoFeatures

Photos = Mapping[Expression, PhotoFeatures]


@dataclass(frozen=True)
class MeasureSpec:
    key: str
    label: str
    unit: str                      # "mm" or "°"
    feature: str                   # the per-photo feature its noise comes from (data/face_noise.toml)
    photos_per_set: int            # photos each value is made from: its noise grows with them
    needs: tuple[Expression, ...]
    value: Callable[[Photos], Pair]


@dataclass(frozen=True)
class MeasureValue:
    key: str
    label: str
    unit: str
    right: float
    left: float

    @property
    def ratio(self) -> float | None:
        """Patient's left over right; None when the right is too close to nothing to divide by."""
        return self.left / self.right if abs(self.right) > 0.05 else None


R, G, B, C, U, P = (Expression.AT_REST, Expression.GENTLE_SMILE, Expression.BIG_SMILE, Expression.EYES_CLOSED,
                    Expression.BROWS_RAISED, Expression.LIPS_PURSED)


def movement(photos: Photos, expression: Expression) -> Pair:
    """How far each mouth corner moved from its place at rest."""
    now, rest = photos[expression], photos[R]
    return tuple(math.hypot(now.corner_width[s] - rest.corner_width[s], now.corner_height[s] - rest.corner_height[s])
                 for s in (0, 1))


def change(photos: Photos, expression: Expression, feature: str, sign: int = 1) -> Pair:
    now, rest = getattr(photos[expression], feature), getattr(photos[R], feature)
    return tuple(sign * (now[s] - rest[s]) for s in (0, 1))


SPECS = (
    MeasureSpec("rest.eye_opening", "Eye opening at rest", "mm", "eye_opening", 1, (R,), lambda p: p[R].eye_opening),
    MeasureSpec("rest.brow_height", "Brow height at rest", "mm", "brow_height", 1, (R,), lambda p: p[R].brow_height),
    MeasureSpec("rest.corner_height", "Mouth corner below the eyes at rest", "mm", "corner_height", 1, (R,),
                lambda p: p[R].corner_height),
    MeasureSpec("gentle_smile.movement", "Mouth corner movement, gentle smile", "mm", "corner_height", 2, (R, G),
                lambda p: movement(p, G)),
    MeasureSpec("gentle_smile.angle", "Smile angle, gentle smile", "°", "smile_angle", 1, (G,),
                lambda p: p[G].smile_angle),
    MeasureSpec("big_smile.movement", "Mouth corner movement, big smile", "mm", "corner_height", 2, (R, B),
                lambda p: movement(p, B)),
    MeasureSpec("big_smile.angle", "Smile angle, big smile", "°", "smile_angle", 1, (B,),
                lambda p: p[B].smile_angle),
    MeasureSpec("eyes_closed.opening", "Eye still open, eyes closed", "mm", "eye_opening", 1, (C,),
                lambda p: tuple(max(0.0, v) for v in p[C].eye_opening)),
    MeasureSpec("brows_raised.lift", "Brow lift", "mm", "brow_height", 2, (R, U),
                lambda p: change(p, U, "brow_height")),
    MeasureSpec("lips_pursed.pull", "Mouth corner pulled in, lips pursed", "mm", "corner_width", 2, (R, P),
                lambda p: change(p, P, "corner_width", sign=-1)),
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


def measures_of(photos: Photos) -> tuple[MeasureValue, ...]:
    """Every measure the measured photos of one set allow, in SPECS order."""
    values = []
    for spec in SPECS:
        if all(expression in photos for expression in spec.needs):
            right, left = spec.value(photos)
            values.append(MeasureValue(spec.key, spec.label, spec.unit, right, left))
    return tuple(values)
