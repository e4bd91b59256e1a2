"""The treatment journal for the clinician: a CSV of every entry, and the period's lines for the PDF.

The CSV has one row per fact (an injected area, a check-in answer, a tick, a mood), in
date order, with the same words as on screen. The PDF lines put red flags first, and
label the wear-off window as the estimate from the patient's own record it is.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from ..storage.treatment_store import TreatmentStore
from ..treatment.checkins import checkins_first_red, help_needed, red_flags
from ..treatment.cycle import clinician_weeks, current_forecast, cycle_lengths, cycle_words, forecast_words
from ..treatment.entries import CareTick, CheckIn, Injection, MoodEntry
from ..treatment.supportive import mood_ticks, tally
from ..vocabulary import HelpNeeded, JournalEntry, SideEffect

TREATMENT_COLUMNS = ("local_date", "entry", "item", "side", "units", "minutes", "red_flag", "help",
                     "given_by", "product", "note")
TREATMENT_TEXT_COLUMNS = frozenset({"entry", "item", "side", "red_flag", "help", "given_by", "product", "note"})


# --- the CSV ---------------------------------------------------------------------------------

def _row(day: date, entry: JournalEntry, item: str, **cells) -> tuple:
    """One CSV row in TREATMENT_COLUMNS' order, the cells not given left empty."""
    values = {"local_date": day, "entry": entry.words, "item": item, **cells}
    return tuple("" if values.get(column) is None else values.get(column) for column in TREATMENT_COLUMNS)


def treatment_rows(journal: TreatmentStore) -> list[tuple]:
    rows = [_row(shot.given_on, JournalEntry.INJECTION, dose.area.words, side=dose.side.words, units=dose.units,
                 given_by=shot.given_by, product=shot.product)
            for shot in journal.injections() for dose in shot.areas]
    rows += [_row(m.local_date, JournalEntry.EFFECT, m.kind.words) for m in journal.marks()]
    rows += [row for checkin in journal.checkins() for row in _checkin_rows(checkin)]
    rows += [_row(t.local_date, JournalEntry.CARE, t.kind.words, minutes=t.minutes) for t in journal.care_ticks()]
    rows += [_row(m.local_date, JournalEntry.MOOD, m.mood.words, note=m.note) for m in journal.moods()]
    return [(day.isoformat(), *rest) for day, *rest in sorted(rows, key=lambda row: row[0])]


def _checkin_rows(checkin: CheckIn) -> list[tuple]:
    if not checkin.answers:
        return [_row(checkin.local_date, JournalEntry.CHECK_IN, "Nothing new", note=checkin.note)]
    flagged = set(red_flags(checkin.answers))
    return [_row(checkin.local_date, JournalEntry.CHECK_IN, answer.words, note=checkin.note,
                 red_flag="yes" if answer in flagged else None,
                 help=help_needed([answer]).words if answer in flagged else None)
            for answer in SideEffect if answer in checkin.answers]


# --- the period, for the PDF -------------------------------------------------------------------

@dataclass(frozen=True)
class TreatmentPeriod:
    cycle: str | None  # "Week 6 since your injection on 21 October", as of the report's last day
    forecast: str | None
    last_cycle_days: int | None
    injections: tuple[Injection, ...]
    checkins: tuple[CheckIn, ...]  # red flags first
    care: tuple[tuple[str, int, int], ...]  # (words, done, planned)
    moods: tuple[MoodEntry, ...]

    @property
    def empty(self) -> bool:
        return not (self.cycle or self.injections or self.checkins or self.care or self.moods)


def treatment_period(journal: TreatmentStore, first: date, last: date, rest_days: Collection[date] = (),
                     weeks: int | None = None) -> TreatmentPeriod:
    injections = journal.injections()
    marks = journal.marks()
    window = current_forecast(injections, marks, last, weeks)
    lengths = cycle_lengths(injections, marks)
    ticks: list[CareTick] = journal.care_ticks(first, last) + mood_ticks(journal.moods(first, last))
    care = tuple((t.item.kind.words, t.done, t.planned)
                 for t in tally(journal.care_items(), ticks, first, last, rest_days))
    return TreatmentPeriod(
        cycle=cycle_words(window.injection, last) if window else None,
        forecast=forecast_words(window, last, whose="the patient's") if window else None,
        last_cycle_days=lengths[-1] if lengths else None,
        injections=tuple(i for i in injections if first <= i.given_on <= last),
        checkins=tuple(checkins_first_red(c for c in journal.checkins(first, last) if c.answers)),
        care=care, moods=tuple(journal.moods(first, last)))


def period_lines(period: TreatmentPeriod) -> list[str]:
    """The treatment section of the report, one line each, red flags first."""
    lines = []
    for checkin in period.checkins:
        help = help_needed(checkin.answers)
        flag = f"RED FLAG ({help.words.lower()}): " if help is not HelpNeeded.NONE else "Side effects: "
        note = f" ({checkin.note})" if checkin.note else ""
        lines.append(f"{checkin.local_date.isoformat()} {flag}{_answers(checkin)}{note}")
    if period.cycle:
        cycle = period.cycle.replace("your injection", "the injection")
        last = f"; the last marked cycle lasted {period.last_cycle_days} days" if period.last_cycle_days else ""
        lines.append(f"{cycle}{last}. {period.forecast}")
    for shot in period.injections:
        areas = ", ".join(d.words for d in shot.areas)
        by = "".join(f", {part}" for part in (shot.product, shot.given_by) if part)
        lines.append(f"{shot.given_on.isoformat()} injection{by}: {areas}")
    if period.care:
        lines.append("Supportive care done against asked: " +
                     "; ".join(f"{words} {done} of {planned}" for words, done, planned in period.care))
    if period.moods:
        average = sum(int(m.mood) for m in period.moods) / len(period.moods)
        lines.append(f"Mood: {len(period.moods)} check-ins, on average {average:.1f} of 5 (5 the happiest face)")
    return lines


def _answers(checkin: CheckIn) -> str:
    flagged = red_flags(checkin.answers)
    rest = [a for a in SideEffect if a in checkin.answers and a not in flagged]
    return ", ".join(a.words.lower() for a in flagged + rest)


# --- the caregiver dashboard ---------------------------------------------------------------------

MOOD_DAYS = 30
CARE_DAYS = 30


@dataclass(frozen=True)
class SideEffectLine:
    day: date
    words: str  # the answers, red flags first
    help: HelpNeeded
    note: str


@dataclass(frozen=True)
class TreatmentDashboard:
    last_injection: Injection | None
    cycle_text: str  # "Week 6 since the injection on 21 October"; "" before any
    forecast_text: str  # labelled an estimate from the patient's record
    last_cycle_days: int | None
    side_effects: tuple[SideEffectLine, ...]  # since the last injection, red flags first
    care: tuple[tuple[str, int, int], ...]  # over the last 30 days: (words, done, asked)
    moods: tuple[tuple[date, int], ...]  # over the last 30 days, oldest first, 1 (saddest) to 5

    @property
    def red_flag(self) -> bool:
        return any(line.help is not HelpNeeded.NONE for line in self.side_effects)


def treatment_dashboard(journal: TreatmentStore, today: date, rest_days: Collection[date] = (),
                        weeks: int | None = None) -> TreatmentDashboard:
    period = treatment_period(journal, today - timedelta(days=CARE_DAYS - 1), today, rest_days, weeks)
    injections = journal.injections()
    last = max(injections, key=lambda i: (i.given_on, i.id), default=None)
    since = [c for c in journal.checkins(last.given_on, today) if c.answers] if last else []
    lines = tuple(SideEffectLine(c.local_date, _answers(c), help_needed(c.answers), c.note or "")
                  for c in checkins_first_red(since))
    moods = tuple((m.local_date, int(m.mood)) for m in journal.moods(today - timedelta(days=MOOD_DAYS - 1), today))
    return TreatmentDashboard(last, (period.cycle or "").replace("your injection", "the injection"),
                              period.forecast or "", period.last_cycle_days, lines, period.care, moods)
