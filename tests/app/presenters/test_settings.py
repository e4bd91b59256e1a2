"""Settings: each change applied at once, typed entries checked in one place, leaving asks."""
import pytest

from app.presenters.settings import Entries, SettingsPresenter, read_reminders, speed_words
from app.profile import load_profile
from tests.fakes import FakeScreen


@pytest.fixture
def typed():
    return {"entries": Entries(("", "", ""), "", "")}


@pytest.fixture
def settings(core, navigator, typed):
    screen = FakeScreen()
    screen.entries = lambda: typed["entries"]
    presenter = SettingsPresenter(core, navigator, screen)
    presenter.enter()
    return presenter, screen


def test_a_toggle_is_saved_and_applied_at_once(core, settings):
    presenter, screen = settings
    presenter.toggle("high_contrast")
    assert core.preferences.high_contrast and screen.model.prefs.high_contrast
    presenter.change(text_scale=3.0)  # out of range
    assert screen.model.problem and core.preferences.text_scale == 1.0


def test_reminders_are_checked_per_box_and_tidied(core, settings, typed):
    presenter, screen = settings
    typed["entries"] = Entries(("8.30", "25:00", ""), "", "")
    assert presenter.save_reminders() is False
    assert screen.model.problems["reminder_2"] and not screen.model.problems["reminder_1"]
    assert screen.model.scroll_to == "reminder_2" and core.preferences.reminder_times == ()
    typed["entries"] = Entries(("19:00", "8.30", ""), "", "")
    assert presenter.save_reminders() is True
    assert core.preferences.reminder_times == ("08:30", "19:00")
    assert screen.model.entries.reminders == ("08:30", "19:00", "")


def test_read_reminders_is_the_one_check():
    assert read_reminders(("7:05", "", "")) == (("07:05",), {"reminder_1": "", "reminder_2": "", "reminder_3": ""})


def test_about_you_is_saved_with_the_side(core, settings, typed):
    presenter, screen = settings
    presenter.choose_side("right")
    typed["entries"] = Entries(("", "", ""), "Ana", "2026-05-01")
    assert presenter.save_about_you() is True
    profile = load_profile(core.store)
    assert (profile.display_name, profile.affected_side, str(profile.onset_date)) == ("Ana", "right", "2026-05-01")


def test_leaving_with_unsaved_typing_asks_and_can_save(core, navigator, settings, typed):
    presenter, screen = settings
    typed["entries"] = Entries(("07:00", "", ""), "", "")
    presenter.leave("home")
    assert navigator.visits == [] and screen.questions[-1][0].yes == "Save them"
    presenter.leave("home")  # a second press while asked does nothing more
    assert len(screen.questions) == 1
    screen.answer(yes=True)
    assert core.preferences.reminder_times == ("07:00",) and navigator.current == "home"


def test_leaving_without_saving_keeps_what_was_there(core, navigator, settings, typed):
    presenter, screen = settings
    typed["entries"] = Entries(("07:00", "", ""), "", "")
    presenter.on_key("escape")
    screen.answer(yes=False)
    assert core.preferences.reminder_times == () and navigator.current == "home"


def test_speed_words():
    assert (speed_words(0.8), speed_words(1.0), speed_words(1.5)) == ("Slower", "Normal", "1.5 times normal")


def test_a_change_the_record_refuses_is_said_and_not_applied(core, settings):
    """A full disk or read-only record used to raise SQLAlchemy's error out of the button."""
    from tests.faults import RefusedWrites

    presenter, screen = settings
    RefusedWrites(core.store).refuse()
    presenter.toggle("high_contrast")
    assert "could not be saved: the record is read-only" in screen.model.problem
    assert not core.preferences.high_contrast
