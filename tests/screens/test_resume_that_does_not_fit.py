"""Issue 11.10 on the real Home: a session from an import whose steps do not fit its plan."""
from datetime import datetime, timezone

from app.practice import DailyPractice
from app.storage import Store
from app.vocabulary import StepStatus
from tests.harness import Driver, mark_first_run_done

KEYS = ("preparation", "heat", "massage", "eyes")


def test_home_refuses_to_resume_it_plainly_and_closes_it_on_request(data_dir, clock, routine):
    mark_first_run_done(data_dir)
    store = Store(data_dir)
    at = datetime(2026, 11, 25, 7, 30, tzinfo=timezone.utc)
    session_id = store.begin_session(DailyPractice(store, routine, clock).ensure_plan().id, at)
    for position in range(8):  # positions 0..7 on a plan of 4 steps, as a JSON import can hold
        log_id = store.start_step(session_id, position, KEYS[position % 4], 60, at)
        if position < 7:
            store.finish_step(log_id, StepStatus.DONE, 60, at)
    store.close()

    ui = Driver(data_dir, clock)
    try:
        assert any("cannot be resumed" in t for t in ui.visible_texts())
        assert ui.text("start_button") == "Start a new session"
        ui.tap("start_button")  # no crash: a question
        ui.tap_text("Close it as partly done and start")
        assert ui.screen.name == "session" and ui.text("title_label") == "Prepare"
    finally:
        ui.close()
