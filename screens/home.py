"""Home: today's status, the streak, the routine, and one large button to begin."""
from __future__ import annotations

from kivy.app import App
from kivy.clock import Clock
from kivy.graphics import Color, Ellipse, Line
from kivy.metrics import dp
from kivy.properties import BooleanProperty, ListProperty, StringProperty
from kivy.uix.screenmanager import Screen
from kivy.uix.widget import Widget

from app.today import TODAY_DONE, TODAY_IN_PROGRESS, TODAY_NOT_STARTED, TODAY_PARTIAL
from app.formatting import duration_words, greeting, long_date, streak_words
from app.runner import State
from screens import load_kv_beside
from screens.widgets import WrapLabel

load_kv_beside(__file__)

STATUS_WORDS = {
    TODAY_NOT_STARTED: "Not started yet today.",
    TODAY_IN_PROGRESS: "Today's session is in progress.",
    TODAY_DONE: "Done for today. Well done.",
    TODAY_PARTIAL: "Partly done today.",
}
START_WORDS = {
    TODAY_NOT_STARTED: "Start today's session",
    TODAY_IN_PROGRESS: "Resume the session",
    TODAY_DONE: "Do another session",
    TODAY_PARTIAL: "Start a new session",
}


WEEK_WORDS = {"done": "done", "partial": "partly done", "missed": "missed", "rest": "rest day"}


class DayMark(Widget):
    """One day of the week as a shape, so the state never rests on colour alone:
    filled = done, half = partly done, thin ring = missed, dash = rest, bold ring = today."""

    status = StringProperty("future")
    colors = ListProperty([(0, 0, 0, 1), (0, 0.4, 0.4, 1)])  # line, fill

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.bind(pos=self._redraw, size=self._redraw, status=self._redraw, colors=self._redraw)

    def _redraw(self, *_):
        self.canvas.clear()
        r = min(self.width, self.height) / 2 - dp(3)
        cx, cy = self.center
        line, fill = self.colors
        with self.canvas:
            Color(*line)
            if self.status == "rest":
                Line(points=[cx - r * 0.6, cy, cx + r * 0.6, cy], width=dp(2.5))
                return
            if self.status in ("done", "partial"):
                Color(*fill)
                Ellipse(pos=(cx - r, cy - r), size=(2 * r, 2 * r),
                        angle_start=0, angle_end=360 if self.status == "done" else 180)
                Color(*line)
            width = {"today": dp(2.5), "missed": dp(1.5)}.get(self.status, dp(1))
            Line(circle=(cx, cy, r), width=width)


class HomeScreen(Screen):
    greeting_text = StringProperty("")
    date_text = StringProperty("")
    status_text = StringProperty("")
    streak_text = StringProperty("")
    start_text = StringProperty("")
    interrupted_text = StringProperty("")
    has_interrupted = BooleanProperty(False)
    week_text = StringProperty("")
    recovery_text = StringProperty("")

    def on_pre_enter(self, *_):
        self.refresh()
        self._rollover = Clock.schedule_interval(self._check_day, 30)

    def on_leave(self, *_):
        self._rollover.cancel()

    def _check_day(self, _dt):
        """Left open over midnight, Home turns to the new day by itself."""
        companion = App.get_running_app().companion
        if companion is not None and self.date_text != long_date(companion.today()):
            self.refresh()

    def refresh(self) -> None:
        companion = App.get_running_app().companion
        if companion is None:  # the record opens just after the first frame
            self.status_text, self.start_text = "Opening your record...", "Please wait"
            return
        summary = companion.today_summary()
        self.greeting_text = greeting(companion.clock.now(), summary.name)
        self.date_text = long_date(companion.today())
        self.recovery_text = summary.recovery
        self.status_text = STATUS_WORDS[summary.status]
        self.streak_text = streak_words(summary.streak) + (
            f"  (best: {summary.best_streak})" if summary.best_streak > summary.streak else "")
        self._show_week(summary.week)
        self._interrupted = summary.interrupted
        self.has_interrupted = summary.interrupted is not None
        self.start_text = START_WORDS[TODAY_IN_PROGRESS if self.has_interrupted else summary.status]
        if summary.interrupted:
            s = summary.interrupted
            finished = sum(1 for step in s.steps if step.status != "running")
            self.interrupted_text = (f"A session started {s.started_at.astimezone():%a %d %b at %H:%M} was not "
                                     f"finished ({finished} step{'s' if finished != 1 else ''} behind you).")
        self._show_steps(companion)

    def _show_week(self, week) -> None:
        marks = self.ids.week_marks.children[::-1]  # kv adds them Monday first
        for mark, (_day, status) in zip(marks, week):
            mark.status = status
        counts = [f"{sum(1 for _, st in week if st == key)} {words}" for key, words in WEEK_WORDS.items()
                  if any(st == key for _, st in week)]
        self.week_text = "This week: " + (", ".join(counts) if counts else "nothing yet")

    def _show_steps(self, companion) -> None:
        box = self.ids.steps_box
        box.clear_widgets()
        for planned in companion.planned_steps(companion.ensure_plan()):
            box.add_widget(WrapLabel(text=f"[b]{planned.step.title}[/b]   {duration_words(planned.seconds)}"))

    def start_or_resume(self) -> None:
        app = App.get_running_app()
        if app.companion is None:
            return
        if self._interrupted is not None:
            app.runner = app.companion.resume_runner(self._interrupted)
        else:
            app.runner = app.companion.new_runner()
            app.runner.start()
        app.go("summary" if app.runner.state == State.SESSION_FINISHED else "session")

    def close_interrupted(self) -> None:
        App.get_running_app().companion.close_interrupted(self._interrupted)
        self.refresh()
