"""Shared widgets: buttons with 48dp+ targets, wrapping labels, cards, a confirm dialog, the week strip (charts in charts.py)."""
from __future__ import annotations

from kivy.graphics import Color, Ellipse, Line
from kivy.metrics import dp
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.widget import Widget
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label
from kivy.uix.modalview import ModalView
from kivy.uix.screenmanager import Screen

from screens import load_kv_beside
from screens.charts import BarChart, RateChart  # noqa: F401  (registered for kv)
from screens.face_diagram import FaceDiagram  # noqa: F401  (registered for kv)


class WrapLabel(Label):
    """A label that wraps to its width and grows to fit its text."""


class RoundedButton(ButtonBehavior, Label):
    """A flat, rounded button; `role` picks its colours from the theme."""

    role = StringProperty("primary")
    disabled_look = BooleanProperty(False)


class DemoBanner(Label):
    """Says so while timers run faster than real time (--time-scale)."""


class Card(BoxLayout):
    pass


class ConfirmDialog(ModalView):
    """A presenter's Question as a dialog: its two answers call back `when_yes` or `when_no`."""

    message = StringProperty("")
    yes_text = StringProperty("Yes")
    no_text = StringProperty("No")
    when_yes = ObjectProperty(None, allownone=True)
    when_no = ObjectProperty(None, allownone=True)

    @classmethod
    def for_question(cls, question, on_yes, on_no=None) -> "ConfirmDialog":
        return cls(message=question.message, yes_text=question.yes, no_text=question.no,
                   when_yes=on_yes, when_no=on_no)

    def answer(self, yes: bool) -> None:
        self.dismiss()
        then = self.when_yes if yes else self.when_no
        if then:
            then()


class PresentedScreen(Screen):
    """A screen driven by its presenter (set by the App): it shows view models and asks questions.

    `show(model)` copies each field of the frozen view model onto the Kivy property of the
    same name, which the screen's kv binds to.
    """

    presenter = None

    def show(self, model) -> None:
        for name, value in vars(model).items():
            setattr(self, name, value)

    def ask(self, question, on_yes, on_no=None) -> None:
        ConfirmDialog.for_question(question, on_yes, on_no).open()

    def refresh(self) -> None:
        """Show it afresh: the presenter reads the record again."""
        if self.presenter is not None:
            self.presenter.enter()

    def on_key(self, name: str) -> bool:
        handler = getattr(self.presenter, "on_key", None)
        return bool(handler and handler(name))


class ChoiceRow(BoxLayout):
    """A row of toggle-like buttons, one of which is chosen (e.g. a 1 to 5 rating)."""

    options = ListProperty([])
    chosen = StringProperty("")


class DayMark(Widget):
    """One day of the week as a shape, so the state never rests on colour alone:
    filled = done, half = partly done, thin ring = missed, dash = rest, bold ring = today."""

    status = StringProperty("future")
    colors = ListProperty([(0, 0, 0, 1), (0, 0.4, 0.4, 1)])  # line, fill
    sweep = NumericProperty(-1.0)  # degrees of the circle filled, clockwise from the top; -1: as the status says

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.bind(pos=self._redraw, size=self._redraw, status=self._redraw, colors=self._redraw,
                  sweep=self._redraw)

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
            filled = self.sweep if self.sweep >= 0 else {"done": 360, "partial": 180}.get(self.status, 0)
            if filled > 0:
                Color(*fill)
                Ellipse(pos=(cx - r, cy - r), size=(2 * r, 2 * r), angle_start=0, angle_end=filled)
                Color(*line)
            width = {"today": dp(2.5), "missed": dp(1.5)}.get(self.status, dp(1))
            Line(circle=(cx, cy, r), width=width)


class WeekStrip(BoxLayout):
    """Monday to Sunday: the day letters over a DayMark each (Home, and the finish moment)."""

    statuses = ListProperty(["future"] * 7)  # seven DayStatus values, Monday first

    def on_statuses(self, _strip, statuses):
        for mark, status in zip(self.marks(), statuses):
            mark.status = status

    def marks(self) -> list:
        return self.ids.marks.children[::-1]  # kv adds them Monday first


load_kv_beside(__file__)
