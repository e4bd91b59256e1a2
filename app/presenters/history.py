"""History: every session, newest first; and one session in detail."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, timezone

from ..core import Core
from ..formatting import clock_face, duration_words, long_date
from ..storage import queries
from ..vocabulary import StepStatus, session_words, step_words
from .base import Navigator, Shows


def length_words(seconds: float) -> str:
    """Time practised, to the minute (under a minute in seconds)."""
    whole = int(round(seconds))
    return f"{whole} s" if whole < 60 else f"{round(whole / 60)} min"


def rating_words(rating: int | None) -> str:
    return f"felt {rating} of 5" if rating else "no rating"


@dataclass(frozen=True)
class HistoryRow:
    session_id: int
    date_text: str
    detail_text: str


def history_row(row: queries.HistoryRow) -> HistoryRow:
    started = row.local_started_at
    return HistoryRow(row.session_id, f"{row.local_date:%a %d %b %Y}, {started:%H:%M}",
                      f"{session_words(row.status)}, {length_words(row.done_seconds)}, {rating_words(row.rating)}")


class HistoryPresenter:
    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view

    def enter(self) -> None:
        self.view.show(tuple(history_row(r) for r in queries.history_rows(self.core.store)))

    def open(self, session_id: int) -> None:
        self.navigator.go("session_detail", session_id=session_id)


@dataclass(frozen=True)
class StepLine:
    title: str
    status_words: str  # "done", "skipped", "not finished"
    timing: str
    done: bool


@dataclass(frozen=True)
class DetailModel:
    date_text: str
    started_text: str
    status_text: str
    total_text: str
    note_text: str  # the patient's own words, shown as typed (never as markup)
    rating_text: str
    steps: tuple[StepLine, ...]


class SessionDetailPresenter:
    """When, how it ended, each step planned against done, the note and the rating."""

    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.session_id = 0

    def prepare(self, session_id: int) -> None:
        self.session_id = int(session_id)

    def enter(self) -> None:
        if not self.session_id:
            return
        session = self.core.store.session(self.session_id)
        # The start as the patient's clock showed it then, wherever they are now.
        started = session.started_at.astimezone(timezone(timedelta(minutes=session.utc_offset_minutes)))
        done = session.done_seconds
        steps = []
        for step in sorted(session.steps, key=lambda s: s.position):
            timing = (f"{clock_face(step.planned_seconds)} planned, {clock_face(step.done_seconds)} done"
                      if step.planned_seconds else "No timer")
            steps.append(StepLine(self.core.routine.step_title(step.step_key), step_words(step.status).lower(),
                                  timing, step.status == StepStatus.DONE))
        self.view.show(DetailModel(
            long_date(session.local_date), f"Started at {started:%H:%M}", session_words(session.status),
            f"Time practised: {duration_words(done) if done >= 0.5 else 'none'}",
            session.note or "", f"{session.rating} of 5" if session.rating else "Not rated.", tuple(steps)))
