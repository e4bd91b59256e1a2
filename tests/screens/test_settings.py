"""Settings on the real screen: each button applies at once and is kept; typed entries are
saved by a button, and a wrong one is explained, naming its box, and stays to be corrected."""
from dataclasses import replace
from datetime import date, timedelta

import pytest
from kivy.metrics import Metrics

from app.profile import load_profile
from app.settings import load_preferences
from app.theme import HIGH_CONTRAST, NORMAL


def open_settings(ui):
    ui.tap("settings_button")
    assert ui.screen.name == "settings"


@pytest.fixture
def settings_ui(ui):
    open_settings(ui)
    yield ui
    if not ui.closed:
        ui.app.core.apply_preferences(replace(ui.app.core.preferences, text_scale=1.0, high_contrast=False))


def stored(ui):
    return load_preferences(ui.app.core.store)


def test_on_off_settings_apply_at_once_say_their_state_and_are_kept(settings_ui):
    ui = settings_ui
    for button, field, words in (("voice_button", "voice", "Voice"), ("sounds_button", "sounds", "Sounds"),
                                 ("vibration_button", "vibration", "Vibration")):
        assert ui.text(button) == f"{words}: on" and ui.widget(button).role == "primary"
        ui.tap(button)
        assert ui.text(button) == f"{words}: off" and ui.widget(button).role == "secondary"
        assert getattr(ui.app.core.preferences, field) is False and getattr(stored(ui), field) is False
    ui.tap("voice_button")
    assert ui.text("voice_button") == "Voice: on" and stored(ui).voice


def test_high_contrast_turns_the_whole_app_at_once(settings_ui):
    ui = settings_ui
    assert ui.text("contrast_button") == "High contrast: off"
    ui.tap("contrast_button")
    assert ui.text("contrast_button") == "High contrast: on"
    assert ui.app.theme["bg"] == HIGH_CONTRAST.background and stored(ui).high_contrast
    ui.tap("contrast_button")
    assert ui.app.theme["bg"] == NORMAL.background and not stored(ui).high_contrast


def test_text_size_buttons_scale_every_text_and_show_the_choice(settings_ui):
    ui = settings_ui
    assert ui.widget("size_100").role == "primary" and ui.text("text_size_label") == "Text size now: 100 %"
    ui.tap("size_150")
    assert Metrics.fontscale == 1.5 and stored(ui).text_scale == 1.5
    assert ui.text("text_size_label") == "Text size now: 150 %"
    chosen = [b for b in ("size_100", "size_125", "size_150", "size_175", "size_200") if ui.widget(b).role == "primary"]
    assert chosen == ["size_150"]
    ui.tap("size_200")
    assert Metrics.fontscale == 2.0 and ui.widget("size_150").role == "secondary"


def test_speaking_speed_and_the_pace_between_steps(settings_ui):
    ui = settings_ui
    assert ui.text("speed_label") == "Speaking speed: Normal"
    ui.tap("speed_faster")
    assert stored(ui).voice_rate == 1.25 and ui.text("speed_label") == "Speaking speed: Faster"
    assert ui.widget("speed_faster").role == "primary" and ui.widget("speed_normal").role == "secondary"
    ui.tap("speed_slower")
    assert stored(ui).voice_rate == 0.8
    assert ui.text("pace_label") == "Now: confirm before the next step"
    ui.tap("pace_auto_button")
    assert stored(ui).auto_advance and ui.app.core.practice.auto_advance
    assert ui.text("pace_label") == "Now: move on by itself" and ui.widget("pace_auto_button").role == "primary"
    ui.tap("pace_confirm_button")
    assert not stored(ui).auto_advance and not ui.app.core.practice.auto_advance


def test_reminder_times_are_tidied_sorted_and_saved(settings_ui):
    ui = settings_ui
    ui.type_into("reminder_1", "19:00")
    ui.type_into("reminder_2", "")
    ui.type_into("reminder_3", "8.30")
    ui.tap("save_reminders_button")
    assert stored(ui).reminder_times == ("08:30", "19:00")
    assert [ui.text(f"reminder_{i}") for i in (1, 2, 3)] == ["08:30", "19:00", ""]
    assert ui.text("reminder_message") == "Saved. Reminders at 08:30, 19:00."
    for i in (1, 2, 3):
        ui.type_into(f"reminder_{i}", "")
    ui.tap("save_reminders_button")
    assert stored(ui).reminder_times == () and ui.text("reminder_message") == "Saved. No reminders."


def test_enter_in_a_reminder_box_saves_the_reminders(settings_ui):
    ui = settings_ui
    ui.type_into("reminder_1", "19:00")
    ui.type_and_enter("reminder_3", "8.30")
    assert stored(ui).reminder_times == ("08:30", "19:00")
    assert ui.text("reminder_message") == "Saved. Reminders at 08:30, 19:00."
    assert ui.screen.name == "settings"


def test_a_wrong_reminder_time_is_explained_by_its_box_and_kept(settings_ui):
    ui = settings_ui
    ui.type_into("reminder_1", "07:15")
    ui.type_into("reminder_2", "25:00")
    ui.tap("save_reminders_button")
    assert ui.text("reminder_2_message").startswith("Reminder 2: 25:00 is not a time of day")
    assert ui.text("reminder_1_message") == "" and "Not saved" in ui.text("reminder_message")
    assert ui.text("reminder_1") == "07:15" and ui.text("reminder_2") == "25:00"  # nothing typed is lost
    assert stored(ui).reminder_times == ()
    ui.type_into("reminder_2", "half past seven")
    ui.tap("save_reminders_button")
    assert ui.text("reminder_2_message") == "Reminder 2: use hours and minutes like 08:30"
    ui.type_into("reminder_2", "21:45")
    ui.tap("save_reminders_button")
    assert ui.text("reminder_2_message") == "" and stored(ui).reminder_times == ("07:15", "21:45")


def test_about_you_saves_name_side_and_start_date(settings_ui):
    ui = settings_ui
    ui.type_into("name_input", "  Sam   Lee ")
    ui.type_into("onset_input", "2026-10-01")
    ui.tap("save_profile_button")
    ui.tap("side_right")  # a side is saved at once
    profile = load_profile(ui.app.core.store)
    assert (profile.display_name, profile.affected_side, profile.onset_date) == ("Sam Lee", "right", date(2026, 10, 1))
    assert ui.app.core.practice.side == "right"
    assert ui.text("side_label") == "Affected side: Right side" and ui.widget("side_right").role == "primary"
    assert ui.text("name_input") == "Sam Lee"


def test_a_wrong_name_or_date_is_explained_and_kept(settings_ui):
    ui = settings_ui
    ui.type_into("name_input", "x" * 41)
    ui.type_into("onset_input", "14/03/2026")
    ui.tap("save_profile_button")
    assert ui.text("name_message").startswith("Name:")
    assert ui.text("onset_message") == "Start date: use year-month-day like 2026-03-14"
    assert ui.text("onset_input") == "14/03/2026" and ui.text("name_input") == "x" * 41
    ui.type_into("name_input", "Sam")
    tomorrow = (ui.app.core.practice.today() + timedelta(days=1)).isoformat()
    ui.type_into("onset_input", tomorrow)
    ui.tap("save_profile_button")
    assert ui.text("name_message") == "" and "still to come" in ui.text("onset_message")
    assert load_profile(ui.app.core.store).display_name is None


def test_leaving_with_typed_changes_asks_first(settings_ui):
    ui = settings_ui
    ui.type_into("reminder_1", "09:00")
    ui.tap("back_button")
    assert ui.screen.name == "settings"  # a question is open
    ui.tap_text("Leave without saving")
    assert ui.screen.name == "home" and stored(ui).reminder_times == ()
    open_settings(ui)
    assert ui.text("reminder_1") == ""  # the box shows what is kept
    ui.type_into("reminder_1", "09:00")
    ui.type_into("name_input", "Sam")
    ui.press_key("escape")
    ui.tap_text("Save them")
    assert ui.screen.name == "home"
    assert stored(ui).reminder_times == ("09:00",) and load_profile(ui.app.core.store).display_name == "Sam"


def test_save_before_leaving_stays_when_something_is_wrong(settings_ui):
    ui = settings_ui
    ui.type_into("onset_input", "soon")
    ui.tap("back_button")
    ui.tap_text("Save them")
    assert ui.screen.name == "settings" and ui.text("onset_message").startswith("Start date:")
    assert ui.text("onset_input") == "soon"


def test_back_without_changes_goes_straight_home(settings_ui):
    ui = settings_ui
    ui.tap("size_125")  # buttons are already saved: nothing to ask
    ui.tap("back_button")
    assert ui.screen.name == "home"


def test_links_to_your_record_and_safety(settings_ui):
    ui = settings_ui
    ui.tap("record_button")
    assert ui.screen.name == "backups"
    ui.app.go("settings")
    ui.settle()
    ui.tap("safety_button")
    assert ui.screen.name == "safety" and ui.screen.from_home is True


def test_a_change_that_cannot_be_written_is_said_and_not_applied(settings_ui, monkeypatch):
    from app.storage.errors import StoreError

    ui = settings_ui

    def full_disk(_key, _value):
        raise StoreError("the phone's storage is full")

    monkeypatch.setattr(ui.app.core.store, "put_setting", full_disk)
    ui.tap("contrast_button")
    assert "could not be saved" in ui.text("problem_label") and "storage is full" in ui.text("problem_label")
    assert ui.text("contrast_button") == "High contrast: off" and ui.app.theme["bg"] == NORMAL.background
    monkeypatch.undo()
    ui.tap("contrast_button")
    assert ui.text("problem_label") == "" and ui.text("contrast_button") == "High contrast: on"
