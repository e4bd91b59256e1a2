"""The first run, on the real screens: shown once, the safety note cannot be skipped,
and what the patient enters reaches the record, the instructions and the pictures."""
from datetime import date

import pytest

from app.profile import load_profile
from app.runner import State
from app.settings import load_preferences
from tests.harness import Driver


@pytest.fixture
def fresh(data_dir, clock):
    driver = Driver(data_dir, clock, first_run_done=False)
    yield driver
    driver.close()


def profile(ui):
    return load_profile(ui.app.core.store)


def confirm_safety(ui):
    assert ui.screen.name == "safety"
    ui.tap("confirm_button")
    ui.tap("continue_button")


def go_through(ui, name="Sam", side="left", onset="2026-03-14", reminder="8:30"):
    """The whole first run, as a patient who fills everything in."""
    ui.tap("next_button")
    confirm_safety(ui)
    assert ui.screen.name == "about_you"
    ui.type_into("name_input", name)
    ui.tap(f"side_{side}")
    ui.type_into("onset_input", onset)
    ui.tap("next_button")
    assert ui.screen.name == "your_plan"
    ui.type_into("reminder_input", reminder)
    ui.tap("finish_button")


def restart(ui, data_dir, clock):
    ui.close()
    return Driver(data_dir, clock, first_run_done=False)


def test_a_fresh_record_opens_on_the_welcome_screen(fresh):
    assert fresh.screen.name == "welcome"
    texts = " ".join(fresh.visible_texts())
    assert "no medical advice" in texts and "clinician" in texts


def test_a_returning_patient_goes_straight_home(data_dir, clock):
    driver = Driver(data_dir, clock)  # the record already has the first run done
    try:
        assert driver.screen.name == "home"
    finally:
        driver.close()


def test_continue_does_nothing_until_the_safety_note_is_confirmed(fresh):
    fresh.tap("next_button")
    assert fresh.screen.name == "safety"
    texts = " ".join(fresh.visible_texts())
    for sign in ("breathing or swallowing", "emergency services", "double", "eyelid droops",
                 "new, or is getting worse", "cannot close it"):
        assert sign in texts
    fresh.tap("continue_button")
    fresh.tap("skip_rest_button")
    assert fresh.screen.name == "safety"
    assert not profile(fresh).safety_confirmed
    fresh.tap("confirm_button")
    fresh.tap("confirm_button")  # ticked, then unticked again: still locked
    fresh.tap("continue_button")
    assert fresh.screen.name == "safety" and not profile(fresh).safety_confirmed
    fresh.tap("confirm_button")
    fresh.tap("continue_button")
    assert fresh.screen.name == "about_you"
    assert profile(fresh).safety_confirmed and not profile(fresh).first_run_done


def test_skip_set_up_still_passes_through_the_safety_note(fresh, data_dir, clock):
    fresh.tap("skip_button")
    assert fresh.screen.name == "safety"
    fresh.tap("continue_button")
    assert fresh.screen.name == "safety"
    confirm_safety(fresh)
    assert fresh.screen.name == "home"
    assert profile(fresh).first_run_done and profile(fresh).safety_confirmed
    again = restart(fresh, data_dir, clock)
    try:
        assert again.screen.name == "home"
    finally:
        again.close()


def test_finishing_keeps_name_side_onset_and_reminder(fresh):
    fresh.tap("next_button")
    confirm_safety(fresh)
    fresh.type_into("name_input", "  Sam   Lee ")
    fresh.tap("side_left")
    fresh.type_into("onset_input", "2026-03-14")
    fresh.tap("next_button")
    texts = fresh.visible_texts()
    assert any("Warm towel" in t and "10 min" in t for t in texts)
    assert any("Facial massage" in t and "4 min" in t for t in texts)
    assert "In all, about 16 min a day." in texts
    assert fresh.text("reminder_input") == "09:00"  # the suggested time, to accept or change
    fresh.type_into("reminder_input", "8.30")
    fresh.tap("finish_button")
    assert fresh.screen.name == "home"
    kept = profile(fresh)
    assert (kept.display_name, kept.affected_side, kept.onset_date) == ("Sam Lee", "left", date(2026, 3, 14))
    assert kept.first_run_done and kept.safety_confirmed
    assert load_preferences(fresh.app.core.store).reminder_times == ("08:30",)
    assert fresh.app.core.preferences.reminder_times == ("08:30",)


def test_no_reminder_stores_none(fresh):
    fresh.tap("next_button")
    confirm_safety(fresh)
    fresh.tap("next_button")
    fresh.type_into("reminder_input", "not a time")  # ignored once "No reminder" is ticked
    fresh.tap("no_reminder_button")
    fresh.tap("finish_button")
    assert fresh.screen.name == "home"
    assert load_preferences(fresh.app.core.store).reminder_times == ()


def test_wrong_entries_are_explained_and_nothing_typed_is_lost(fresh):
    fresh.tap("next_button")
    confirm_safety(fresh)
    fresh.type_into("name_input", "Sam")
    fresh.tap("side_right")
    fresh.type_into("onset_input", "14/03/2026")
    fresh.tap("next_button")
    assert fresh.screen.name == "about_you"
    assert "2026-03-14" in fresh.text("onset_message_label")
    assert (fresh.text("name_input"), fresh.text("onset_input"), fresh.screen.side) == ("Sam", "14/03/2026", "right")
    fresh.type_into("onset_input", "2027-01-01")  # after today (25 Nov 2026)
    fresh.tap("next_button")
    assert "still to come" in fresh.text("onset_message_label")
    fresh.type_into("name_input", "x" * 41)
    fresh.type_into("onset_input", "")
    fresh.tap("next_button")
    assert "40 characters" in fresh.text("name_message_label") and fresh.text("onset_message_label") == ""
    fresh.type_into("name_input", "Sam")
    fresh.tap("next_button")
    assert fresh.screen.name == "your_plan"
    fresh.type_into("reminder_input", "25:00")
    fresh.tap("finish_button")
    assert fresh.screen.name == "your_plan" and "not a time of day" in fresh.text("reminder_message_label")
    assert fresh.text("reminder_input") == "25:00" and not profile(fresh).first_run_done


def test_skipping_from_about_you_keeps_what_is_valid(fresh, data_dir, clock):
    fresh.tap("next_button")
    confirm_safety(fresh)
    fresh.type_into("name_input", "Sam")
    fresh.tap("side_both")
    fresh.type_into("onset_input", "yesterday")
    fresh.tap("skip_rest_button")
    assert fresh.screen.name == "home"
    kept = profile(fresh)
    assert (kept.display_name, kept.affected_side, kept.onset_date) == ("Sam", "both", None)
    assert load_preferences(fresh.app.core.store).reminder_times == ()
    again = restart(fresh, data_dir, clock)
    try:
        assert again.screen.name == "home"
    finally:
        again.close()


@pytest.mark.parametrize("where", ["safety", "your_plan"])
def test_skipping_the_rest_ends_the_first_run_for_good(fresh, data_dir, clock, where):
    fresh.tap("next_button")
    fresh.tap("confirm_button")
    if where == "your_plan":
        fresh.tap("continue_button")
        fresh.tap("next_button")
        assert fresh.screen.name == "your_plan"
    fresh.tap("skip_rest_button")
    assert fresh.screen.name == "home"
    assert load_preferences(fresh.app.core.store).reminder_times == ()
    again = restart(fresh, data_dir, clock)
    try:
        assert again.screen.name == "home"
    finally:
        again.close()


def test_a_restart_after_finishing_goes_straight_home(fresh, data_dir, clock):
    go_through(fresh)
    again = restart(fresh, data_dir, clock)
    try:
        assert again.screen.name == "home"
        assert again.app.core.preferences.reminder_times == ("08:30",)
    finally:
        again.close()


def test_a_restart_before_finishing_shows_the_first_run_again_with_what_was_kept(fresh, data_dir, clock):
    fresh.tap("next_button")
    confirm_safety(fresh)
    fresh.type_into("name_input", "Sam")
    fresh.tap("side_left")
    fresh.tap("next_button")
    fresh.kill()
    again = Driver(data_dir, clock, first_run_done=False)
    try:
        assert again.screen.name == "welcome"
        again.tap("next_button")
        assert again.widget("confirm_button").checked  # already confirmed once
        again.tap("continue_button")
        assert again.text("name_input") == "Sam" and again.screen.side == "left"
    finally:
        again.close()


def test_back_and_escape_step_backwards_without_leaving_the_first_run(fresh):
    fresh.tap("next_button")
    confirm_safety(fresh)
    fresh.tap("next_button")
    fresh.press_key("escape")
    assert fresh.screen.name == "about_you"
    fresh.tap("back_button")
    assert fresh.screen.name == "safety"
    fresh.press_key("escape")
    assert fresh.screen.name == "welcome"
    assert not profile(fresh).first_run_done


def test_the_safety_note_from_home_only_shows_the_text_and_back(ui):
    ui.app.go("safety", from_home=True)
    ui.settle()
    assert ui.screen.name == "safety"
    texts = ui.visible_texts()
    assert "I have read this" not in texts and "Continue" not in texts
    assert any("breathing or swallowing" in t for t in texts)
    ui.tap("back_button")
    assert ui.screen.name == "home"
    ui.app.go("safety", from_home=True)
    ui.settle()
    ui.press_key("escape")
    assert ui.screen.name == "home"


def open_massage_step(ui):
    ui.tap("start_button")
    assert ui.screen.name == "session"
    ui.tap("main_button")  # preparation, no timer
    ui.finish_step()  # the warm towel
    assert ui.app.core.runner.state == State.STEP_FINISHED
    ui.tap("main_button")
    assert ui.text("title_label") == "Facial massage"


def test_the_chosen_side_reaches_the_instructions(fresh):
    go_through(fresh, side="left")
    open_massage_step(fresh)
    assert "your left cheek" in fresh.text("instruction_label")
    assert "your left cheek" in fresh.app.core.runner.text("{cheek}")
    assert fresh.widget("diagram").side == "left"  # how that side is drawn: tests/screens/test_face_diagram.py

