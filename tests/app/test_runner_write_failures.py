"""Issue 11.10: the record refuses a write mid-session (a full disk, a read-only file).

The record is made read-only by SQLite itself (tests/faults.py). A transition that cannot
be written happens in memory all the same; its write waits and is retried, in order,
before the next write. Nothing is lost that can still be written.
"""
import pytest

from app.runner import State
from tests.faults import RefusedWrites


@pytest.fixture
def record(store):
    return RefusedWrites(store)


@pytest.fixture
def runner(practice):
    runner = practice.new_runner()
    runner.start()
    runner.confirm()  # preparation done; the 10-minute towel runs
    return runner


def stored_steps(store, runner):
    return [(s.step_key, s.status, round(s.done_seconds)) for s in store.session(runner.session_id).steps]


def test_a_step_finished_while_the_record_refuses_goes_on_in_memory(runner, record, store, clock, cues):
    clock.advance(40)
    record.refuse()
    runner.skip()
    assert runner.state == State.RUNNING and runner.current.step.key == "massage"
    assert [o.step_key for o in runner.outcomes] == ["preparation", "heat"]
    assert runner.unsaved and "read-only" in runner.write_error
    assert cues.kinds()[-2:] == ["not_saved", "step_start"]  # told first, then the next step
    assert stored_steps(store, runner) == [("preparation", "done", 0), ("heat", "running", 0)]
    clock.advance(30)
    runner.tick()
    assert runner.remaining() == 210  # the massage's timer counts on


def test_once_the_record_takes_writes_again_the_pending_ones_are_written(runner, record, store, clock, cues):
    clock.advance(40)
    record.refuse()
    runner.skip()
    clock.advance(30)
    runner.tick()  # a checkpoint falls due: still refused, and nothing more is said
    assert cues.kinds().count("not_saved") == 1
    record.mend()
    clock.advance(10)
    runner.tick()
    assert not runner.unsaved and cues.kinds()[-1] == "saved_again"
    assert stored_steps(store, runner) == [("preparation", "done", 0), ("heat", "skipped", 40),
                                           ("massage", "running", 40)]


def test_pausing_while_refused_pauses_and_the_time_is_written_on_leaving(practice, runner, record, store, clock):
    clock.advance(25)
    record.refuse()
    runner.pause()
    assert runner.state == State.PAUSED and runner.unsaved
    clock.advance(100)
    assert runner.remaining() == 575  # paused: the timer stands still
    record.mend()
    runner.checkpoint()  # what Core.save_progress does when the app is left
    assert not runner.unsaved and stored_steps(store, runner)[1] == ("heat", "running", 25)


def test_paused_or_waiting_the_runner_still_retries_every_ten_seconds(runner, record, store, clock):
    clock.advance(25)
    record.refuse()
    runner.pause()
    record.mend()
    clock.advance(9)
    runner.tick()
    assert runner.unsaved
    clock.advance(1)
    runner.tick()
    assert not runner.unsaved and stored_steps(store, runner)[1] == ("heat", "running", 25)


def test_time_up_while_refused_waits_for_the_patient_as_usual(runner, record, store, clock):
    record.refuse()
    clock.advance(600.5)
    runner.tick()
    assert runner.state == State.STEP_FINISHED and runner.unsaved
    record.mend()
    runner.confirm()  # the next transition writes what waited first
    assert not runner.unsaved
    assert stored_steps(store, runner) == [("preparation", "done", 0), ("heat", "done", 600),
                                           ("massage", "running", 0)]


def test_a_session_finished_while_refused_is_closed_on_disk_once_it_can_be(runner, record, store, clock):
    record.refuse()
    for _ in range(3):
        runner.skip()
    assert runner.state == State.SESSION_FINISHED and runner.unsaved
    assert store.session(runner.session_id).status == "in_progress"
    record.mend()
    runner.checkpoint()
    session = store.session(runner.session_id)
    assert session.status == "partial" and [s.status for s in session.steps] == ["done", "skipped", "skipped",
                                                                                 "skipped"]


def test_a_session_started_while_refused_runs_and_is_written_whole_later(practice, record, store, clock, cues):
    record.refuse()
    began = clock.now()
    runner = practice.new_runner()
    runner.start()
    assert runner.state == State.RUNNING and runner.session_id is None and runner.unsaved
    assert cues.kinds() == ["not_saved", "step_start"]
    clock.advance(5)
    runner.confirm()
    record.mend()
    clock.advance(12)
    runner.tick()
    session = store.session(runner.session_id)
    assert session.started_at == began and str(session.local_date) == "2026-11-25"
    assert [(s.step_key, s.status, round(s.done_seconds)) for s in session.steps] == [
        ("preparation", "done", 0), ("heat", "running", 12)]


def test_what_is_refused_and_never_written_is_all_a_kill_loses(practice, runner, record, store, clock):
    """The record as it stands after a kill holds everything written before the refusal."""
    clock.advance(40)
    record.refuse()
    runner.skip()
    # killed here: a new runner reads the record as it was before the refusal
    record.mend()
    resumed = practice.resume_runner(store.interrupted_session())
    assert resumed.current.step.key == "heat" and resumed.elapsed() == 0  # its last checkpoint
