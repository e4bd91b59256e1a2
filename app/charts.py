"""Charts as rules: the scale of an axis, each bar with its value and label, the empty state.

The app's chart widget (screens/charts.py) and the PDF report (caregiver/report_pdf.py) both
draw these models and decide nothing themselves, so the screen and the report read the same.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

MAX_TICKS = 6  # tick marks on a value axis, 0 included: enough to read a bar against
NICE_MANTISSAS = (1, 2, 2.5, 5)  # steps are these times a power of ten, whole numbers only
MINUTES_UNIT, PERCENT_UNIT = "min", "%"
RATING_LOW, RATING_HIGH = 1, 5


@dataclass(frozen=True)
class Scale:
    """A value axis from `bottom` to `top`, marked at `ticks` (evenly spaced, each a whole number)."""

    bottom: float
    top: float
    ticks: tuple[int, ...]

    def fraction(self, value: float) -> float:
        """Where a value sits on the axis: 0 at the bottom, 1 at the top (clamped)."""
        return min(1.0, max(0.0, (value - self.bottom) / (self.top - self.bottom)))


@dataclass(frozen=True)
class Bar:
    value: float
    value_text: str  # written above the bar where values fit; the unit is on the axis title
    label: str  # under the bar: its week, day or session date
    height: float  # a fraction of the plot's height (its width for a horizontal bar), from Scale.fraction
    kind: str = ""  # a DayStatus value where the report colours bars by the day's status


@dataclass(frozen=True)
class BarChartModel:
    axis_title: str  # names the values and their unit, e.g. "Minutes (min)"
    scale: Scale | None  # None when there is nothing to draw
    bars: tuple[Bar, ...]
    empty_text: str  # said instead of the bars when there is nothing yet; "" when there are bars
    label_title: str = ""  # what the labels under the bars are, e.g. "Week starting"

    @property
    def is_empty(self) -> bool:
        return not self.bars


def nice_step(largest: float, max_ticks: int = MAX_TICKS) -> int:
    """The smallest whole step of 1, 2, 2.5 or 5 times a power of ten whose ticks from 0 reach
    `largest` in at most `max_ticks` marks."""
    if max_ticks < 2:
        raise ValueError("an axis needs at least two ticks")
    exponent = 0
    while True:
        for mantissa in NICE_MANTISSAS:
            step = mantissa * 10 ** exponent
            if step == int(step) and math.ceil(largest / step) + 1 <= max_ticks:
                return int(step)
        exponent += 1


def nice_scale(largest: float, max_ticks: int = MAX_TICKS) -> Scale:
    """0 up to the first tick at or above `largest`, e.g. 0, 10, 20, 30, 40, 50 for 48."""
    largest = max(largest, 0.0)
    step = nice_step(largest, max_ticks)
    count = max(1, math.ceil(largest / step))
    return Scale(0, count * step, tuple(step * i for i in range(count + 1)))


def rating_scale() -> Scale:
    """Ratings are 1 to 5 whatever was given, so a run of 3s does not look like the best."""
    return Scale(0, RATING_HIGH, tuple(range(RATING_LOW, RATING_HIGH + 1)))


def percent_scale() -> Scale:
    return Scale(0, 100, (0, 25, 50, 75, 100))


def whole(value: float) -> str:
    return f"{round(value):d}"


def bar_chart(points: Sequence[tuple[str, float]], scale: Scale | None, axis_title: str, empty_text: str,
              label_title: str = "", kinds: Sequence[str] = ()) -> BarChartModel:
    """(label, value) points, oldest first, on `scale`; None or no points gives the empty state."""
    if scale is None or not points:
        return BarChartModel(axis_title, None, (), empty_text, label_title)
    kinds = tuple(kinds) or ("",) * len(points)
    bars = tuple(Bar(value, whole(value), label, scale.fraction(value), kind)
                 for (label, value), kind in zip(points, kinds))
    return BarChartModel(axis_title, scale, bars, "", label_title)


def minutes_chart(points: Sequence[tuple[str, float]], empty_text: str, label_title: str = "",
                  kinds: Sequence[str] = ()) -> BarChartModel:
    """Minutes on a nice scale; no minutes at all is the empty state, not a row of zero bars."""
    largest = max((minutes for _, minutes in points), default=0.0)
    scale = nice_scale(largest) if round(largest) > 0 else None
    return bar_chart(points, scale, f"Minutes ({MINUTES_UNIT})", empty_text, label_title, kinds)


def ratings_chart(points: Sequence[tuple[str, int]], empty_text: str, label_title: str = "") -> BarChartModel:
    return bar_chart(points, rating_scale() if points else None, f"Rating ({RATING_LOW} to {RATING_HIGH})",
                     empty_text, label_title)


def rates_chart(rows: Sequence[tuple[str, int, int]], empty_text: str) -> BarChartModel:
    """(title, times done, times skipped) per step: the share done, on a fixed 0 to 100 % axis.
    Drawn as horizontal bars, one under each step's title; a step never offered is left out."""
    points = [(title, 100 * done / (done + skipped)) for title, done, skipped in rows if done + skipped]
    return bar_chart(points, percent_scale() if points else None, f"Share of times done ({PERCENT_UNIT})",
                     empty_text)


def day_label(day: date) -> str:
    """'7 Sep': short enough to sit under a bar, the same on screen and in the report."""
    return f"{day.day} {day:%b}"


def ratings_over_time(ratings: Sequence[tuple[date, int]], empty_text: str) -> BarChartModel:
    """Each rated session, oldest first, under its date: the dashboard's chart and the report's."""
    return ratings_chart([(day_label(day), rating) for day, rating in ratings], empty_text,
                         label_title="Session date")


def values_fit(widest: float, digit: float, slot_width: float) -> bool:
    """Every bar's value, or none: a chart with some bars labelled reads as if the others differ.
    They are written when the widest leaves at least a digit's width to its neighbour, so two
    values side by side ("4", "4") never read as one ("44")."""
    return widest + digit <= slot_width


def label_stride(count: int, slot_width: float, label_width: float) -> int:
    """Label every n-th bar so labels never touch: 1 when each fits its slot."""
    if count <= 0 or slot_width <= 0:
        return 1
    return max(1, math.ceil(label_width * 1.15 / slot_width))


def labelled(index: int, count: int, stride: int) -> bool:
    """Counted from the newest bar, so the latest (this week, today) always has its label."""
    return (count - 1 - index) % stride == 0
