"""The dashboard's treatment section from a real record: the cycle, red flags first, care and mood."""
from datetime import date, timedelta

from app.presenters.caregiver_treatment import CaregiverTreatmentPresenter
from app.treatment.entries import AreaDose
from app.vocabulary import Cadence, CareKind, InjectionArea, InjectionSide, Mood, SideEffect
from tests.fakes import FakeScreen

TODAY = date(2026, 11, 25)


def test_before_any_injection_the_section_says_so(core):
    view = FakeScreen()
    CaregiverTreatmentPresenter(core, view).enter()
    assert view.model.cycle_text == "No injection in the journal yet." and view.model.side_effects == ()


def test_the_section_shows_the_cycle_red_flags_first_care_and_mood(core):
    journal, now = core.store.treatment, core.clock.now()
    journal.log_injection(TODAY - timedelta(days=4), [AreaDose(InjectionArea.BROW, InjectionSide.LEFT)], now)
    journal.check_in(TODAY - timedelta(days=3), {SideEffect.HEADACHE}, now)
    journal.check_in(TODAY - timedelta(days=1), {SideEffect.DOUBLE_VISION}, now, note="evening")
    journal.save_care_item(CareKind.FOOT_SOAK, Cadence.DAILY, TODAY, now)
    journal.tick_care(CareKind.FOOT_SOAK, TODAY, now)
    journal.record_mood(TODAY, Mood.LOW, now)
    view = FakeScreen()
    CaregiverTreatmentPresenter(core, view).enter()
    model = view.model
    assert model.cycle_text == "Week 1 since the injection on 21 November" and "estimate" in model.forecast_text
    assert model.red_flag_text.startswith("Red flag since the last injection: 1 check-in")
    assert model.side_effects[0] == "[b]Tue 24 Nov[/b]  RED FLAG (contact your clinician today): seeing double (evening)"
    assert "a headache" in model.side_effects[1]
    assert model.care == ("Warm foot soak: 1 of 1 asked",) and model.moods == (2,)
