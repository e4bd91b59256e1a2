import json

from kivy.config import Config

from screens.window_state import (
    FILE_NAME, PHONE_SHAPE, TITLE_BAR, Box, fit_to_screen, keep_window_on_screen, restore_window, usable_screen,
)


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


LAPTOP = Box(0, 0, 1280, 800)


def test_the_phone_shape_is_shortened_to_fit_an_800_pixel_screen():
    fitted = fit_to_screen(Box(430, -30, *PHONE_SHAPE), LAPTOP)
    assert fitted.top >= TITLE_BAR and fitted.top + fitted.height <= 800
    assert fitted.width == PHONE_SHAPE[0]


def test_a_window_left_on_a_screen_now_gone_comes_back():
    assert fit_to_screen(Box(3000, 900, 600, 500), LAPTOP) == Box(680, 300, 600, 500)


def test_a_window_that_fits_is_left_where_it_is():
    assert fit_to_screen(Box(100, 80, 420, 600), LAPTOP) == Box(100, 80, 420, 600)


def test_the_open_window_is_fitted_to_the_screen_sdl_reports(ui):
    from kivy.core.window import Window

    screen = usable_screen()
    assert screen is not None, "SDL's display bounds could not be read"
    Window.system_size = (screen.width + 200, screen.height + 200)
    assert Window.system_size[1] > screen.height  # too tall, as on a small laptop
    keep_window_on_screen()
    assert Window.system_size[1] <= screen.height - TITLE_BAR
    assert Window.system_size[0] <= screen.width
