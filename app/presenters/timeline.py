"""Progress's treatment timeline as a view model: the routine's days and the journal's events
(injections, effect marks, side effects, supportive care, mood) on one time axis, for the last
6 or 12 months. Every mark is also said in words below the drawing: colour is never the only sign.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..charts import day_label
from ..routine import Routine
from ..storage import queries
from ..treatment.timeline import SPANS_MONTHS, TimelineEvent, timeline
from ..vocabulary import DayStatus, EffectMark, JournalEntry

LANES = ("Routine", "Injections and effect", "Side effects", "Supportive care", "Mood")
LANE_OF = {JournalEntry.INJECTION: 1, JournalEntry.EFFECT: 1, JournalEntry.CHECK_IN: 2, JournalEntry.CARE: 3,
           JournalEntry.MOOD: 4}
PLANNED = {DayStatus.DONE.value, DayStatus.PARTIAL.value, DayStatus.MISSED.value}
AFTER_INJECTION = timedelta(weeks=4)  # "the weeks after the injection": the usual time for the effect to set in
EMPTY_TEXT = "Nothing from your treatment journal in these months yet. Injections, check-ins and supportive care show here once you log them."


@dataclass(frozen=True)
class TimelineMark:
    offset: int  # days after the axis's first day
    lane: int  # index into LANES
    shape: str  # injection, started, fading, side_effect, red_flag, care, mood: each drawn differently
    words: str  # the day and what happened


@dataclass(frozen=True)
class TimelineModel:
    months: int
    toggle_text: str  # the button that shows the other span
    title: str
    days: int  # the axis's length, today included
    lanes: tuple[str, ...]
    routine: tuple[tuple[int, str], ...]  # (offset, DayStatus value) for each day something was planned or rested
    month_ticks: tuple[tuple[int, str], ...]  # (offset of the 1st, "Jun")
    marks: tuple[TimelineMark, ...]
    events: tuple[str, ...]  # injections, effect marks and side effects in words, newest first
    months_text: tuple[str, ...]  # each month's routine, supportive care and mood in words, newest first
    after_text: str  # the routine in the weeks after an injection against the other weeks, when both are known
    empty_text: str  # said instead of the events when the journal has none in the span


def first_day(today: date, months: int) -> date:
    """The 1st of the month `months - 1` before this one: this month and the whole months before it."""
    index = today.year * 12 + today.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


def other_span(months: int) -> int:
    return next(m for m in SPANS_MONTHS if m != months)


def shape_of(event: TimelineEvent) -> str:
    if event.kind is JournalEntry.EFFECT:
        return "started" if event.mark is EffectMark.STARTED else "fading"
    if event.kind is JournalEntry.CHECK_IN:
        return "red_flag" if event.red_flag else "side_effect"
    return event.kind.value


def event_words(event: TimelineEvent) -> str:
    flag = "RED FLAG: " if event.red_flag else ""
    side = "Side effect: " if event.kind is JournalEntry.CHECK_IN else ""
    return f"{long_day(event.day)}: {flag}{side}{event.words}"


def long_day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def timeline_model(store, routine: Routine, today: date, months: int) -> TimelineModel:
    months = months if months in SPANS_MONTHS else SPANS_MONTHS[0]
    first = first_day(today, months)
    journal = store.treatment
    events = timeline(first, today, journal.injections(), journal.marks(), journal.checkins(first, today),
                      journal.care_ticks(first, today), journal.moods(first, today))
    statuses = queries.day_map(store, routine, first, today, today)
    days = (today - first).days + 1
    marks = tuple(TimelineMark((e.day - first).days, LANE_OF[e.kind], shape_of(e), f"{day_label(e.day)}: {e.words}")
                  for e in events)
    told = [e for e in events if e.kind in (JournalEntry.INJECTION, JournalEntry.EFFECT, JournalEntry.CHECK_IN)]
    return TimelineModel(
        months=months, toggle_text=f"Show {other_span(months)} months",
        title=f"Your treatment, the last {months} months", days=days, lanes=LANES,
        routine=tuple(((day - first).days, status) for day, status in sorted(statuses.items())
                      if status in PLANNED or status == DayStatus.REST.value),
        month_ticks=tuple(month_ticks(first, today)),
        marks=marks, events=tuple(event_words(e) for e in reversed(told)),
        months_text=tuple(months_words(first, today, statuses, events)),
        after_text=after_injection_words(statuses, [e.day for e in events if e.kind is JournalEntry.INJECTION]),
        empty_text="" if events else EMPTY_TEXT)


def month_ticks(first: date, last: date):
    day = first
    while day <= last:
        yield (day - first).days, f"{day:%b}"
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def months_words(first: date, last: date, statuses: dict[date, str], events: list[TimelineEvent]):
    """Newest month first; a month with nothing planned and nothing logged is left out."""
    starts = [first + timedelta(days=offset) for offset, _ in month_ticks(first, last)]
    for start in reversed(starts):
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        planned = [s for d, s in statuses.items() if start <= d <= end and s in PLANNED]
        done = sum(s == DayStatus.DONE.value for s in planned)
        care = {e.day for e in events if e.kind is JournalEntry.CARE and start <= e.day <= end}
        mood = {e.day for e in events if e.kind is JournalEntry.MOOD and start <= e.day <= end}
        if not (planned or care or mood):
            continue
        parts = [f"routine done on {done} of {len(planned)} planned days" if planned else "no routine day planned"]
        if care:
            parts.append(f"supportive care on {_days(len(care))}")
        if mood:
            parts.append(f"mood given on {_days(len(mood))}")
        yield f"{start:%B %Y}: " + "; ".join(parts) + "."


def after_injection_words(statuses: dict[date, str], injections: list[date]) -> str:
    """The share of planned days done in the 4 weeks after an injection, and on the other days."""
    def after(day: date) -> bool:
        return any(shot <= day < shot + AFTER_INJECTION for shot in injections)

    near = [s for d, s in statuses.items() if s in PLANNED and after(d)]
    rest = [s for d, s in statuses.items() if s in PLANNED and not after(d)]
    if not near or not rest:
        return ""
    share = lambda days: round(100 * sum(s == DayStatus.DONE.value for s in days) / len(days))  # noqa: E731
    return (f"In the 4 weeks after an injection you did your routine on {share(near)} % of planned days; "
            f"on the other days, {share(rest)} %.")


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
