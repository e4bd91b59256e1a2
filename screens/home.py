"""Home: today's status, the streak, the routine, and one large button to begin."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kivy.app import App
from kivy.clock import Clock
from kivy.graphics import Color, Ellipse, Line
from kivy.metrics import dp
from kivy.properties import BooleanProperty, ListProperty, StringProperty
from kivy.uix.widget import Widget

from screens import load_kv_beside
import screens.treatment_cards  # noqa: F401  (the treatment cards in home.kv)
from screens.widgets import PresentedScreen, WrapLabel

if TYPE_CHECKING:  # the presenter's module loads the record's libraries: not before the first frame
    from app.presenters.home import HomeModel

load_kv_beside(__file__)


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


class HomeScreen(PresentedScreen):
    greeting_text = StringProperty("")
    date_text = StringProperty("")
    status_text = StringProperty("Opening your record...")  # until the record is open
    streak_text = StringProperty("")
    start_text = StringProperty("Please wait")
    interrupted_text = StringProperty("")
    close_text = StringProperty("")
    has_interrupted = BooleanProperty(False)
    week_text = StringProperty("")
    recovery_text = StringProperty("")

    def on_pre_enter(self, *_):
        self.refresh()
        self._rollover = Clock.schedule_interval(lambda _dt: self.presenter and self.presenter.check_day(), 30)

    def on_leave(self, *_):
        self._rollover.cancel()

    def show(self, model: HomeModel) -> None:
        self.greeting_text, self.date_text = model.greeting, model.date_text
        self.status_text, self.streak_text = model.status_text, model.streak_text
        self.start_text, self.recovery_text = model.start_text, model.recovery_text
        self.interrupted_text, self.close_text = model.interrupted_text, model.close_text
        self.has_interrupted = bool(model.interrupted_text)
        self.week_text = model.week_text
        for mark, status in zip(self.ids.week_marks.children[::-1], model.week):  # kv adds them Monday first
            mark.status = status
        box = self.ids.steps_box
        box.clear_widgets()
        for line in model.steps:
            box.add_widget(WrapLabel(text=line))
        if model.message:  # shown in the app's banner on Home, until dismissed
            App.get_running_app().notice = model.message
        for part in (self.ids.cycle_card, self.ids.care_card):  # they read the record afresh with Home
            part.refresh()

    def start_or_resume(self) -> None:
        if self.presenter is not None:  # the record opens just after the first frame
            self.presenter.start_or_resume()
