"""Face measures from points, without numpy or a model: hand-made faces with known lengths."""
import math

import pytest

from app.face.baseline import NO_CLEAR_CHANGE, OTHER_MODEL, SetMeasures, compare
from app.face.geometry import IRIS_MM, PhotoFeatures, carried_scale, features, iris_scale
from app.face.measures import measures_of
from app.face.noise import Noise
from app.face.port import FaceStatus, UnavailableLandmarker
from app.vocabulary import Expression

NOISE = Noise(IRIS_MM, {"eye_opening": 0.4, "brow_height": 0.9, "corner_height": 0.5, "corner_width": 0.7,
                        "smile_angle": 0.6})


def face(corner_drop_right: float = 0.0, tilt_degrees: float = 0.0, iris: float = 30.0,
         brow_right: float = 60.0) -> list[tuple[float, float]]:
    """478 points of a frontal face in pixels: pupils at (400, 300) and (600, 300), the
    subject's right (MediaPipe's 468) on the image's left; then turned by `tilt_degrees`."""
    xy = {i: (500.0, 500.0) for i in range(478)}
    for sign, (pupil, ring, corner, upper, lower, brow, inner) in (
            (-1, (468, (469, 471), 61, 159, 145, 105, 133)), (1, (473, (476, 474), 291, 386, 374, 334, 362))):
        x = 500 + sign * 100
        xy[pupil] = (x, 300)
        xy[ring[0]], xy[ring[1]] = (x - iris / 2, 300), (x + iris / 2, 300)
        xy[upper], xy[lower] = (x, 290), (x, 312)
        xy[brow] = (x, 300 - (brow_right if sign < 0 else 60.0))
        xy[inner] = (x - sign * 40, 300)
        xy[corner] = (500 + sign * 80, 450 + (corner_drop_right if sign < 0 else 0.0))
    xy[17] = (500, 470)
    turn = math.radians(tilt_degrees)
    return [((x - 500) * math.cos(turn) - (y - 300) * math.sin(turn) + 500,
             (x - 500) * math.sin(turn) + (y - 300) * math.cos(turn) + 300) for x, y in (xy[i] for i in range(478))]


def test_lengths_are_scaled_by_the_horizontal_iris():
    found = features(face(), False, iris_scale(face()))
    k = IRIS_MM / 30
    assert found.mm_per_px == pytest.approx(k)
    assert found.eye_opening == pytest.approx((22 * k, 22 * k))
    assert found.brow_height == pytest.approx((60 * k, 60 * k))
    assert found.corner_height == pytest.approx((150 * k, 150 * k))
    assert found.corner_width == pytest.approx((80 * k, 80 * k))
    assert found.smile_angle == pytest.approx((math.degrees(math.atan2(20, 80)),) * 2)
    assert found.inner_corners_mm == pytest.approx(120 * k)


def test_an_eye_that_is_shut_or_taped_does_not_set_the_scale_the_open_eye_does():
    xy = face()
    xy[386], xy[374] = (600, 299), (600, 301)  # the subject's left eye shut: 2 px open
    xy[474], xy[476] = (590, 300), (610, 300)  # its iris, guessed through the lid, 20 px
    assert iris_scale(xy) == pytest.approx(IRIS_MM / 30)  # from the open eye alone
    both_shut = face()
    for upper, lower in ((159, 145), (386, 374)):
        both_shut[upper], both_shut[lower] = (both_shut[upper][0], 299), (both_shut[lower][0], 301)
    assert iris_scale(both_shut) == pytest.approx(IRIS_MM / 30)  # nothing better to go on: both


def test_a_tilted_head_measures_the_same():
    level, tilted = face(corner_drop_right=12), face(corner_drop_right=12, tilt_degrees=9)
    a, b = features(level, False, iris_scale(level)), features(tilted, False, iris_scale(tilted))
    for name in ("eye_opening", "brow_height", "corner_height", "corner_width", "smile_angle"):
        assert getattr(b, name) == pytest.approx(getattr(a, name)), name


def test_a_mirrored_photo_swaps_the_sides_to_the_patients_own():
    xy = face(corner_drop_right=10)
    plain, mirrored = features(xy, False, 0.4), features(xy, True, 0.4)
    assert plain.corner_height[0] > plain.corner_height[1]   # MediaPipe's subject right: 61
    assert mirrored.corner_height == plain.corner_height[::-1]


def test_the_eyes_closed_photo_takes_the_scale_of_the_rest_photo_through_the_inner_eye_corners():
    rest = features(face(), False, iris_scale(face()))
    nearer = [(x * 1.25, y * 1.25) for x, y in face()]  # the same face, nearer the camera
    assert carried_scale(nearer, rest.inner_corners_mm) == pytest.approx(rest.mm_per_px / 1.25)


def photos(**changes) -> dict[Expression, PhotoFeatures]:
    rest = features(face(), False, 0.4)
    smile = features(face(corner_drop_right=changes.get("smile_drop", -20)), False, 0.4)
    raised = features(face(brow_right=changes.get("brow", 75)), False, 0.4)
    return {Expression.AT_REST: rest, Expression.BIG_SMILE: smile, Expression.BROWS_RAISED: raised}


def test_movements_are_from_rest_and_each_measure_says_left_over_right():
    values = {v.key: v for v in measures_of(photos())}
    assert set(values) == {"rest.eye_opening", "rest.brow_height", "rest.corner_height", "big_smile.movement",
                           "big_smile.angle", "brows_raised.lift"}  # no gentle smile, eyes closed or pursed photo
    assert values["big_smile.movement"].right == pytest.approx(20 * 0.4)
    assert values["big_smile.movement"].left == pytest.approx(0)
    assert values["big_smile.movement"].ratio == pytest.approx(0)
    assert values["brows_raised.lift"].right == pytest.approx(15 * 0.4)
    assert values["rest.eye_opening"].ratio == pytest.approx(1)


def test_a_change_within_the_noise_is_no_clear_change_and_a_larger_one_is_said_with_its_sign():
    baseline = SetMeasures(1, "m", measures_of(photos(smile_drop=-5, brow=61)))
    latest = SetMeasures(2, "m", measures_of(photos(smile_drop=-20, brow=62)))
    rows = {row.key: row for row in compare(baseline, latest, NOISE).rows}
    smile = rows["big_smile.movement"]
    assert smile.right.change == pytest.approx(15 * 0.4) and smile.noise == pytest.approx(0.5 * 2)
    assert smile.words(smile.right) == "+6.0 mm" and smile.words(smile.left) == NO_CLEAR_CHANGE
    assert not smile.no_clear_change
    brow = rows["brows_raised.lift"]
    assert brow.right.change == pytest.approx(0.4) and brow.no_clear_change


def test_sets_measured_by_different_models_are_not_compared():
    values = measures_of(photos())
    comparison = compare(SetMeasures(1, "old model", values), SetMeasures(2, "new model", values), NOISE)
    assert comparison.rows == () and comparison.reason == OTHER_MODEL


def test_no_grade_is_named_anywhere_in_the_measures():
    import app.face.measures as measures

    words = " ".join(spec.label for spec in measures.SPECS)
    for grade in ("House", "Brackmann", "Sunnybrook", "eFACE", "grade", "score"):
        assert grade not in words


def test_a_device_without_the_runtime_says_so_for_every_photo():
    result = UnavailableLandmarker("numpy is not installed").landmarks(b"anything")
    assert result.status is FaceStatus.UNAVAILABLE and result.points is None
    assert result.words == "Face measures are not available on this device."
