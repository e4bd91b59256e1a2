"""What the injection screen needed beyond the first presenter: the journal's injections listed,
newest first, each to open and correct or delete."""
from datetime import date

from app.presenters.injection import InjectionPresenter
from app.treatment.entries import AreaDose
from app.vocabulary import InjectionArea, InjectionSide


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
