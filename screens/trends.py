"""Your ratings over time: one small chart per item on a fixed 0-to-10 axis, the weekly
minutes behind it and the injection days across it, and the lines worth mentioning."""
from __future__ import annotations

from kivy.app import App
from kivy.graphics import Color, Ellipse, Line, Rectangle
from kivy.metrics import dp
from kivy.properties import ListProperty, NumericProperty, StringProperty
from kivy.uix.widget import Widget

from screens import load_kv_beside
from screens.face_widgets import DOT, FaceTrendCard, plot_area
from screens.charts import ChartLabel
from screens.widgets import Card, PresentedScreen, WrapLabel, fill

TICKS = (0, 5, 10)
MINUTES_SHARE = 0.6  # of the chart's height for the busiest week: the ratings' line stays in front


class TrendChart(Widget):
    """Draws one item's points (day, 0-10), the weeks' minutes as faint bars scaled to the
    busiest week, and each injection day as an upright line; the presenter placed them all."""

    points = ListProperty([])
    axis_days = NumericProperty(0)
    minutes = ListProperty([])
    injection_days = ListProperty([])

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.ticks = [ChartLabel(text=str(t)) for t in TICKS]
        for label in self.ticks:
            self.add_widget(label)
            label.bind(texture_size=self._redraw)
        self.bind(pos=self._redraw, size=self._redraw, points=self._redraw, minutes=self._redraw,
                  injection_days=self._redraw, axis_days=self._redraw)

    def _redraw(self, *_) -> None:
        colours = App.get_running_app().theme
        left, bottom, width, height, x_of = plot_area(self, self.ticks, self.axis_days)
        span = max(self.axis_days, 1)

        def y_of(value: float) -> float:
            return bottom + height * value / 10

        self.canvas.before.clear()
        with self.canvas.before:
            Color(rgba=colours["chart_grid"])
            for tick, label in zip(TICKS, self.ticks):
                Line(points=[left, y_of(tick), self.right, y_of(tick)], width=dp(1))
                label.pos = (self.x, y_of(tick) - label.height / 2)
            busiest = max((m for _day, m in self.minutes), default=0)
            if busiest:
                Color(rgba=colours["track"])
                week, tallest = width * 7 / span, height * MINUTES_SHARE
                for day, minutes in self.minutes:
                    start, end = max(x_of(day), left), min(x_of(day) + week - dp(2), self.right)
                    if end > start:  # a week begun before the axis shows only its part on it
                        Rectangle(pos=(start, bottom), size=(end - start, tallest * minutes / busiest))
            Color(rgba=colours["chart_axis"])
            for day in self.injection_days:
                Line(points=[x_of(day), bottom, x_of(day), bottom + height], dash_length=dp(5), dash_offset=dp(4))
            Color(rgba=colours["chart_bar"])
            if len(self.points) > 1:
                Line(points=[c for d, v in self.points for c in (x_of(d), y_of(v))], width=dp(2.5))
            for day, value in self.points:
                Ellipse(pos=(x_of(day) - DOT / 2, y_of(value) - DOT / 2), size=(DOT, DOT))


class TrendCard(Card):
    words = StringProperty("")
    change_text = StringProperty("")


class TrendsScreen(PresentedScreen):
    axis_text = StringProperty("")
    empty_text = StringProperty("")
    injections_text = StringProperty("")
    face_caption = StringProperty("")
    face_empty = StringProperty("")
    face_note = StringProperty("")

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self.ids.scroller.scroll_y = 1

    def show(self, model) -> None:
        self.axis_text, self.empty_text = model.axis_text, model.empty_text
        self.injections_text = model.injections_text
        box = self.ids.lines_box
        box.clear_widgets()
        for line in model.lines:
            card = TrendCard(words=line.words, change_text=line.change_text)
            chart = card.ids.chart
            chart.axis_days, chart.points = model.axis_days, [list(p) for p in line.points]
            chart.minutes, chart.injection_days = [list(m) for m in model.minutes], list(model.injection_days)
            box.add_widget(card)
        standing = self.ids.standing_box
        standing.clear_widgets()
        for words in model.standing_lines:
            standing.add_widget(WrapLabel(text=words))
        self.show_face(model.face)

    def show_face(self, face) -> None:
        """The photo sets' face measures, each key measure right and left over time."""
        self.face_caption = (f"From {face.first_text} to {face.last_text}, one point for each measured photo set. "
                             "Dashed lines: injections." if face and face.lines else "")
        self.face_empty, self.face_note = (face.empty_text, face.note) if face else ("", "")
        box = self.ids.face_box
        box.clear_widgets()
        for line in face.lines if face else ():
            card = FaceTrendCard(words=line.words, legend=line.legend)
            chart = card.ids.chart
            chart.axis_days, chart.injection_days = face.axis_days, list(face.injection_days)
            chart.model = line
            fill(card.ids.values_box, line.values)
            box.add_widget(card)


load_kv_beside(__file__)
