"""What the treatment journal's screens share: the typed box, the mood faces, and a part of a
screen (a card on Home) with a presenter of its own."""
from __future__ import annotations

from kivy.graphics import Color, Ellipse, Line
from kivy.metrics import dp
from kivy.properties import BooleanProperty, ListProperty, NumericProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from screens import load_kv_beside
from screens.widgets import Card


class PresentedPart:
    """A card with its own presenter (set by the App from smileback.PARTS): it shows view models
    as a PresentedScreen does, copying each field onto the Kivy property of the same name."""

    presenter = None

    def show(self, model) -> None:
        for name, value in vars(model).items():
            setattr(self, name, value)

    def refresh(self) -> None:
        if self.presenter is not None:
            self.presenter.enter()


class Collapsible(BoxLayout):
    """A box whose children leave the layout while it is hidden. Kept in a box of no height,
    they would still lie over their neighbours and, disabled, take their touches."""

    shown = BooleanProperty(True)
    _kept: list | None = None

    def on_kv_post(self, *_):
        self._kept = []
        self.on_shown()

    def on_shown(self, *_):
        if self._kept is None:  # before its kv rule has added the children
            return
        if self.shown and self._kept:
            for child in reversed(self._kept):  # `children` lists the last added first
                self.add_widget(child)
            self._kept = []
        elif not self.shown and self.children:
            self._kept = list(self.children)
            self.clear_widgets()


class CollapsibleCard(Collapsible, Card):
    pass


class MoodFace(Widget):
    """A drawn face for a mood from 1 (saddest) to 5: the mouth curves from down to up.
    Always shown with its words beside it, never alone."""

    mood = NumericProperty(3)
    line_color = ListProperty([0, 0, 0, 1])

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.bind(pos=self._redraw, size=self._redraw, mood=self._redraw, line_color=self._redraw)

    def _redraw(self, *_):
        self.canvas.clear()
        r = min(self.width, self.height) / 2 - dp(2)
        if r <= 0:
            return
        cx, cy = self.center
        bend = (self.mood - 3) / 2 * r * 0.35  # -: a frown, +: a smile
        with self.canvas:
            Color(*self.line_color)
            Line(circle=(cx, cy, r), width=dp(1.6))
            for sign in (-1, 1):
                Ellipse(pos=(cx + sign * r * 0.38 - dp(2.5), cy + r * 0.25 - dp(2.5)), size=(dp(5), dp(5)))
            mouth_y = cy - r * 0.35
            Line(bezier=[cx - r * 0.45, mouth_y + bend * 0.5, cx, mouth_y - bend, cx + r * 0.45, mouth_y + bend * 0.5],
                 width=dp(1.6))


load_kv_beside(__file__)
