"""The guided session: the step, its picture, a large countdown, and big buttons.

Kivy's clock only repaints here; the runner reads time from its own injected clock.
"""
from __future__ import annotations

from kivy.app import App
from kivy.clock import Clock
from kivy.properties import BooleanProperty, NumericProperty, StringProperty
from kivy.uix.screenmanager import Screen

from app.formatting import clock_face, duration_words
from app.runner import State
from screens import load_kv_beside
from screens.widgets import ConfirmDialog

load_kv_beside(__file__)

REPAINT_SECONDS = 0.2


class SessionScreen(Screen):
    step_label = StringProperty("")
    title = StringProperty("")
    part_title = StringProperty("")
    instruction = StringProperty("")
    countdown = StringProperty("")
    status_line = StringProperty("")
    next_text = StringProperty("")
    main_text = StringProperty("")
    picture = StringProperty("heat")
    focus = StringProperty("face")
    direction = StringProperty("")
    side = StringProperty("unknown")
    progress = NumericProperty(0)
    can_skip = BooleanProperty(True)

    def on_pre_enter(self, *_):
        self.render()
        self._repaint = Clock.schedule_interval(lambda _dt: self.render(), REPAINT_SECONDS)

    def on_leave(self, *_):
        self._repaint.cancel()

    @property
    def runner(self):
        return App.get_running_app().runner

    def render(self) -> None:
        runner = self.runner
        runner.tick()
        if runner.state == State.SESSION_FINISHED:
            App.get_running_app().go("summary")
            return
        planned, step = runner.current, runner.current.step
        part = runner.current_part()
        self.step_label = f"Step {runner.index + 1} of {len(runner.steps)}"
        self.title = step.title
        self.part_title = part.title if part else ""
        self.instruction = runner.text(part.instruction if part else step.instruction)
        self.picture, self.side = step.picture, runner.side
        self.focus = part.focus if part else "face"
        self.direction = "ccw" if part and part.key == "counter" else "cw"
        self.countdown = clock_face(runner.remaining()) if step.timed else ""
        self.progress = runner.progress()
        self.status_line = self._status_words(runner)
        self.main_text = self._main_words(runner)
        self.can_skip = runner.state in (State.RUNNING, State.PAUSED)
        upcoming = runner.upcoming
        self.next_text = (f"Next: {upcoming.step.title} ({duration_words(upcoming.seconds)})"
                          if upcoming else "Next: that is the last step")

    @staticmethod
    def _status_words(runner) -> str:
        if runner.state == State.PAUSED:
            return "Paused"
        if runner.state == State.STEP_FINISHED:
            return "Time is up"
        return "" if runner.current.step.timed else "Tap Done when ready, or skip"

    @staticmethod
    def _main_words(runner) -> str:
        if runner.state == State.STEP_FINISHED:
            return f"Go on to {runner.upcoming.step.title}" if runner.upcoming else "Finish the session"
        if runner.state == State.PAUSED:
            return "Resume"
        return "Pause" if runner.current.step.timed else "Done, go on"

    def main_action(self) -> None:
        runner = self.runner
        if runner.state == State.PAUSED:
            runner.resume()
        elif runner.state == State.RUNNING and runner.current.step.timed:
            runner.pause()
        else:
            runner.confirm()
        self.render()

    def on_key(self, name: str) -> bool:
        runner = self.runner
        if name == "space" and runner.state in (State.RUNNING, State.PAUSED) and runner.current.step.timed:
            self.main_action()
        elif name == "enter" and not (runner.state == State.RUNNING and runner.current.step.timed):
            self.main_action()
        elif name == "escape":
            self.leave()
        else:
            return False
        return True

    def ask_skip(self) -> None:
        self._dialog = ConfirmDialog(message=f"Skip '{self.runner.current.step.title}'? It will be logged as skipped.",
                                     yes_text="Yes, skip this step", no_text="No, keep going",
                                     when_yes=self.skip)
        self._dialog.open()

    def skip(self) -> None:
        self.runner.skip()
        self.render()

    def leave(self) -> None:
        """Back to Home; the session stays open and can be resumed from there."""
        runner = self.runner
        if runner.state == State.RUNNING and runner.current.step.timed:
            runner.pause()
        runner.checkpoint()
        App.get_running_app().go("home")
