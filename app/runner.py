"""The session runner: a state machine over the day's planned steps.

    idle --start--> running <--pause/resume--> paused
    running --time up--> step_finished --confirm--> running (next step) | session_finished
    running/paused --skip--> next step | session_finished

Time comes from an injected clock. tick() is the runner's heartbeat, called often by
whoever drives it (the session screen's presenter): it gives the cues that are due,
writes a checkpoint every CHECKPOINT_SECONDS of monotonic time, and ends a step whose
time is up. Every step event is written through the journal the moment it happens; a
step change (one step closed, the next started) is one transaction.

When the record refuses a write (a full disk, a read-only file: the journal raises
WriteFailed), the transition still happens, fully, in memory: the state, the outcomes and
the timers move on as if it had been written, and the patient is told by a "not_saved"
cue and by `unsaved`/`write_error` for the screen. The refused write waits in order, and
every later write (the next transition, a checkpoint, which falls due every
CHECKPOINT_SECONDS in any state while something waits, or `checkpoint()` when the app is
left) first writes what waits, oldest first. Once all is written, a "saved_again" cue says
so. Only what still waits when the process dies is lost; the record stays as it was
before the refusal, consistent (each write is one transaction, all or nothing).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Callable

from .clock import Clock
from .cues import Cue
from .routine import Part, Routine, Step
from .journal import Journal, StepFinish, WriteFailed
from .timer import CountdownTimer
from .vocabulary import SessionStatus, StepStatus

CHECKPOINT_SECONDS = 10.0
HALFWAY_MIN_SECONDS = 60


class State(str, Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STEP_FINISHED = "step_finished"
    SESSION_FINISHED = "session_finished"


class InvalidAction(RuntimeError):
    """An action that makes no sense in the runner's current state."""


class CannotResume(ValueError):
    """A stored session whose steps do not fit its plan; the message is meant for the patient."""


@dataclass(frozen=True)
class PlannedStep:
    step: Step
    seconds: int


@dataclass(frozen=True)
class StepOutcome:
    step_key: str
    title: str
    status: StepStatus  # done or skipped
    planned_seconds: int
    done_seconds: float


@dataclass(frozen=True)
class ClosedStep:
    """A step's end in memory, by position: its stored id is looked up when it is written."""

    position: int
    status: StepStatus
    done_seconds: float
    at: datetime


Write = Callable[[], None]


class SessionRunner:
    def __init__(self, routine: Routine, plan_id: int, steps: list[PlannedStep], journal: Journal,
                 clock: Clock, cues: Callable[[Cue], None] | None = None, side: str = "unknown",
                 auto_advance: bool = False):
        if not steps:
            raise ValueError("a session needs at least one step")
        self.routine, self.plan_id, self.steps = routine, plan_id, steps
        self.journal, self.clock = journal, clock
        self.cues = cues or (lambda cue: None)
        self.side, self.auto_advance = side, auto_advance
        self.state = State.IDLE
        self.index = 0
        self.session_id: int | None = None
        self.outcomes: list[StepOutcome] = []
        self.write_error = ""  # why the record refused the last write ("the record is read-only")
        self._log_ids: dict[int, int] = {}  # stored step-log id by position, once written
        self._step_open = False  # the current step is started and not yet closed
        self._pending: list[Write] = []  # refused writes, oldest first
        self._progress_unsaved = False  # the running step's last checkpoint was refused
        self._told_unsaved = False
        self._timer: CountdownTimer | None = None
        self._announced: set[str] = set()
        self._last_checkpoint = 0.0
        self._bounds: list[tuple[Part, float, float]] = []  # the current step's parts, worked out once

    # --- reading the state --------------------------------------------------------

    @property
    def current(self) -> PlannedStep:
        return self.steps[min(self.index, len(self.steps) - 1)]

    @property
    def upcoming(self) -> PlannedStep | None:
        return self.steps[self.index + 1] if self.index + 1 < len(self.steps) else None

    @property
    def unsaved(self) -> bool:
        """Something that happened is not on disk yet (the record refused it)."""
        return bool(self._pending) or self._progress_unsaved

    def text(self, template: str) -> str:
        return self.routine.personalise(template, self.side)

    def elapsed(self) -> float:
        return self._timer.elapsed() if self._timer else 0.0

    def remaining(self) -> float:
        return self._timer.remaining() if self._timer else 0.0

    def current_part(self) -> Part | None:
        elapsed = self.elapsed()
        for part, _start, end in self._bounds:
            if elapsed < end:
                return part
        return self._bounds[-1][0] if self._bounds else None

    def progress(self) -> float:
        """Fraction of the whole session behind the patient, from 0 to 1."""
        if self.state == State.SESSION_FINISHED:
            return 1.0
        within = 1.0 if self.state == State.STEP_FINISHED else (
            self.elapsed() / self.current.seconds if self.current.step.timed and self.current.seconds else 0.0)
        return (self.index + within) / len(self.steps)

    # --- actions ------------------------------------------------------------------

    def start(self) -> None:
        self._require(State.IDLE)
        self._write(self._begin_write(self.clock.now()), report=False)  # the first step's write reports
        self._enter_step(0)

    def tick(self) -> None:
        """Notice the passage of time: cues due, checkpoints, and the end of a step."""
        if self.state != State.RUNNING or self._timer is None:
            if self.unsaved and self._checkpoint_due():  # paused, waiting or finished: retry
                self.checkpoint()
            return
        self._cue_part_change()
        if self._timer.finished:
            self._time_up()
            return
        self._cue_halfway_and_countdown()
        if self._checkpoint_due():
            self.checkpoint()

    def _checkpoint_due(self) -> bool:
        return self.clock.monotonic() - self._last_checkpoint >= CHECKPOINT_SECONDS

    def pause(self) -> None:
        self._require(State.RUNNING)
        if self._timer:
            self._timer.pause()
        self.checkpoint()
        self.state = State.PAUSED
        self.cues(Cue("paused", self.routine.voice.paused))

    def resume(self) -> None:
        self._require(State.PAUSED)
        self.state = State.RUNNING
        if "step_start" not in self._announced:  # first start after a restart
            self._announce_step()
        else:
            self.cues(Cue("resumed", self.routine.voice.resumed))
        if self._timer:
            self._timer.start()
        self._last_checkpoint = self.clock.monotonic()

    def confirm(self) -> None:
        """Go on: finish an untimed step, or move past a step whose time is up."""
        if self.state == State.RUNNING and not self.current.step.timed:
            self._advance(self._close_step(StepStatus.DONE))
        elif self.state == State.STEP_FINISHED:
            self._advance()
        else:
            raise InvalidAction(f"cannot confirm while {self.state.value}")

    def skip(self) -> None:
        self._require(State.RUNNING, State.PAUSED)
        self._advance(self._close_step(StepStatus.SKIPPED))

    # --- resuming after a restart -------------------------------------------------

    def restore(self, session_id: int, logs: list) -> None:
        """Continue a stored session: finished steps stay, the running one keeps its time.
        Raises CannotResume, changing nothing, when its steps do not fit the plan."""
        self._require(State.IDLE)
        problem = restore_problem(self.steps, logs)
        if problem:
            raise CannotResume(problem)
        self.session_id = session_id
        self._log_ids = {log.position: log.id for log in logs}
        finished = [log for log in logs if log.status in (StepStatus.DONE, StepStatus.SKIPPED)]
        for log in finished:
            step = self.steps[log.position].step
            self.outcomes.append(StepOutcome(log.step_key, step.title, log.status, log.planned_seconds,
                                             log.done_seconds))
        self.index = len(finished)
        if self.index >= len(self.steps):
            self._finish_session()
            return
        running = next((log for log in logs if log.position == self.index and log.status == StepStatus.RUNNING),
                       None)
        self._load_step(self.index, running.done_seconds if running else 0.0, running.id if running else None)
        self.state = State.PAUSED

    # --- internals ----------------------------------------------------------------

    def _require(self, *states: State) -> None:
        if self.state not in states:
            raise InvalidAction(f"not possible while {self.state.value}")

    def _load_step(self, index: int, already_done: float = 0.0, log_id: int | None = None,
                   finished: ClosedStep | None = None) -> None:
        self.index = index
        planned = self.steps[index]
        self._timer = CountdownTimer(self.clock, planned.seconds, already_done) if planned.step.timed else None
        self._bounds = planned.step.part_bounds(planned.seconds)
        self._step_open = True
        if log_id is None:
            self._write(self._step_start_write(index, planned, self.clock.now(), finished))
        self._announced = set()

    def _enter_step(self, index: int, finished: ClosedStep | None = None) -> None:
        self._load_step(index, finished=finished)
        self.state = State.RUNNING
        self._announce_step()
        if self._timer:
            self._timer.start()
        self._last_checkpoint = self.clock.monotonic()

    def _announce_step(self) -> None:
        step = self.current.step
        words = [self.text(step.spoken)]
        part = self.current_part()
        if part:
            words.append(self.text(part.spoken))
            self._announced.add(f"part:{part.key}")
        self._announced.add("step_start")
        self.cues(Cue("step_start", " ".join(words)))

    def _cue_part_change(self) -> None:
        part = self.current_part()
        if part and f"part:{part.key}" not in self._announced:
            self._announced.add(f"part:{part.key}")
            self.cues(Cue("part_change", self.text(part.spoken), vibrate=True))

    def _cue_halfway_and_countdown(self) -> None:
        planned, voice = self.current.seconds, self.routine.voice
        if not self.current.step.parts and planned >= HALFWAY_MIN_SECONDS and "halfway" not in self._announced \
                and self.elapsed() >= planned / 2:
            self._announced.add("halfway")
            self.cues(Cue("halfway", voice.halfway))
        if planned > 2 * voice.countdown_from:
            left = math.ceil(self.remaining())
            if 1 <= left <= voice.countdown_from and f"count:{left}" not in self._announced:
                self._announced.add(f"count:{left}")
                self.cues(Cue("countdown", str(left)))

    def _time_up(self) -> None:
        finished = self._close_step(StepStatus.DONE)
        nxt = self.upcoming
        follow = self.routine.voice.next_step.format(title=nxt.step.title) if nxt else ""
        if nxt and (self.auto_advance or self.current.step.auto_advance):
            self.cues(Cue("time_up", follow, vibrate=True))
            self._advance(finished)
            return
        self._write(self._step_finish_write(finished))
        self.state = State.STEP_FINISHED
        self.cues(Cue("time_up", f"{self.routine.voice.time_up} {follow}".strip(), vibrate=True))

    def checkpoint(self) -> None:
        """Write what waits, then how far the running step has got (also called when the app is left)."""
        self._last_checkpoint = self.clock.monotonic()
        written = self._write_pending() and self._write_progress()
        self._report(written, retell=False)

    def _write_progress(self) -> bool:
        if not self._step_open or self._timer is None:
            return True
        try:
            self.journal.checkpoint_step(self._log_ids[self.index], self.elapsed(), self.clock.now())
        except WriteFailed as error:
            self.write_error, self._progress_unsaved = error.reason, True
            return False
        self._progress_unsaved = False
        return True

    # --- writing, and what to do when the record refuses -----------------------------

    def _write(self, write: Write, report: bool = True) -> None:
        """Write an event now, after whatever waits; refused, it waits its turn."""
        self._pending.append(write)
        written = self._write_pending()
        if report:
            self._report(written, retell=True)

    def _write_pending(self) -> bool:
        """Try the waiting writes, oldest first; False when the record still refuses."""
        while self._pending:
            try:
                self._pending[0]()
            except WriteFailed as error:
                self.write_error = error.reason
                return False
            self._pending.pop(0)
        return True

    def _report(self, written: bool, retell: bool) -> None:
        """Tell the patient when a write is refused (each event; a checkpoint only once),
        and once when everything is saved again."""
        if not written:
            if retell or not self._told_unsaved:
                self.cues(Cue("not_saved", self.routine.voice.not_saved))
            self._told_unsaved = True
        elif not self.unsaved:
            self.write_error = ""
            if self._told_unsaved:
                self._told_unsaved = False
                self.cues(Cue("saved_again", self.routine.voice.saved_again))

    def _stored(self, closed: ClosedStep | None) -> StepFinish | None:
        """The journal's form of a closed step, with its stored id (known by now: writes go in order)."""
        if closed is None:
            return None
        return StepFinish(self._log_ids[closed.position], closed.status, closed.done_seconds, closed.at)

    def _begin_write(self, at: datetime) -> Write:
        def write() -> None:
            self.session_id = self.journal.begin_session(self.plan_id, at)
        return write

    def _step_start_write(self, index: int, planned: PlannedStep, at: datetime,
                          finished: ClosedStep | None) -> Write:
        def write() -> None:
            self._log_ids[index] = self.journal.start_step(
                self.session_id, index, planned.step.key, planned.seconds, at, finished=self._stored(finished))
        return write

    def _step_finish_write(self, closed: ClosedStep) -> Write:
        def write() -> None:
            self.journal.finish_step(self._log_ids[closed.position], closed.status, closed.done_seconds, closed.at)
        return write

    def _session_finish_write(self, status: SessionStatus, at: datetime, finished: ClosedStep | None) -> Write:
        def write() -> None:
            self.journal.finish_session(self.session_id, status, at, finished=self._stored(finished))
        return write

    # --- closing steps and the session ---------------------------------------------

    def _close_step(self, status: StepStatus) -> ClosedStep:
        """End the current step in memory; the caller writes it, alone or with what follows."""
        if self._timer:
            self._timer.pause()
        done = self.elapsed()
        planned = self.current
        self.outcomes.append(StepOutcome(planned.step.key, planned.step.title, status, planned.seconds, done))
        self._step_open = False
        self._progress_unsaved = False  # the step's end carries its time
        return ClosedStep(self.index, status, done, self.clock.now())

    def _advance(self, finished: ClosedStep | None = None) -> None:
        if self.index + 1 < len(self.steps):
            self._enter_step(self.index + 1, finished)
        else:
            self._finish_session(finished)

    def _finish_session(self, finished: ClosedStep | None = None) -> None:
        self.index = len(self.steps) - 1
        self._timer = None
        self._write(self._session_finish_write(self.status(), self.clock.now(), finished))
        self.state = State.SESSION_FINISHED  # the summary tells the end (app/presenters/summary.py)

    def status(self) -> SessionStatus:
        """Completed when every required step was done; partial otherwise."""
        done = {o.step_key for o in self.outcomes if o.status == StepStatus.DONE}
        required = [p.step.key for p in self.steps if p.step.required]
        return SessionStatus.COMPLETED if all(key in done for key in required) else SessionStatus.PARTIAL


def restore_problem(steps: list[PlannedStep], logs: list) -> str:
    """Why a stored session cannot go on with these planned steps ("" when it can)."""
    if fits_plan(steps, logs):
        return ""
    return ("This session cannot be resumed: its steps do not match the plan it was started with "
            "(it may come from another device or an older version of the routine).")


def fits_plan(steps: list[PlannedStep], logs: list) -> bool:
    """Each stored step is the planned step at its position; the finished ones hold positions
    0, 1, 2, ... and a running one, if any, is the next."""
    if not steps or any(log.position >= len(steps) or log.step_key != steps[log.position].step.key
                        for log in logs):
        return False
    finished = sorted(log.position for log in logs if log.status in (StepStatus.DONE, StepStatus.SKIPPED))
    running = [log.position for log in logs if log.status == StepStatus.RUNNING]
    return finished == list(range(len(finished))) and running in ([], [len(finished)])
