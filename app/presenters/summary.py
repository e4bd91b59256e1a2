"""Summary: what was done and skipped, the time practised, a note and a 1 to 5 rating.

Everything shown comes from the runner that has just finished; the note and the rating
are written when the patient saves. Until then they are kept as a draft, as typed, so a
kill on this screen loses nothing: the next start offers the summary again. A session the
record refused to close (a full disk, a read-only file) is said to be not saved yet, and
Save writes it first.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..core import Core
from ..formatting import clock_face, duration_words
from ..runner import CannotResume
from ..storage.errors import WriteFailed
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
    try:
        core.runner = core.practice.resume_runner(session)
    except CannotResume:  # its steps no longer fit its plan (an import): Home shows the session as it is
        return False
    return True


def unsaved_words(core: Core) -> str:
    runner = core.runner
    if not runner.unsaved:
        return ""
    return (f"This session is not saved yet: {runner.write_error}. Keep SmileBack open, "
            "and tap Save to try again.")


class SummaryPresenter:
    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.rating, self.note = 0, ""

    def enter(self) -> None:
        draft = load_draft(self.core)
        mine = draft is not None and draft["session"] == self.core.runner.session_id
        self.rating = int(draft.get("rating") or 0) if mine else 0
        self.note = str(draft.get("note") or "") if mine else ""
        self.view.show(self._model(unsaved_words(self.core), note=self.note))

    def keep_draft(self, note: str) -> None:
        """Called as the note is typed: what is typed is on disk at once (while the record takes it)."""
        self.note = note
        try:
            self.core.store.put_setting(DRAFT_KEY, json.dumps(
                {"session": self.core.runner.session_id, "note": note, "rating": self.rating}))
        except WriteFailed as error:
            self.view.show(self._model(f"Your note is not saved yet: {error.reason}. It stays here; "
                                       "tap Save to try again."))

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
        self.view.show(self._model())
        self.keep_draft(self.note)

    def save(self, note: str) -> None:
        runner = self.core.runner
        runner.checkpoint()  # what the record refused before is written first
        if runner.unsaved:
            self.view.show(self._model(unsaved_words(self.core)))  # the note stays in its box
            return
        try:
            self.core.practice.annotate(runner.session_id, note, self.rating or None)
            self.core.store.put_setting(DRAFT_KEY, "")
        except (ValueError, WriteFailed) as error:
            self.view.show(self._model(str(error)))  # the note stays in its box: nothing is lost
            return
        self.core.runner = None
        self.navigator.go("home")
