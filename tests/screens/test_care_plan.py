"""The caregiver adds supportive care on the care plan screen (behind the PIN), and Home then
offers it as quick ticks that are recorded and leave the routine's streak as it was."""
from datetime import timedelta

from app.treatment.cycle import CYCLE_WEEKS_SETTING
from app.vocabulary import Cadence, CareKind
from tests.screens.test_caregiver import open_caregiver
from tests.seed import seed_two_months


def test_the_caregiver_plans_aerobic_exercise_and_the_mood_check_and_home_offers_them(ui):
    core = ui.app.core
    seed_two_months(core.store, core.routine, core.today() - timedelta(days=1))
    ui.app.screen("home").refresh()
    ui.frames(2)
    home = ui.app.screen("home")
    streak_before, status_before = home.streak_text, home.status_text
    assert "day" in streak_before and home.ids.care_card.height == 0  # a streak to keep; no care planned yet

    open_caregiver(ui)
    assert ui.screen.name == "caregiver"
    ui.tap("care_plan_button")
    assert ui.screen.name == "care_plan" and core.caregiver_unlocked()
    rows = ui.screen.rows
    assert not any(row.on for row in rows.values())
    assert rows["aerobic"].ids.details.children == []  # hidden parts leave the layout and take no touch
    ui.tap(rows["aerobic"].ids.on_tick)
    ui.tap(rows["mood"].ids.on_tick)
    assert rows["aerobic"].on and rows["mood"].on and not rows["foot_soak"].on
    rows["aerobic"].ids.minutes_input.text = "25"
    ui.tap(rows["aerobic"].ids.weekly_button)
    ui.tap(rows["aerobic"].ids.daily_button)
    ui.type_into("cycle_weeks_input", "14")
    ui.tap("save_button")

    assert ui.screen.name == "caregiver"
    items = {i.kind: i for i in core.store.treatment.care_items()}
    assert set(items) == {CareKind.AEROBIC, CareKind.MOOD}
    assert items[CareKind.AEROBIC].cadence is Cadence.DAILY and items[CareKind.AEROBIC].target_minutes == 25
    assert core.store.settings()[CYCLE_WEEKS_SETTING] == "14"
    ui.tap("leave_button")

    assert ui.screen.name == "home" and not core.caregiver_unlocked()
    card = home.ids.care_card
    [aerobic] = card.ids.ticks_box.children
    assert aerobic.text == "Aerobic exercise   (25 min planned)" and not aerobic.checked
    assert len(card.ids.moods_box.children) == 5
    ui.tap(aerobic)
    assert card.ids.ticks_box.children[0].checked
    [tick] = core.store.treatment.care_ticks()
    assert tick.kind is CareKind.AEROBIC and tick.local_date == core.today()
    home.refresh()
    assert (home.streak_text, home.status_text) == (streak_before, status_before)


def test_what_cannot_be_saved_is_said_and_the_plan_is_kept_as_it_was(ui):
    open_caregiver(ui)
    ui.tap("care_plan_button")
    rows = ui.screen.rows
    ui.tap(rows["b_vitamin_course"].ids.on_tick)
    rows["b_vitamin_course"].ids.doses_input.text = "next Monday"
    ui.tap("save_button")
    assert ui.screen.name == "care_plan"
    assert ui.text("message_label").startswith("Vitamin B1/B12 injection")
    assert rows["b_vitamin_course"].ids.doses_input.text == "next Monday"  # kept, to be corrected
    rows["b_vitamin_course"].ids.doses_input.text = "2026-12-01, 2026-12-15"
    ui.tap("save_button")
    assert ui.screen.name == "caregiver"
    [course] = ui.app.core.store.treatment.care_items()
    assert course.kind is CareKind.B_VITAMIN_COURSE and len(course.dose_dates) == 2
    ui.tap("care_plan_button")
    ui.tap("cancel_button")
    assert ui.screen.name == "caregiver" and ui.app.core.caregiver_unlocked()
    ui.tap("care_plan_button")
    ui.press_key("escape")  # Android's back: to the dashboard, still in caregiver mode
    assert ui.screen.name == "caregiver" and ui.app.core.caregiver_unlocked()
