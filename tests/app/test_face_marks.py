import pytest

from app.face_marks import Region, face_marks


@pytest.mark.parametrize(("picture", "focus", "region"), [
    ("prepare", "face", Region.CREAM), ("heat", "face", Region.TOWEL), ("massage", "cheek", Region.UPWARD_STROKES),
    ("massage", "nostril", Region.NOSTRIL_POINT), ("massage", "mouth", Region.MOUTH_POINT),
    ("eyes", "eye", Region.EYE_CIRCLE), ("", "face", Region.NONE)])
def test_each_step_and_part_marks_its_own_region(picture, focus, region):
    assert face_marks(picture, focus, "left").region is region


def test_the_patients_left_is_the_left_half_of_the_picture_as_in_a_mirror():
    assert face_marks("massage", "cheek", "left").halves == (-1,)
    assert face_marks("massage", "cheek", "right").halves == (1,)


def test_both_sides_are_marked_and_tinted_when_both_are_affected():
    marks = face_marks("heat", "face", "both")
    assert marks.halves == marks.affected == (-1, 1)


def test_an_unknown_side_marks_both_halves_but_tints_and_names_none():
    marks = face_marks("massage", "mouth", "unknown")
    assert marks.halves == (-1, 1) and marks.affected == () and marks.side_words == ""


def test_the_affected_side_is_named_in_the_label():
    assert "your right" in face_marks("massage", "cheek", "right").side_words


def test_the_plain_face_marks_nothing_but_still_shows_the_affected_side():
    marks = face_marks("", "face", "left")
    assert marks.halves == () and marks.affected == (-1,)


@pytest.mark.parametrize(("direction", "clockwise", "words"), [
    ("clockwise", True, "Clockwise"), ("counter-clockwise", False, "Counter-\nclockwise")])
def test_eye_circles_go_the_way_the_routine_says(direction, clockwise, words):
    marks = face_marks("eyes", "eye", "left", direction)
    assert marks.clockwise is clockwise and marks.direction_words == words


def test_a_circle_without_a_direction_claims_none():
    marks = face_marks("eyes", "eye", "left")
    assert marks.clockwise is None and marks.direction_words == ""
