"""The one-page PDF report for the clinician, drawn with fpdf2's own primitives.

Only fpdf2's core fonts are used, so nothing is bundled and the output is the same on
every machine; they cover latin-1 only, so every text passes through `latin1()` first.
The page never breaks: notes that do not fit are counted, not cut mid-way.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from fpdf import FPDF

from .. import stats
from ..routine import Routine
from ..storage import Store, queries
from ..vocabulary import DashboardStatus
from .dashboard import ADHERENCE_WINDOWS, StepSummary, notes, plain_status, quiet_days, routine_days, step_summaries
from .plan_edit import WEEKDAY_NAMES
from ..treatment.cycle import clinician_weeks
from ..outcomes.items import load_items
from .outcomes_report import outcome_lines
from .treatment_report import period_lines, treatment_period

DISCLAIMER = "SmileBack follows the clinician's plan and gives no medical advice."
DAILY_BARS_UP_TO = 45  # longer periods are drawn one bar per week so bars stay readable
NOTE_MAX_CHARS = 400
PAGE_W, MARGIN = 210.0, 15.0
CONTENT_W = PAGE_W - 2 * MARGIN
FOOTER_Y = 280.0
COLOURS = {
    stats.DONE: (46, 139, 87),
    stats.PARTIAL: (232, 163, 23),
    stats.MISSED: (200, 60, 60),
    stats.REST: (175, 175, 175),
}
# Typographic characters people type in notes that latin-1 lacks, mapped to look-alikes.
_LOOKALIKES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": ",", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2026": "...", "\u2022": "*", "\u20ac": "EUR",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    # Letters with no decomposition to a latin-1 base letter.
    "\u0141": "L", "\u0142": "l", "\u0110": "D", "\u0111": "d", "\u0131": "i", "\u0152": "OE", "\u0153": "oe",
})


@dataclass(frozen=True)
class ReportData:
    name: str
    first: date
    last: date
    days: dict[date, str]
    adherence: float  # over the period
    done_days: int
    planned_days: int
    recent_adherence: dict[int, float]  # {7, 30, 90} ending on the last day
    recent_routine_days: dict[int, int]  # routine days judged in each: none, and the figure is not shown
    status: DashboardStatus
    minutes: dict[date, float]
    steps: list[StepSummary]
    average_rating: float | None
    rated_sessions: int
    notes: list[tuple[date, str]]  # newest first
    plan_line: str
    treatment: tuple[str, ...] = ()  # the treatment journal's lines, red flags first
    outcomes: tuple[str, ...] = ()  # self-ratings against the injections, what is worth mentioning, clinician scores


def report_pdf(store: Store, routine: Routine, today: date, period_days: int = 30) -> bytes:
    return render(report_data(store, routine, today, period_days))


def report_data(store: Store, routine: Routine, today: date, period_days: int) -> ReportData:
    period_days = max(1, period_days)
    first = today - timedelta(days=period_days - 1)
    window_first = min(first, today - timedelta(days=max(ADHERENCE_WINDOWS) - 1))
    all_days = queries.day_map(store, routine, window_first, today, today)
    days = {d: s for d, s in all_days.items() if d >= first}
    sessions = store.sessions_between(first, today)
    planned = [s for s in days.values() if s in stats.PLANNED]
    rated = [s.rating for s in sessions if s.rating is not None]
    last_session = max((s.local_date for s in store.sessions_between(window_first, today)), default=None)
    return ReportData(
        name=store.settings().get("profile.name", "").strip(),
        first=first, last=today, days=days,
        adherence=stats.adherence(days, first, today),
        done_days=planned.count(stats.DONE), planned_days=len(planned),
        recent_adherence={n: stats.adherence(all_days, today - timedelta(days=n - 1), today) for n in ADHERENCE_WINDOWS},
        recent_routine_days={n: routine_days(all_days, today - timedelta(days=n - 1), today)
                             for n in ADHERENCE_WINDOWS},
        status=plain_status(all_days, quiet_days(all_days, last_session, today), today,
                            ever_started=store.session_count() > 0)[0],
        minutes=_minutes_by_day(sessions),
        steps=step_summaries(store, routine, first, today),
        average_rating=sum(rated) / len(rated) if rated else None,
        rated_sessions=len(rated),
        notes=notes(sessions),
        plan_line=_plan_line(store, routine),
        treatment=tuple(period_lines(treatment_period(store.treatment, first, today, store.rest_days(),
                                                      clinician_weeks(store.settings())))),
        outcomes=_outcome_lines(store),
    )


def _outcome_lines(store: Store) -> tuple[str, ...]:
    lines = outcome_lines(store, load_items())
    return lines.standings + lines.changes + tuple(f"Clinician score, {line}" for line in lines.scores)


def _minutes_by_day(sessions) -> dict[date, float]:
    minutes: dict[date, float] = defaultdict(float)
    for session in sessions:
        minutes[session.local_date] += session.done_seconds / 60
    return dict(minutes)


def _plan_line(store: Store, routine: Routine) -> str:
    plan = store.current_plan()
    if plan is None:
        return "No plan saved yet."
    titles = {s.key: (s.title, s.timed) for s in routine.steps}
    parts = []
    for step in plan.included_steps():
        title, timed = titles.get(step.step_key, (step.step_key, True))
        parts.append(f"{title} {_minutes(step.seconds)}" if timed else title)
    rest = ", ".join(WEEKDAY_NAMES[d][:3] for d in sorted(plan.rest_weekdays)) or "none"
    return f"Current plan (from {plan.effective_from.isoformat()}): {'; '.join(parts)}. Rest weekdays: {rest}."


# --- drawing ----------------------------------------------------------------------------


def render(data: ReportData) -> bytes:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)  # one page, always: each section checks its own room
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_title("SmileBack report")
    pdf.set_creator("SmileBack")
    pdf.add_page()
    _header(pdf, data)
    _figures(pdf, data)
    _chart(pdf, data)
    _step_table(pdf, data.steps)
    _treatment(pdf, data.treatment)
    _outcomes(pdf, data.outcomes)
    _notes(pdf, data.notes)
    _footer(pdf)
    return bytes(pdf.output())


def _text(pdf: FPDF, text: str, size: float = 10, style: str = "", height: float = 5.5) -> None:
    pdf.set_font("helvetica", style, size)
    pdf.set_x(MARGIN)
    pdf.multi_cell(CONTENT_W, height, latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")


def _header(pdf: FPDF, data: ReportData) -> None:
    _text(pdf, "SmileBack - home routine report", 16, "B", 8)
    _text(pdf, f"Patient: {data.name or '(name not given)'}", 11)
    days = (data.last - data.first).days + 1
    _text(pdf, f"Period: {data.first.isoformat()} to {data.last.isoformat()} ({days} days)", 11)
    _text(pdf, data.plan_line, 9, height=4.5)
    pdf.ln(2)


def _figures(pdf: FPDF, data: ReportData) -> None:
    # With no routine day judged, a window's 100 % measures nothing: it is not printed as a figure.
    period = _percent(data.adherence) if data.planned_days else "not measured yet"
    _text(pdf, f"Adherence over the period: {period} "
               f"({data.done_days} of {data.planned_days} routine days fully done)", 12, "B", 7)
    recent = ", ".join(f"last {n} days {_percent(v) if data.recent_routine_days.get(n) else 'none yet'}"
                       for n, v in data.recent_adherence.items())
    _text(pdf, f"Adherence {recent}. Status: {data.status.words}.")
    counts = {s: sum(1 for v in data.days.values() if v == s) for s in (stats.PARTIAL, stats.MISSED, stats.REST)}
    rating = (f"average rating {data.average_rating:.1f} of 5 over {data.rated_sessions} rated sessions"
              if data.average_rating is not None else "no session rated")
    _text(pdf, f"Partly done days: {counts[stats.PARTIAL]}, missed days: {counts[stats.MISSED]}, "
               f"rest days: {counts[stats.REST]}; {rating}.")
    pdf.ln(2)


def _chart(pdf: FPDF, data: ReportData) -> None:
    daily = len(data.days) <= DAILY_BARS_UP_TO
    bars = _daily_bars(data) if daily else _weekly_bars(data)
    _text(pdf, "Minutes done per day" if daily else "Minutes done per week (Monday shown)", 10, "B")
    top, height = pdf.get_y() + 2, 38.0
    scale_max = _nice_ceiling(max((m for _, m, _ in bars), default=0))
    left, width = MARGIN + 10, CONTENT_W - 10
    _axis(pdf, left, top, width, height, scale_max)
    slot = width / max(len(bars), 1)
    for index, (label, minutes, status) in enumerate(bars):
        x = left + index * slot + slot * 0.15
        _bar(pdf, x, top + height, slot * 0.7, height * minutes / scale_max, status)
        if index % (7 if daily else 1) == 0 or len(bars) <= 14:
            pdf.set_font("helvetica", "", 6)
            pdf.text(x, top + height + 3.5, label)
    pdf.set_y(top + height + 5)
    if daily:
        _legend(pdf)
    pdf.ln(3)


def _daily_bars(data: ReportData) -> list[tuple[str, float, str]]:
    return [(day.strftime("%d/%m"), data.minutes.get(day, 0.0), status) for day, status in sorted(data.days.items())]


def _weekly_bars(data: ReportData) -> list[tuple[str, float, str]]:
    weeks: dict[date, float] = {}
    for day in sorted(data.days):
        monday = stats.week_start(day)
        weeks[monday] = weeks.get(monday, 0.0) + data.minutes.get(day, 0.0)
    return [(monday.strftime("%d/%m"), minutes, stats.DONE) for monday, minutes in weeks.items()]


def _axis(pdf: FPDF, left: float, top: float, width: float, height: float, scale_max: float) -> None:
    pdf.set_draw_color(120, 120, 120)
    pdf.set_line_width(0.2)
    pdf.line(left, top + height, left + width, top + height)
    pdf.line(left, top, left, top + height)
    pdf.set_font("helvetica", "", 6)
    pdf.text(MARGIN, top + 2, f"{scale_max:g} min")
    pdf.text(MARGIN + 5, top + height, "0")


def _bar(pdf: FPDF, x: float, baseline: float, width: float, height: float, status: str) -> None:
    colour = COLOURS.get(status)
    if colour is None:
        return  # today not yet done, future, or before the plan: nothing to show
    pdf.set_fill_color(*colour)
    # Missed and rest days have no minutes: a small mark keeps them visible.
    height = max(height, 1.2)
    pdf.rect(x, baseline - height, width, height, style="F")


def _legend(pdf: FPDF) -> None:
    x = MARGIN + 10
    pdf.set_font("helvetica", "", 7)
    for status in (stats.DONE, stats.PARTIAL, stats.MISSED, stats.REST):
        pdf.set_fill_color(*COLOURS[status])
        pdf.rect(x, pdf.get_y() + 0.8, 3, 3, style="F")
        pdf.text(x + 4, pdf.get_y() + 3.3, status.words.lower())
        x += 28
    pdf.ln(5)


def _step_table(pdf: FPDF, steps: list[StepSummary]) -> None:
    _text(pdf, "Steps in the period", 10, "B")
    widths = (66, 22, 22, 35, 35)
    _row(pdf, widths, ("Step", "Done", "Skipped", "Avg time done", "Avg time planned"), "B")
    for step in steps:
        timed = step.avg_planned_seconds > 0  # an untimed step (preparation) has no time to compare
        _row(pdf, widths, (step.title, str(step.done), str(step.skipped),
                           _minutes(step.avg_done_seconds) if timed else "-",
                           _minutes(step.avg_planned_seconds) if timed else "-"))
    if not steps:
        _text(pdf, "No step was finished in this period.", 9)
    pdf.ln(3)


def _row(pdf: FPDF, widths: tuple[int, ...], cells: tuple[str, ...], style: str = "") -> None:
    pdf.set_font("helvetica", style, 9)
    pdf.set_x(MARGIN)
    for width, cell in zip(widths, cells):
        pdf.cell(width, 5.5, latin1(cell), border="B", align="L")
    pdf.ln(5.5)


def _treatment(pdf: FPDF, lines: tuple[str, ...]) -> None:
    """Injections, side effects (red flags first), supportive care and mood; left out when none is kept."""
    if not lines:
        return
    _text(pdf, "Treatment journal", 10, "B")
    limit = FOOTER_Y - 30  # leaves room for the notes' heading and a few notes
    for index, line in enumerate(lines):
        text = latin1(_one_line(line))
        rows = pdf.multi_cell(CONTENT_W, 4.5, text, dry_run=True, output="LINES")
        if pdf.get_y() + 4.5 * len(rows) > limit:
            _text(pdf, f"... and {len(lines) - index} more lines, all in the treatment CSV.", 9, "I", 4.5)
            break
        _text(pdf, text, 9, height=4.5)
    pdf.ln(3)


def _outcomes(pdf: FPDF, lines: tuple[str, ...]) -> None:
    """The patient's own ratings and the clinician's scores, as _treatment lays out its lines."""
    if not lines:
        return
    _text(pdf, "The patient's own ratings (0 to 10) and clinician scores", 10, "B")
    limit = FOOTER_Y - 30
    for index, line in enumerate(lines):
        text = latin1(_one_line(line))
        rows = pdf.multi_cell(CONTENT_W, 4.5, text, dry_run=True, output="LINES")
        if pdf.get_y() + 4.5 * len(rows) > limit:
            _text(pdf, f"... and {len(lines) - index} more lines, all in the outcomes CSV.", 9, "I", 4.5)
            break
        _text(pdf, text, 9, height=4.5)
    pdf.ln(3)


def _notes(pdf: FPDF, items: list[tuple[date, str]]) -> None:
    _text(pdf, "Patient's notes (newest first)", 10, "B")
    if not items:
        _text(pdf, "No notes in this period.", 9)
        return
    pdf.set_font("helvetica", "", 9)
    limit = FOOTER_Y - 10  # leaves a line for "more notes"
    for index, (day, note) in enumerate(items):
        text = latin1(f"{day.isoformat()}: {_one_line(note)}")
        lines = pdf.multi_cell(CONTENT_W, 4.5, text, dry_run=True, output="LINES")
        if pdf.get_y() + 4.5 * len(lines) > limit:
            _text(pdf, f"... and {len(items) - index} more notes, all in the sessions CSV.", 9, "I", 4.5)
            return
        _text(pdf, text, 9, height=4.5)


def _footer(pdf: FPDF) -> None:
    pdf.set_draw_color(160, 160, 160)
    pdf.line(MARGIN, FOOTER_Y - 2, PAGE_W - MARGIN, FOOTER_Y - 2)
    pdf.set_y(FOOTER_Y)
    _text(pdf, DISCLAIMER, 8, "I", 4)


# --- text helpers -------------------------------------------------------------------------


def latin1(text: str) -> str:
    """What the core fonts can draw: look-alikes, then accents dropped, then '?'."""
    text = text.translate(_LOOKALIKES)
    return "".join(_latin1_char(ch) for ch in text)


def _latin1_char(ch: str) -> str:
    if ch in "\n\t" or (ch.isprintable() and ord(ch) < 256):
        return ch
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if base and all(ord(c) < 256 and c.isprintable() for c in base) else "?"


def _one_line(note: str) -> str:
    text = " ".join(note.split())  # newlines in a note would waste the page's few lines
    return text if len(text) <= NOTE_MAX_CHARS else text[:NOTE_MAX_CHARS - 3] + "..."


def _percent(value: float) -> str:
    return f"{value:.0f}%"


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:.0f} min" if abs(minutes - round(minutes)) < 0.05 else f"{minutes:.1f} min"


def _nice_ceiling(minutes: float) -> float:
    for step in (5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 600):
        if minutes <= step:
            return step
    return float(int(minutes) + 1)
