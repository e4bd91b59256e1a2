"""The face diagram drawn off-screen, read back pixel by pixel: the marks land on the
affected half as in a mirror, and the two directions of the eye circles look different."""
from io import BytesIO

import pytest
from PIL import Image

from screens.palette import face_palette

WIDTH, HEIGHT = 360, 210  # as laid out on a phone: it draws itself once it has a size


def pixels_in(png: bytes, colour) -> set[tuple[int, int]]:
    """(x, y) of every pixel drawn in `colour`."""
    image = Image.open(BytesIO(png)).convert("RGB")
    target = tuple(round(c * 255) for c in colour[:3])
    width, height = image.size
    pixels = image.load()
    return {(x, y) for x in range(width) for y in range(height)
            if all(abs(a - b) <= 6 for a, b in zip(pixels[x, y], target))}


def draw_diagram(path, side: str, picture: str = "massage", focus: str = "cheek", direction: str = "",
                 high_contrast: bool = False):
    """The diagram widget alone, as the session screen sets it up, rendered off-screen."""
    from screens.face_diagram import FaceDiagram

    colours = face_palette(high_contrast)
    diagram = FaceDiagram(size_hint=(None, None))
    diagram.picture, diagram.focus, diagram.side, diagram.direction = picture, focus, side, direction
    diagram.colors = colours
    diagram.size = (WIDTH, HEIGHT)
    diagram.export_to_png(str(path))
    return diagram, pixels_in(path.read_bytes(), colours["mark"])


@pytest.mark.parametrize("high_contrast", (False, True), ids=("normal", "high-contrast"))
@pytest.mark.parametrize(("picture", "focus"), [("massage", "cheek"), ("massage", "nostril"), ("massage", "mouth"),
                                                ("heat", "face"), ("eyes", "eye"), ("prepare", "face")])
def test_the_diagrams_differ_for_left_and_right(tmp_path, picture, focus, high_contrast):
    halves = {}
    for side in ("left", "right"):
        diagram, marked = draw_diagram(tmp_path / f"diagram-{side}.png", side, picture, focus, "clockwise",
                                       high_contrast)
        assert marked, "the mark is drawn"
        halves[side] = sum(1 for x, _y in marked if x < diagram.width / 2) / len(marked)
    assert (tmp_path / "diagram-left.png").read_bytes() != (tmp_path / "diagram-right.png").read_bytes()
    # As in a mirror: the patient's left is on the left of the picture.
    assert halves["left"] > 0.9 and halves["right"] < 0.1


def test_both_sides_are_marked_when_both_are_affected(tmp_path):
    diagram, marked = draw_diagram(tmp_path / "both.png", "both")
    left = sum(1 for x, _y in marked if x < diagram.width / 2) / len(marked)
    assert 0.4 < left < 0.6


def test_the_face_alone_has_no_marks(tmp_path):
    _diagram, marked = draw_diagram(tmp_path / "plain.png", "left", picture="")
    assert marked == set()


def draw_eye_circles(tmp_path, direction: str):
    """The left eye's circle: the mark's pixels, and the eye's centre and the circle's radius in pixels."""
    from screens.face_diagram import LANDMARKS

    diagram, marked = draw_diagram(tmp_path / f"{direction}.png", "left", "eyes", "eye", direction)
    centre_x, centre_y = diagram._at(-LANDMARKS["eye"][0], LANDMARKS["eye"][1])
    eye = (round(centre_x - diagram.x), round(diagram.height - (centre_y - diagram.y)))  # PNG rows run down
    return marked, eye, LANDMARKS["socket_radius"] * diagram._unit()


def tallest_beside_the_top(marked, eye, radius) -> tuple[int, int]:
    """The tallest column of the mark just left and just right of the top of the circle: the
    arrowhead's broad base stands behind its tip, the plain arc ahead of it is only a line thick."""
    def tallest(columns) -> int:
        return max(sum(1 for x, y in marked if x == column and y < eye[1]) for column in columns)

    near = round(0.8 * radius)
    return tallest(range(eye[0] - near, eye[0] - 1)), tallest(range(eye[0] + 2, eye[0] + near))


def test_at_the_top_of_the_circle_the_arrowhead_points_the_way_round(tmp_path):
    left, right = tallest_beside_the_top(*draw_eye_circles(tmp_path, "clockwise"))
    assert left > 1.5 * right, "clockwise: the head points to the right at the top"
    left, right = tallest_beside_the_top(*draw_eye_circles(tmp_path, "counter-clockwise"))
    assert right > 1.5 * left, "counter-clockwise: the head points to the left at the top"


def test_counter_clockwise_is_the_mirror_image_of_clockwise(tmp_path):
    clockwise, eye, _radius = draw_eye_circles(tmp_path, "clockwise")
    counter, _eye, _radius = draw_eye_circles(tmp_path, "counter-clockwise")
    near = {(x + dx, y + dy) for x, y in counter for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    mirrored = {(2 * eye[0] - x, y) for x, y in clockwise}
    assert len(mirrored & near) / len(mirrored) > 0.9


@pytest.mark.parametrize("high_contrast", (False, True), ids=("normal", "high-contrast"))
def test_only_the_affected_half_is_tinted(tmp_path, high_contrast):
    affected = face_palette(high_contrast)["affected"]
    diagram, _marked = draw_diagram(tmp_path / "right.png", "right", high_contrast=high_contrast)
    tinted = pixels_in((tmp_path / "right.png").read_bytes(), affected)
    assert tinted and all(x >= diagram.width / 2 - 1 for x, _y in tinted)


def test_an_unknown_side_tints_nothing(tmp_path):
    draw_diagram(tmp_path / "unknown.png", "unknown")
    assert pixels_in((tmp_path / "unknown.png").read_bytes(), face_palette(False)["affected"]) == set()
