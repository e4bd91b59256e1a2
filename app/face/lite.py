"""The on-device landmarker: MediaPipe's bundled face models run by LiteRT (or tflite_runtime).

The route and its checks are in docs/research/face-landmarks-on-device.md (§6): the
detector finds the face box, a rotated square around it is cut to 192 px for the 468-point
mesh, and a rotated square around each eye to 64 px for the iris model; every point is
projected back to image pixels. Graph parameters from mediapipe 0.10.21's
face_detection_front_detection_to_roi.pbtxt (box x1.5, square, eye line level),
face_landmark_cpu.pbtxt (face flag >= 0.5) and iris_landmark_landmarks_to_roi.pbtxt (eye
corners 33/133 and 362/263, x2.3, square; the second eye flipped for the model).

Each photo is measured twice, as taken and mirrored, and the points the measures use are
averaged with their mirror twins: the model's own left/right lean then cancels (§5).
"""
from __future__ import annotations

import hashlib
import io
import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from .geometry import SHUT, iris_px
from .port import FacePoints, FaceStatus, LandmarkResult

try:  # the face extra; without it the port hands out UnavailableLandmarker
    import numpy as np
except ImportError:  # pragma: no cover - exercised on devices without the extra
    np = None

MODELS_DIR = Path(__file__).resolve().parent / "models"
# sha256 of the files as bundled in the mediapipe 0.10.21 wheel (checked at load).
MODELS = {
    "face_detection_short_range.tflite": "bbff11cebd1eb27a1e004cae0b0e63ec8c551cbf34a4451148b4908b8db3eca8",
    "face_landmark.tflite": "1055cb9d4a9ca8b8c688902a3a5194311138ba256bcc94e336d8373a5f30c814",
    "iris_landmark.tflite": "d1744d2a09c25f501d39eba4faff47e53ecca8852c5ce19bce8eeac39357521f",
}
MESH_SIZE, IRIS_SIZE = 192, 64
MIN_IRIS_PX = 25.0          # a smaller iris scales too coarsely (research §9): "come closer"
MIN_EYE_WIDTH_PX = 62.0     # the same for the eyes-closed photo: an eye is about 2.5 irises wide
TURN_LIMIT_DEG = 15.0       # beyond this the left/right comparison is the camera's, not the face's
SECOND_FACE_SIZE = 0.5      # a second box at least half as wide as the best: someone else is in it
# Mirror twins (subject right <-> left) of the points the measures use, from MediaPipe's
# canonical face model; the iris rings run image-right, top, image-left, bottom on both eyes.
TWINS = {61: 291, 159: 386, 145: 374, 105: 334, 33: 263, 133: 362, 468: 473, 469: 476, 470: 475, 471: 474,
         472: 477, 70: 300, 107: 336, 78: 308}
MIDLINE = (0, 1, 6, 10, 13, 14, 17, 152, 168)


class ModelFileError(RuntimeError):
    """A bundled model is missing or not the file it should be: a packaging fault."""


def runtime_missing() -> str:
    """Why this device cannot run the models, or "" when it can."""
    if np is None:
        return "numpy is not installed"
    try:
        _interpreter_class()
    except ImportError:
        return "neither ai_edge_litert nor tflite_runtime is installed"
    return ""


def _interpreter_class():
    try:
        from ai_edge_litert.interpreter import Interpreter
        return Interpreter, "litert"
    except ImportError:
        from tflite_runtime.interpreter import Interpreter  # Android: python-for-android's recipe
        return Interpreter, "tflite"


def checked_model(folder: Path, name: str) -> bytes:
    path = folder / name
    try:
        content = path.read_bytes()
    except OSError as error:
        raise ModelFileError(f"{path}: cannot be read ({error.strerror or error})") from None
    if hashlib.sha256(content).hexdigest() != MODELS[name]:
        raise ModelFileError(f"{path}: is not the bundled model (SHA-256 differs from {MODELS[name][:12]}...)")
    return content


@dataclass(frozen=True)
class Square:
    """A rotated square in image pixels: centre, side, and the angle of its x axis (radians)."""

    cx: float
    cy: float
    side: float
    angle: float

    def affine(self, size: int) -> tuple[float, ...]:
        """Pillow's AFFINE data: crop pixel (u, v) -> image point."""
        c, s, k = math.cos(self.angle), math.sin(self.angle), self.side / size
        half = self.side / 2
        return (c * k, -s * k, self.cx - c * half + s * half, s * k, c * k, self.cy - s * half - c * half)

    def to_image(self, uv, size: int):
        """(n, 2) crop pixels -> (n, 2) image pixels."""
        a, b, c, d, e, f = self.affine(size)
        u, v = uv[:, 0], uv[:, 1]
        return np.stack([a * u + b * v + c, d * u + e * v + f], axis=1)


def square_around(x0: float, y0: float, x1: float, y1: float, angle: float, scale: float) -> Square:
    """MediaPipe's RectTransformation: the box's long side times `scale`, square, turned by `angle`."""
    return Square((x0 + x1) / 2, (y0 + y1) / 2, max(abs(x1 - x0), abs(y1 - y0)) * scale, angle)


def open_photo(photo: Path | bytes) -> Image.Image:
    source = io.BytesIO(photo) if isinstance(photo, (bytes, bytearray)) else photo
    with Image.open(source) as image:
        return ImageOps.exif_transpose(image).convert("RGB")


class LiteRtLandmarker:
    def __init__(self, models: Path | None = None, flip_average: bool = True):
        from . import blazeface  # numpy is there: runtime_missing() was asked first

        self._blazeface = blazeface
        folder = models or MODELS_DIR
        interpreter, backend = _interpreter_class()
        self._runners = {}
        for name in MODELS:
            runner = interpreter(model_content=checked_model(folder, name), num_threads=1)
            runner.allocate_tensors()
            self._runners[name.removesuffix(".tflite")] = runner
        self.flip_average = flip_average
        self.model_id = f"{backend}:mp0.10.21-mesh468+iris@{MODELS['face_landmark.tflite'][:8]}" \
                        f"{MODELS['iris_landmark.tflite'][:4]}{'' if flip_average else '-single'}"

    def available(self) -> bool:
        return True

    def landmarks(self, photo: Path | bytes, mirrored: bool = False, eyes_open: bool = True) -> LandmarkResult:
        try:
            image = open_photo(photo)
        except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
            return self._result(FaceStatus.UNREADABLE)
        status, points = self._points(image)
        if status is FaceStatus.MEASURED and self.flip_average:
            flipped_status, flipped = self._points(ImageOps.mirror(image))
            if flipped_status is not FaceStatus.MEASURED:
                return self._result(flipped_status)  # borderline either way round: ask again
            points = average_with_mirror(points, flipped, image.width)
        if status is FaceStatus.MEASURED:
            status = self._judged(points, eyes_open)
        if status is not FaceStatus.MEASURED:
            return self._result(status)
        xy = tuple((float(x), float(y)) for x, y in points)
        return LandmarkResult(FaceStatus.MEASURED, FacePoints(xy, self.model_id, mirrored), self.model_id)

    def _result(self, status: FaceStatus) -> LandmarkResult:
        return LandmarkResult(status, None, self.model_id)

    # --- the three models -------------------------------------------------------------------

    def _run(self, name: str, tensor):
        runner = self._runners[name]
        runner.set_tensor(runner.get_input_details()[0]["index"], tensor[np.newaxis].astype(np.float32))
        runner.invoke()
        return [runner.get_tensor(out["index"]) for out in runner.get_output_details()]

    def _points(self, image: Image.Image):
        """(status, (478, 2) points, or None)."""
        faces, side, offset = self._detect(image)
        if not faces:
            return FaceStatus.NO_FACE, None
        best = faces[0]
        if any(other.w >= SECOND_FACE_SIZE * best.w for other in faces[1:]):
            return FaceStatus.TWO_FACES, None
        (k0x, k0y), (k1x, k1y) = [(x * side - offset[0], y * side - offset[1]) for x, y in best.keypoints[:2]]
        cx, cy = best.cx * side - offset[0], best.cy * side - offset[1]
        w, h = best.w * side, best.h * side
        face = square_around(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, math.atan2(k1y - k0y, k1x - k0x), 1.5)
        mesh_raw, flag = self._run("face_landmark", self._crop(image, face, MESH_SIZE))
        if 1.0 / (1.0 + math.exp(-float(flag.reshape(-1)[0]))) < 0.5:
            return FaceStatus.NO_FACE, None
        mesh3 = mesh_raw.reshape(468, 3)
        if abs(yaw_degrees(mesh3)) > TURN_LIMIT_DEG:
            return FaceStatus.TURNED, None
        mesh = face.to_image(mesh3[:, :2], MESH_SIZE)
        irises = [self._iris(image, mesh, 33, 133, flip=False), self._iris(image, mesh, 362, 263, flip=True)]
        return FaceStatus.MEASURED, np.concatenate([mesh, *irises])

    def _detect(self, image: Image.Image):
        """Faces, best first, in the letterboxed square; and that square's side and offset."""
        side = max(image.size)
        offset = ((side - image.width) // 2, (side - image.height) // 2)
        square = Image.new("RGB", (side, side))  # letterboxed, as MediaPipe's detector input is
        square.paste(image, offset)
        pixels = np.asarray(square.resize((128, 128), Image.Resampling.BILINEAR), dtype=np.float32)
        regressors, logits = self._run("face_detection_short_range", pixels / 127.5 - 1.0)
        return self._blazeface.decode(regressors, logits), side, offset

    def _iris(self, image: Image.Image, mesh, start: int, end: int, flip: bool):
        (x0, y0), (x1, y1) = mesh[start], mesh[end]
        eye = square_around(x0, y0, x1, y1, math.atan2(y1 - y0, x1 - x0), 2.3)
        crop = self._crop(image, eye, IRIS_SIZE)
        if flip:  # the model knows one eye; the other is shown to it as a mirror image
            crop = crop[:, ::-1]
        _contours, iris = self._run("iris_landmark", np.ascontiguousarray(crop))
        uv = iris.reshape(5, 3)[:, :2].copy()
        if flip:
            uv[:, 0] = IRIS_SIZE - uv[:, 0]
            uv = uv[[0, 3, 2, 1, 4]]  # the ring in the same order as the unflipped eye's
        return eye.to_image(uv, IRIS_SIZE)

    @staticmethod
    def _crop(image: Image.Image, square: Square, size: int):
        crop = image.transform((size, size), Image.Transform.AFFINE, square.affine(size), Image.Resampling.BILINEAR)
        return np.asarray(crop, dtype=np.float32) / 255.0

    # --- is the photo fit to measure ------------------------------------------------------

    @staticmethod
    def _judged(points, eyes_open: bool) -> FaceStatus:
        def dist(i, j):
            return float(np.hypot(*(points[i] - points[j])))
        if not eyes_open:
            return FaceStatus.MEASURED if (dist(33, 133) + dist(362, 263)) / 2 >= MIN_EYE_WIDTH_PX \
                else FaceStatus.TOO_FAR
        irises = (dist(469, 471), dist(474, 476))
        openings = (dist(159, 145), dist(386, 374))
        if all(opening < SHUT * iris for opening, iris in zip(openings, irises)):
            return FaceStatus.EYES_HIDDEN
        return FaceStatus.MEASURED if iris_px(points) >= MIN_IRIS_PX else FaceStatus.TOO_FAR  # the open eyes' iris


def yaw_degrees(mesh3) -> float:
    """How far the face is turned, from the depth of the outer eye corners (33, 263) in the
    mesh's own crop (x and z share a scale there): 0 facing the camera."""
    dx, dz = mesh3[263, 0] - mesh3[33, 0], mesh3[263, 2] - mesh3[33, 2]
    return math.degrees(math.atan2(dz, dx))


def average_with_mirror(points, flipped, width: int):
    """The photo's points with those the measures use averaged with the mirror run's twins
    (the mirror run's x mapped back; its subject-right point is the photo's subject-left)."""
    back = flipped.copy()
    back[:, 0] = width - back[:, 0]
    averaged = points.copy()
    for a, b in TWINS.items():
        averaged[a] = (points[a] + back[b]) / 2
        averaged[b] = (points[b] + back[a]) / 2
    for i in MIDLINE:
        averaged[i] = (points[i] + back[i]) / 2
    return averaged
