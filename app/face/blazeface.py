"""BlazeFace short-range face detection, decoded as MediaPipe's graph does (needs numpy).

Parameters from mediapipe/modules/face_detection/face_detection_short_range.pbtxt (0.10.21):
SSD anchors, 4 layers, strides 8/16/16/16, fixed anchor size, offset 0.5 -> 16x16x2 + 8x8x6
= 896 anchors; box and 6 keypoints as (x, y) / 128 added to the anchor centre; score =
sigmoid(logit clipped to +-100), kept from 0.5; overlapping boxes (IoU > 0.3) are the same
face. Keypoint 0 is the subject's right eye, 1 the left eye (image left and right).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

INPUT = 128
MIN_SCORE = 0.5
SAME_FACE_IOU = 0.3


@dataclass(frozen=True)
class Detection:
    """A face box in the letterboxed square's normalised coordinates (0..1)."""

    score: float
    cx: float
    cy: float
    w: float
    h: float
    keypoints: tuple[tuple[float, float], ...]


@lru_cache(maxsize=1)
def anchors() -> np.ndarray:
    """(896, 2) anchor centres."""
    centres = []
    for stride, per_cell in ((8, 2), (16, 6)):  # layers 2-4 share stride 16: 3 layers x 2 anchors
        n = INPUT // stride
        for y in range(n):
            for x in range(n):
                centres.extend([((x + 0.5) / n, (y + 0.5) / n)] * per_cell)
    return np.asarray(centres, dtype=np.float32)


def decode(regressors: np.ndarray, logits: np.ndarray) -> list[Detection]:
    """Every face the model scored >= MIN_SCORE, the best first, one box per face."""
    raw = regressors.reshape(-1, 16)
    scores = 1.0 / (1.0 + np.exp(-np.clip(logits.reshape(-1).astype(np.float64), -100.0, 100.0)))
    order = [i for i in np.argsort(-scores) if scores[i] >= MIN_SCORE]
    centre = anchors()
    boxes = []
    for i in order:
        r = raw[i] / INPUT
        cx, cy = centre[i]
        points = tuple((float(r[4 + 2 * k] + cx), float(r[5 + 2 * k] + cy)) for k in range(6))
        boxes.append(Detection(float(scores[i]), float(r[0] + cx), float(r[1] + cy), float(r[2]), float(r[3]), points))
    return suppress(boxes)


def suppress(boxes: list[Detection]) -> list[Detection]:
    """Non-maximum suppression: a box overlapping a better one is the same face."""
    kept: list[Detection] = []
    for box in boxes:
        if all(iou(box, other) <= SAME_FACE_IOU for other in kept):
            kept.append(box)
    return kept


def iou(a: Detection, b: Detection) -> float:
    ax0, ax1, ay0, ay1 = a.cx - a.w / 2, a.cx + a.w / 2, a.cy - a.h / 2, a.cy + a.h / 2
    bx0, bx1, by0, by1 = b.cx - b.w / 2, b.cx + b.w / 2, b.cy - b.h / 2, b.cy + b.h / 2
    inter = max(0.0, min(ax1, bx1) - max(ax0, bx0)) * max(0.0, min(ay1, by1) - max(ay0, by0))
    union = a.w * a.h + b.w * b.h - inter
    return inter / union if union > 0 else 0.0
