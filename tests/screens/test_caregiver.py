"""A caregiver sets a PIN, reviews adherence, edits the plan and exports, on the real screens."""
from datetime import date, datetime, timezone

from sqlalchemy import text

from app.presenters.caregiver import NO_RATINGS_TEXT, NO_STEPS_TEXT
from tests.harness import Driver
from tests.seed import add_session, one_transaction, save_plan


def open_caregiver(ui, pin="2468"):
    ui.tap("caregiver_button")
    assert ui.screen.name == "caregiver_entry"
    ui.type_into("pin_input", pin)
    ui.type_into("repeat_input", pin)
    ui.tap("submit_button")


def settings(ui):
    with ui.app.core.store.engine.connect() as conn:
        return dict(conn.execute(text("SELECT key, value FROM settings")).all())


def test_first_use_sets_a_pin_kept_only_as_a_hash(ui):
    open_caregiver(ui)
    assert ui.screen.name == "caregiver"
    assert not any("2468" in value for value in settings(ui).values())


def test_a_new_record_is_not_started_yet_on_the_dashboard(ui):
    open_caregiver(ui)
    assert ui.text("status_label") == "Not started yet"
    assert "100 %" not in ui.text("adherence_label")


def chart_texts(ui, chart_id: str) -> list[str]:
    """What a reader sees written in a chart: its axis, tick values, bar values and labels."""
    return [label.text for label in ui.widget(chart_id).children if label.opacity and label.text]


def test_with_no_session_the_charts_say_so_instead_of_drawing_bars(ui):
    open_caregiver(ui)
    assert chart_texts(ui, "ratings_chart") == [NO_RATINGS_TEXT]
    assert chart_texts(ui, "steps_chart") == [NO_STEPS_TEXT]


def test_the_ratings_chart_reads_a_one_to_five_axis_and_each_rating(ui):
    core = ui.app.core
    with one_transaction(core.store) as bulk:
        plan = save_plan(bulk, core.routine, date(2026, 11, 20))
        for day, rating in ((21, 3), (22, 3), (23, 4)):
            add_session(bulk, plan, datetime(2026, 11, day, 8, tzinfo=timezone.utc), rating=rating)
    ui.screen.refresh()
    open_caregiver(ui)
    texts = chart_texts(ui, "ratings_chart")
    assert "Rating (1 to 5)" in texts and all(tick in texts for tick in "12345")
    assert texts.count("3") == 3 and texts.count("4") == 2  # the tick, and each rating on its bar
    assert {"21 Nov", "22 Nov", "23 Nov"} <= set(texts)
    model = ui.widget("ratings_chart").model
    assert [bar.height for bar in model.bars] == [0.6, 0.6, 0.8]  # threes are not drawn as the best
    steps = chart_texts(ui, "steps_chart")
    assert "Share of times done (%)" in steps and {"Warm towel", "100", "0", "50"} <= set(steps)


def test_pins_that_differ_or_have_letters_are_refused_clearly(ui):
    ui.tap("caregiver_button")
    ui.type_into("pin_input", "12ab")
    ui.type_into("repeat_input", "12ab")
    ui.tap("submit_button")
    assert ui.screen.name == "caregiver_entry" and "digits" in ui.text("message_label")
    ui.type_into("pin_input", "1234")
    ui.type_into("repeat_input", "1235")
    ui.tap("submit_button")
    assert "do not match" in ui.text("message_label")


def test_wrong_pin_then_lockout(ui):
    open_caregiver(ui)
    ui.tap("leave_button")
    ui.tap("caregiver_button")
    for _ in range(5):
        ui.type_into("pin_input", "0000")
        ui.tap("submit_button")
    assert ui.screen.name == "caregiver_entry"
    assert "locked" in ui.text("message_label").lower() or "try again" in ui.text("message_label").lower()
    assert ui.widget("forgot_button").disabled and ui.widget("forgot_button").opacity == 0
    assert ui.widget("submit_button").disabled
    ui.type_into("pin_input", "2468")
    ui.tap("submit_button")
    assert ui.screen.name == "caregiver_entry"  # even the right PIN waits out the lock
    ui.advance(20)
    assert "40 seconds" in ui.text("message_label")  # the screen counts down
    assert ui.widget("submit_button").disabled
    ui.advance(41)
    assert not ui.widget("submit_button").disabled
    ui.type_into("pin_input", "2468")
    ui.tap("submit_button")
    assert ui.screen.name == "caregiver"


def test_enter_in_the_pin_box_opens_the_review(ui):
    open_caregiver(ui)
    ui.tap("leave_button")
    ui.tap("caregiver_button")
    ui.type_and_enter("pin_input", "0000")
    assert ui.screen.name == "caregiver_entry" and ui.text("message_label")
    assert ui.text("pin_input") == ""  # a wrong PIN is cleared, to be typed again
    ui.type_and_enter("pin_input", "2468")
    assert ui.screen.name == "caregiver"


def test_leaving_a_lockout_and_moving_the_wall_clock_does_not_open_it(ui):
    from datetime import timedelta

    open_caregiver(ui)
    ui.tap("leave_button")
    ui.tap("caregiver_button")
    for _ in range(5):
        ui.type_into("pin_input", "0000")
        ui.tap("submit_button")
    ui.tap("back_button")
    ui.clock._utc += timedelta(hours=2)  # the wall clock jumps; monotonic time does not
    ui.tap("caregiver_button")
    assert ui.widget("submit_button").disabled and "wait" in ui.text("message_label")
    ui.type_into("pin_input", "2468")
    ui.screen.submit()  # the Enter key, which the disabled button does not guard
    assert ui.screen.name == "caregiver_entry"


def test_forgotten_pin_reset_keeps_the_sessions(ui):
    ui.tap("start_button")
    ui.tap("main_button")
    ui.tap("leave_button")
    open_caregiver(ui)
    ui.tap("leave_button")
    ui.tap("caregiver_button")
    ui.tap("forgot_button")
    ui.tap_text("Yes, reset the PIN")
    assert "reset" in ui.text("message_label")
    with ui.app.core.store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM step_logs")).scalar() == 2
    ui.type_into("pin_input", "1357")
    ui.type_into("repeat_input", "1357")
    ui.tap("submit_button")
    assert ui.screen.name == "caregiver" and ui.text("pin_reset_label") == "PIN reset on 25 November 2026"


def test_dashboard_shows_status_adherence_and_notes(ui):
    ui.tap("start_button")
    ui.tap("main_button")
    for _ in range(3):
        ui.finish_step()
        ui.tap("main_button")
    ui.type_into("note_input", "Eye less watery")
    ui.tap("save_button")
    open_caregiver(ui)
    assert ui.text("status_label") == "On track"
    assert "Last 7 days: 100 %" in ui.text("adherence_label")
    assert any("Eye less watery" in t for t in ui.visible_texts())
    assert any("Warm towel" in t and "done 1 of 1" in t for t in ui.visible_texts())


def test_caregiver_mode_ends_after_five_idle_minutes(ui):
    open_caregiver(ui)
    ui.advance(200)
    assert ui.screen.name == "caregiver"
    ui.advance(110)
    assert ui.screen.name == "home"


def test_plan_edit_refuses_out_of_range_and_saves_a_new_version(ui):
    open_caregiver(ui)
    ui.tap("plan_button")
    heat = ui.screen.rows["heat"]
    heat.ids.minutes_input.text = "45"
    ui.tap("save_button")
    assert "Warm towel" in ui.text("message_label") and ui.screen.name == "plan_edit"
    heat.ids.minutes_input.text = "15"
    ui.tap(ui.screen.day_buttons[6])  # Sunday off
    ui.tap("save_button")
    assert ui.screen.name == "caregiver"
    plans = ui.app.core.store.plans()
    assert len(plans) == 2 and plans[0].steps[1].seconds == 600
    assert plans[1].steps[1].seconds == 900 and plans[1].rest_weekdays == {6}


def test_export_writes_files_and_says_where(ui, tmp_path):
    open_caregiver(ui)
    ui.type_into("folder_input", str(tmp_path / "reports"))
    ui.tap("export_button")
    names = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert names == ["smileback-outcomes-2026-11-25.csv", "smileback-report-2026-11-25.pdf",
                     "smileback-sessions-2026-11-25.csv", "smileback-steps-2026-11-25.csv",
                     "smileback-treatment-2026-11-25.csv"]
    assert str(tmp_path / "reports") in ui.text("export_label")


def test_export_to_an_impossible_folder_says_so(ui, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    open_caregiver(ui)
    ui.type_into("folder_input", str(blocker / "reports"))
    ui.tap("export_button")
    assert ui.text("export_label") and ui.screen.name == "caregiver"
    assert blocker.read_text() == "not a folder"


def test_the_caregiver_reaches_your_record_in_caregiver_mode_and_comes_back(ui):
    """Issue 11.7: the import's message sends the caregiver to caregiver mode to import a plan;
    caregiver mode had no way to the Your record screen."""
    open_caregiver(ui)
    ui.tap("record_button")
    assert ui.screen.name == "backups" and ui.app.core.caregiver_unlocked()
    ui.tap("back_button")
    assert ui.screen.name == "caregiver" and ui.app.core.caregiver_unlocked()


def test_leaving_the_caregiver_screens_by_escape_ends_caregiver_mode(ui):
    """Escape went Home with caregiver mode still open: Your record, reached from Settings,
    would then have let a plan from a file become current without the PIN."""
    open_caregiver(ui)
    ui.press_key("escape")
    assert ui.screen.name == "home" and not ui.app.core.caregiver_unlocked()
