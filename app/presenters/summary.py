"""Summary: what was done and skipped, the time practised, a note and a 1 to 5 rating.

Everything shown comes from the runner that has just finished; only the note and the
rating are written, when the patient saves.
"""
from __future__ import annotations

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


class SummaryPresenter:
    def __init__(self, core: Core, navigator: Navigator, view: Shows):
        self.core, self.navigator, self.view = core, navigator, view
        self.rating = 0

    def enter(self) -> None:
        self.rating = 0
        self.view.show(self._model())

    def _model(self, error: str = "") -> SummaryModel:
        runner = self.core.runner
        lines = []
        for outcome in runner.outcomes:
            timing = (f"{clock_face(outcome.done_seconds)} of {clock_face(outcome.planned_seconds)}"
                      if outcome.planned_seconds else "")
            lines.append(f"[b]{StepStatus(outcome.status).words}[/b]  {outcome.title}   {timing}")
        practised = sum(o.done_seconds for o in runner.outcomes)
        return SummaryModel(f"Session {runner.status().words.lower()}",
                            f"Time practised: {duration_words(practised)}", tuple(lines), self.rating, error)

    def choose_rating(self, value: int) -> None:
        """A second tap on the chosen rating takes it back."""
        self.rating = 0 if self.rating == value else value
        self.view.show(self._model())

    def save(self, note: str) -> None:
        try:
            self.core.practice.annotate(self.core.runner.session_id, note, self.rating or None)
        except ValueError as error:
            self.view.show(self._model(str(error)))  # the note stays in its box: nothing is lost
            return
        self.core.runner = None
        self.navigator.go("home")
