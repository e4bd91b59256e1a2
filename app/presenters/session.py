"""The guided session: what the screen shows of the runner, and what a touch or key does.

The button, Space, Enter and leaving all go through `intent()`, one decision about what
"go on" means in the runner's present state. While the record refuses writes, the screen
says so (`warning`) and the session goes on; leaving then asks first.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..core import Core
from ..formatting import clock_face, duration_words
from ..runner import SessionRunner, State
from .base import Asks, Navigator, Question, Shows


class Intent(Enum):
    PAUSE = "pause"
    RESUME = "resume"
    GO_ON = "go on"  # finish an untimed step, or move past a step whose time is up


@dataclass(frozen=True)
class SessionModel:
    step_label: str
    title: str
    part_title: str
    instruction: str
    countdown: str  # "" for an untimed step
    status_line: str
    main_text: str
    next_text: str
    picture: str
    focus: str
    direction: str  # the part's direction from the routine ("clockwise", "counter-clockwise" or "")
    side: str
    progress: float
    can_skip: bool
    warning: str = ""  # what could not be saved, while the record refuses writes


class SessionView(Shows, Asks):
    pass


def intent(runner: SessionRunner) -> Intent:
    if runner.state == State.PAUSED:
        return Intent.RESUME
    if runner.state == State.RUNNING and runner.current.step.timed:
        return Intent.PAUSE
    return Intent.GO_ON


def main_words(runner: SessionRunner) -> str:
    if runner.state == State.STEP_FINISHED:
        return f"Go on to {runner.upcoming.step.title}" if runner.upcoming else "Finish the session"
    return {Intent.RESUME: "Resume", Intent.PAUSE: "Pause", Intent.GO_ON: "Done, go on"}[intent(runner)]


def status_words(runner: SessionRunner) -> str:
    if runner.state == State.PAUSED:
        return "Paused"
    if runner.state == State.STEP_FINISHED:
        return "Time is up"
    return "" if runner.current.step.timed else "Tap Done when ready, or skip"


def unsaved_words(runner: SessionRunner) -> str:
    if not runner.unsaved:
        return ""
    return (f"This step could not be saved: {runner.write_error}. Carry on, and keep SmileBack open: "
            "it will save it as soon as it can.")


def session_model(runner: SessionRunner) -> SessionModel:
    step, part = runner.current.step, runner.current_part()
    upcoming = runner.upcoming
    return SessionModel(
        step_label=f"Step {runner.index + 1} of {len(runner.steps)}",
        title=step.title,
        part_title=part.title if part else "",
        instruction=runner.text(part.instruction if part else step.instruction),
        countdown=clock_face(runner.remaining()) if step.timed else "",
        status_line=status_words(runner),
        main_text=main_words(runner),
        next_text=(f"Next: {upcoming.step.title} ({duration_words(upcoming.seconds)})" if upcoming
                   else "Next: that is the last step"),
        picture=step.picture, focus=part.focus if part else "face", direction=part.direction if part else "",
        side=runner.side, progress=runner.progress(),
        can_skip=runner.state in (State.RUNNING, State.PAUSED), warning=unsaved_words(runner))


class SessionPresenter:
    def __init__(self, core: Core, navigator: Navigator, view: SessionView):
        self.core, self.navigator, self.view = core, navigator, view
        self._shown: SessionModel | None = None

    @property
    def runner(self) -> SessionRunner:
        return self.core.runner

    def enter(self) -> None:
        self._shown = None
        self.beat()

    def beat(self) -> None:
        """The screen's clock calls this a few times a second: the runner's heartbeat (cues due,
        a checkpoint every 10 s, a step's end), then the screen, only where something changed."""
        self.runner.tick()
        self._render()

    def _render(self) -> None:
        if self.runner.state == State.SESSION_FINISHED:
            self.navigator.go("summary")
            return
        model = session_model(self.runner)
        if model != self._shown:
            self._shown = model
            self.view.show(model)

    def main_action(self) -> None:
        runner = self.runner
        action = intent(runner)
        if action == Intent.RESUME:
            runner.resume()
        elif action == Intent.PAUSE:
            runner.pause()
        else:
            runner.confirm()
        self._render()

    def on_key(self, name: str) -> bool:
        """Space pauses or resumes a timed step; Enter goes on (never pauses); Escape leaves."""
        action = intent(self.runner)
        if name == "space" and action in (Intent.PAUSE, Intent.RESUME) and self.runner.current.step.timed:
            self.main_action()
        elif name == "enter" and action != Intent.PAUSE:
            self.main_action()
        elif name == "escape":
            self.leave()
        else:
            return False
        return True

    def ask_skip(self) -> None:
        title = self.runner.current.step.title
        self.view.ask(Question(f"Skip '{title}'? It will be logged as skipped.",
                               "Yes, skip this step", "No, keep going"), self.skip)

    def skip(self) -> None:
        if self.runner.state in (State.RUNNING, State.PAUSED):  # time may have run out while asked
            self.runner.skip()
        self._render()

    def leave(self) -> None:
        """Back to Home; the session stays open and can be resumed from there.
        While something is not on disk, the patient is asked first: Home resumes from the record."""
        self.runner.checkpoint()  # a last try at what waits
        if self.runner.unsaved:
            self._render()
            self.view.ask(Question(f"This session is not saved yet: {self.runner.write_error}. If you leave it "
                                   "now, what was not saved may be lost. Leave anyway?", "Leave anyway", "Stay"),
                          self._go_home)
        else:
            self._go_home()

    def _go_home(self) -> None:
        if intent(self.runner) == Intent.PAUSE:
            self.runner.pause()
        self.navigator.go("home")
