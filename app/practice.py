"""The daily practice: the plan in force, how today stands, and the sessions run against it.

The application layer every presenter shares (built once by `app.core.Core`): it joins
the routine, the record and the clock, and holds the rules about sessions that are not
one screen's own (a stale session closes by itself, a closed one is partial or abandoned).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from .clock import Clock
from .cues import Cue
from .routine import Routine
from .runner import CannotResume, PlannedStep, SessionRunner, restore_problem
from .storage import Store, queries
from .profile import load_profile, recovery_phrase
from .vocabulary import DayStatus, SessionStatus, StepStatus, TodayStatus
from .storage.repository import PlanStepView, PlanView, SessionView

STALE_AFTER = timedelta(hours=3)
NOTE_MAX_CHARS = 2000


@dataclass(frozen=True)
class TodaySummary:
    status: TodayStatus
    streak: int
    interrupted: SessionView | None
    best_streak: int = 0
    week: tuple = ()  # (date, day status) Monday to Sunday of this week
    recovery: str = ""  # "Week 9 since it began", when the onset date is known
    name: str = ""


class DailyPractice:
    def __init__(self, store: Store, routine: Routine, clock: Clock,
                 cues: Callable[[Cue], None] | None = None):
        self.store, self.routine, self.clock = store, routine, clock
        self.cues = cues
        self.auto_advance = False  # from the patient's preferences
        self.ensure_plan()
        self.close_stale_sessions()

    # --- the plan ---------------------------------------------------------------

    def default_plan_steps(self) -> list[PlanStepView]:
        return [PlanStepView(s.key, True, s.seconds) for s in self.routine.steps]

    def ensure_plan(self) -> PlanView:
        plan = self.store.current_plan()
        if plan is None:
            plan = self.store.save_plan(self.default_plan_steps(), set(), self.today(), self.clock.now())
        return plan

    def planned_steps(self, plan: PlanView) -> list[PlannedStep]:
        known = {s.key for s in self.routine.steps}
        return [PlannedStep(self.routine.step(p.step_key), p.seconds)
                for p in plan.included_steps() if p.step_key in known]

    # --- today ------------------------------------------------------------------

    def today(self) -> date:
        return self.clock.now().date()

    @property
    def side(self) -> str:
        return self.store.settings().get("profile.side", "unknown")

    def today_summary(self) -> TodaySummary:
        today = self.today()
        home = queries.home_stats(self.store, self.routine, today)
        todays = self.store.sessions_between(today, today)
        interrupted = self.store.interrupted_session()
        # Done follows the day rules (all required steps, pooled over today's sessions).
        if home.today_status == DayStatus.DONE:
            status = TodayStatus.DONE
        elif any(s.status == SessionStatus.IN_PROGRESS for s in todays):
            status = TodayStatus.IN_PROGRESS
        elif todays:
            status = TodayStatus.PARTIAL
        else:
            status = TodayStatus.NOT_STARTED
        profile = load_profile(self.store)
        recovery = recovery_phrase(profile.onset_date, today) if profile.onset_date else ""
        return TodaySummary(status, home.current_streak, interrupted, home.best_streak, tuple(home.week),
                            recovery, profile.display_name or "")

    # --- sessions -----------------------------------------------------------------

    def new_runner(self) -> SessionRunner:
        plan = self.ensure_plan()
        return self._runner(plan.id, self.planned_steps(plan))

    def _runner(self, plan_id: int, steps: list[PlannedStep]) -> SessionRunner:
        return SessionRunner(self.routine, plan_id, steps, self.store, self.clock,
                             self.cues, side=self.side, auto_advance=self.auto_advance)

    def resume_problem(self, session: SessionView) -> str:
        """Why this stored session cannot be resumed ("" when it can): its steps must fit its plan."""
        return restore_problem(self.planned_steps(self.store.plan(session.plan_id)), list(session.steps))

    def resume_runner(self, session: SessionView) -> SessionRunner:
        """The stored session in hand again. Raises CannotResume when its steps do not fit its plan."""
        problem = self.resume_problem(session)
        if problem:
            raise CannotResume(problem)
        runner = self._runner(session.plan_id, self.planned_steps(self.store.plan(session.plan_id)))
        runner.restore(session.id, list(session.steps))
        return runner

    def close_interrupted(self, session: SessionView) -> None:
        """Close a session left mid-way: partial if anything was done, else abandoned."""
        self.store.finish_session(session.id, closing_status(session), self.clock.now())

    def close_stale_sessions(self) -> None:
        session = self.store.interrupted_session()
        if session and self.clock.now() - session.last_activity_at > STALE_AFTER:
            self.close_interrupted(session)

    def annotate(self, session_id: int, note: str, rating: int | None) -> None:
        """Keep the patient's note and 1 to 5 rating; a bad value is refused with a clear reason."""
        note = note.strip()
        if len(note) > NOTE_MAX_CHARS:
            raise ValueError(f"The note is too long: please keep it under {NOTE_MAX_CHARS} characters.")
        if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5):
            raise ValueError("The rating must be a whole number from 1 to 5.")
        self.store.annotate_session(session_id, note or None, rating)  # refused: WriteFailed


def closing_status(session: SessionView) -> SessionStatus:
    """What closing an unfinished session makes of it: partial if any step was done."""
    done = any(s.status == StepStatus.DONE for s in session.steps)
    return SessionStatus.PARTIAL if done else SessionStatus.ABANDONED
