"""Progress photos as a patient takes them on a machine without a camera: six expressions
imported from files (chosen in the file list or typed), the set complete, a baseline chosen,
a second set, the comparison side by side and with the slider; bad files refused with a clear
message and nothing changed; deleting asked twice. And a camera where there is one."""
import io

import pytest
from kivy.tests.common import UnitTestTouch
from PIL import Image, ImageDraw

from app.camera import StillCamera
from app.storage.photo_files import photos_dir
from app.vocabulary import Expression
from screens.camera_port import KivyCamera, png_of
from tests.harness import Driver


def face(path, smile: float = 0.3, colour=(236, 200, 170)):
    """A small drawn face: an oval, two eyes, a mouth whose curve is `smile`."""
    image = Image.new("RGB", (120, 160), (200, 220, 235))
    draw = ImageDraw.Draw(image)
    draw.ellipse((15, 15, 105, 145), fill=colour, outline=(90, 60, 40), width=2)
    draw.ellipse((38, 60, 50, 70), fill=(40, 40, 40))
    draw.ellipse((70, 60, 82, 70), fill=(40, 40, 40))
    draw.arc((40, 90 - 20 * smile, 80, 110 + 20 * smile), 10, 170, fill=(150, 40, 40), width=3)
    image.save(path)
    return path


@pytest.fixture
def pictures(tmp_path):
    folder = tmp_path / "pictures"
    folder.mkdir()
    return folder


def open_photos_from_progress(ui):
    ui.app.go("progress")
    ui.settle()
    ui.tap("photos_button")
    assert ui.screen.name == "photo_sets"


def import_file(ui, path) -> None:
    """The import button, the file dialog, the path typed, Use this photo."""
    ui.tap("import_button")
    dialog = ui.screen.dialog
    dialog.ids.path_input.text = str(path)
    ui.frames(1)
    ui.tap(dialog.ids.use_button)


def import_set(ui, pictures, name: str, colour) -> None:
    open_photos_from_progress(ui)
    ui.tap("new_set_button")
    assert ui.screen.name == "photo_capture"
    for index, expression in enumerate(Expression):
        assert ui.text("title_label") == expression.words
        import_file(ui, face(pictures / f"{name}-{index}.png", smile=index / 5, colour=colour))
        assert ui.text("message_label") == "Saved."
    assert ui.text("title_label") == "Your set is complete"
    assert all(dot.done for dot in ui.widget("dots_box").children)
    ui.tap("done_button")
    assert ui.screen.name == "photo_sets"


def set_cards(ui):
    return list(reversed(ui.widget("sets_box").children))


def button_in(widget, text: str):
    return next(w for w in widget.walk() if getattr(w, "text", None) == text and hasattr(w, "trigger_action"))


def test_without_a_camera_the_capture_says_so_and_offers_a_file(ui):
    open_photos_from_progress(ui)
    ui.tap("new_set_button")
    assert not ui.app.camera.available()  # no camera on this machine, nor in CI: no crash, no wait
    assert ui.widget("take_button").opacity == 0
    assert "No camera here" in ui.text("import_label")
    assert ui.widget("import_button").role == "primary"


def test_a_set_imported_from_files_is_complete_then_a_baseline_and_a_second_set_are_compared(ui, pictures):
    import_set(ui, pictures, "first", (236, 200, 170))
    (first,) = set_cards(ui)
    assert first.status == "Complete" and len(first.ids.thumbs_box.children) == 6
    assert "before any injection" in first.title
    ui.tap(button_in(first, "Make this my baseline"))
    assert ui.text("message_label") == "This set is now your baseline."
    assert set_cards(ui)[0].baseline and ui.text("baseline_label").startswith("Compared with your baseline of")

    import_set(ui, pictures, "second", (220, 180, 150))
    newest, baseline = set_cards(ui)
    assert baseline.baseline and not newest.baseline and newest.can_compare
    ui.tap(button_in(newest, "Compare with the baseline"))
    assert ui.screen.name == "photo_compare"
    assert ui.text("baseline_label").startswith("Baseline: ") and ui.text("other_label").startswith("This set: ")
    assert ui.text("words_label") == "At rest  (1 of 6)"
    previous = ui.widget("previous_button")  # nothing before the first: disabled, its words still readable
    assert previous.disabled and tuple(previous.disabled_color) == tuple(ui.app.theme["muted"])
    pair = ui.screen.side_by_side.ids
    assert pair.baseline_photo.path and pair.other_photo.path and pair.baseline_photo.path != pair.other_photo.path

    ui.tap("next_button")
    ui.tap("next_button")
    assert ui.text("words_label") == "Big smile  (3 of 6)"
    ui.tap("previous_button")
    assert ui.text("words_label") == "Gentle smile  (2 of 6)"

    ui.tap("slider_button")
    split = ui.screen.slider_pair.ids.split_view
    assert split.get_root_window() is not None and split.height > 0 and split.at == 0.5
    assert ui.screen.side_by_side.parent is None
    drag(ui, split, 0.5, 0.8)
    assert split.at == pytest.approx(0.8, abs=0.02)
    assert ui.screen.presenter.slider_at == pytest.approx(0.8, abs=0.02)
    ui.tap("next_button")
    assert ui.text("words_label") == "Big smile  (3 of 6)" and split.at == pytest.approx(0.8, abs=0.02)
    ui.tap("side_button")
    assert ui.widget("view_box").children == [ui.screen.side_by_side] and ui.screen.slider_pair.parent is None


def drag(ui, widget, start: float, end: float) -> None:
    ui._scroll_into_view(widget)
    ui.frames(2)
    y = widget.center_y
    touch = UnitTestTouch(*widget.to_window(widget.x + widget.width * start, y))
    touch.touch_down()
    ui.frames(6)
    touch.touch_move(*widget.to_window(widget.x + widget.width * end, y))
    ui.frames(1)
    touch.touch_up()
    ui.frames(2)


@pytest.mark.parametrize("bad", ["empty", "text"])
def test_a_file_that_is_not_a_photo_gets_a_clear_message_and_changes_nothing(ui, pictures, bad):
    path = pictures / "face.jpg"
    if bad == "empty":
        path.write_bytes(b"")
    else:
        path.write_text("These are my notes, not a picture.")
    open_photos_from_progress(ui)
    ui.tap("new_set_button")
    import_file(ui, path)
    expected = "empty (0 bytes)" if bad == "empty" else "not a picture SmileBack can open (a photo as JPEG, PNG or WEBP"
    assert expected in ui.text("message_label")
    assert ui.text("title_label") == "At rest"
    assert ui.app.core.store.outcomes.photo_sets() == []
    assert not photos_dir(ui.app.core.store.data_dir).exists() or not any(photos_dir(ui.app.core.store.data_dir).iterdir())


def test_a_photo_picked_in_the_file_list_is_imported(ui, pictures):
    face(pictures / "me.png")
    (pictures / "notes.txt").write_text("not shown")
    open_photos_from_progress(ui)
    ui.tap("new_set_button")
    ui.tap("import_button")
    dialog = ui.screen.dialog
    chooser = dialog.ids.chooser
    chooser.path = str(pictures)
    ui.frames(6)
    entries = {node.path.rsplit("/", 1)[-1]: node for node in chooser.layout.ids.treeview.iterate_all_nodes()
               if getattr(node, "path", None)}
    assert "me.png" in entries and "notes.txt" not in entries  # only pictures are listed
    ui.tap(entries["me.png"])
    assert dialog.ids.path_input.text.endswith("me.png")
    ui.tap(dialog.ids.use_button)
    assert ui.text("message_label") == "Saved." and ui.text("title_label") == "Gentle smile"


def test_deleting_a_photo_asks_twice_and_removes_its_file(ui, pictures):
    open_photos_from_progress(ui)
    ui.tap("new_set_button")
    import_file(ui, face(pictures / "rest.png"))
    ui.tap("done_button")
    (card,) = set_cards(ui)
    assert card.status == "1 of 6 photos"
    (photo,) = ui.app.core.store.outcomes.photo_sets()[0].photos
    kept = photos_dir(ui.app.core.store.data_dir) / photo.file_name
    assert kept.exists()
    (thumb,) = card.ids.thumbs_box.children
    ui.tap(button_in(thumb, "Delete"))
    ui.tap_text("Yes, delete it")
    ui.tap_text("No, keep it")  # the second question
    assert kept.exists() and len(ui.app.core.store.outcomes.photo_sets()[0].photos) == 1
    ui.tap(button_in(set_cards(ui)[0].ids.thumbs_box.children[0], "Delete"))
    ui.tap_text("Yes, delete it")
    ui.tap_text("Delete for good")
    assert not kept.exists() and ui.app.core.store.outcomes.photo_sets()[0].photos == ()
    assert ui.text("message_label") == "Deleted."


def test_a_whole_set_deleted_asks_twice(ui, pictures):
    open_photos_from_progress(ui)
    ui.tap("new_set_button")
    import_file(ui, face(pictures / "rest.png"))
    ui.tap("done_button")
    ui.tap(button_in(set_cards(ui)[0], "Delete this set"))
    ui.tap_text("Yes, delete the set")
    ui.tap_text("Delete for good")
    assert set_cards(ui) == [] and ui.app.core.store.outcomes.photo_sets() == []


@pytest.fixture
def camera_ui(data_dir, clock, tmp_path):
    out = io.BytesIO()
    Image.open(face(tmp_path / "camera.png")).save(out, "JPEG")
    camera = StillCamera(out.getvalue())
    driver = Driver(data_dir, clock, camera=camera)
    yield driver, camera
    driver.close()


def test_with_a_camera_the_photo_is_taken_and_the_next_expression_follows(camera_ui):
    ui, camera = camera_ui
    open_photos_from_progress(ui)
    ui.tap("new_set_button")
    assert ui.widget("take_button").opacity == 1 and ui.text("import_label") == ""
    ui.tap("take_button")
    assert camera.taken == 1 and ui.text("title_label") == "Gentle smile"
    dots = list(reversed(ui.widget("dots_box").children))
    assert dots[0].done and dots[1].current
    ui.tap(dots[0])  # take the first one again
    assert ui.text("title_label") == "At rest"


def test_the_desktop_camera_is_unavailable_without_a_device_or_a_provider():
    assert not KivyCamera(find_devices=lambda: False).available()
    assert not KivyCamera(find_devices=lambda: True, find_provider=lambda: None).available()
    assert KivyCamera(find_devices=lambda: False).capture() is None


def test_the_caregiver_reaches_the_photos_from_the_dashboard(ui, pictures):
    ui.app.start_caregiver_mode()
    ui.settle()
    ui.tap("photos_button")
    assert ui.screen.name == "photo_sets"
    ui.tap(ui.screen.ids.get("back_button") or button_in(ui.screen, "Back"))
    assert ui.screen.name == "caregiver"


def test_a_frame_on_screen_becomes_png_bytes_the_photo_files_take(ui, pictures):
    """The desktop camera's capture: what its widget shows, as PNG bytes."""
    from kivy.uix.image import Image as ImageWidget

    from app.storage.photo_files import normalised

    shown = ImageWidget(source=str(face(pictures / "frame.png")), size=(120, 160))
    ui.frames(2)
    data = png_of(shown)
    assert data.startswith(b"\x89PNG")
    _jpeg, width, height = normalised(data)
    assert (width, height) == (120, 160)
    assert png_of(None) is None


def test_the_camera_photo_is_the_frame_itself_upright_not_the_widgets_pixels(ui, pictures):
    """A 640x480 frame shown in a small widget is kept at 640x480, top side up, with no bars."""
    from kivy.uix.image import Image as ImageWidget

    frame = Image.new("RGB", (640, 480), "blue")
    frame.paste((255, 0, 0), (0, 0, 640, 240))  # the top half red
    frame.save(pictures / "frame.png")
    shown = ImageWidget(source=str(pictures / "frame.png"), size=(100, 300), fit_mode="contain")
    ui.frames(2)
    kept = Image.open(io.BytesIO(png_of(shown))).convert("RGB")
    assert kept.size == (640, 480)
    assert kept.getpixel((320, 10)) == (255, 0, 0) and kept.getpixel((320, 470)) == (0, 0, 255)


def test_escape_goes_back_from_the_comparison_and_the_capture_to_the_sets(ui, pictures):
    from tests.seed import seed_photos

    core = ui.app.core
    _baseline, newer = seed_photos(core.store, core.today(), core.clock.now())
    ui.app.go("photo_compare", set_id=newer)
    ui.settle()
    assert ui.text("words_label") == "At rest  (1 of 6)"
    ui.press_key("escape")
    assert ui.screen.name == "photo_sets"
    ui.app.go("photo_capture", set_id=newer)
    ui.settle()
    assert ui.text("title_label") == "Brows raised"  # the set's first missing photo
    ui.press_key("escape")
    assert ui.screen.name == "photo_sets"
