"""Keyboard control on desktop, reminders, and preferences that change the app at once."""
from dataclasses import replace

from kivy.metrics import Metrics

from app.runner import State
from app.theme import HIGH_CONTRAST


def test_space_pauses_and_resumes_enter_goes_on_escape_goes_home(ui):
    ui.tap("start_button")
    ui.press_key("enter")  # confirm the preparation step
    assert ui.text("title_label") == "Warm towel"
    ui.press_key("space")
    assert ui.app.core.runner.state == State.PAUSED
    ui.press_key("space")
    assert ui.app.core.runner.state == State.RUNNING
    ui.finish_step(past=1)  # 601 s into the 600 s towel
    ui.press_key("enter")
    assert ui.text("title_label") == "Facial massage"
    ui.press_key("escape")
    assert ui.screen.name == "home" and ui.text("start_button") == "Resume the session"


def set_reminder(ui, *times):
    ui.app.core.apply_preferences(replace(ui.app.core.preferences, reminder_times=times))
    ui.app.core.check_reminders()  # the first check only notes the time


def test_a_reminder_comes_when_today_is_not_done(ui):
    set_reminder(ui, "08:30")
    ui.advance(29 * 60)
    assert ui.notices.sent == []
    ui.advance(3 * 60)
    assert len(ui.notices.sent) == 1


def test_no_reminder_on_a_day_already_done(ui):
    set_reminder(ui, "09:00")
    ui.tap("start_button")
    ui.tap("main_button")
    for _ in range(3):
        ui.finish_step()
        ui.tap("main_button")
    ui.tap("save_button")
    ui.advance(45 * 60)
    assert ui.notices.sent == []


def test_text_size_and_high_contrast_apply_at_once_and_are_kept(ui, data_dir, clock):
    ui.app.core.apply_preferences(replace(ui.app.core.preferences, text_scale=2.0, high_contrast=True))
    assert Metrics.fontscale == 2.0
    assert ui.app.theme["bg"] == HIGH_CONTRAST.background
    ui.close()
    from tests.harness import Driver

    again = Driver(data_dir, clock)
    try:
        assert again.app.core.preferences.high_contrast and Metrics.fontscale == 2.0
    finally:
        again.app.core.apply_preferences(replace(again.app.core.preferences, text_scale=1.0, high_contrast=False))
        again.close()


def test_auto_advance_preference_moves_on_by_itself(ui):
    ui.app.core.apply_preferences(replace(ui.app.core.preferences, auto_advance=True))
    ui.tap("start_button")
    ui.tap("main_button")
    ui.finish_step(past=1)  # 601 s into the 600 s towel
    assert ui.text("title_label") == "Facial massage"


def test_escape_on_home_asks_instead_of_quitting(ui):
    ui.press_key("escape")
    assert ui.screen.name == "home"
    ui.tap_text("No, stay")
    assert ui.screen.name == "home" and not ui.closed
