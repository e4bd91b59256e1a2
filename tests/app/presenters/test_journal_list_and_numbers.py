"""What the journal's screens needed beyond the first presenters: the injections listed to
correct or delete, the numbers to call stored (and checked), and the safety page showing them."""
from datetime import date

from app.presenters.first_run import SafetyPresenter
from app.presenters.injection import InjectionPresenter
from app.presenters.treatment import (CLINICIAN_NUMBER_SETTING, EMERGENCY_NUMBER_SETTING, HelpNumbersPresenter,
                                      phone_problem)
from app.treatment.entries import AreaDose
from app.vocabulary import InjectionArea, InjectionSide
from tests.faults import RefusedWrites


def test_the_injections_are_listed_newest_first_and_one_opens_to_be_corrected(core, navigator, screen):
    journal, now = core.store.treatment, core.clock.now()
    older = journal.log_injection(date(2026, 7, 1), [AreaDose(InjectionArea.CHIN, InjectionSide.BOTH)], now)
    newer = journal.log_injection(date(2026, 10, 21), [AreaDose(InjectionArea.CHEEK, InjectionSide.LEFT, 2.0),
                                                       AreaDose(InjectionArea.BROW, InjectionSide.RIGHT)], now)
    presenter = InjectionPresenter(core, navigator, screen)
    presenter.prepare()
    presenter.enter()
    assert [(e.id, e.words) for e in screen.model.earlier] == [
        (newer.id, "21 October: cheek (left, 2 units), brow (right)"), (older.id, "1 July: chin (both sides)")]
    presenter.correct(older.id)
    assert screen.model.title == "Correct this injection" and screen.model.date_text == "2026-07-01"
    presenter.correct(None)
    assert screen.model.title == "Log an injection" and not any(a.chosen for a in screen.model.areas)


def test_the_numbers_to_call_are_stored_as_typed_and_a_wrong_one_is_named(core, navigator, screen):
    numbers = HelpNumbersPresenter(core, navigator, screen)
    numbers.prepare(back_to="get_help")
    numbers.enter()
    assert (screen.model.emergency_number, screen.model.clinician_number) == ("", "")
    numbers.save(" 112 ", "ring Dr O")
    assert screen.model.message.startswith("Clinician's number: type the number") and not screen.model.saved
    assert CLINICIAN_NUMBER_SETTING not in core.store.settings()
    numbers.save("112", "+44 (0)20 7946-0000")
    assert screen.model.saved and core.store.settings()[EMERGENCY_NUMBER_SETTING] == "112"
    numbers.back()
    assert navigator.current == "get_help"


def test_a_number_that_cannot_be_written_says_so(core, navigator, screen, store):
    numbers = HelpNumbersPresenter(core, navigator, screen)
    RefusedWrites(store).refuse()
    numbers.save("112", "")
    assert screen.model.message and not screen.model.saved


def test_a_phone_number_is_digits_as_dialled():
    assert phone_problem("") == "" and phone_problem("+44 20 7946 0000") == ""
    assert phone_problem("1") and phone_problem("112; drop") and phone_problem("1" * 31)


def test_the_safety_page_shows_the_stored_numbers(core, navigator, screen):
    core.store.put_setting(EMERGENCY_NUMBER_SETTING, "999")
    safety = SafetyPresenter(core, navigator, screen)
    safety.prepare(from_home=True)
    safety.enter()
    assert (screen.model.emergency_number, screen.model.clinician_number) == ("999", "")
