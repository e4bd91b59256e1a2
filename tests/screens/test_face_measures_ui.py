"""Face measures as a patient and a caregiver meet them, on the real screens: two sets imported
from files built from the astronaut photo, measured in the background with the progress bar
moving, a retake asked for the photo with no face, the pulled mouth corner beside its pair,
the trend, the dashboard and the PDF; and a device that cannot measure faces."""
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader

from app.clock import FakeClock

from app.face.port import UnavailableLandmarker
from app.face_words import NOT_A_GRADE_LINE, NOT_AVAILABLE
from app.vocabulary import Expression
from tests.harness import Driver
from tests.screens.test_caregiver import open_caregiver
from tests.screens.test_photos import button_in, import_file, open_photos_from_progress, set_cards
from tests.seed import face_images, seed_face_sets

RETAKE = "No face was found in the 'eyes gently closed' photo: please take it again, facing the camera."


def images(later: bool) -> dict[Expression, bytes]:
    """Six photos of the symmetric face; the later set's big smile with the right corner pulled
    down, and its eyes-closed photo a plain gradient (no face)."""
    faces = face_images()
    chosen = {e: faces["symmetric"] for e in Expression}
    if later:
        chosen[Expression.BIG_SMILE], chosen[Expression.EYES_CLOSED] = faces["pulled"], faces["no_face"]
    return chosen


def import_face_set(ui, pictures, name: str, later: bool) -> None:
    open_photos_from_progress(ui)
    ui.tap("new_set_button")
    for expression, data in images(later).items():
        path = pictures / f"{name}-{expression.value}.png"
        path.write_bytes(data)
        import_file(ui, path)
        assert ui.text("message_label") == "Saved."
    ui.tap("done_button")  # measuring starts; the list of sets shows it
    assert ui.screen.name == "photo_sets"


def texts(box) -> list[str]:
    return [w.text for w in box.walk(restrict=True) if getattr(w, "text", "") and w is not box]


def measure_on_screen(ui, frames: int = 600) -> list[tuple[float, str]]:
    """Frames until the set is measured, as the patient would watch it: the worker thread is
    real, so each frame also waits a moment for it (bounded: a hung job fails the test)."""
    card, seen = ui.widget("measuring"), []
    for _ in range(frames):
        seen.append((card.ids.measure_bar.value, card.progress_text))
        if not ui.app.core.measuring.running and not card.running:
            break
        ui.app.core.measuring.join(0.05)
        ui.frames(1)
    else:
        raise AssertionError(f"still measuring after {frames} frames: {ui.app.core.measuring.state()}")
    ui.frames(2)
    return seen


@pytest.fixture
def month_ago_ui(data_dir):
    """The app a month before the test clock's usual day, so the second set can be a month later."""
    driver = Driver(data_dir, FakeClock(datetime(2026, 10, 26, 8, 0, tzinfo=timezone.utc)))
    yield driver
    driver.close()


def test_two_sets_are_measured_in_the_background_and_read_everywhere_the_same(month_ago_ui, tmp_path):
    ui = month_ago_ui
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    import_face_set(ui, pictures, "first", later=False)
    seen = measure_on_screen(ui)
    values = [value for value, _ in seen]
    assert values == sorted(values) and any(0 < v < 1 for v in values)  # the bar moved, photo by photo
    steps = [text for _, text in seen if text.startswith("Measuring photo")]
    assert len(set(steps)) >= 2 and steps == sorted(steps)  # "Measuring photo 1 of 6", ... in order
    assert set(steps) <= {f"Measuring photo {n} of 6" for n in range(1, 7)}
    card = ui.widget("measuring")
    assert card.message == f"All 6 photos measured. {NOT_A_GRADE_LINE}" and card.ids.measure_bar.opacity == 0
    ui.tap(button_in(set_cards(ui)[0], "Make this my baseline"))

    ui.app.core.clock.advance(86400 * 30)  # a month later, the second set
    import_face_set(ui, pictures, "later", later=True)
    assert ui.widget("measuring").running  # the list is usable while it measures
    measure_on_screen(ui)
    card = ui.widget("measuring")
    assert card.message == "5 of 6 photos measured."
    assert texts(card.ids.retakes_box) == [RETAKE]

    newest, _baseline = set_cards(ui)
    ui.tap(button_in(newest, "Compare with the baseline"))
    assert ui.screen.name == "photo_compare" and ui.text("words_label") == "At rest  (1 of 6)"
    rest = texts(ui.widget("measures_box"))
    assert rest and all("right No clear change, left No clear change" in line for line in rest)
    ui.tap("next_button")
    ui.tap("next_button")
    assert ui.text("words_label") == "Big smile  (3 of 6)"
    (movement,) = [line for line in texts(ui.widget("measures_box")) if "Mouth corner movement" in line]
    right = float(movement.split("right ")[1].split(" mm")[0])
    left = movement.split("left ")[1].split(",")[0].split(" mm")[0]
    assert right > 2 and (left.startswith("No clear") or right > 2 * float(left))  # the pulled side
    assert ui.text("measures_note") == NOT_A_GRADE_LINE
    ui.tap("next_button")
    assert texts(ui.widget("measures_box")) == [RETAKE]  # the photo with no face: asked again

    ui.app.go("trends")
    ui.settle()
    cards = ui.widget("face_box").children[::-1]
    assert [c.words for c in cards] == ["Mouth corner movement, big smile (mm)", "Eye still open, eyes closed (mm)",
                                        "Brow lift (mm)"]
    assert [len(texts(c.ids.values_box)) for c in cards] == [2, 1, 2]  # the later eyes-closed photo: a retake
    assert cards[0].legend.startswith("Thick line with round dots") and cards[0].ids.chart.model.right[1][1] > 2
    assert ui.text("face_note") == NOT_A_GRADE_LINE

    ui.app.go("home")
    ui.settle()
    open_caregiver(ui)
    table = ui.widget("face_section")
    assert table.title.startswith("Baseline ") and table.note == NOT_A_GRADE_LINE
    rows = texts(table.ids.rows_box)
    assert any("Mouth corner movement, big smile" in row and "Change: right +" in row for row in rows)
    ui.type_into("folder_input", str(tmp_path / "reports"))
    ui.tap("export_button")
    (pdf,) = (tmp_path / "reports").glob("*.pdf")
    words = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Face measures from photos" in words and NOT_A_GRADE_LINE in words
    assert "Mouth corner movement, big smile right" in words


def test_a_device_without_face_measures_says_so_and_the_photos_still_work(data_dir, clock):
    ui = Driver(data_dir, clock, face_landmarker=UnavailableLandmarker("no runtime"))
    try:
        core = ui.app.core
        baseline, later = seed_face_sets(core.store, core.today(), clock.now())
        open_photos_from_progress(ui)
        newest = set_cards(ui)[0]
        ui.tap(button_in(newest, "Measure this set"))
        card = ui.widget("measuring")
        assert card.message == NOT_AVAILABLE and not card.running and not card.available
        assert core.store.face.for_set(later) == {}
        ui.tap(button_in(set_cards(ui)[0], "Compare with the baseline"))
        assert ui.screen.name == "photo_compare" and ui.screen.side_by_side.ids.other_photo.path
        assert texts(ui.widget("measures_box")) == [NOT_AVAILABLE] and ui.text("measures_note") == ""
    finally:
        ui.close()
