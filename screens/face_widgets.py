"""What the face measures show on several screens: a measure over time (right and left as
two lines), a small table of measures against the baseline, and the card that measures a
photo set with its progress bar. The presenters (app/presenters/face.py) decide every word
and place; these only draw."""
from __future__ import annotations

from kivy.app import App
from kivy.clock import Clock
from kivy.graphics import Color, Ellipse, Line, Rectangle
from kivy.metrics import dp
from kivy.properties import BooleanProperty, ListProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.widget import Widget

from screens import load_kv_beside
from screens.charts import ChartLabel
from screens.journal_widgets import PresentedPart
from screens.widgets import Card, fill

DOT = dp(8)
POLL_SECONDS = 0.1  # how often a running measure is looked at: the bar moves, the UI stays free


def plot_area(chart: Widget, ticks: list, axis_days: float):
    """Sizes a trend chart to its tick labels (text that scales) and gives its plotting area:
    (left, bottom, width, height, x_of), days running from `left` across `width`."""
    for label in ticks:
        label.texture_update()
        label.size = label.texture_size
    chart.height = max(dp(160), ticks[0].height * 8)
    left = chart.x + max(label.width for label in ticks) + dp(8)
    bottom, width = chart.y + ticks[0].height / 2, chart.right - left - DOT
    span = max(axis_days, 1)

    def x_of(day: float) -> float:
        return left + DOT / 2 + width * day / span
    return left, bottom, width, chart.height - ticks[0].height, x_of


class FaceTrendChart(Widget):
    """One measure over time: the right side a thick line with round dots, the left a thin
    one with square dots, the injections as dashed upright lines, on the model's scale."""

    model = ObjectProperty(None, allownone=True)  # a FaceLineModel
    axis_days = NumericProperty(0)
    injection_days = ListProperty([])

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.ticks: list[ChartLabel] = []
        self.bind(pos=self._redraw, size=self._redraw, model=self._rebuild, injection_days=self._redraw,
                  axis_days=self._redraw)

    def _rebuild(self, *_) -> None:
        for label in self.ticks:
            self.remove_widget(label)
        self.ticks = [ChartLabel(text=str(t)) for t in (self.model.scale.ticks if self.model else ())]
        for label in self.ticks:
            self.add_widget(label)
            label.bind(texture_size=self._redraw)
        self._redraw()

    def _redraw(self, *_) -> None:
        self.canvas.before.clear()
        if self.model is None or not self.ticks:
            return
        colours, scale = App.get_running_app().theme, self.model.scale
        left, bottom, width, height, x_of = plot_area(self, self.ticks, self.axis_days)

        def y_of(value: float) -> float:
            return bottom + height * scale.fraction(value)

        with self.canvas.before:
            Color(rgba=colours["chart_grid"])
            for tick, label in zip(scale.ticks, self.ticks):
                Line(points=[left, y_of(tick), self.right, y_of(tick)], width=dp(1))
                label.pos = (self.x, y_of(tick) - label.height / 2)
            Color(rgba=colours["chart_axis"])
            for day in self.injection_days:
                Line(points=[x_of(day), bottom, x_of(day), bottom + height], dash_length=dp(5), dash_offset=dp(4))
            for points, thick, round_dots, colour in ((self.model.right, dp(2.5), True, "chart_bar"),
                                                     (self.model.left, dp(1.2), False, "chart_value")):
                Color(rgba=colours[colour])
                if len(points) > 1:
                    Line(points=[c for d, v in points for c in (x_of(d), y_of(v))], width=thick)
                shape = Ellipse if round_dots else Rectangle
                for day, value in points:
                    shape(pos=(x_of(day) - DOT / 2, y_of(value) - DOT / 2), size=(DOT, DOT))


class FaceTrendCard(Card):
    words = StringProperty("")
    legend = StringProperty("")


class FaceTableCard(Card):
    """Measures against the baseline: each measure with its baseline, latest, change and
    noise, in words (one block per measure: a grid would not fit a phone at 200 % text)."""

    title = StringProperty("")
    empty_text = StringProperty("")
    note = StringProperty("")
    heading = StringProperty("Face measures from photos")

    def show_table(self, table) -> None:
        self.title, self.empty_text, self.note = table.title, table.empty_text, table.note
        fill(self.ids.rows_box, [f"[b]{r.measure}[/b]\nBaseline: {r.baseline}\nLatest: {r.latest}\n"
                                 f"Change: {r.change} (noise {r.noise})" for r in table.rows], markup=True)


class MeasuringCard(PresentedPart, Card):
    """Measures a photo set in the background: a progress bar while it runs, then what it came
    to and a retake request per photo. Its clock runs only while a measure does."""

    running = BooleanProperty(False)
    fraction = NumericProperty(0.0)
    progress_text = StringProperty("")
    message = StringProperty("")
    available = BooleanProperty(True)
    _event = None

    def show(self, model) -> None:
        self.running, self.fraction, self.progress_text = model.running, model.fraction, model.progress_text
        self.message, self.available = model.message, model.available
        fill(self.ids.retakes_box, model.retakes)
        if model.running and self._event is None:
            self._event = Clock.schedule_interval(self._tick, POLL_SECONDS)

    def _tick(self, _dt) -> bool:
        if self.presenter is None or not self.presenter.tick():
            self._event = None
            return False  # unscheduled: nothing runs while nothing is measured
        return True

    def stop_polling(self) -> None:
        """The screen is left: the job goes on in its thread, and is looked at again on return."""
        if self._event is not None:
            self._event.cancel()
            self._event = None


load_kv_beside(__file__)
