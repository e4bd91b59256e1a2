"""The one-page PDF report for the clinician, drawn with fpdf2's own primitives.

Text is set in the bundled font (app/fonts.py), which fpdf2 embeds as a subset of the
characters used, so a name or note in any script the app shows prints as typed; what the
font lacks (an emoji) prints as a placeholder square.
The page never breaks: notes that do not fit are counted, not cut mid-way.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from fpdf import FPDF

from .. import fonts, stats
from ..charts import (BarChartModel, day_label, label_stride, labelled, minutes_chart, ratings_over_time,
                      values_fit)
from ..routine import Routine
from ..storage import Store, queries
from ..vocabulary import DashboardStatus
from .dashboard import (ADHERENCE_WINDOWS, StepSummary, notes, plain_status, quiet_days, ratings,
                        step_summaries)
from .plan_edit import WEEKDAY_NAMES
from ..treatment.cycle import clinician_weeks
from ..outcomes.items import load_items
from ..face_words import NOTHING_MEASURED, FaceTable, face_table
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
TEXT_FONT = "smileback"


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
    ratings: list[tuple[date, int]]  # oldest first, as the dashboard charts them
    notes: list[tuple[date, str]]  # newest first
    plan_line: str
    treatment: tuple[str, ...] = ()  # the treatment journal's lines, red flags first
    outcomes: tuple[str, ...] = ()  # self-ratings against the injections, what is worth mentioning, clinician scores
    face: FaceTable | None = None  # the latest photo set's face measures against the baseline


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
        recent_routine_days={n: stats.routine_days(all_days, today - timedelta(days=n - 1), today)
                             for n in ADHERENCE_WINDOWS},
        status=plain_status(all_days, quiet_days(all_days, last_session, today), today,
                            ever_started=store.session_count() > 0)[0],
        minutes=_minutes_by_day(sessions),
        steps=step_summaries(store, routine, first, today),
        average_rating=sum(rated) / len(rated) if rated else None,
        rated_sessions=len(rated),
        ratings=ratings(sessions),
        notes=notes(sessions),
        plan_line=_plan_line(store, routine),
        treatment=tuple(period_lines(treatment_period(store.treatment, first, today, store.rest_days(),
                                                      clinician_weeks(store.settings())))),
        outcomes=_outcome_lines(store),
        face=face_table(store),
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
    _add_text_font(pdf)
    pdf.add_page()
    _header(pdf, data)
    _figures(pdf, data)
    _chart(pdf, data)
    _step_table(pdf, data.steps)
    _treatment(pdf, data.treatment)
    _outcomes(pdf, data.outcomes, _face_room(data.face))  # the ratings' lines make room for the face table
    _face_measures(pdf, data.face)
    _notes(pdf, data.notes)
    _footer(pdf)
    return bytes(pdf.output())


# One face for regular and one for bold: the font has no italic, and each face added costs
# about 0.6 s of parsing (3 MB, every script a name or note may use).
def _add_text_font(pdf: FPDF) -> None:
    pdf.add_font(TEXT_FONT, "", str(fonts.REGULAR))
    pdf.add_font(TEXT_FONT, "B", str(fonts.BOLD))


def _drawable(pdf: FPDF, text: str) -> str:
    return fonts.with_placeholders(text, pdf.fonts[TEXT_FONT].cmap)


def _text(pdf: FPDF, text: str, size: float = 10, style: str = "", height: float = 5.5) -> None:
    pdf.set_font(TEXT_FONT, style, size)
    pdf.set_x(MARGIN)
    pdf.multi_cell(CONTENT_W, height, _drawable(pdf, text), align="L", new_x="LMARGIN", new_y="NEXT")


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


NO_MINUTES_TEXT = "No minutes were practised in this period, so there are no bars to show."
NO_RATINGS_TEXT = "No session was rated in this period, so there is nothing to chart."
BAR_COLOUR = (15, 110, 104)  # the app's bar colour; the daily chart colours each day by its status
GRID_COLOUR, AXIS_COLOUR, LABEL_COLOUR = (222, 226, 230), (95, 110, 123), (60, 70, 80)


def minutes_chart_model(data: ReportData) -> BarChartModel:
    """A bar a day, coloured by the day's status, up to DAILY_BARS_UP_TO days; a bar a week beyond."""
    if len(data.days) <= DAILY_BARS_UP_TO:
        days = sorted(data.days.items())
        return minutes_chart([(day_label(day), data.minutes.get(day, 0.0)) for day, _ in days], NO_MINUTES_TEXT,
                             label_title="Day", kinds=[status for _, status in days])
    weeks: dict[date, float] = {}
    for day in sorted(data.days):
        monday = stats.week_start(day)
        weeks[monday] = weeks.get(monday, 0.0) + data.minutes.get(day, 0.0)
    return minutes_chart([(day_label(monday), minutes) for monday, minutes in weeks.items()], NO_MINUTES_TEXT,
                         label_title="Week starting")


def _chart(pdf: FPDF, data: ReportData) -> None:
    daily = len(data.days) <= DAILY_BARS_UP_TO
    _text(pdf, "Minutes done per day" if daily else "Minutes done per week", 10, "B")
    model = minutes_chart_model(data)
    _bar_chart(pdf, model, 32.0)
    if daily and not model.is_empty:
        _legend(pdf)
    pdf.ln(2)
    _text(pdf, "How sessions felt", 10, "B")
    _bar_chart(pdf, ratings_over_time(data.ratings, NO_RATINGS_TEXT), 20.0)
    pdf.ln(2)


def _bar_chart(pdf: FPDF, model: BarChartModel, height: float) -> None:
    """The chart model as the app draws it: axis title, tick values, grid, bars, values, labels."""
    if model.is_empty:
        _text(pdf, model.empty_text, 9)
        return
    _chart_font(pdf, 7)
    pdf.text(MARGIN, pdf.get_y() + 2.5, _drawable(pdf, model.axis_title))
    top = pdf.get_y() + 6  # room for the value above a full bar
    tick_w = max(pdf.get_string_width(f"{tick:d}") for tick in model.scale.ticks)
    left, width = MARGIN + tick_w + 2, CONTENT_W - tick_w - 2
    baseline = top + height
    _ticks(pdf, model, left, width, baseline, height)
    slot = width / len(model.bars)
    _chart_font(pdf, 6)
    show_values = values_fit(max(pdf.get_string_width(bar.value_text) for bar in model.bars),
                             pdf.get_string_width("0"), slot)
    stride = label_stride(len(model.bars), slot, max(pdf.get_string_width(bar.label) for bar in model.bars))
    for index, bar in enumerate(model.bars):
        x = left + index * slot
        bar_h = _bar(pdf, x + slot * 0.15, baseline, slot * 0.7, height * bar.height, bar.kind)
        pdf.set_text_color(*LABEL_COLOUR)
        if show_values and bar_h is not None:
            pdf.text(x + (slot - pdf.get_string_width(bar.value_text)) / 2, baseline - bar_h - 0.8, bar.value_text)
        if labelled(index, len(model.bars), stride):
            pdf.text(x + (slot - pdf.get_string_width(bar.label)) / 2, baseline + 3, _drawable(pdf, bar.label))
    if model.label_title:
        pdf.text(left + (width - pdf.get_string_width(model.label_title)) / 2, baseline + 6, _drawable(pdf, model.label_title))
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(baseline + 7)


def _ticks(pdf: FPDF, model: BarChartModel, left: float, width: float, baseline: float, height: float) -> None:
    _chart_font(pdf, 6)
    pdf.set_line_width(0.15)
    for tick in model.scale.ticks:
        y = baseline - height * model.scale.fraction(tick)
        pdf.set_draw_color(*GRID_COLOUR)
        pdf.line(left, y, left + width, y)
        pdf.set_text_color(*LABEL_COLOUR)
        pdf.text(left - 1.5 - pdf.get_string_width(f"{tick:d}"), y + 0.9, f"{tick:d}")
    pdf.set_draw_color(*AXIS_COLOUR)
    pdf.set_line_width(0.25)
    pdf.line(left, baseline - height, left, baseline)
    pdf.line(left, baseline, left + width, baseline)


def _chart_font(pdf: FPDF, size: float) -> None:
    pdf.set_font(TEXT_FONT, "", size)


def _bar(pdf: FPDF, x: float, baseline: float, width: float, height: float, status: str) -> float | None:
    """Draws one bar and returns its height, or None for a day with nothing to show (today not yet
    done, or before the plan): it gets no bar and no value. A bar with no status is in the app's colour."""
    colour = COLOURS.get(status) if status else BAR_COLOUR
    if colour is None:
        return None
    pdf.set_fill_color(*colour)
    if status in (stats.MISSED, stats.REST):
        height = max(height, 1.2)  # no minutes: a small mark keeps the day visible
    if height > 0:
        pdf.rect(x, baseline - height, width, height, style="F")
    return height


def _legend(pdf: FPDF) -> None:
    x = MARGIN + 10
    pdf.set_font(TEXT_FONT, "", 7)
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


def _row(pdf: FPDF, widths: tuple[int, ...], cells: tuple[str, ...], style: str = "", height: float = 5.5) -> None:
    pdf.set_font(TEXT_FONT, style, 9 if height >= 5.5 else 8)
    pdf.set_x(MARGIN)
    for width, cell in zip(widths, cells):
        pdf.cell(width, height, _drawable(pdf, cell), border="B", align="L")
    pdf.ln(height)


def _treatment(pdf: FPDF, lines: tuple[str, ...]) -> None:
    """Injections, side effects (red flags first), supportive care and mood; left out when none is kept."""
    _lines_section(pdf, "Treatment journal", lines, "treatment")


def _outcomes(pdf: FPDF, lines: tuple[str, ...], reserve: float = 0.0) -> None:
    """The patient's own ratings and the clinician's scores."""
    _lines_section(pdf, "The patient's own ratings (0 to 10) and clinician scores", lines, "outcomes", reserve)


def _lines_section(pdf: FPDF, heading: str, lines: tuple[str, ...], csv_name: str, reserve: float = 0.0) -> None:
    """A heading and its lines, as many as leave room for the notes (and `reserve` mm for what
    follows); the rest are in the CSV."""
    if not lines:
        return
    _text(pdf, heading, 10, "B")
    limit = FOOTER_Y - 30 - reserve  # leaves room for the notes' heading and a few notes
    for index, line in enumerate(lines):
        text = _one_line(line)
        rows = pdf.multi_cell(CONTENT_W, 4.5, _drawable(pdf, text), dry_run=True, output="LINES")
        if pdf.get_y() + 4.5 * len(rows) > limit:
            _text(pdf, f"... and {len(lines) - index} more lines, all in the {csv_name} CSV.", 9, height=4.5)
            break
        _text(pdf, text, 9, height=4.5)
    pdf.ln(3)


FACE_WIDTHS = (62, 16, 28, 28, 30, 16)
FACE_ROW_H = 4.5
FACE_MEASURES_KEPT = 2  # measures the ratings' lines make room for (a row a side); the others if they fit


def _face_room(table: FaceTable | None) -> float:
    """The height the face table is sure of: its heading, note, header and the first measures."""
    if table is None or not table.rows:
        return 0.0
    return 5.5 + 4 * 2 + FACE_ROW_H * (1 + 2 * min(len(table.rows), FACE_MEASURES_KEPT)) + 3


def _face_measures(pdf: FPDF, table: FaceTable | None) -> None:
    """A small table, a row a side, with the line that says it is no grade; left out when no
    set was ever measured. Rows that do not fit are counted: every one is in the outcomes CSV."""
    if table is None or (not table.rows and table.empty_text == NOTHING_MEASURED):
        return
    _text(pdf, "Face measures from photos" + (f" ({table.title})" if table.title else ""), 10, "B")
    if not table.rows:
        _text(pdf, table.empty_text, 9, height=4.5)
        pdf.ln(3)
        return
    _text(pdf, table.note, 8, height=4)
    _row(pdf, FACE_WIDTHS, ("Measure", "Side", "Baseline", "Latest", "Change", "Noise"), "B", FACE_ROW_H)
    limit = FOOTER_Y - 30  # leaves room for the notes' heading and a few notes
    # The measures that changed first: with little room, they are what the clinician should see.
    rows = sorted(table.rows, key=lambda row: row.no_clear_change)
    for index, row in enumerate(rows):
        room = limit if index >= FACE_MEASURES_KEPT else FOOTER_Y - 12  # never into the footer
        if pdf.get_y() + 2 * FACE_ROW_H > room:
            _text(pdf, f"... and {len(table.rows) - index} more measures, all in the outcomes CSV.", 9, height=4.5)
            break
        for side in row.sides:
            _row(pdf, FACE_WIDTHS, (row.measure if side.side == "right" else "", side.side, side.baseline,
                                    side.latest, side.change, row.noise if side.side == "right" else ""), "",
                 FACE_ROW_H)
    pdf.ln(3)


def _notes(pdf: FPDF, items: list[tuple[date, str]]) -> None:
    _text(pdf, "Patient's notes (newest first)", 10, "B")
    if not items:
        _text(pdf, "No notes in this period.", 9)
        return
    pdf.set_font(TEXT_FONT, "", 9)
    limit = FOOTER_Y - 10  # leaves a line for "more notes"
    for index, (day, note) in enumerate(items):
        text = _drawable(pdf, f"{day.isoformat()}: {_one_line(note)}")
        lines = pdf.multi_cell(CONTENT_W, 4.5, text, dry_run=True, output="LINES")
        if pdf.get_y() + 4.5 * len(lines) > limit:
            _text(pdf, f"... and {len(items) - index} more notes, all in the sessions CSV.", 9, height=4.5)
            return
        _text(pdf, text, 9, height=4.5)


def _footer(pdf: FPDF) -> None:
    pdf.set_draw_color(160, 160, 160)
    pdf.line(MARGIN, FOOTER_Y - 2, PAGE_W - MARGIN, FOOTER_Y - 2)
    pdf.set_y(FOOTER_Y)
    _text(pdf, DISCLAIMER, 8, height=4)


# --- text helpers -------------------------------------------------------------------------


def _one_line(note: str) -> str:
    text = " ".join(note.split())  # newlines in a note would waste the page's few lines
    return text if len(text) <= NOTE_MAX_CHARS else text[:NOTE_MAX_CHARS - 3] + "..."


def _percent(value: float) -> str:
    return f"{value:.0f}%"


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:.0f} min" if abs(minutes - round(minutes)) < 0.05 else f"{minutes:.1f} min"
