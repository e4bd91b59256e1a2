"""Home: how today stands, the streak, this week, the routine, and one button to begin."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta, timezone

from ..core import Core
from ..formatting import duration_words, greeting, long_date, plural, streak_words
from ..practice import TodaySummary, closing_status
from ..runner import State
from ..storage.errors import StoreError
from ..storage.repository import SessionView
from ..vocabulary import DayStatus, StepStatus, TodayStatus
from .base import Navigator, Question, Shows, ask_to_close

START_WORDS = {
    TodayStatus.NOT_STARTED: "Start today's session",
    TodayStatus.IN_PROGRESS: "Resume the session",
    TodayStatus.DONE: "Do another session",
    TodayStatus.PARTIAL: "Start a new session",
}
# The week's marks in words, in the order they are counted ("This week: 2 done, 1 missed").
WEEK_COUNTED = (DayStatus.DONE, DayStatus.PARTIAL, DayStatus.MISSED, DayStatus.REST)


@dataclass(frozen=True)
class HomeModel:
    greeting: str
    date_text: str
    status_text: str
    streak_text: str
    start_text: str
    week: tuple[str, ...]  # seven DayStatus values, Monday first
    week_text: str
    recovery_text: str
    steps: tuple[str, ...]  # "[b]Warm towel[/b]   10 min", one per planned step
    interrupted_text: str = ""  # set when a session was left unfinished
    close_text: str = ""  # the button that closes it, saying what it becomes
    message: str = ""  # why the button did not start a session (a wrong clock)


class HomePresenter:
    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.shown_day: date | None = None
        self._interrupted: SessionView | None = None
        self._resume_problem = ""  # why the interrupted session cannot be resumed, if it cannot

    def enter(self, message: str = "") -> None:
        summary = self.core.practice.today_summary()
        self._interrupted = summary.interrupted
        self._resume_problem = self.core.practice.resume_problem(summary.interrupted) if summary.interrupted else ""
        self.shown_day = self.core.today()
        self.view.show(replace(self.model(summary), message=message))

    def check_day(self) -> None:
        """Left open over midnight, Home turns to the new day by itself."""
        if self.shown_day != self.core.today():
            self.enter()

    def model(self, summary: TodaySummary) -> HomeModel:
        practice, now = self.core.practice, self.core.clock.now()
        steps = tuple(f"[b]{p.step.title}[/b]   {duration_words(p.seconds)}"
                      for p in practice.planned_steps(practice.ensure_plan()))
        best = f"  (best: {summary.best_streak})" if summary.best_streak > summary.streak else ""
        interrupted = summary.interrupted
        status = TodayStatus.IN_PROGRESS if interrupted else summary.status
        start_text = START_WORDS[status] if not self._resume_problem else "Start a new session"
        told = f"{interrupted_words(interrupted)} {self._resume_problem}".strip() if interrupted else ""
        return HomeModel(
            greeting=greeting(now, summary.name), date_text=long_date(self.core.today()),
            status_text=summary.status.words, streak_text=streak_words(summary.streak) + best,
            start_text=start_text, week=tuple(s for _day, s in summary.week),
            week_text=week_words(summary.week), recovery_text=summary.recovery, steps=steps,
            interrupted_text=told, close_text=close_words(interrupted) if interrupted else "")

    def start_or_resume(self) -> None:
        practice = self.core.practice
        if self._interrupted is not None and self._resume_problem:
            self._ask_to_close_and_start(self._interrupted)
            return
        if self._interrupted is not None:
            self.core.runner = practice.resume_runner(self._interrupted)
        else:
            try:
                runner = practice.new_runner()
                runner.start()
            except StoreError as error:  # a wrong clock: nothing was written, no session begun
                self.enter(message=str(error))
                return
            self.core.runner = runner
        self.navigator.go("summary" if self.core.runner.state == State.SESSION_FINISHED else "session")

    def on_key(self, name: str) -> bool:
        return ask_to_close(self.view, self.navigator) if name == "escape" else False

    def close_interrupted(self) -> None:
        if self._interrupted is not None:
            self.core.practice.close_interrupted(self._interrupted)
        self.enter()

    def _ask_to_close_and_start(self, session: SessionView) -> None:
        """A session that cannot be resumed is closed first, with the patient's yes."""
        def close_and_start() -> None:
            self.close_interrupted()
            self.start_or_resume()

        self.view.ask(Question(f"{self._resume_problem} {close_words(session)} and start a new session?",
                               f"{close_words(session)} and start", "No, not now"), close_and_start)


def week_words(week) -> str:
    counts = [f"{sum(1 for _, s in week if s == status)} {status.words.lower()}" for status in WEEK_COUNTED
              if any(s == status for _, s in week)]
    return "This week: " + (", ".join(counts) if counts else "nothing yet")


def interrupted_words(session: SessionView) -> str:
    """When it started, as the patient's clock showed it then (the zone stored with it)."""
    started = session.started_at.astimezone(timezone(timedelta(minutes=session.utc_offset_minutes)))
    behind = plural(sum(1 for step in session.steps if step.status != StepStatus.RUNNING), "step")
    return f"A session started {started:%a %d %b at %H:%M} was not finished ({behind} behind you)."


def close_words(session: SessionView) -> str:
    """The close button says what the session will be called everywhere afterwards."""
    return f"Close it as {closing_status(session).words.lower()}"
