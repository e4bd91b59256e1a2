"""What the face diagram marks for a step: which region, on which half, which way round.

The picture is drawn as in a mirror: the patient's left is on the left of the picture, so a
side maps to a half of the picture (-1 is the left half, 1 the right). A direction is drawn
as the patient sees it in that mirror. screens/face_diagram.py draws what this decides.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Region(Enum):
    NONE = "none"                  # the face alone
    CREAM = "cream"                # where a prescribed treatment goes
    TOWEL = "towel"                # the warm towel over the half
    UPWARD_STROKES = "strokes"     # from the jaw up to the temple
    NOSTRIL_POINT = "nostril"      # one fingertip just beside the nostril
    MOUTH_POINT = "mouth"          # just outside the corner of the mouth
    EYE_CIRCLE = "eye"             # around the bone of the eye socket


# Which halves of the picture each stored side marks; not knowing the side marks both.
HALVES = {"left": (-1,), "right": (1,), "both": (-1, 1), "unknown": (-1, 1)}
CLOCKWISE, COUNTER_CLOCKWISE = "clockwise", "counter-clockwise"
DIRECTION_WORDS = {CLOCKWISE: "Clockwise", COUNTER_CLOCKWISE: "Counter-\nclockwise"}


@dataclass(frozen=True)
class FaceMarks:
    region: Region
    halves: tuple[int, ...]      # where the region is marked
    affected: tuple[int, ...]    # halves tinted and labelled as affected: none when the side is unknown
    side_words: str              # the label beside an affected half
    clockwise: bool | None       # for circles: which way round, None when the routine does not say
    direction_words: str         # the label beside a circle


def region_for(picture: str, focus: str) -> Region:
    if picture == "heat":
        return Region.TOWEL
    if picture == "prepare":
        return Region.CREAM
    if picture not in ("massage", "eyes"):
        return Region.NONE
    return {"eye": Region.EYE_CIRCLE, "nostril": Region.NOSTRIL_POINT,
            "mouth": Region.MOUTH_POINT}.get(focus, Region.UPWARD_STROKES)


def side_words(side: str) -> str:
    return {"left": "Affected side:\nyour left", "right": "Affected side:\nyour right",
            "both": "Affected\nside"}.get(side, "")


def face_marks(picture: str, focus: str, side: str, direction: str = "") -> FaceMarks:
    region = region_for(picture, focus)
    known = side in ("left", "right", "both")
    circling = region is Region.EYE_CIRCLE and direction in DIRECTION_WORDS
    return FaceMarks(
        region=region,
        halves=HALVES.get(side, HALVES["unknown"]) if region is not Region.NONE else (),
        affected=HALVES[side] if known else (),
        side_words=side_words(side),
        clockwise=(direction == CLOCKWISE) if circling else None,
        direction_words=DIRECTION_WORDS[direction] if circling else "")
