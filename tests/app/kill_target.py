"""The process test_durability kills: runs guided sessions flat out against a real record.

    python tests/app/kill_target.py DATA_DIR

It opens the record as the app does (open_store: checks, backup, migration), resumes an
interrupted session or starts a new one, and drives the runner as a hurried patient would,
with time running thousands of times faster. It prints "ready" once open, and
"finished <step id> <status> <done seconds>" after each finish_step commit has returned:
whatever it printed, the test expects to find in the database after a SIGKILL.
"""
from __future__ import annotations

import random
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.clock import ScaledClock, SystemClock  # noqa: E402
from app.companion import Companion  # noqa: E402
from app.routine import load_routine  # noqa: E402
from app.runner import SessionRunner, State  # noqa: E402
from app.storage.opening import open_store  # noqa: E402

TIME_SCALE = 4000  # a 10-minute step lasts 0.15 s; a checkpoint falls due every 2.5 ms


class ReportingJournal:
    """The store, saying aloud each finished step once its commit has returned."""

    def __init__(self, store):
        self.store = store

    def __getattr__(self, name):
        return getattr(self.store, name)

    def finish_step(self, step_id: int, status: str, done_seconds: float, at: datetime) -> None:
        self.store.finish_step(step_id, status, done_seconds, at)
        print(f"finished {step_id} {status} {done_seconds!r}", flush=True)


def next_runner(companion: Companion) -> SessionRunner:
    interrupted = companion.store.interrupted_session()
    runner = companion.resume_runner(interrupted) if interrupted else companion.new_runner()
    runner.journal = ReportingJournal(companion.store)
    if runner.state == State.IDLE:
        runner.start()
    return runner


def drive(runner: SessionRunner, rng: random.Random) -> None:
    while runner.state != State.SESSION_FINISHED:
        if runner.state == State.PAUSED:
            runner.resume()
        elif runner.state == State.STEP_FINISHED or not runner.current.step.timed:
            runner.confirm()
        elif rng.random() < 0.01:
            runner.skip()
        elif rng.random() < 0.02:
            runner.pause()
        runner.tick()
        time.sleep(0.0005)


def main(data_dir: Path) -> None:
    clock = ScaledClock(SystemClock(), TIME_SCALE)
    opened = open_store(data_dir, clock.now().date())
    companion = Companion(opened.store, load_routine(), clock)
    rng = random.Random()
    print("ready", flush=True)
    while True:
        drive(next_runner(companion), rng)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
