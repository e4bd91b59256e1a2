"""What the patient was told is done stays done: across SIGKILL, restarts and long gaps."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.practice import STALE_AFTER, DailyPractice
from app.runner import CHECKPOINT_SECONDS, State
from app.storage.opening import open_store

ROOT = Path(__file__).resolve().parents[2]
KILL_TARGET = Path(__file__).resolve().parent / "kill_target.py"
KILLS = 60
# A busy machine (parallel test workers) finishes fewer steps before each kill: then the
# test kills on, up to this many times, until KILLS finished steps have been reported.
MAX_KILLS = 3 * KILLS


def run_seconds(runner, clock, seconds: int) -> None:
    for _ in range(seconds):
        clock.advance(1)
        runner.tick()


def start_heat(practice, clock, seconds: int):
    """A session with preparation confirmed and `seconds` of heat behind the patient."""
    runner = practice.new_runner()
    runner.start()
    runner.confirm()  # preparation is untimed
    assert runner.current.step.key == "heat"
    run_seconds(runner, clock, seconds)
    return runner


def restart(store, routine, clock, cues, after: timedelta) -> DailyPractice:
    """The app comes back after a kill: a new DailyPractice on the same record."""
    clock.advance(after.total_seconds())
    return DailyPractice(store, routine, clock, cues)


# --- resuming ---------------------------------------------------------------------------------

def test_resume_continues_the_running_step_with_checkpointed_time(practice, store, routine, clock, cues):
    killed = start_heat(practice, clock, 25)  # checkpoints fell at 10 and 20 seconds
    heat_log_id = store.interrupted_session().steps[1].id
    del killed  # no pause, no goodbye: as after SIGKILL

    again = restart(store, routine, clock, cues, timedelta(minutes=5))
    session = again.today_summary().interrupted
    runner = again.resume_runner(session)
    assert runner.state == State.PAUSED and runner.current.step.key == "heat"
    assert runner.elapsed() == 2 * CHECKPOINT_SECONDS  # only the 5 s after the last checkpoint are lost
    assert [o.step_key for o in runner.outcomes] == ["preparation"]

    runner.resume()
    run_seconds(runner, clock, 600 - 20)
    assert runner.state == State.STEP_FINISHED
    heat = [s for s in store.session(session.id).steps if s.position == 1]
    assert [(s.id, s.status, s.done_seconds) for s in heat] == [(heat_log_id, "done", 600.0)]


def test_pausing_saves_the_exact_time_reached(practice, store, routine, clock, cues):
    runner = start_heat(practice, clock, 7)
    runner.pause()
    again = restart(store, routine, clock, cues, timedelta(hours=1))
    assert again.resume_runner(again.today_summary().interrupted).elapsed() == 7.0


def test_a_kill_between_last_step_and_session_end_completes_on_resume(practice, store, routine, clock, cues):
    runner = start_heat(practice, clock, 600)
    runner.confirm()
    run_seconds(runner, clock, 240)
    runner.confirm()
    run_seconds(runner, clock, 120)
    assert runner.state == State.STEP_FINISHED and runner.upcoming is None

    def killed(*args, **kwargs):
        raise KeyboardInterrupt("killed before finish_session was written")

    store.finish_session = killed  # the instance attribute shadows the method for this store
    with pytest.raises(KeyboardInterrupt):
        runner.confirm()
    del store.finish_session
    session_id = runner.session_id

    again = restart(store, routine, clock, cues, timedelta(minutes=1))
    resumed = again.resume_runner(again.today_summary().interrupted)
    assert resumed.state == State.SESSION_FINISHED
    assert store.session(session_id).status == "completed"


def test_a_session_untouched_for_over_three_hours_is_closed_as_partial(practice, store, routine, clock, cues):
    runner = start_heat(practice, clock, 30)  # preparation done: something counts
    session_id = runner.session_id
    restart(store, routine, clock, cues, STALE_AFTER + timedelta(seconds=1))
    closed = store.session(session_id)
    assert closed.status == "partial" and closed.ended_at is not None
    assert [s.status for s in closed.steps] == ["done", "skipped"]
    assert closed.steps[1].done_seconds == 30.0
    assert store.interrupted_session() is None


def test_a_stale_session_with_nothing_done_is_closed_as_abandoned(practice, store, routine, clock, cues):
    runner = practice.new_runner()
    runner.start()  # preparation shown, never confirmed
    restart(store, routine, clock, cues, timedelta(hours=5))
    assert store.session(runner.session_id).status == "abandoned"


def test_a_session_left_exactly_three_hours_can_still_be_resumed(practice, store, routine, clock, cues):
    runner = start_heat(practice, clock, 12)
    again = restart(store, routine, clock, cues, STALE_AFTER - timedelta(seconds=2))  # last touch was 2 s ago
    assert again.today_summary().interrupted.id == runner.session_id
    assert store.session(runner.session_id).status == "in_progress"


# --- SIGKILL at random moments --------------------------------------------------------------------

def read_finished(lines: list[str]) -> list[tuple[int, str, float]]:
    finished = []
    for line in lines:
        parts = line.split()
        if len(parts) == 4 and parts[0] == "finished":
            finished.append((int(parts[1]), parts[2], float(parts[3])))
    return finished


def launch(data_dir: Path, stderr) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(KILL_TARGET), str(data_dir)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=stderr)


def kill_once(data_dir: Path, rng: random.Random, stderr) -> list[str]:
    """Launch, let it run a random while, SIGKILL it; returns everything it printed."""
    process = launch(data_dir, stderr)
    lines = []
    if rng.random() < 0.8:
        lines.append(process.stdout.readline())  # wait until open: most kills fall mid-session
        time.sleep(rng.uniform(0.0, 0.25))
    else:
        time.sleep(rng.uniform(0.0, 0.6))  # anywhere, start-up and opening included
    alive = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    lines += process.stdout.readlines()
    process.stdout.close()
    if not alive:
        stderr.seek(0)
        pytest.fail(f"the target died by itself: {stderr.read()[-3000:]}")
    return lines


@pytest.mark.timeout(240)
def test_every_step_reported_finished_survives_sigkill(tmp_path):
    seed = int(os.environ.get("SMILEBACK_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    data_dir = tmp_path / "data"
    reported: list[tuple[int, str, float]] = []
    kills = 0
    with tempfile.TemporaryFile("w+") as stderr:
        while kills < KILLS or (len(reported) < KILLS and kills < MAX_KILLS):
            stderr.seek(0)
            stderr.truncate()
            reported += read_finished(kill_once(data_dir, rng, stderr))
            kills += 1

    assert len(reported) >= KILLS, f"too few steps finished to prove anything in {kills} kills (seed {seed})"
    db_path = data_dir / "smileback.sqlite3"
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"seed {seed}"
        stored = {row[0]: row[1:] for row in conn.execute(
            "SELECT id, status, done_seconds, ended_at IS NOT NULL FROM step_logs")}
    missing = [(step_id, status, done) for step_id, status, done in reported
               if stored.get(step_id) != (status, round(done, 2), 1)]
    assert not missing, f"reported finished but not stored as such: {missing[:5]} (seed {seed})"

    opened = open_store(data_dir, date.today())
    try:
        assert opened.notice is None  # no damage was found after all those kills
        assert not list(data_dir.rglob("*.partial")), "a half-written copy was left behind"
    finally:
        opened.store.close()
