"""Progress's treatment timeline: draws an app.presenters.timeline.TimelineModel, one band per
lane (the routine's days, injections and effect marks, side effects, supportive care, mood) on
one time axis with the months marked below. Every kind has its own shape, so colour is never
the only sign; the card lists every mark in words under the drawing."""
from __future__ import annotations

from kivy.app import App
from kivy.graphics import Color, Ellipse, Line, Mesh, Rectangle
from kivy.metrics import dp
from kivy.properties import ObjectProperty
from kivy.uix.widget import Widget

from app.charts import label_stride, labelled
from screens.charts import ChartLabel

BAND = dp(24)  # each lane's height under its name
GAP = dp(4)
ROUTINE_ROLE = {"done": "done", "partial": "partial", "missed": "missed", "rest": "rest"}


class TimelineChart(Widget):
    model = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.size_hint_y = None
        self.lane_labels: list[ChartLabel] = []
        self.month_labels: list[ChartLabel] = []
        self.bind(model=self._rebuild, pos=self._redraw, size=self._redraw)

    def _rebuild(self, *_) -> None:
        self.clear_widgets()
        model = self.model
        if model is None:
            return
        self.lane_labels = [ChartLabel(text=name) for name in model.lanes]
        self.month_labels = [ChartLabel(text=label) for _, label in model.month_ticks]
        for label in [*self.lane_labels, *self.month_labels]:
            self.add_widget(label)
            label.bind(texture_size=self._redraw)
        self._redraw()

    def _redraw(self, *_) -> None:
        self.canvas.before.clear()
        model = self.model
        if model is None or not self.lane_labels:
            return
        for label in [*self.lane_labels, *self.month_labels]:
            label.texture_update()
            label.size = label.texture_size
        months_h = max(label.height for label in self.month_labels) if self.month_labels else 0
        lane_h = [label.height + BAND + 2 * GAP for label in self.lane_labels]
        self.height = sum(lane_h) + months_h + GAP
        colours = App.get_running_app().theme
        left, width = self.x, max(self.width, dp(1))
        day_w = width / max(model.days, 1)

        def x_of(offset: float) -> float:
            return left + (offset + 0.5) * day_w

        bands, top = [], self.top  # each lane's band: (bottom, top)
        for label, height in zip(self.lane_labels, lane_h):
            label.pos = (left, top - label.height - GAP)
            bands.append((top - height + GAP, top - height + GAP + BAND))
            top -= height
        axis_y = bands[-1][0] - GAP
        with self.canvas.before:
            Color(rgba=colours["chart_grid"])
            for bottom, band_top in bands:
                Line(points=[left, (bottom + band_top) / 2, left + width, (bottom + band_top) / 2], width=dp(1))
            for offset, status in model.routine:
                Color(rgba=colours[ROUTINE_ROLE.get(status, "future")])
                Rectangle(pos=(left + offset * day_w, bands[0][0]), size=(max(day_w, dp(1)), BAND))
            Color(rgba=colours["chart_axis"])
            Line(points=[left, axis_y, left + width, axis_y], width=dp(1.2))
            stride = label_stride(len(self.month_labels), width / max(len(self.month_labels), 1),
                                  max((label.width for label in self.month_labels), default=0))
            for index, ((offset, _), label) in enumerate(zip(model.month_ticks, self.month_labels)):
                x = left + offset * day_w
                Line(points=[x, axis_y, x, axis_y + GAP], width=dp(1.2))
                label.opacity = 1 if labelled(index, len(self.month_labels), stride) else 0
                label.pos = (min(x, self.right - label.width), axis_y - GAP - label.height)
            for mark in model.marks:
                if mark.shape == "injection":  # across every lane, as on the trends
                    Color(rgba=colours["chart_axis"])
                    Line(points=[x_of(mark.offset), axis_y, x_of(mark.offset), bands[0][1]],
                         dash_length=dp(5), dash_offset=dp(4))
            for mark in model.marks:
                bottom, band_top = bands[mark.lane]
                self._mark(mark.shape, x_of(mark.offset), (bottom + band_top) / 2, colours)

    @staticmethod
    def _mark(shape: str, x: float, y: float, colours) -> None:
        r = BAND / 2 - dp(3)
        Color(rgba=colours["danger"] if shape == "red_flag" else colours["chart_bar"])
        if shape == "injection":  # a filled triangle, point down, onto the day
            _triangle(x, y, r, down=True, filled=True)
        elif shape == "started":  # an outline pointing up: the effect set in
            _triangle(x, y, r, down=False, filled=False)
        elif shape == "fading":  # an outline pointing down: the effect wore off
            _triangle(x, y, r, down=True, filled=False)
        elif shape == "side_effect":
            Line(circle=(x, y, r * 0.7), width=dp(1.5))
        elif shape == "red_flag":  # larger, filled, and in the danger colour
            Mesh(vertices=[x, y + r + dp(2), 0, 0, x + r + dp(2), y, 0, 0, x, y - r - dp(2), 0, 0,
                           x - r - dp(2), y, 0, 0], indices=[0, 1, 2, 3], mode="triangle_fan")
        elif shape == "care":  # a short upright bar
            Rectangle(pos=(x - dp(1.5), y - r), size=(dp(3), 2 * r))
        else:  # a mood: a dot
            Ellipse(pos=(x - r * 0.5, y - r * 0.5), size=(r, r))


def _triangle(x: float, y: float, r: float, down: bool, filled: bool) -> None:
    tip, base = (y - r, y + r) if down else (y + r, y - r)
    points = [x, tip, x + r, base, x - r, base]
    if filled:
        Mesh(vertices=[points[0], points[1], 0, 0, points[2], points[3], 0, 0, points[4], points[5], 0, 0],
             indices=[0, 1, 2], mode="triangles")
    else:
        Line(points=points, close=True, width=dp(1.5))
