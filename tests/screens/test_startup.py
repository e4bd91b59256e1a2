from app.routine import DEFAULT_ROUTINE
from main import parse_args
from tests.harness import Driver


def test_a_malformed_routine_stops_start_up_with_a_clear_message(data_dir, clock, tmp_path):
    bad = tmp_path / "routine.toml"
    bad.write_text(DEFAULT_ROUTINE.read_text().replace("seconds = 600", 'seconds = "ten minutes"'))
    driver = Driver(data_dir, clock, routine_path=bad)
    try:
        assert driver.screen.name == "startup_error"
        message = driver.text("message_label")
        assert str(bad) in message and "steps[1].seconds" in message
    finally:
        driver.app.stop()
        driver._restore_clock()


def test_command_line_options():
    args = parse_args(["--data-dir", "/tmp/x", "--time-scale", "20"])
    assert (args.data_dir, args.time_scale) == ("/tmp/x", 20.0)
    assert parse_args([]).time_scale == 1.0


def test_a_time_scale_out_of_range_is_refused(capsys):
    """Issue 11.10: a tiny scale (1e-9) froze every timer."""
    import pytest

    for value in ("0", "1e-9", "0.09", "1001", "nan"):
        with pytest.raises(SystemExit):
            parse_args(["--time-scale", value])
        assert "--time-scale must be from 0.1 to 1000" in capsys.readouterr().err


def test_a_record_mended_at_start_is_told_first_and_never_restarts_the_first_run(data_dir, clock):
    """Issue 11.2: a record damaged after the first day came back from the morning copy (taken
    before the first run finished) and showed Welcome as if the patient were new."""
    from datetime import timedelta

    from app.storage.repository import DB_NAME

    Driver(data_dir, clock, first_run_done=False).close()  # day 1: opened, set-up left for later
    clock.advance(timedelta(hours=24).total_seconds())
    second = Driver(data_dir, clock, first_run_done=False)  # day 2: the morning copy, then set-up
    second.tap("next_button")
    second.tap("confirm_button")
    second.tap("continue_button")
    second.tap("skip_rest_button")
    assert second.screen.name == "home"
    second.close()
    (data_dir / DB_NAME).write_bytes(b"")  # then the record is emptied
    for side in ("-wal", "-shm"):
        (data_dir / (DB_NAME + side)).unlink(missing_ok=True)

    again = Driver(data_dir, clock, first_run_done=False)
    try:
        assert again.screen.name == "repair_notice"
        message = again.text("message_label")
        assert "empty" in message and "smileback-damaged-" in message and "26 November 2026" in message
        again.tap("go_on_button")
        # The morning copy predates the safety confirmation: the note again, then Home, no Welcome.
        assert again.screen.name == "safety"
        again.tap("confirm_button")
        again.tap("continue_button")
        assert again.screen.name == "home"
    finally:
        again.close()


def test_a_note_typed_on_the_summary_survives_a_kill(data_dir, clock):
    from app.runner import State

    ui = Driver(data_dir, clock)
    ui.tap("start_button")
    runner = ui.app.core.runner
    while runner.state != State.SESSION_FINISHED:  # a whole session, quickly
        if runner.state == State.RUNNING and runner.current.step.timed:
            clock.advance(runner.remaining() + 0.5)
            runner.tick()
        else:
            runner.confirm()
    ui.app.go("summary")
    ui.settle()
    ui.tap(ui.widget("rating_row").children[1])  # 4
    ui.type_into("note_input", "Eye closed better")
    ui.kill()

    again = Driver(data_dir, clock)
    try:
        assert again.screen.name == "summary"
        assert again.text("note_input") == "Eye closed better" and again.screen.rating == 4
        again.tap("save_button")
        assert again.screen.name == "home"
    finally:
        again.close()


def test_an_unreadable_time_in_the_record_is_told_at_start_not_a_crash(data_dir, clock):
    """Issue 11.6: one session's start time turned to 'garbage' stopped Home at every start."""
    import sqlite3
    from contextlib import closing

    from app.storage import Store
    from app.storage.repository import DB_NAME, PlanStepView

    Driver(data_dir, clock).close()
    store = Store(data_dir)
    plan = store.current_plan() or store.save_plan([PlanStepView("heat", True, 600)], set(), clock.now().date(),
                                                   clock.now())
    session_id = store.begin_session(plan.id, clock.now())
    store.finish_session(session_id, "completed", clock.now())
    store.close()
    with closing(sqlite3.connect(data_dir / DB_NAME)) as conn:
        conn.execute("UPDATE sessions SET started_at = 'garbage'")
        conn.commit()
    clock.advance(60)
    again = Driver(data_dir, clock)
    try:
        assert again.screen.name == "repair_notice"
        message = again.text("message_label")
        assert "a date or number that cannot be read" in message and "smileback-damaged-" in message
        assert "SELECT" not in message and "Error" not in message
        again.tap("go_on_button")
        assert again.screen.name == "home"
    finally:
        again.close()
