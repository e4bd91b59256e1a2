"""The treatment journal as a patient uses it: an injection logged on the drawn face and read
back on Home's cycle card, corrected and deleted; check-ins (nothing new in one tap, a red flag
opens the get-help page with the stored numbers); supportive care ticks and the mood faces."""
from datetime import date, timedelta

from app.vocabulary import CareKind, EffectMark, HelpNeeded, InjectionArea, InjectionSide, Mood, SideEffect
from tests.screens.test_accessibility import problems_on
from tests.seed import seed_treatment


def cycle_card(ui):
    return ui.app.screen("home").ids.cycle_card


def care_card(ui):
    return ui.app.screen("home").ids.care_card


def area_row(ui, area: InjectionArea):
    return next(row for row in ui.widget("areas_box").children if row.area == area.value)


def face_region(ui, area: InjectionArea):
    return next(region for region, _box in ui.widget("face").regions if region.area == area.value)


def journal_ready(ui, days_since: int = 3):
    core = ui.app.core
    seed_treatment(core.store, core.today(), core.clock.now(), days_since)
    ui.app.screen("home").refresh()
    ui.frames(2)


def test_an_injection_logged_on_the_drawn_face_is_read_back_on_homes_cycle_card(ui):
    assert cycle_card(ui).week_text == ""
    ui.tap(cycle_card(ui).ids.log_injection_button)
    assert ui.screen.name == "injection" and ui.text("date_input") == "2026-11-25"
    ui.tap(face_region(ui, InjectionArea.CHEEK))
    cheek = area_row(ui, InjectionArea.CHEEK)
    assert cheek.chosen and ui.widget("face").chosen == {"cheek": cheek.side}
    ui.tap(cheek.ids.side_right)
    cheek = area_row(ui, InjectionArea.CHEEK)
    assert cheek.side == "right" and cheek.side_words == "Right"
    ui.tap(area_row(ui, InjectionArea.NECK).ids.area_tick)  # the labelled button, not the picture
    ui.tap(area_row(ui, InjectionArea.NECK).ids.side_both)
    area_row(ui, InjectionArea.CHEEK).ids.units_input.text = "2,5"
    ui.type_into("date_input", "2026-10-21")
    ui.type_into("given_by_input", "Dr Okafor")
    ui.tap("save_button")

    assert ui.screen.name == "home"
    assert cycle_card(ui).week_text == "Week 6 since your injection on 21 October"
    assert "estimate" in cycle_card(ui).forecast_text
    [shot] = ui.app.core.store.treatment.injections()
    assert shot.given_on == date(2026, 10, 21) and shot.given_by == "Dr Okafor"
    assert [(d.area, d.side, d.units) for d in shot.areas] == [
        (InjectionArea.CHEEK, InjectionSide.RIGHT, 2.5), (InjectionArea.NECK, InjectionSide.BOTH, None)]


def test_a_wrong_unit_is_explained_and_nothing_is_saved(ui):
    ui.app.go("injection", injection_id=None)
    ui.settle()
    ui.tap(face_region(ui, InjectionArea.CHIN))
    area_row(ui, InjectionArea.CHIN).ids.units_input.text = "lots"
    ui.tap("save_button")
    assert ui.screen.name == "injection" and ui.text("message_label").startswith("Units for chin")
    assert ui.app.core.store.treatment.injections() == []


def test_an_injection_is_corrected_from_the_list_and_deleted_only_after_asking(ui):
    journal_ready(ui)
    ui.tap(cycle_card(ui).ids.log_injection_button)
    [row] = ui.widget("earlier_box").children
    assert row.words == "22 November: around the eye (left, 2.5 units), neck (platysma) (both sides)"
    ui.tap(row.ids.correct_button)
    assert ui.screen.title == "Correct this injection" and ui.text("date_input") == "2026-11-22"
    ui.type_into("date_input", "2026-11-21")
    ui.tap("save_button")
    [fixed] = ui.app.core.store.treatment.injections()
    assert fixed.given_on == date(2026, 11, 21)

    ui.tap(cycle_card(ui).ids.log_injection_button)
    ui.tap(ui.widget("earlier_box").children[0].ids.correct_button)
    ui.tap("delete_button")
    ui.tap_text("No, keep it")
    assert ui.app.core.store.treatment.injections() == [fixed] and ui.screen.name == "injection"
    ui.tap("delete_button")
    ui.tap_text("Yes, delete it")
    assert ui.app.core.store.treatment.injections() == [] and ui.screen.name == "home"
    assert cycle_card(ui).week_text == ""


def test_the_effect_marks_take_one_tap_each_and_then_leave_the_card(ui):
    journal_ready(ui)
    card = cycle_card(ui)
    ui.tap(card.ids.started_button)
    assert not card.can_mark_started and card.can_mark_fading
    assert card.ids.started_button.parent is None  # out of the layout, so it takes no touch
    assert [m.kind for m in ui.app.core.store.treatment.marks()] == [EffectMark.STARTED]


def test_a_check_in_with_nothing_new_is_one_tap_and_the_card_stops_asking(ui):
    journal_ready(ui)
    assert cycle_card(ui).checkin_text
    ui.tap(cycle_card(ui).ids.checkin_button)
    assert ui.screen.name == "checkin"
    assert ui.text("title_label") == "Anything new since your injection on 22 November?"
    ui.tap("nothing_new_button")
    assert ui.screen.name == "home" and cycle_card(ui).checkin_text == ""
    [answered] = ui.app.core.store.treatment.checkins()
    assert answered.answers == frozenset()


def test_a_red_flag_opens_the_get_help_page_with_the_stored_numbers(ui):
    journal_ready(ui)
    ui.tap(cycle_card(ui).ids.checkin_button)
    ui.tap_text(SideEffect.HEADACHE.words)
    ui.tap_text(SideEffect.BREATHING_OR_SPEAKING.words)
    ui.type_into("note_input", "since lunch")
    ui.tap("submit_button")

    assert ui.screen.name == "get_help"
    assert ui.text("title_label") == "Get help now" and "emergency services" in ui.text("what_label")
    first, second = ui.widget("numbers_box").children[::-1]
    assert (first.who, first.number) == ("Emergency services", "112")
    assert (second.who, second.number) == ("Your clinician", "+44 20 7946 0000")
    assert "112" in ui.visible_texts()
    [answered] = ui.app.core.store.treatment.checkins()
    assert answered.answers == {SideEffect.HEADACHE, SideEffect.BREATHING_OR_SPEAKING}
    assert answered.note == "since lunch"


def test_seeing_double_asks_for_the_clinician_first(ui):
    journal_ready(ui)
    ui.app.go("checkin", day=None)
    ui.settle()
    ui.tap_text(SideEffect.DOUBLE_VISION.words)
    ui.tap("submit_button")
    assert ui.text("title_label") == "Contact your clinician today"
    assert ui.widget("numbers_box").children[-1].who == "Your clinician"


def test_the_numbers_are_stored_from_settings_and_shown_on_the_safety_page(ui):
    ui.tap("settings_button")
    ui.tap("help_numbers_button")
    assert ui.screen.name == "help_numbers"
    form = ui.widget("form")
    form.ids.emergency_input.text = "999"
    form.ids.clinician_input.text = "call me maybe"
    ui.tap(form.ids.save_button)
    assert form.ids.message_label.text.startswith("Clinician's number: type the number")
    form.ids.clinician_input.text = "0161 496 0000"
    ui.tap(form.ids.save_button)
    assert form.ids.message_label.text == "Saved."
    ui.press_key("escape")
    assert ui.screen.name == "settings"
    ui.app.go("safety", from_home=True)
    ui.settle()
    texts = ui.visible_texts()
    assert "Emergency services: 999" in texts and "Your clinician: 0161 496 0000" in texts, repr(texts)


def test_supportive_care_is_ticked_on_home_without_touching_the_streak(ui):
    home = ui.app.screen("home")
    status_before = home.status_text
    journal_ready(ui)
    card = care_card(ui)
    [aerobic] = card.ids.ticks_box.children
    assert aerobic.text == "Aerobic exercise   (30 min planned)" and not aerobic.checked
    ui.tap(aerobic)
    [aerobic] = card.ids.ticks_box.children
    assert aerobic.checked
    [tick] = ui.app.core.store.treatment.care_ticks()
    assert tick.kind is CareKind.AEROBIC

    faces = card.ids.moods_box.children[::-1]
    assert [f.words for f in faces] == [m.words for m in Mood]
    card.ids.mood_note.text = "walked by the river"
    ui.tap(faces[3])
    assert card.mood_words == "Good" and card.ids.moods_box.children[::-1][3].chosen
    [mood] = ui.app.core.store.treatment.moods()
    assert mood.mood is Mood.GOOD and mood.note == "walked by the river"
    assert home.status_text == status_before  # the routine's day is as it was


def test_supportive_care_is_not_shown_unless_planned(ui):
    assert care_card(ui).height == 0 and care_card(ui).children == []


def test_a_red_flag_is_marked_on_the_caregivers_dashboard(ui):
    journal_ready(ui)
    ui.app.go("checkin", day=None)
    ui.settle()
    ui.tap_text(SideEffect.SWALLOWING.words)
    ui.tap("submit_button")
    ui.app.start_caregiver_mode()
    ui.settle()
    section = ui.screen.ids.treatment_section
    assert section.red_flag_text.startswith("Red flag since the last injection")
    assert section.cycle_text == "Week 1 since the injection on 22 November"
    first = section.ids.side_effects_box.children[-1].text
    assert "RED FLAG (call emergency services now): trouble swallowing" in first
    ui.app.end_caregiver_mode()


def test_the_booking_prompt_shows_before_the_window_and_goes_once_answered(ui):
    journal_ready(ui, days_since=7 * 10 + 1)  # the usual window opens at 12 weeks: in 13 days
    card = cycle_card(ui)
    assert "book your next appointment" in card.booking_text
    ui.tap(card.ids.booked_button)
    assert card.booking_text == "" and card.ids.booking_box.height == 0


def test_where_the_device_dials_each_number_has_a_call_button_and_a_failed_dial_keeps_the_page(ui):
    journal_ready(ui)
    ui.app.go("get_help", help=HelpNeeded.EMERGENCY, answers=(SideEffect.SWALLOWING,))
    ui.settle()
    ui.screen.dials = True  # as on Android
    ui.frames(3)
    ui.tap_text("Call 112")  # no dialler here: the failure is logged, the page and its number stay
    assert ui.screen.name == "get_help" and "112" in ui.visible_texts()
    assert problems_on(ui.screen) == []


def test_aerobic_minutes_are_typed_with_the_tick_on_home_and_a_wrong_figure_is_explained(ui):
    journal_ready(ui)
    card = care_card(ui)
    assert card.asks_minutes and card.ids.minutes_input.parent is not None
    card.ids.minutes_input.text = "900"
    ui.tap(card.ids.ticks_box.children[0])
    assert card.message.startswith("Minutes: type a whole number from 1 to 300")
    assert ui.app.core.store.treatment.care_ticks() == [] and card.ids.minutes_input.text == "900"
    card.ids.minutes_input.text = "40"
    ui.tap(card.ids.ticks_box.children[0])
    [tick] = ui.app.core.store.treatment.care_ticks()
    assert tick.kind is CareKind.AEROBIC and tick.minutes == 40
    [aerobic] = card.ids.ticks_box.children
    assert aerobic.checked and aerobic.text == "Aerobic exercise   (40 min done, 30 min planned)"
    assert not card.asks_minutes and card.ids.minutes_box.children == [] and card.message == ""


def test_minutes_typed_for_aerobic_exercise_stay_while_the_mood_is_given(ui):
    journal_ready(ui)
    card = care_card(ui)
    card.ids.minutes_input.text = "25"
    ui.tap(card.ids.moods_box.children[0])  # a mood first, then the tick
    assert ui.app.core.store.treatment.moods() and card.ids.minutes_input.text == "25"
    ui.tap(card.ids.ticks_box.children[0])
    [tick] = ui.app.core.store.treatment.care_ticks()
    assert tick.minutes == 25
