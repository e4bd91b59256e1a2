from dataclasses import replace

import pytest

from app.cues import CuePreferences
from app.settings import (PREFIX, Preferences, PreferencesError, load_preferences, parse_reminder_times,
                          save_preferences, validate_reminder_time)
from tests.fakes import MemorySettings




# --- reminder times -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [("08:30", "08:30"), ("8:30", "08:30"), (" 8.05 ", "08:05"),
                                            ("23:59", "23:59"), ("0:00", "00:00"), ("7h15", "07:15")])
def test_reminder_times_are_written_one_way(text, expected):
    assert validate_reminder_time(text) == expected


@pytest.mark.parametrize("text", ["", "8", "830", "08:3", "eight", "08:30pm", "-1:00"])
def test_unreadable_times_say_how_to_write_them(text):
    with pytest.raises(PreferencesError) as error:
        validate_reminder_time(text, 2)
    assert error.value.field == "reminder_times"
    assert error.value.message == "Reminder 2: use hours and minutes like 08:30"


@pytest.mark.parametrize("text", ["24:00", "12:60", "99:99"])
def test_impossible_times_are_named(text):
    with pytest.raises(PreferencesError, match=rf"Reminder 3: {text} is not a time of day"):
        validate_reminder_time(text, 3)


def test_times_are_deduplicated_sorted_and_blanks_skipped():
    assert parse_reminder_times(["19:00", "", "8:30", "08:30"]) == ("08:30", "19:00")


def test_error_position_counts_blank_fields():
    with pytest.raises(PreferencesError, match="^Reminder 3:"):
        parse_reminder_times(["08:00", "", "nine"])


def test_at_most_three_reminders():
    with pytest.raises(PreferencesError, match="at most 3"):
        Preferences(reminder_times=("07:00", "08:00", "09:00", "10:00"))


# --- the dataclass --------------------------------------------------------------------------

def test_defaults_ask_to_confirm_and_set_no_reminder():
    prefs = Preferences()
    assert prefs.reminder_times == ()
    assert prefs.auto_advance is False
    assert (prefs.voice, prefs.sounds, prefs.vibration) == (True, True, True)
    assert prefs.text_scale == 1.0 and prefs.voice_rate == 1.0 and prefs.high_contrast is False


def test_building_tidies_the_times():
    assert Preferences(reminder_times=["19:00", "7:30"]).reminder_times == ("07:30", "19:00")


@pytest.mark.parametrize("value, expected", [(1.0, 1.0), (1.3, 1.25), (1.9, 2.0), ("1.5", 1.5)])
def test_text_scale_snaps_to_the_offered_steps(value, expected):
    assert Preferences(text_scale=value).text_scale == expected


@pytest.mark.parametrize("value", [0.9, 2.1, "big", float("nan")])
def test_text_scale_outside_100_to_200_percent_is_refused(value):
    with pytest.raises(PreferencesError) as error:
        Preferences(text_scale=value)
    assert error.value.field == "text_scale"


@pytest.mark.parametrize("value", [0.4, 2.5, None])
def test_voice_rate_range(value):
    with pytest.raises(PreferencesError, match="Speaking speed") as error:
        Preferences(voice_rate=value)
    assert error.value.field == "voice_rate"


def test_switches_must_be_true_or_false():
    with pytest.raises(PreferencesError) as error:
        Preferences(voice="yes")
    assert error.value.field == "voice"


def test_replace_validates_too():
    with pytest.raises(PreferencesError):
        replace(Preferences(), reminder_times=("25:00",))


def test_cue_preferences_follow_the_switches():
    prefs = Preferences(voice=False, sounds=True, vibration=False)
    assert prefs.cue_preferences() == CuePreferences(voice=False, sounds=True, vibration=False)


# --- storage ----------------------------------------------------------------------------------

def test_empty_store_gives_defaults(store):
    assert load_preferences(store) == Preferences()


def test_round_trip_through_the_real_store(store):
    prefs = Preferences(reminder_times=("08:30", "19:00"), voice=False, voice_rate=0.8, sounds=False,
                        vibration=False, text_scale=1.75, high_contrast=True, auto_advance=True)
    save_preferences(store, prefs)
    assert load_preferences(store) == prefs
    assert store.settings()[PREFIX + "reminder_times"] == "08:30,19:00"
    assert store.settings()[PREFIX + "high_contrast"] == "1"


def test_no_reminders_round_trip():
    store = MemorySettings()
    save_preferences(store, Preferences(reminder_times=()))
    assert load_preferences(store).reminder_times == ()


def test_each_bad_stored_field_falls_back_alone():
    store = MemorySettings({
        "pref.voice": "maybe", "pref.text_scale": "9", "pref.voice_rate": "fast",
        "pref.sounds": "0", "pref.high_contrast": "true", "pref.auto_advance": "",
    })
    prefs = load_preferences(store)
    assert prefs.voice is True and prefs.text_scale == 1.0 and prefs.voice_rate == 1.0
    assert prefs.sounds is False and prefs.high_contrast is True and prefs.auto_advance is False


def test_one_damaged_reminder_time_keeps_the_others():
    store = MemorySettings({"pref.reminder_times": "19:00,garbage,08:30,08:30"})
    assert load_preferences(store).reminder_times == ("08:30", "19:00")


def test_more_than_three_stored_times_keeps_the_earliest_three():
    store = MemorySettings({"pref.reminder_times": "10:00,07:00,09:00,08:00"})
    assert load_preferences(store).reminder_times == ("07:00", "08:00", "09:00")


def test_unrelated_settings_are_ignored(store):
    store.put_setting("profile.side", "left")
    store.put_setting("pref.unknown_future_option", "1")
    assert load_preferences(store) == Preferences()


@pytest.mark.parametrize("value", [10**400, -10**400])
def test_an_integer_too_big_for_a_float_is_a_clear_error(value):
    for field in ("voice_rate", "text_scale"):
        with pytest.raises(PreferencesError) as error:
            Preferences(**{field: value})
        assert error.value.field == field


def test_a_huge_stored_number_falls_back_to_the_default():
    store = MemorySettings({"pref.voice_rate": "1" * 400, "pref.text_scale": "1e400"})
    prefs = load_preferences(store)
    assert prefs.voice_rate == 1.0 and prefs.text_scale == 1.0
