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
from app.journal import StepFinish  # noqa: E402
from app.practice import DailyPractice  # noqa: E402
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
        self._say(StepFinish(step_id, status, done_seconds, at))

    def start_step(self, *args, finished: StepFinish | None = None, **kwargs) -> int:
        step_id = self.store.start_step(*args, finished=finished, **kwargs)
        self._say(finished)
        return step_id

    def finish_session(self, *args, finished: StepFinish | None = None, **kwargs) -> None:
        self.store.finish_session(*args, finished=finished, **kwargs)
        self._say(finished)

    @staticmethod
    def _say(finished: StepFinish | None) -> None:
        if finished is not None:
            print(f"finished {finished.step_id} {finished.status} {finished.done_seconds!r}", flush=True)


def next_runner(practice: DailyPractice) -> SessionRunner:
    interrupted = practice.store.interrupted_session()
    runner = practice.resume_runner(interrupted) if interrupted else practice.new_runner()
    runner.journal = ReportingJournal(practice.store)
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
    practice = DailyPractice(opened.store, load_routine(), clock)
    rng = random.Random()
    print("ready", flush=True)
    while True:
        drive(next_runner(practice), rng)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
