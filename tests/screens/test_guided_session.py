"""A patient goes through today's session on the real screens, against a real database."""
from sqlalchemy import text

from app.runner import State
from tests.harness import Driver


def rows(ui, sql):
    with ui.app.core.store.engine.connect() as conn:
        return conn.execute(text(sql)).all()


def start_session(ui):
    assert ui.screen.name == "home"
    ui.tap("start_button")
    assert ui.screen.name == "session"


def finish_timed_step(ui):
    ui.finish_step()  # the last seconds tick frame by frame, the rest is one jump
    assert ui.app.core.runner.state == State.STEP_FINISHED
    ui.tap("main_button")


def test_home_shows_routine_status_and_streak(ui):
    texts = ui.visible_texts()
    assert ui.text("status_label") == "Not started yet today."
    assert any("Warm towel" in t and "10 min" in t for t in texts)
    assert any("Eyelid and eye-socket circles" in t for t in texts)
    assert ui.text("start_button") == "Start today's session"
    assert "no streak" in ui.text("streak_label").lower()


def test_full_session_is_recorded_step_by_step(ui):
    start_session(ui)
    assert ui.text("title_label") == "Prepare"
    ui.tap("main_button")  # preparation: confirmed, no timer
    assert ui.text("title_label") == "Warm towel"
    assert ui.text("countdown_label") == "10:00"
    ui.advance(90, stall=True)  # the countdown is read from the clock, not counted in frames
    assert ui.text("countdown_label") == "8:30"
    finish_timed_step(ui)
    assert ui.text("title_label") == "Facial massage"
    finish_timed_step(ui)
    assert ui.text("title_label") == "Eyelid and eye-socket circles"
    finish_timed_step(ui)
    assert ui.screen.name == "summary"
    ui.tap(ui.widget("rating_row").children[0])  # the rightmost button: 5
    ui.type_into("note_input", "Cheek felt looser")
    ui.tap("save_button")
    assert ui.screen.name == "home"
    assert ui.text("status_label") == "Done for today. Well done."
    assert ui.text("streak_label") == "1 day in a row"
    session = rows(ui, "SELECT status, note, rating, local_date FROM sessions")
    assert session == [("completed", "Cheek felt looser", 5, "2026-11-25")]
    steps = rows(ui, "SELECT step_key, planned_seconds, status, round(done_seconds) FROM step_logs ORDER BY position")
    assert steps == [("preparation", 0, "done", 0), ("heat", 600, "done", 600),
                     ("massage", 240, "done", 240), ("eyes", 120, "done", 120)]


def test_each_finished_step_is_in_the_database_at_once(ui):
    start_session(ui)
    ui.tap("main_button")
    finish_timed_step(ui)
    done = rows(ui, "SELECT step_key FROM step_logs WHERE status = 'done' ORDER BY position")
    assert done == [("preparation",), ("heat",)]


def test_pause_stops_the_countdown_and_resume_continues(ui):
    start_session(ui)
    ui.tap("main_button")
    ui.advance(60, stall=True)
    ui.tap("main_button")  # pause
    assert ui.text("status_label") == "Paused"
    before = ui.text("countdown_label")
    ui.advance(300)
    assert ui.text("countdown_label") == before == "9:00"
    ui.tap("main_button")  # resume
    ui.advance(30, stall=True)
    assert ui.text("countdown_label") == "8:30"


def test_a_stalled_frame_does_not_lose_time(ui):
    start_session(ui)
    ui.tap("main_button")
    ui.advance(2, stall=True)
    assert ui.text("countdown_label") == "9:58"


def test_time_up_waits_for_the_patient_and_cues_without_looking(ui):
    start_session(ui)
    ui.tap("main_button")
    ui.finish_step(past=1)  # 601 s into the 600 s towel
    assert ui.text("title_label") == "Warm towel"  # no surprise auto-advance
    assert ui.text("status_label") == "Time is up"
    assert ui.text("main_button") == "Go on to Facial massage"
    time_up = [c for c in ui.cues.cues if c.kind == "time_up"]
    assert len(time_up) == 1 and time_up[0].vibrate and "Next: Facial massage" in time_up[0].text


def test_skip_asks_first_then_logs_the_step_as_skipped(ui):
    start_session(ui)
    ui.tap("main_button")
    ui.advance(30, stall=True)
    ui.tap("skip_button")
    ui.tap_text("No, keep going")
    assert ui.text("title_label") == "Warm towel"
    ui.tap("skip_button")
    ui.tap_text("Yes, skip this step")
    assert ui.text("title_label") == "Facial massage"
    assert rows(ui, "SELECT status, round(done_seconds) FROM step_logs WHERE step_key = 'heat'") == [("skipped", 30)]


def test_skipping_a_required_step_makes_the_session_partial(ui):
    start_session(ui)
    ui.tap("main_button")
    for _ in range(3):
        ui.tap("skip_button")
        ui.tap_text("Yes, skip this step")
    assert ui.screen.name == "summary"
    ui.tap("save_button")
    assert ui.text("status_label") == "Partly done today."
    assert rows(ui, "SELECT status FROM sessions") == [("partial",)]


def test_a_killed_app_resumes_with_the_time_already_done(data_dir, clock):
    first = Driver(data_dir, clock)
    start_session(first)
    first.tap("main_button")
    finish_timed_step(first)  # heat done
    first.advance(90, stall=True)  # into the massage: a checkpoint is written on the next frame
    first.advance(10)  # and, ticking on, the next one falls due at 100 s
    first.kill()

    second = Driver(data_dir, clock)
    try:
        assert second.widget("resume_card").opacity == 1
        assert second.text("start_button") == "Resume the session"
        second.tap("start_button")
        assert second.text("title_label") == "Facial massage"
        assert second.text("status_label") == "Paused"
        assert second.text("countdown_label") == "2:20"  # 240 s planned, 100 s were done
        second.tap("main_button")
        finish_timed_step(second)
        assert rows(second, "SELECT step_key, status FROM step_logs ORDER BY position") == [
            ("preparation", "done"), ("heat", "done"), ("massage", "done"), ("eyes", "running")]
    finally:
        second.close()


def test_an_interrupted_session_can_be_closed_as_partial(data_dir, clock):
    first = Driver(data_dir, clock)
    start_session(first)
    first.tap("main_button")
    finish_timed_step(first)
    first.kill()

    second = Driver(data_dir, clock)
    try:
        second.tap("close_button")
        assert second.widget("resume_card").opacity == 0
        assert second.text("status_label") == "Partly done today."
        assert rows(second, "SELECT status FROM sessions") == [("partial",)]
    finally:
        second.close()


def test_leaving_mid_session_keeps_it_open_for_later(ui):
    start_session(ui)
    ui.tap("main_button")
    ui.advance(45, stall=True)
    ui.tap("leave_button")
    assert ui.screen.name == "home"
    assert ui.text("start_button") == "Resume the session"
    ui.tap("start_button")
    assert ui.text("countdown_label") == "9:15"


def test_time_scale_is_announced_on_screen(data_dir, clock):
    driver = Driver(data_dir, clock, time_scale=10)
    try:
        assert "10x faster" in driver.app.demo_banner
        assert "Demo speed: timers run 10x faster" in driver.visible_texts()
    finally:
        driver.close()


def test_a_clock_set_back_to_1970_shows_a_plain_banner_not_a_crash(ui):
    """Issue 11.8: starting a session dated 1970 raised out of the button."""
    from datetime import datetime, timezone

    ui.clock.advance(-(ui.clock.now() - datetime(1970, 1, 1, 8, tzinfo=timezone.utc)).total_seconds())
    ui.tap("start_button")
    assert ui.screen.name == "home"
    assert "clock says 1 January 1970" in ui.text("notice_label")
    assert rows(ui, "SELECT count(*) FROM sessions") == [(0,)]
