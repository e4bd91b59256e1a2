import json

from kivy.config import Config

from screens.window_state import FILE_NAME, PHONE_SHAPE, restore_window


def test_first_start_opens_phone_shaped(tmp_path):
    restore_window(tmp_path)
    assert (Config.getint("graphics", "width"), Config.getint("graphics", "height")) == PHONE_SHAPE


def test_size_and_place_are_remembered(tmp_path):
    (tmp_path / FILE_NAME).write_text(json.dumps({"size": [600, 900], "left": 40, "top": 30}))
    restore_window(tmp_path)
    assert Config.getint("graphics", "width") == 600 and Config.get("graphics", "position") == "custom"
    assert (Config.getint("graphics", "left"), Config.getint("graphics", "top")) == (40, 30)


def test_a_damaged_file_falls_back_to_the_phone_shape(tmp_path):
    (tmp_path / FILE_NAME).write_text('{"size": [5, "tall"]')
    restore_window(tmp_path)
    assert (Config.getint("graphics", "width"), Config.getint("graphics", "height")) == PHONE_SHAPE


def test_leaving_the_app_writes_the_window_state(ui, data_dir):
    ui.close()
    state = json.loads((data_dir / FILE_NAME).read_text())
    assert len(state["size"]) == 2 and "left" in state
