"""The session runner's state machine, on a real store in a temporary folder."""
import pytest

from app.runner import InvalidAction, State


def run_to_time_up(runner, clock):
    clock.advance(runner.remaining() + 0.1)
    runner.tick()
    assert runner.state == State.STEP_FINISHED


@pytest.fixture
def runner(practice):
    return practice.new_runner()


def test_idle_until_started(runner, store):
    assert runner.state == State.IDLE
    assert store.interrupted_session() is None


def test_start_opens_a_session_on_the_local_start_date(runner, store):
    runner.start()
    session = store.session(runner.session_id)
    assert runner.state == State.RUNNING and session.status == "in_progress"
    assert str(session.local_date) == "2026-11-25"
    assert [s.step_key for s in session.steps] == ["preparation"]


def test_untimed_step_is_confirmed_and_the_next_starts(runner, store):
    runner.start()
    runner.confirm()
    assert runner.state == State.RUNNING and runner.current.step.key == "heat"
    assert store.session(runner.session_id).steps[0].status == "done"


def test_time_up_waits_for_confirmation(runner, clock):
    runner.start()
    runner.confirm()
    run_to_time_up(runner, clock)
    clock.advance(500)
    runner.tick()
    assert runner.state == State.STEP_FINISHED and runner.current.step.key == "heat"
    runner.confirm()
    assert runner.current.step.key == "massage" and runner.remaining() == 240


def test_auto_advance_moves_on_by_itself(practice, clock):
    runner = practice.new_runner()
    runner.auto_advance = True
    runner.start()
    runner.confirm()
    clock.advance(600.5)
    runner.tick()
    assert runner.state == State.RUNNING and runner.current.step.key == "massage"


def test_pause_and_resume(runner, clock, store):
    runner.start()
    runner.confirm()
    clock.advance(30)
    runner.pause()
    assert runner.state == State.PAUSED
    assert store.session(runner.session_id).steps[1].done_seconds == 30
    clock.advance(100)
    runner.resume()
    clock.advance(10)
    assert runner.remaining() == 560


def test_skip_logs_the_time_done_and_moves_on(runner, clock, store):
    runner.start()
    runner.confirm()
    clock.advance(42)
    runner.skip()
    heat = store.session(runner.session_id).steps[1]
    assert (heat.status, heat.done_seconds) == ("skipped", 42)
    assert runner.current.step.key == "massage"


def test_finishing_every_step_completes_the_session(runner, clock, store):
    runner.start()
    runner.confirm()
    for _ in range(3):
        run_to_time_up(runner, clock)
        runner.confirm()
    assert runner.state == State.SESSION_FINISHED
    assert store.session(runner.session_id).status == "completed"
    assert runner.progress() == 1.0


def test_skipping_the_optional_preparation_still_completes(runner, clock, store):
    runner.start()
    runner.skip()
    for _ in range(3):
        run_to_time_up(runner, clock)
        runner.confirm()
    assert store.session(runner.session_id).status == "completed"


def test_skipping_a_required_step_makes_it_partial(runner, clock, store):
    runner.start()
    runner.confirm()
    runner.skip()
    for _ in range(2):
        run_to_time_up(runner, clock)
        runner.confirm()
    assert store.session(runner.session_id).status == "partial"


@pytest.mark.parametrize("action", ["pause", "resume", "confirm", "skip", "tick_is_fine"])
def test_actions_out_of_place_are_refused(runner, action):
    if action == "tick_is_fine":
        runner.tick()
        assert runner.state == State.IDLE
        return
    with pytest.raises(InvalidAction):
        getattr(runner, action)()


def test_confirm_is_refused_while_a_timed_step_runs(runner):
    runner.start()
    runner.confirm()
    with pytest.raises(InvalidAction):
        runner.confirm()


def test_resume_after_restart_counts_the_time_already_done(practice, clock, store):
    runner = practice.new_runner()
    runner.start()
    runner.confirm()
    clock.advance(125)
    runner.tick()  # writes a checkpoint (every 10 s)
    # The process dies here. A new runner is built from the stored session.
    stored = store.interrupted_session()
    resumed = practice.resume_runner(stored)
    assert resumed.state == State.PAUSED and resumed.current.step.key == "heat"
    assert resumed.remaining() == pytest.approx(475)
    resumed.resume()
    clock.advance(475)
    resumed.tick()
    assert resumed.state == State.STEP_FINISHED
    assert [s.status for s in store.session(stored.id).steps] == ["done", "done"]


def test_cues_follow_the_session(practice, clock, cues):
    runner = practice.new_runner()
    runner.start()
    runner.confirm()
    for _ in range(600):
        clock.advance(1)
        runner.tick()
    kinds = cues.kinds()
    assert kinds[:3] == ["step_start", "step_start", "halfway"]
    assert kinds[3:13] == ["countdown"] * 10
    assert [c.text for c in cues.cues[3:13]] == [str(n) for n in range(10, 0, -1)]
    assert kinds[13] == "time_up" and "Next: Facial massage" in cues.cues[13].text


def test_the_change_of_direction_is_cued(practice, clock, cues):
    runner = practice.new_runner()
    runner.start()
    runner.skip()
    runner.skip()
    runner.skip()
    assert runner.current.step.key == "eyes"
    clock.advance(61)
    runner.tick()
    change = [c for c in cues.cues if c.kind == "part_change"]
    assert len(change) == 1 and "counter-clockwise" in change[0].text and change[0].vibrate
