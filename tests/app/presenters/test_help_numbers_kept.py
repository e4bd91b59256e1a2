"""A refused save of the help numbers keeps what was typed in both boxes, to be corrected."""
from app.presenters.treatment import HelpNumbersPresenter
from tests.faults import RefusedWrites
from tests.fakes import FakeScreen


def test_a_wrong_number_leaves_both_typed_numbers_in_their_boxes(core):
    view = FakeScreen()
    numbers = HelpNumbersPresenter(core, view)
    numbers.save("999", "call me maybe")
    assert (view.model.emergency_number, view.model.clinician_number) == ("999", "call me maybe")
    assert view.model.message.startswith("Clinician's number")


def test_a_refused_write_keeps_the_typed_numbers_too(core, store):
    view = FakeScreen()
    RefusedWrites(store).refuse()
    HelpNumbersPresenter(core, view).save("112", "0161 496 0000")
    assert (view.model.emergency_number, view.model.clinician_number) == ("112", "0161 496 0000")
    assert view.model.message != "Saved."
