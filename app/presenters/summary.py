"""Summary: what was done and skipped, the time practised, a note and a 1 to 5 rating.

Everything shown comes from the runner that has just finished; the note and the rating
are written when the patient saves. Until then they are kept as a draft, as typed, so a
kill on this screen loses nothing: the next start offers the summary again.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..core import Core
from ..formatting import clock_face, duration_words
from ..vocabulary import StepStatus
from .base import Navigator, Shows


@dataclass(frozen=True)
class SummaryModel:
    heading: str
    total_text: str
    steps: tuple[str, ...]
    rating: int = 0  # 0: none chosen
    error_text: str = ""
    note: str | None = None  # text for the note box; None leaves it as typed


DRAFT_KEY = "summary.draft"


def load_draft(core: Core) -> dict | None:
    """The note and rating typed on a summary not yet saved: {"session", "note", "rating"}."""
    try:
        draft = json.loads(core.store.settings().get(DRAFT_KEY) or "null")
        return draft if isinstance(draft, dict) and isinstance(draft.get("session"), int) else None
    except ValueError:
        return None


def resume_unsaved_summary(core: Core) -> bool:
    """After a kill on the summary: the finished session in hand again, to show its summary."""
    draft = load_draft(core)
    if draft is None:
        return False
    try:
        session = core.store.session(draft["session"])
    except Exception:  # the session is gone (a restore, an import elsewhere): nothing to offer
        return False
    if session.note or session.rating:
        return False
    core.runner = core.practice.resume_runner(session)
    return True


class SummaryPresenter:
    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.rating, self.note = 0, ""

    def enter(self) -> None:
        draft = load_draft(self.core)
        mine = draft is not None and draft["session"] == self.core.runner.session_id
        self.rating = int(draft.get("rating") or 0) if mine else 0
        self.note = str(draft.get("note") or "") if mine else ""
        self.view.show(self._model(note=self.note))

    def keep_draft(self, note: str) -> None:
        """Called as the note is typed: what is typed is on disk at once."""
        self.note = note
        self.core.store.put_setting(DRAFT_KEY, json.dumps(
            {"session": self.core.runner.session_id, "note": note, "rating": self.rating}))

    def _model(self, error: str = "", note: str | None = None) -> SummaryModel:
        runner = self.core.runner
        lines = []
        for outcome in runner.outcomes:
            timing = (f"{clock_face(outcome.done_seconds)} of {clock_face(outcome.planned_seconds)}"
                      if outcome.planned_seconds else "")
            lines.append(f"[b]{StepStatus(outcome.status).words}[/b]  {outcome.title}   {timing}")
        practised = sum(o.done_seconds for o in runner.outcomes)
        return SummaryModel(f"Session {runner.status().words.lower()}",
                            f"Time practised: {duration_words(practised)}", tuple(lines), self.rating, error, note)

    def choose_rating(self, value: int) -> None:
        """A second tap on the chosen rating takes it back."""
        self.rating = 0 if self.rating == value else value
        self.keep_draft(self.note)
        self.view.show(self._model())

    def save(self, note: str) -> None:
        try:
            self.core.practice.annotate(self.core.runner.session_id, note, self.rating or None)
        except ValueError as error:
            self.view.show(self._model(str(error)))  # the note stays in its box: nothing is lost
            return
        self.core.store.put_setting(DRAFT_KEY, "")
        self.core.runner = None
        self.navigator.go("home")
