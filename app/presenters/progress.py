"""Progress: streaks, a month calendar, adherence, minutes each week, how often each step is done,
and the treatment journal's timeline (app/presenters/timeline.py) over the last 6 or 12 months.

Every figure comes from app.storage.queries.progress_data, read afresh on each visit.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..charts import BarChartModel, day_label, minutes_chart, rates_chart
from ..core import Core
from ..formatting import plural, streak_words
from ..storage import queries
from ..treatment.timeline import SPANS_MONTHS
from .base import Navigator, Shows
from .timeline import TimelineModel, other_span, timeline_model


@dataclass(frozen=True)
class ProgressModel:
    month_text: str
    can_go_later: bool
    current_streak_text: str
    best_streak_text: str
    adherence_text: str
    calendar: tuple[tuple[date, str], ...]  # every day of the month shown, with its DayStatus
    today: date
    minutes_chart: BarChartModel
    minutes_caption: str
    steps_chart: BarChartModel
    steps: tuple[str, ...]  # each step's figures in words, under the chart
    timeline: TimelineModel | None = None


def times_words(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def rate_words(done: int, skipped: int) -> str:
    if skipped == 0:
        return f"done every time ({times_words(done)})."
    if done == 0:
        return f"skipped every time ({times_words(skipped)})."
    return f"done {done} of {done + skipped} times, skipped {times_words(skipped)}."


NO_STEPS_TEXT = "No steps done yet in the last 90 days."
NO_MINUTES_TEXT = "Nothing practised in these 12 weeks yet, so there are no bars to show."


def weekly_minutes_chart(weekly) -> BarChartModel:
    return minutes_chart([(day_label(monday), minutes) for monday, minutes in weekly], NO_MINUTES_TEXT,
                         label_title="Week starting")


def minutes_caption(weekly) -> str:
    minutes = [m for _, m in weekly]
    if not any(round(m) for m in minutes):
        return ""  # the empty chart says it
    this_week = round(weekly[-1][1]) if weekly else 0
    average = round(sum(minutes) / len(minutes)) if minutes else 0
    return (f"Minutes practised each week, the last {len(weekly)} weeks, oldest on the left. "
            f"This week so far: {this_week} min. Average: {average} min a week. "
            f"Most in one week: {round(max(minutes, default=0))} min.")


class ProgressPresenter:
    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.month: date | None = None  # the first day of the month shown
        self.timeline_months = SPANS_MONTHS[0]

    def enter(self) -> None:
        self.month = self.core.today().replace(day=1)
        self._show()

    def toggle_timeline(self) -> None:
        """The timeline's other span: 6 months or 12."""
        self.timeline_months = other_span(self.timeline_months)
        self._show()

    def change_month(self, direction: int) -> None:
        """-1 for the earlier month, +1 for the later; never past this month."""
        if self.month is None:
            return
        year, month = divmod(self.month.year * 12 + self.month.month - 1 + direction, 12)
        if year < 1 or date(year, month + 1, 1) > self.core.today().replace(day=1):
            return
        self.month = date(year, month + 1, 1)
        self._show()

    def _show(self) -> None:
        today, routine = self.core.today(), self.core.routine
        data = queries.progress_data(self.core.store, routine, today, self.month)
        weekly = data.weekly_minutes
        self.view.show(ProgressModel(
            month_text=f"{self.month:%B %Y}",
            can_go_later=self.month < today.replace(day=1),
            current_streak_text=streak_words(data.current_streak),
            best_streak_text=(f"Your best: {plural(data.best_streak, 'day')} in a row" if data.best_streak
                              else "Your best streak will show here."),
            adherence_text=adherence_text(data),
            calendar=tuple(data.calendar), today=today,
            minutes_chart=weekly_minutes_chart(weekly), minutes_caption=minutes_caption(weekly),
            steps_chart=rates_chart([(routine.step_title(r.step_key), r.done, r.skipped) for r in data.step_rates],
                                    NO_STEPS_TEXT),
            steps=tuple(f"[b]{routine.step_title(r.step_key)}[/b]: {rate_words(r.done, r.skipped)}"
                        for r in data.step_rates),
            timeline=timeline_model(self.core.store, routine, today, self.timeline_months)))

    def open_trends(self) -> None:
        """Your ratings over time, beside the minutes and the injections."""
        self.navigator.go("trends")

    def open_photos(self) -> None:
        self.navigator.go("photo_sets")


def adherence_text(data: queries.ProgressData) -> str:
    """Each window's figure; before any routine day is over there is no figure to give."""
    if not any(data.routine_days.values()):
        return "No routine day is over yet, so there is nothing to count yet."
    return "\n".join(f"Last {n} days:  [b]{data.adherence[n]:.0f} %[/b]" if data.routine_days[n]
                     else f"Last {n} days:  none yet" for n in sorted(data.adherence))
