"""Issue 11.10 on the real screens: the record refuses writes mid-session (PRAGMA query_only)."""
from sqlalchemy import text

from tests.faults import RefusedWrites


def stored_steps(ui):
    with ui.app.core.store.engine.connect() as conn:
        return conn.execute(text("SELECT step_key, status, round(done_seconds) FROM step_logs ORDER BY position")).all()


def test_a_step_the_record_refuses_is_said_on_screen_and_the_timer_counts_on(ui):
    ui.tap("start_button")
    ui.tap("main_button")  # preparation done; the towel runs
    record = RefusedWrites(ui.app.core.store)
    record.refuse()
    ui.advance(30, stall=True)
    ui.tap("skip_button")
    ui.tap_text("Yes, skip this step")
    assert ui.text("title_label") == "Facial massage"
    warning = ui.widget("save_warning")
    assert warning.opacity == 1 and warning.height > 0
    assert "This step could not be saved" in warning.text and "read-only" in warning.text
    assert warning.text in ui.visible_texts() and "not_saved" in ui.cues.kinds()
    ui.advance(20, stall=True)
    assert ui.text("countdown_label") == "3:40"  # the massage counts down all the same
    record.mend()
    ui.advance(10, stall=True)  # the next checkpoint writes what waited
    assert ui.widget("save_warning").opacity == 0 and ui.cues.kinds()[-1] == "saved_again"
    assert stored_steps(ui) == [("preparation", "done", 0), ("heat", "skipped", 30), ("massage", "running", 30)]
