"""One photo's points turned into lengths in millimetres, per patient side (pure Python).

Landmark indices are MediaPipe's face mesh (mediapipe/python/solutions/face_mesh_connections.py,
the canonical face model's numbering; checked on a real photo, research note §5 and §7). The
names there are the subject's sides for an unmirrored photo:

    point                 subject right  subject left   source
    mouth corner          61             291            FACEMESH_LIPS (outer contour ends)
    upper lid, middle     159            386            FACEMESH_RIGHT_EYE / _LEFT_EYE
    lower lid, middle     145            374            FACEMESH_RIGHT_EYE / _LEFT_EYE
    brow, middle (upper)  105            334            FACEMESH_RIGHT_EYEBROW / _LEFT_EYEBROW
    eye inner corner      133            362            FACEMESH_RIGHT_EYE / _LEFT_EYE
    pupil (iris centre)   468            473            FACEMESH_RIGHT_IRIS / _LEFT_IRIS (478-point topology)
    iris, horizontal      469-471        474-476        the iris ring's image-right and image-left points
    lower lip, middle     17 (midline)

The frame is Emotrics' (Guarin et al. 2018, JAMA Facial Plast Surg 20(4):335; github
dguari1/Emotrics measurements.py): the line through the two pupils is horizontal, the
midline is its perpendicular through the pupils' midpoint; heights are measured down from
the pupil line. Scale: the horizontal iris diameter is IRIS_MM (Emotrics uses 11.77 mm, the
mean adult iris; we use 11.7 mm, 0.6 % less, and store the constant's value with every
measure so a later change is visible). The vertical iris diameter is cut by the lids, so it
is not used.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

IRIS_MM = 11.7
SHUT = 0.2  # an eye open less than this share of its iris's width is taken as shut


@dataclass(frozen=True)
class SidePoints:
    corner: int
    upper_lid: int
    lower_lid: int
    brow: int
    inner_corner: int
    pupil: int
    iris_ends: tuple[int, int]


SUBJECT_RIGHT = SidePoints(61, 159, 145, 105, 133, 468, (469, 471))
SUBJECT_LEFT = SidePoints(291, 386, 374, 334, 362, 473, (474, 476))
LOWER_LIP_MIDDLE = 17

Pair = tuple[float, float]  # (patient's right, patient's left)


@dataclass(frozen=True)
class PhotoFeatures:
    """What one photo shows, in mm (angles in degrees), each as (patient right, patient left)."""

    mm_per_px: float
    eye_opening: Pair      # upper lid to lower lid, across the pupil line
    brow_height: Pair      # pupil line up to the middle of the brow
    corner_height: Pair    # mouth corner down from the pupil line
    corner_width: Pair     # mouth corner out from the midline
    smile_angle: Pair      # corner above the middle of the lower lip, degrees from the pupil line
    inner_corners_mm: float  # between the inner eye corners: carries the scale to the eyes-closed photo

    def as_dict(self) -> dict[str, object]:
        return {name: list(value) if isinstance(value, tuple) else value for name, value in self.__dict__.items()}

    @classmethod
    def from_dict(cls, data: dict) -> PhotoFeatures:
        pairs = {name: tuple(float(v) for v in data[name]) for name in PAIR_FIELDS}
        return cls(mm_per_px=float(data["mm_per_px"]), inner_corners_mm=float(data["inner_corners_mm"]), **pairs)


PAIR_FIELDS = ("eye_opening", "brow_height", "corner_height", "corner_width", "smile_angle")


def iris_sizes(xy: Sequence[tuple[float, float]]) -> list[float]:
    """Each eye's horizontal iris diameter in pixels, only for the eyes open enough to show it:
    a shut, patched or taped eye's iris (common with facial palsy) is a guess through the lid.
    Both when neither is open enough: there is nothing better to go on."""
    sizes, open_sizes = [], []
    for eye in (SUBJECT_RIGHT, SUBJECT_LEFT):
        size = math.dist(*(xy[i] for i in eye.iris_ends))
        sizes.append(size)
        if math.dist(xy[eye.upper_lid], xy[eye.lower_lid]) >= SHUT * size:
            open_sizes.append(size)
    return open_sizes or sizes


def iris_px(xy: Sequence[tuple[float, float]]) -> float:
    """The mean horizontal iris diameter in pixels, of the open eyes."""
    sizes = iris_sizes(xy)
    return sum(sizes) / len(sizes)


def iris_scale(xy: Sequence[tuple[float, float]], iris_mm: float = IRIS_MM) -> float:
    """mm per pixel from the iris (photos with the eyes open)."""
    return iris_mm / iris_px(xy)


def carried_scale(xy: Sequence[tuple[float, float]], inner_corners_mm: float) -> float:
    """mm per pixel for a photo whose irises are hidden (eyes closed): the inner eye corners
    barely move when the eyes close, so their distance in mm comes from the at-rest photo."""
    return inner_corners_mm / math.dist(xy[SUBJECT_RIGHT.inner_corner], xy[SUBJECT_LEFT.inner_corner])


def features(xy: Sequence[tuple[float, float]], mirrored: bool, mm_per_px: float) -> PhotoFeatures:
    """The photo's features. On a mirrored photo MediaPipe's subject-right points are the
    patient's left, so the sides are swapped to be the patient's own."""
    (rx, ry), (lx, ly) = xy[SUBJECT_RIGHT.pupil], xy[SUBJECT_LEFT.pupil]
    angle = math.atan2(ly - ry, lx - rx)
    cos, sin = math.cos(angle), math.sin(angle)
    ox, oy = (rx + lx) / 2, (ry + ly) / 2

    def across(i: int) -> float:  # along the pupil line, from the midline, in mm
        return ((xy[i][0] - ox) * cos + (xy[i][1] - oy) * sin) * mm_per_px

    def down(i: int) -> float:  # perpendicular to it, down from it, in mm
        return (-(xy[i][0] - ox) * sin + (xy[i][1] - oy) * cos) * mm_per_px

    def side(p: SidePoints) -> tuple[float, ...]:
        rise = down(LOWER_LIP_MIDDLE) - down(p.corner)
        run = abs(across(p.corner) - across(LOWER_LIP_MIDDLE))
        return (down(p.lower_lid) - down(p.upper_lid), down(p.pupil) - down(p.brow), down(p.corner),
                abs(across(p.corner)), math.degrees(math.atan2(rise, run)))

    right, left = side(SUBJECT_RIGHT), side(SUBJECT_LEFT)
    if mirrored:
        right, left = left, right
    pairs = {name: (right[n], left[n]) for n, name in enumerate(PAIR_FIELDS)}
    inner = math.dist(xy[SUBJECT_RIGHT.inner_corner], xy[SUBJECT_LEFT.inner_corner]) * mm_per_px
    return PhotoFeatures(mm_per_px=mm_per_px, inner_corners_mm=inner, **pairs)
