from datetime import date

import pytest

from app.profile import (FIRST_RUN_KEY, ONSET_KEY, SAFETY_KEY, SIDE_KEY, Profile, ProfileError, add_months,
                         clean_display_name, is_longer_term, load_profile, parse_onset_date, recovery_phrase,
                         save_profile, week_number)
from tests.fakes import MemorySettings

TODAY = date(2026, 11, 25)




# --- the week count ---------------------------------------------------------------------------

@pytest.mark.parametrize("onset, today, week", [
    (date(2026, 11, 25), date(2026, 11, 25), 1),   # the day it began
    (date(2026, 11, 25), date(2026, 12, 1), 1),    # sixth day after: still week 1
    (date(2026, 11, 25), date(2026, 12, 2), 2),    # seventh day after: week 2, across a month end
    (date(2026, 12, 28), date(2027, 1, 3), 1),     # across a year end
    (date(2026, 12, 28), date(2027, 1, 4), 2),
    (date(2028, 2, 22), date(2028, 2, 29), 2),     # leap day
    (date(2028, 2, 23), date(2028, 3, 1), 2),      # 7 days in a leap February
    (date(2027, 2, 23), date(2027, 3, 1), 1),      # only 6 days in an ordinary one
    (date(2026, 1, 1), date(2026, 12, 31), 53),    # 364 days later
    (date(2027, 12, 31), date(2028, 12, 31), 53),  # 366 days across a leap year
])
def test_week_number(onset, today, week):
    assert week_number(onset, today) == week


def test_a_future_onset_counts_as_week_one():
    assert week_number(date(2026, 12, 1), TODAY) == 1


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2027, 11, 30), 3, date(2028, 2, 29)),    # into a leap February
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
    (date(2026, 10, 15), 3, date(2027, 1, 15)),    # across a year
    (date(2026, 3, 31), 3, date(2026, 6, 30)),
])
def test_add_months_clamps_to_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_longer_term_starts_three_calendar_months_on():
    onset = date(2026, 8, 25)
    assert not is_longer_term(onset, date(2026, 11, 24))
    assert is_longer_term(onset, date(2026, 11, 25))


def test_longer_term_from_the_end_of_november_is_the_end_of_february():
    assert not is_longer_term(date(2027, 11, 30), date(2028, 2, 28))
    assert is_longer_term(date(2027, 11, 30), date(2028, 2, 29))


@pytest.mark.parametrize("onset, today, phrase", [
    (date(2026, 9, 25), TODAY, "Week 9 since it began"),
    (date(2026, 11, 25), TODAY, "Week 1 since it began"),
    (date(2026, 8, 17), TODAY, "Week 15 · longer-term recovery"),  # 100 days
    (date(2026, 8, 25), date(2026, 11, 24), "Week 14 since it began"),  # 91 days, a day short
    (date(2026, 8, 25), date(2026, 11, 25), "Week 14 · longer-term recovery"),
])
def test_recovery_phrase(onset, today, phrase):
    assert recovery_phrase(onset, today) == phrase


# --- validation -----------------------------------------------------------------------------------

def test_name_is_trimmed_and_optional():
    assert clean_display_name("  Ana   María ") == "Ana María"
    assert clean_display_name("   ") is None and clean_display_name(None) is None
    assert clean_display_name("x" * 40) == "x" * 40


def test_a_long_name_is_refused_with_a_message():
    with pytest.raises(ProfileError, match="40 characters") as error:
        Profile(display_name="x" * 41)
    assert error.value.field == "display_name"


@pytest.mark.parametrize("text", ["14/03/2026", "2026-13-01", "2026-02-30", "yesterday", "20260314", "2026-3-14"])
def test_unreadable_onset_dates_show_the_form(text):
    with pytest.raises(ProfileError, match="use year-month-day like 2026-03-14") as error:
        parse_onset_date(text, TODAY)
    assert error.value.field == "onset_date"


def test_onset_in_the_future_is_refused():
    with pytest.raises(ProfileError, match="still to come"):
        parse_onset_date("2026-11-26", TODAY)


def test_onset_today_and_leap_day_are_fine():
    assert parse_onset_date(" 2026-11-25 ", TODAY) == TODAY
    assert parse_onset_date("2024-02-29", TODAY) == date(2024, 2, 29)
    assert parse_onset_date("", TODAY) is None


def test_unknown_side_is_refused():
    with pytest.raises(ProfileError, match="Affected side"):
        Profile(affected_side="middle")


def test_new_profile_needs_first_run():
    assert Profile().needs_first_run and not Profile(first_run_done=True).needs_first_run


# --- storage ----------------------------------------------------------------------------------------

def test_round_trip_and_the_practice_reads_the_side(store, practice):
    profile = Profile("Sam", "right", date(2026, 9, 1), safety_confirmed=True, first_run_done=True)
    save_profile(store, profile)
    assert load_profile(store) == profile
    assert practice.side == "right"
    assert store.settings()[SIDE_KEY] == "right"


def test_clearing_optional_fields_round_trips(store):
    save_profile(store, Profile("Sam", "left", date(2026, 9, 1)))
    save_profile(store, Profile(None, "left", None))
    assert load_profile(store) == Profile(None, "left", None)


def test_empty_store_is_a_new_patient(store):
    assert load_profile(store) == Profile()


def test_damaged_stored_fields_read_as_not_given():
    store = MemorySettings({"profile.name": "y" * 80, SIDE_KEY: "middle", ONSET_KEY: "last spring",
                       SAFETY_KEY: "1", FIRST_RUN_KEY: "yes"})
    assert load_profile(store) == Profile(None, "unknown", None, safety_confirmed=True, first_run_done=False)
