"""Charts that draw an app.charts.BarChartModel: axis, ticks, bars, values, labels.

Every decision (the scale, each bar's height and text, the empty state) is the model's;
this widget only measures text to place it, and writes the values and labels that fit.
"""
from __future__ import annotations

from kivy.app import App
from kivy.graphics import Color, Line, Rectangle
from kivy.metrics import dp
from kivy.properties import ObjectProperty
from kivy.uix.label import Label
from kivy.uix.widget import Widget

from app.charts import BarChartModel, label_stride, labelled, values_fit
from screens import load_kv_beside

BAR_SHARE = 0.7  # of each bar's slot; the rest is the gap between bars
GAP = dp(4)  # between a label and what it names
MIN_HEIGHT = dp(200)
HEIGHT_IN_LINES = 11  # of tick text: six tick values stay apart at any text size


class ChartLabel(Label):
    """Text in a chart: its size follows the text-size setting (kv), its place is set here."""


class ChartValue(ChartLabel):
    """The figure above a bar."""


class ChartEmpty(Label):
    """What the chart says when there is nothing yet."""


class ChartRowTitle(Label):
    """A horizontal bar's name, above it; wraps when the text is large."""


class Chart(Widget):
    """Shows a BarChartModel: its bars (a subclass draws them) or its empty-state sentence.

    Labels are made when the model changes and placed whenever the size or a label's text
    size changes (the text-size setting); the height follows the text."""

    model = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.empty = ChartEmpty()
        self.title = ChartLabel()  # the value axis's name and unit
        self.ticks: list[ChartLabel] = []
        self.bind(model=self._rebuild, pos=self._redraw, size=self._redraw)
        self._rebuild()

    def _labels(self) -> list[Label]:
        return [self.title, *self.ticks]

    def _make_labels(self, model: BarChartModel) -> None:
        self.title.text = model.axis_title
        self.ticks = [ChartLabel(text=f"{tick:d}") for tick in model.scale.ticks]

    def _rebuild(self, *_) -> None:
        self.clear_widgets()
        model: BarChartModel | None = self.model
        if model is None:
            return
        if model.is_empty:
            self.empty.text = model.empty_text
            labels = [self.empty]
        else:
            self._make_labels(model)
            labels = self._labels()
        for label in labels:
            self.add_widget(label)
            label.bind(texture_size=self._redraw)
        self._redraw()

    def _redraw(self, *_) -> None:
        self.canvas.before.clear()
        model: BarChartModel | None = self.model
        if model is None:
            return
        if model.is_empty:
            self.empty.text_size = (self.width, None)
            self.empty.texture_update()
            self.empty.size = (self.width, self.empty.texture_size[1])
            self.height = self.empty.height + dp(8)
            self.empty.pos = self.pos
            return
        for label in self._labels():
            label.texture_update()
            label.size = label.texture_size
        with self.canvas.before:
            self._draw(model, App.get_running_app().theme)

    def _draw(self, model: BarChartModel, colours: dict) -> None:
        raise NotImplementedError


class BarChart(Chart):
    """Upright bars over a value axis on the left, oldest on the left, each labelled below."""

    def __init__(self, **kwargs):
        self.label_title = ChartLabel()
        self.values: list[ChartValue] = []
        self.labels: list[ChartLabel] = []
        super().__init__(**kwargs)

    def _labels(self) -> list[Label]:
        return [*super()._labels(), self.label_title, *self.values, *self.labels]

    def _make_labels(self, model: BarChartModel) -> None:
        super()._make_labels(model)
        self.label_title.text = model.label_title
        self.values = [ChartValue(text=bar.value_text) for bar in model.bars]
        self.labels = [ChartLabel(text=bar.label) for bar in model.bars]

    def _draw(self, model: BarChartModel, colours: dict) -> None:
        line_h = max(label.height for label in [self.title, *self.ticks])
        self.height = max(MIN_HEIGHT, line_h * HEIGHT_IN_LINES)
        left = self.x + max(label.width for label in self.ticks) + GAP
        bottom = self.y + (self.label_title.height + GAP if model.label_title else 0) + line_h + GAP
        top = self.top - self.title.height - GAP - line_h  # room for the value above a full bar
        # the newest bar's label is centred under it: its right half must stay inside the chart
        room, half_label, count = self.right - left, max(label.width for label in self.labels) / 2, len(model.bars)
        width = min(room, (room - half_label) / (1 - 1 / (2 * count)))
        height = max(top - bottom, dp(1))
        self.title.pos = (self.x, self.top - self.title.height)
        self._draw_ticks(model, colours, left, bottom, width, height)
        self._draw_bars(model, colours, left, bottom, width, height)
        self.label_title.pos = (left + (width - self.label_title.width) / 2, self.y)

    def _draw_ticks(self, model, colours, left, bottom, width, height) -> None:
        scale, ticks = model.scale, self.ticks
        spacing = height * (scale.fraction(scale.ticks[1]) - scale.fraction(scale.ticks[0])) if len(ticks) > 1 else height
        stride = label_stride(len(ticks), spacing, ticks[0].height)  # tall text: every other tick value
        for index, (tick, label) in enumerate(zip(scale.ticks, ticks)):
            y = bottom + height * scale.fraction(tick)
            Color(*colours["chart_grid"])
            Line(points=[left, y, left + width, y], width=dp(1))
            label.opacity = 1 if labelled(index, len(ticks), stride) else 0
            label.pos = (left - GAP - label.width, y - label.height / 2)
        Color(*colours["chart_axis"])
        Line(points=[left, bottom + height, left, bottom, left + width, bottom], width=dp(1.2))

    def _draw_bars(self, model, colours, left, bottom, width, height) -> None:
        count = len(model.bars)
        slot = width / count
        stride = label_stride(count, slot, max(label.width for label in self.labels))
        widest = max(self.values, key=lambda value: value.width)
        show_values = values_fit(widest.width, widest.width / len(widest.text), slot)
        for index, (bar, value, label) in enumerate(zip(model.bars, self.values, self.labels)):
            x = left + index * slot
            bar_h = height * bar.height
            Color(*colours["chart_bar"])
            Rectangle(pos=(x + slot * (1 - BAR_SHARE) / 2, bottom), size=(slot * BAR_SHARE, bar_h))
            value.opacity = 1 if show_values else 0
            value.pos = (x + (slot - value.width) / 2, bottom + bar_h + dp(2))
            label.opacity = 1 if labelled(index, count, stride) else 0
            label.pos = (x + (slot - label.width) / 2, bottom - GAP - label.height)


class RateChart(Chart):
    """Horizontal bars, each under its name with its value at its end, on an axis marked below."""

    def __init__(self, **kwargs):
        self.rows: list[tuple[ChartRowTitle, ChartValue]] = []
        super().__init__(**kwargs)

    def _labels(self) -> list[Label]:
        return [*super()._labels(), *(label for row in self.rows for label in row)]

    def _make_labels(self, model: BarChartModel) -> None:
        super()._make_labels(model)
        self.rows = [(ChartRowTitle(text=bar.label), ChartValue(text=bar.value_text)) for bar in model.bars]

    def _draw(self, model: BarChartModel, colours: dict) -> None:
        for title, _ in self.rows:  # names wrap to the chart's width
            title.text_size = (self.width, None)
            title.texture_update()
            title.size = title.texture_size
        value_w = max(value.width for _, value in self.rows)
        half_tick = max(tick.width for tick in self.ticks) / 2
        left, width = self.x + half_tick, self.width - max(value_w + GAP, half_tick) - half_tick
        bar_h = max(dp(20), max(value.height for _, value in self.rows))
        rows_h = sum(title.height + bar_h + 2 * GAP for title, _ in self.rows)
        axis_h = self.ticks[0].height + GAP + self.title.height
        self.height = rows_h + axis_h + GAP
        baseline = self.y + axis_h + GAP
        ticks_x = [left + width * model.scale.fraction(tick) for tick in model.scale.ticks]
        y = self.top
        for bar, (title, value) in zip(model.bars, self.rows):
            y -= title.height + GAP
            title.pos = (self.x, y)
            y -= bar_h + GAP
            Color(*colours["chart_grid"])  # the grid and axis run beside the bars, never through a name
            for x in ticks_x:
                Line(points=[x, y, x, y + bar_h + GAP], width=dp(1))
            Color(*colours["chart_axis"])
            Line(points=[left, y, left, y + bar_h + GAP], width=dp(1.2))
            Color(*colours["chart_bar"])
            Rectangle(pos=(left, y + GAP), size=(width * bar.height, bar_h))
            value.pos = (left + width * bar.height + GAP, y + GAP + (bar_h - value.height) / 2)
        Color(*colours["chart_axis"])
        Line(points=[left, baseline, left + width, baseline], width=dp(1.2))
        for x, label in zip(ticks_x, self.ticks):
            label.pos = (x - label.width / 2, baseline - GAP - label.height)
        self.title.pos = (left + (width - self.title.width) / 2, self.y)


load_kv_beside(__file__)
