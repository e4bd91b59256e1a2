"""The on-device landmarker on real faces built from one photograph (tests/fixtures/faces.py).

These need the face extra (numpy and ai-edge-litert), which `make test` installs; they fail,
never skip, when it or our own module does not import.
"""
import math

import numpy as np
import pytest
from PIL import Image

from app.face import lite
from app.face.geometry import features, iris_scale
from app.face.job import PhotoToMeasure, measure_photo
from app.face.port import FaceStatus, UnavailableLandmarker, available_landmarker
from app.vocabulary import Expression
from tests.fixtures import faces


@pytest.fixture(scope="module")
def landmarker():
    found = available_landmarker()
    assert found.available(), getattr(found, "reason", "")
    return found


def measured(landmarker, image, mirrored=False):
    result = landmarker.landmarks(faces.encoded(image), mirrored)
    assert result.status is FaceStatus.MEASURED, result.status
    return result.points


def test_a_close_up_gives_478_points_with_the_irises_where_the_eyes_are(landmarker):
    points = measured(landmarker, faces.closeup())
    assert len(points.xy) == 478 and points.model_id == landmarker.model_id and not points.mirrored
    assert landmarker.model_id.startswith("litert:") and "1055cb9d" in landmarker.model_id
    right_pupil, left_pupil = points.xy[468], points.xy[473]
    assert right_pupil[0] < left_pupil[0]  # the subject's right eye is on the image's left
    for pupil, (a, b) in ((468, (469, 471)), (473, (474, 476))):
        diameter = math.dist(points.xy[a], points.xy[b])
        assert 24 < diameter < 33  # about 8 px in the photo, enlarged 3.5 times
        assert math.dist(points.xy[pupil], points.xy[a]) == pytest.approx(diameter / 2, rel=0.25)


def test_the_photo_as_is_has_too_small_an_iris_and_asks_to_come_closer(landmarker):
    result = landmarker.landmarks(faces.encoded(faces.photo(), "JPEG"))
    assert result.status is FaceStatus.TOO_FAR and result.points is None
    assert "come closer" in result.words


def test_a_photo_without_a_face_asks_for_a_retake(landmarker):
    result = landmarker.landmarks(faces.encoded(faces.gradient()))
    assert result.status is FaceStatus.NO_FACE and "take it again" in result.words


def test_two_faces_side_by_side_ask_for_a_photo_with_one(landmarker):
    face = faces.closeup().resize((350, 350))
    pair = Image.new("RGB", (700, 350))
    pair.paste(face, (0, 0))
    pair.paste(face, (350, 0))
    assert landmarker.landmarks(faces.encoded(pair)).status is FaceStatus.TWO_FACES
    assert measured(landmarker, face.resize((700, 700)))  # one of them alone is measured


def test_a_file_that_is_no_image_asks_for_a_retake(landmarker):
    assert landmarker.landmarks(b"not a picture").status is FaceStatus.UNREADABLE


def test_how_far_the_face_is_turned_comes_from_the_depth_of_the_eye_corners():
    mesh = np.zeros((468, 3))
    mesh[33], mesh[263] = (60, 90, 0), (130, 90, 0)
    assert lite.yaw_degrees(mesh) == pytest.approx(0)
    mesh[263, 2] = 70 * math.tan(math.radians(30))
    assert lite.yaw_degrees(mesh) == pytest.approx(30) and abs(lite.yaw_degrees(mesh)) > lite.TURN_LIMIT_DEG


def test_a_face_turned_further_than_the_limit_asks_to_look_straight(landmarker, monkeypatch):
    """Squeezing one half of the face reads to the model as a turn of about 10 degrees."""
    face = faces.closeup()
    half = face.crop((0, 0, 350, 700)).resize((210, 700))
    turned = Image.new("RGB", (560, 700))
    turned.paste(half, (0, 0))
    turned.paste(face.crop((350, 0, 700, 700)), (210, 0))
    assert landmarker.landmarks(faces.encoded(turned)).status is not FaceStatus.TURNED  # within 15 degrees
    monkeypatch.setattr(lite, "TURN_LIMIT_DEG", 6.0)
    result = landmarker.landmarks(faces.encoded(turned))
    assert result.status is FaceStatus.TURNED and "looking straight" in result.words


@pytest.mark.parametrize("flip_average", [True, False])
def test_the_symmetric_face_measures_alike_on_both_sides(landmarker, flip_average):
    single = landmarker if flip_average else lite.LiteRtLandmarker(flip_average=False)
    points = measured(single, faces.symmetric())
    found = features(points.xy, False, iris_scale(points.xy))
    # Averaged with its mirror twin, a symmetric photo gives exactly one value; the model alone leans a little.
    tolerance = 0.01 if flip_average else 0.08
    for name in ("eye_opening", "brow_height", "corner_height", "corner_width"):
        right, left = getattr(found, name)
        assert left / right == pytest.approx(1, abs=tolerance), name


@pytest.mark.parametrize("mirrored, warped_side", [(False, 0), (True, 1)])
def test_a_mouth_corner_pulled_down_shows_on_that_side_and_lower(landmarker, mirrored, warped_side):
    """20 px down in the image (about 8 mm): the corner lands about a third of that lower in the
    mesh, which the model keeps face-like; the other corner follows a little."""
    before = features(*_points(landmarker, faces.symmetric(), mirrored))
    after = features(*_points(landmarker, faces.corner_pulled_down(faces.symmetric(), 20, reach=30), mirrored))
    drop = [after.corner_height[s] - before.corner_height[s] for s in (0, 1)]
    other = 1 - warped_side
    assert drop[warped_side] > 2.0                       # mm, lower
    assert drop[warped_side] > drop[other] + 1.0
    assert after.corner_height[other] / after.corner_height[warped_side] < 0.98


def _points(landmarker, image, mirrored):
    points = measured(landmarker, image, mirrored)
    return points.xy, points.mirrored, iris_scale(points.xy)


def test_the_eyes_closed_photo_is_scaled_by_the_rest_photo_of_its_set(landmarker):
    rest = measure_photo(landmarker, PhotoToMeasure(1, Expression.AT_REST, faces.encoded(faces.closeup())))
    closed_alone = measure_photo(landmarker, PhotoToMeasure(2, Expression.EYES_CLOSED, faces.encoded(faces.closeup())))
    closed = measure_photo(landmarker, PhotoToMeasure(2, Expression.EYES_CLOSED, faces.encoded(faces.closeup())),
                           rest.features.inner_corners_mm)
    assert closed_alone.status is FaceStatus.EYES_HIDDEN and closed_alone.features is None
    assert closed.status is FaceStatus.MEASURED
    assert closed.features.mm_per_px == pytest.approx(rest.features.mm_per_px, rel=0.01)


def test_a_model_file_that_is_not_the_bundled_one_is_refused(tmp_path):
    for name in lite.MODELS:
        (tmp_path / name).write_bytes((lite.MODELS_DIR / name).read_bytes())
    (tmp_path / "iris_landmark.tflite").write_bytes(b"tampered")
    with pytest.raises(lite.ModelFileError, match="iris_landmark.tflite: is not the bundled model"):
        lite.LiteRtLandmarker(tmp_path)


def test_without_numpy_the_port_hands_out_the_unavailable_landmarker(monkeypatch):
    monkeypatch.setattr(lite, "np", None)
    found = available_landmarker()
    assert isinstance(found, UnavailableLandmarker) and not found.available()
    assert found.reason == "numpy is not installed"
    assert found.landmarks(faces.encoded(faces.closeup())).words == "Face measures are not available on this device."
