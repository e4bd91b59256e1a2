"""Our own drawn face diagram: where to put the towel, the fingers, the circles.

Drawn as in a mirror (the patient's left on the left of the screen), with the area
to work on highlighted on the patient's affected side.
"""
from __future__ import annotations

import math

from kivy.graphics import Color, Ellipse, Line, RoundedRectangle
from kivy.metrics import dp
from kivy.properties import DictProperty, StringProperty
from kivy.uix.widget import Widget

SKIN = (0.97, 0.87, 0.77, 1)
# Screen-side signs for each affected side: -1 is the left of the picture.
SIDE_SIGNS = {"left": (-1,), "right": (1,), "both": (-1, 1), "unknown": (-1, 1)}


class FaceDiagram(Widget):
    picture = StringProperty("heat")      # prepare, heat, massage, eyes
    focus = StringProperty("face")        # face, cheek, nostril, mouth, eye
    side = StringProperty("unknown")
    direction = StringProperty("")        # the part's direction from the routine: clockwise or counter-clockwise
    colors = DictProperty({"line": (0.2, 0.25, 0.3, 1), "highlight": (0.95, 0.55, 0.2, 1)})

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.bind(pos=self._redraw, size=self._redraw, picture=self._redraw, focus=self._redraw,
                  side=self._redraw, direction=self._redraw, colors=self._redraw)

    # Geometry in face units: (0, 0) is the face's centre, 1 is the diagram's scale.
    def _unit(self) -> float:
        return min(self.width, self.height / 1.3)

    def _at(self, x: float, y: float) -> tuple[float, float]:
        s = self._unit()
        return self.center_x + x * s, self.center_y + y * s

    def _redraw(self, *_):
        self.canvas.clear()
        s = self._unit()
        if s <= 0:
            return
        with self.canvas:
            self._draw_face(s)
            for sign in SIDE_SIGNS.get(self.side, (-1, 1)):
                self._draw_focus(sign, s)

    def _draw_face(self, s: float) -> None:
        line = self.colors["line"]
        Color(*SKIN)
        Ellipse(pos=self._at(-0.38, -0.5), size=(0.76 * s, 1.0 * s))
        Color(*line)
        Line(ellipse=(*self._at(-0.38, -0.5), 0.76 * s, 1.0 * s), width=dp(1.5))
        for sign in (-1, 1):
            Line(ellipse=(*self._at(sign * 0.15 - 0.06, 0.08), 0.12 * s, 0.05 * s), width=dp(1.3))
            Line(points=[*self._at(sign * 0.22, 0.2), *self._at(sign * 0.08, 0.21)], width=dp(1.5))
        Line(points=[*self._at(0, 0.08), *self._at(-0.04, -0.08), *self._at(0.04, -0.08)], width=dp(1.3))
        Line(bezier=[*self._at(-0.12, -0.22), *self._at(0, -0.28), *self._at(0.12, -0.22)], width=dp(1.5))

    def _draw_focus(self, sign: int, s: float) -> None:
        mark = self.colors["highlight"]
        if self.picture == "heat":
            Color(mark[0], mark[1], mark[2], 0.45)
            x = -0.4 if sign < 0 else 0.0
            RoundedRectangle(pos=self._at(x, -0.38), size=(0.4 * s, 0.7 * s), radius=[dp(10)])
            Color(*mark)
            for i in range(3):  # rising warmth
                base = sign * (0.12 + 0.1 * i)
                Line(bezier=[*self._at(base, 0.36), *self._at(base + 0.03, 0.42),
                             *self._at(base - 0.03, 0.46), *self._at(base, 0.52)], width=dp(1.5))
        elif self.picture == "prepare":
            Color(mark[0], mark[1], mark[2], 0.35)
            Ellipse(pos=self._at(sign * 0.2 - 0.12, -0.25), size=(0.24 * s, 0.3 * s))
        elif self.focus == "eye":
            self._draw_eye_circle(sign, s, mark)
        elif self.focus in ("nostril", "mouth"):
            x, y = (0.08, -0.07) if self.focus == "nostril" else (0.15, -0.22)
            Color(mark[0], mark[1], mark[2], 0.5)
            Ellipse(pos=self._at(sign * x - 0.05, y - 0.05), size=(0.1 * s, 0.1 * s))
            Color(*mark)
            Line(circle=(*self._at(sign * x, y), 0.075 * s), width=dp(2))
        else:  # cheek, with upward strokes
            Color(mark[0], mark[1], mark[2], 0.35)
            Ellipse(pos=self._at(sign * 0.21 - 0.11, -0.26), size=(0.22 * s, 0.34 * s))
            Color(*mark)
            for dx in (-0.05, 0.0, 0.05):
                self._arrow(self._at(sign * (0.2 + dx), -0.24), self._at(sign * (0.25 + dx), 0.02), s)

    def _draw_eye_circle(self, sign: int, s: float, mark) -> None:
        cx, cy = self._at(sign * 0.15, 0.105)
        r = 0.12 * s
        Color(mark[0], mark[1], mark[2], 0.3)
        Ellipse(pos=(cx - r, cy - r), size=(2 * r, 2 * r))
        Color(*mark)
        Line(circle=(cx, cy, r, 20, 340), width=dp(2))
        # Arrowhead at the end of the arc shows which way to circle.
        clockwise = self.direction != "counter-clockwise"
        angle = math.radians(340 if clockwise else 20)
        tip = (cx + r * math.sin(angle), cy + r * math.cos(angle))
        back = -1 if clockwise else 1
        self._head(tip, (math.cos(angle) * back * -1, -math.sin(angle) * back * -1), s)

    def _arrow(self, start, end, s: float) -> None:
        Line(points=[*start, *end], width=dp(2))
        dx, dy = end[0] - start[0], end[1] - start[1]
        length = math.hypot(dx, dy) or 1
        self._head(end, (dx / length, dy / length), s)

    def _head(self, tip, unit, s: float) -> None:
        size = 0.04 * s
        ux, uy = unit
        left = (tip[0] - size * (ux - uy * 0.6), tip[1] - size * (uy + ux * 0.6))
        right = (tip[0] - size * (ux + uy * 0.6), tip[1] - size * (uy - ux * 0.6))
        Line(points=[*left, *tip, *right], width=dp(2))
