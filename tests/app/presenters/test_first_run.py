"""First run: the safety gate, the entries kept, the reminder merged."""
from dataclasses import replace

import pytest

from app.presenters.first_run import (AboutYouPresenter, SafetyPresenter, WelcomePresenter, YourPlanPresenter,
                                      finish_first_run, first_reminder_merged, needs_first_run)
from app.profile import load_profile, save_profile
from app.settings import Preferences


def test_skipping_set_up_still_passes_through_the_safety_note(core, navigator, screen):
    WelcomePresenter(core, navigator, screen).skip()
    assert navigator.visits[-1] == ("safety", {"from_home": False, "skipping": True})


def test_nothing_goes_on_until_the_safety_note_is_ticked(core, navigator, screen):
    safety = SafetyPresenter(core, navigator, screen)
    safety.prepare(from_home=False, skipping=True)
    safety.enter()
    safety.go_on()
    safety.skip_rest()
    assert navigator.visits == [] and not load_profile(core.store).safety_confirmed
    safety.toggle()
    assert screen.model.confirmed
    safety.go_on()
    assert load_profile(core.store).safety_confirmed and not needs_first_run(core)
    assert navigator.current == "home"


def test_finishing_without_the_confirmation_goes_back_to_the_note(core, navigator):
    finish_first_run(core, navigator)
    assert navigator.visits[-1] == ("safety", {"from_home": False, "skipping": True})
    assert needs_first_run(core)


def test_from_home_the_note_only_goes_back(core, navigator, screen):
    safety = SafetyPresenter(core, navigator, screen)
    safety.prepare(from_home=True)
    safety.enter()
    assert safety.on_key("escape") and navigator.current == "home"


def test_about_you_keeps_what_is_typed_and_explains_a_wrong_date(core, navigator, screen):
    about = AboutYouPresenter(core, navigator, screen)
    about.enter()
    about.choose_side("left", "Sam", "")
    about.next("Sam", "2027-01-01")  # still to come
    assert "still to come" in screen.model.onset_message and screen.model.name_text == "Sam"
    assert navigator.visits == []
    about.next("Sam", "2026-03-14")
    profile = load_profile(core.store)
    assert (profile.display_name, profile.affected_side, str(profile.onset_date)) == ("Sam", "left", "2026-03-14")
    assert navigator.current == "your_plan"


def test_about_you_skip_keeps_the_usable_entries(core, navigator, screen):
    save_profile(core.store, replace(load_profile(core.store), safety_confirmed=True))
    about = AboutYouPresenter(core, navigator, screen)
    about.enter()
    about.skip_rest("Sam", "not a date")
    assert load_profile(core.store).display_name == "Sam" and not needs_first_run(core)


@pytest.mark.parametrize("kept, chosen, expected", [
    ((), "08:30", ("08:30",)),
    (("09:00", "13:00", "19:00"), "07:15", ("07:15", "13:00", "19:00")),
])
def test_the_first_reminder_replaces_only_the_first_slot(kept, chosen, expected):
    assert first_reminder_merged(chosen, kept) == expected


def test_your_plan_refuses_a_bad_time_and_keeps_it_in_the_box(core, navigator, screen):
    save_profile(core.store, replace(load_profile(core.store), safety_confirmed=True))
    plan = YourPlanPresenter(core, navigator, screen)
    plan.enter()
    assert screen.model.reminder_text == "09:00" and "a day" in screen.model.total_text
    plan.finish("25:99")
    assert screen.model.reminder_text == "25:99" and screen.model.reminder_message and navigator.visits == []
    plan.finish("8.30")
    assert core.preferences.reminder_times == ("08:30",) and navigator.current == "home"


def test_your_plan_with_no_reminder_sets_none(core, navigator, screen):
    core.apply_preferences(Preferences(reminder_times=("10:00",)))
    save_profile(core.store, replace(load_profile(core.store), safety_confirmed=True))
    plan = YourPlanPresenter(core, navigator, screen)
    plan.enter()
    plan.toggle_no_reminder("10:00")
    plan.finish("10:00")
    assert core.preferences.reminder_times == ()


def test_escape_on_welcome_asks_before_closing(core, navigator, screen):
    welcome = WelcomePresenter(core, navigator, screen)
    assert welcome.on_key("escape") is True and navigator.visits == []
    assert screen.questions[-1][0].yes == "Yes, close it"
