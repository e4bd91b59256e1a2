"""The treatment journal's presenters, from a real record: log and correct an injection on the
drawn face, the cycle card, check-ins (a red flag opens the help page), supportive care ticks."""
from datetime import date, timedelta

from app.presenters.injection import InjectionPresenter
from app.presenters.treatment import (BOOKED_SETTING, CLINICIAN_NUMBER_SETTING, HELP_SCREEN, CarePresenter,
                                      CheckInPresenter, CycleCardPresenter, GetHelpPresenter)
from app.treatment.entries import AreaDose
from app.vocabulary import (Cadence, CareKind, EffectMark, HelpNeeded, InjectionArea, InjectionSide, Mood,
                            SideEffect)
from tests.faults import RefusedWrites
from tests.fakes import FakeScreen

TODAY = date(2026, 11, 25)  # FakeClock's day


def log(core, given_on, area=InjectionArea.CHEEK):
    return core.store.treatment.log_injection(given_on, [AreaDose(area, InjectionSide.LEFT, 2.0)], core.clock.now())


# --- logging an injection -------------------------------------------------------------------------

def test_an_injection_is_logged_today_by_default_on_the_drawn_face(core, navigator, screen):
    core.store.put_setting("profile.side", "right")
    presenter = InjectionPresenter(core, navigator, screen)
    presenter.prepare()
    presenter.enter()
    assert screen.model.date_text == "2026-11-25" and screen.model.title == "Log an injection"
    assert [a.words for a in screen.model.areas][:2] == ["Brow", "Around the eye"]
    presenter.toggle_area(InjectionArea.AROUND_EYE)
    presenter.toggle_area(InjectionArea.NECK)
    presenter.set_side(InjectionArea.NECK, InjectionSide.BOTH)
    chosen = [(a.area, a.side) for a in screen.model.areas if a.chosen]
    assert chosen == [(InjectionArea.AROUND_EYE, InjectionSide.RIGHT), (InjectionArea.NECK, InjectionSide.BOTH)]
    presenter.type(given_by="Dr Okafor", product="Botox", units={InjectionArea.AROUND_EYE: "2,5"})
    presenter.save()
    [shot] = core.store.treatment.injections()
    assert shot.given_on == TODAY and shot.given_by == "Dr Okafor"
    assert [(d.area, d.units) for d in shot.areas] == [(InjectionArea.AROUND_EYE, 2.5), (InjectionArea.NECK, None)]
    assert navigator.current == "home"


def test_a_bad_injection_is_not_saved_and_the_field_is_said_in_plain_words(core, navigator, screen):
    presenter = InjectionPresenter(core, navigator, screen)
    presenter.prepare()
    presenter.save()
    assert screen.model.message.startswith("Areas: choose at least one area")
    presenter.toggle_area(InjectionArea.CHIN)
    presenter.type(units={InjectionArea.CHIN: "lots"})
    presenter.save()
    assert screen.model.message.startswith("Units for chin: type a number")
    presenter.type(units={InjectionArea.CHIN: "-1"})
    presenter.save()
    assert screen.model.message.startswith("Units for chin: must be a number of units above 0")
    presenter.type(date_text="2026-12-24", units={InjectionArea.CHIN: ""})
    presenter.save()
    assert "cannot be on a day still to come" in screen.model.message
    presenter.type(date_text="yesterday")
    presenter.save()
    assert screen.model.message.startswith("date: type the date")
    assert core.store.treatment.injections() == [] and navigator.current is None


def test_an_injection_is_corrected_or_deleted_after_a_question(core, navigator, screen):
    shot = log(core, date(2026, 11, 20))
    presenter = InjectionPresenter(core, navigator, screen)
    presenter.prepare(injection_id=shot.id)
    presenter.enter()
    assert screen.model.title == "Correct this injection" and screen.model.can_delete
    assert [a.units_text for a in screen.model.areas if a.chosen] == ["2"]
    presenter.type(date_text="2026-11-19")
    presenter.save()
    [fixed] = core.store.treatment.injections()
    assert fixed.given_on == date(2026, 11, 19) and fixed.id != shot.id
    presenter.prepare(injection_id=fixed.id)
    presenter.delete()
    screen.answer(yes=False)
    assert core.store.treatment.injections() == [fixed]
    presenter.delete()
    screen.answer(yes=True)
    assert core.store.treatment.injections() == []


# --- the cycle card ---------------------------------------------------------------------------------

def test_the_card_is_empty_before_any_injection(core):
    card = FakeScreen()
    CycleCardPresenter(core, card).enter()
    assert card.model.week_text == "" and not card.model.can_mark_started
    assert "log each one here" in card.model.hint_text  # says what the card is for


def test_the_card_names_the_week_the_estimate_and_offers_the_marks_once(core):
    log(core, date(2026, 10, 21))
    card = FakeScreen()
    presenter = CycleCardPresenter(core, card)
    presenter.enter()
    model = card.model
    assert model.week_text == "Week 6 since your injection on 21 October"
    assert model.forecast_text.startswith("A usual estimate")
    assert "13 January 2027 and 10 February 2027" in model.forecast_text
    assert model.hint_text and model.booking_text == "" and model.checkin_text == ""
    presenter.mark(EffectMark.STARTED)
    assert not card.model.can_mark_started and card.model.can_mark_fading
    assert [m.kind for m in core.store.treatment.marks()] == [EffectMark.STARTED]


def test_the_booking_prompt_shows_two_weeks_before_the_window_until_answered(core):
    log(core, TODAY - timedelta(weeks=10, days=1))  # the window opens at 12 weeks: in 13 days
    card = FakeScreen()
    presenter = CycleCardPresenter(core, card)
    presenter.enter()
    assert "book your next appointment" in card.model.booking_text
    presenter.booking_answered()
    assert card.model.booking_text == "" and core.store.settings()[BOOKED_SETTING]


def test_the_card_asks_for_the_check_in_until_it_is_answered(core, navigator, screen):
    log(core, TODAY - timedelta(days=3))
    card = FakeScreen()
    CycleCardPresenter(core, card).enter()
    assert card.model.checkin_text
    checkin = CheckInPresenter(core, navigator, screen)
    checkin.prepare()
    checkin.nothing_new()
    CycleCardPresenter(core, card).enter()
    assert card.model.checkin_text == "" and navigator.current == "home"
    [saved] = core.store.treatment.checkins()
    assert saved.answers == frozenset()


# --- check-ins and the help page ------------------------------------------------------------------------

def test_a_red_flag_opens_the_help_page_at_once(core, navigator, screen):
    log(core, TODAY - timedelta(days=2))
    checkin = CheckInPresenter(core, navigator, screen)
    checkin.prepare()
    checkin.enter()
    assert screen.model.title == "Anything new since your injection on 23 November?"
    assert {i.answer for i in screen.model.items if i.red_flag} == {
        SideEffect.DOUBLE_VISION, SideEffect.SWALLOWING, SideEffect.BREATHING_OR_SPEAKING,
        SideEffect.LID_OR_BROW_LOWER, SideEffect.WEAKNESS_ELSEWHERE}
    checkin.toggle(SideEffect.HEADACHE)
    checkin.toggle(SideEffect.DOUBLE_VISION)
    checkin.type_note("since this morning")
    checkin.submit()
    assert navigator.visits[-1] == (HELP_SCREEN, {"help": HelpNeeded.CLINICIAN_TODAY,
                                                  "answers": (SideEffect.DOUBLE_VISION,)})
    [saved] = core.store.treatment.checkins()
    assert saved.answers == {SideEffect.HEADACHE, SideEffect.DOUBLE_VISION} and saved.note == "since this morning"

    core.store.put_setting(CLINICIAN_NUMBER_SETTING, "+44 20 7946 0000")
    page = FakeScreen()
    help_page = GetHelpPresenter(core, navigator, page)
    help_page.prepare(**navigator.visits[-1][1])
    help_page.enter()
    assert page.model.title == "Contact your clinician today" and not page.model.call_emergency_first
    assert page.model.clinician_number == "+44 20 7946 0000" and "seeing double" in page.model.because


def test_breathing_trouble_asks_for_the_emergency_services_even_when_the_record_refuses(core, navigator, screen, store):
    log(core, TODAY)
    checkin = CheckInPresenter(core, navigator, screen)
    checkin.prepare()
    checkin.toggle(SideEffect.BREATHING_OR_SPEAKING)
    RefusedWrites(store).refuse()
    checkin.submit()
    screen_name, params = navigator.visits[-1]
    assert screen_name == HELP_SCREEN and params["help"] is HelpNeeded.EMERGENCY
    page = FakeScreen()
    help_page = GetHelpPresenter(core, navigator, page)
    help_page.prepare(**params)
    help_page.enter()
    assert page.model.call_emergency_first and page.model.title == "Get help now"


def test_a_check_in_outside_its_window_is_not_saved_and_says_why(core, navigator, screen):
    log(core, TODAY - timedelta(days=30))
    checkin = CheckInPresenter(core, navigator, screen)
    checkin.prepare()
    checkin.nothing_new()
    assert "14 days after an injection" in screen.model.message and navigator.current is None


# --- supportive care ----------------------------------------------------------------------------------

def test_supportive_care_ticks_and_the_mood_faces(core):
    journal, now = core.store.treatment, core.clock.now()
    journal.save_care_item(CareKind.AEROBIC, Cadence.DAILY, TODAY, now, target_minutes=30)
    journal.save_care_item(CareKind.MOOD, Cadence.DAILY, TODAY, now)
    view = FakeScreen()
    care = CarePresenter(core, view)
    care.enter()
    assert [(line.words, line.done, line.minutes_text) for line in view.model.items] == [
        ("Aerobic exercise", False, "30 min planned")]
    assert [words for _, words in view.model.moods][0] == "Very low"
    care.tick(CareKind.AEROBIC, 25)
    assert view.model.items[0].done
    care.untick(CareKind.AEROBIC)
    assert not view.model.items[0].done
    care.record_mood(Mood.GOOD, "walked")
    assert view.model.mood_today is Mood.GOOD


def test_no_supportive_care_on_a_rest_day_and_none_unless_planned(core):
    view = FakeScreen()
    CarePresenter(core, view).enter()
    assert view.model.items == () and view.model.moods == ()
    core.store.treatment.save_care_item(CareKind.FOOT_SOAK, Cadence.DAILY, TODAY, core.clock.now())
    core.store.set_rest_day(TODAY, True, core.clock.now())
    CarePresenter(core, view).enter()
    assert view.model.items == ()


def test_the_help_numbers_are_stored_checked_and_shown_on_the_help_page(core, navigator):
    from app.presenters.treatment import HelpNumbersPresenter

    view = FakeScreen()
    numbers = HelpNumbersPresenter(core, view)
    numbers.enter()
    assert (view.model.emergency_number, view.model.clinician_number) == ("", "")
    numbers.save("112", "call me maybe")
    assert view.model.message.startswith("Clinician's number: type the number with digits")
    assert core.store.settings().get("help.emergency_number") is None  # nothing saved of a bad pair
    numbers.save(" 112 ", "+44 (20) 7946-0000")
    assert view.model.message == "Saved." and view.model.emergency_number == "112"
    page = FakeScreen()
    help_page = GetHelpPresenter(core, navigator, page)
    help_page.prepare(help=HelpNeeded.EMERGENCY, answers=(SideEffect.SWALLOWING,))
    help_page.enter()
    assert (page.model.emergency_number, page.model.clinician_number) == ("112", "+44 (20) 7946-0000")


def test_the_safety_note_shows_the_stored_help_numbers(core, navigator):
    from app.presenters.first_run import SafetyPresenter
    from app.presenters.treatment import HelpNumbersPresenter

    HelpNumbersPresenter(core, FakeScreen()).save("999", "")
    view = FakeScreen()
    safety = SafetyPresenter(core, navigator, view)
    safety.prepare(from_home=True)
    safety.enter()
    assert (view.model.emergency_number, view.model.clinician_number) == ("999", "")
