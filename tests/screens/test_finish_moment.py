"""The finish moment on the real summary: the day's mark fills once as it appears, with one cue.

Time moves by Kivy frames of the harness (0.05 s each), never by sleeping.
"""
from app.runner import State


def run_to_summary(ui, timed_steps_done: int):
    ui.tap("start_button")
    ui.tap("main_button")  # preparation
    for _ in range(timed_steps_done):
        ui.finish_step()
        assert ui.app.core.runner.state == State.STEP_FINISHED
        ui.tap("main_button")
    for _ in range(3 - timed_steps_done):
        ui.tap("skip_button")
        ui.tap_text("Yes, skip this step")
    assert ui.screen.name == "summary"
    return ui.widget("finish_moment")


def test_todays_mark_fills_once_as_the_summary_appears_then_stays_still(ui):
    moment = run_to_summary(ui, timed_steps_done=3)
    mark = moment.marked()
    assert mark.status == "done" and 0 <= mark.sweep < 360  # still filling
    ui.frames(20)  # one second: the fill takes 0.8
    assert mark.sweep == 360
    ui.advance(5)
    assert mark.sweep == 360  # nothing loops
    assert "Today's routine is done" in ui.visible_texts() and "1 day in a row" in ui.visible_texts()
    told = [c for c in ui.cues.cues if c.kind in ("session_done", "session_ended")]
    assert len(told) == 1 and told[0].text.endswith("That makes 1 day in a row.")


def test_a_partly_done_session_fills_half_the_mark_and_ends_calmly(ui):
    moment = run_to_summary(ui, timed_steps_done=1)
    ui.frames(20)
    mark = moment.marked()
    assert (mark.status, mark.sweep) == ("partial", 180)
    assert "Part of today's routine is done" in ui.visible_texts()
    assert ui.cues.cues[-1].kind == "session_ended" and "Well done" not in ui.cues.cues[-1].text


def test_choosing_a_rating_does_not_fill_the_mark_again(ui):
    moment = run_to_summary(ui, timed_steps_done=3)
    ui.frames(20)
    ui.tap(ui.widget("rating_row").children[1])  # 4
    assert moment.marked().sweep == 360 and ui.screen.rating == 4
    ui.tap("save_button")
    assert ui.screen.name == "home"
