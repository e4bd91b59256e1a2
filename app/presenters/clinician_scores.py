"""Clinician scores, behind the caregiver PIN: the scores a clinician gave, recorded as given,
and how often the patient is asked for their own ratings (the caregiver's to change).

The app never estimates a score; it checks that the number typed is one the scale can take
(a slip of the finger), and keeps who rated, when, and a note.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core import Core
from ..outcomes.due import EVERY_DAYS_SETTING, MAX_EVERY_DAYS, MIN_EVERY_DAYS, every_days
from ..outcomes.entries import ClinicianScore
from ..outcomes.validation import ROMAN, SCALE_RANGES, OutcomeError, score_words
from ..storage.errors import StoreError
from ..vocabulary import ClinicianScale
from .base import EscapeGoesBack, Navigator, Question

PIN_SCREEN = "caregiver_entry"
DELETE_QUESTION = Question("Delete this score from the record?", "Yes, delete it", "No, keep it")
SECOND_DELETE = Question("Are you sure? The score will be gone from the record (a backup made before still holds it).",
                         "Delete for good", "No, keep it")
# Which box a refusal belongs beside, by the field the record's check names.
FIELDS = {"date": "date", "value": "value", "score": "value", "name of the score": "name", "rated by": "rated_by",
          "note": "note"}


@dataclass(frozen=True)
class ScaleOption:
    scale: ClinicianScale
    words: str
    range_text: str
    chosen: bool


@dataclass(frozen=True)
class ScoreLine:
    score_id: int
    text: str  # "12 November 2026 · House-Brackmann grade IV · Dr Okafor"
    note: str


@dataclass(frozen=True)
class ClinicianScoresModel:
    scales: tuple[ScaleOption, ...]
    needs_name: bool  # "another score" needs its name typed
    date_text: str
    scores: tuple[ScoreLine, ...]  # the earliest first: the scores over time
    every_days: int  # the patient's ratings are asked every this many days
    message: str
    message_field: str = ""  # the box the message is about ("value", "date", ...), or "" for the form
    clear_form: bool = False  # a score was just saved: the next one starts from empty boxes (the day is kept)



def range_text(scale: ClinicianScale) -> str:
    if scale is ClinicianScale.HOUSE_BRACKMANN:
        return "Grade I to VI"
    if scale is ClinicianScale.OTHER:
        return "Any number, with the score's name"
    span = SCALE_RANGES[scale]
    return f"{span.low:g} to {span.high:g}"


def score_line(score: ClinicianScore) -> ScoreLine:
    parts = [f"{score.scored_on.day} {score.scored_on:%B %Y}", f"{score.name} {score_words(score.scale, score.value)}"]
    if score.rated_by:
        parts.append(score.rated_by)
    return ScoreLine(score.id, " · ".join(parts), score.note or "")


def read_value(scale: ClinicianScale, text: str) -> float | int | None:
    """The number typed: "62.2" or "62,2"; a House-Brackmann grade as "IV" or "4"."""
    text = text.strip()
    if scale is ClinicianScale.HOUSE_BRACKMANN and text.upper() in ROMAN:
        return float(ROMAN.index(text.upper()) + 1)
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(value) if value.is_integer() else value  # a refusal then says "got 8", not "got 8.0"


class ClinicianScoresPresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view):
        self.core, self.navigator, self.view = core, navigator, view
        self.scale = ClinicianScale.SUNNYBROOK_COMPOSITE
        self.date_text = ""

    def prepare(self) -> None:
        self.scale, self.date_text = ClinicianScale.SUNNYBROOK_COMPOSITE, self.core.today().isoformat()

    def _unlocked(self) -> bool:
        if self.core.caregiver_unlocked():
            return True
        self.navigator.go(PIN_SCREEN)
        return False

    def enter(self, message: str = "", field: str = "", saved: bool = False) -> None:
        if not self._unlocked():
            return
        scales = tuple(ScaleOption(s, s.words, range_text(s), s is self.scale) for s in ClinicianScale)
        lines = tuple(score_line(s) for s in self.core.store.outcomes.scores())
        self.view.show(ClinicianScoresModel(scales, self.scale is ClinicianScale.OTHER, self.date_text, lines,
                                            every_days(self.core.store.settings()), message, field, saved))

    def set_every_days(self, text: str) -> None:
        """How often the patient's routine rating is asked (the cycle's moments are asked as well)."""
        if not self._unlocked():
            return
        text = text.strip()
        if not (text.isascii() and text.isdigit() and MIN_EVERY_DAYS <= int(text) <= MAX_EVERY_DAYS):
            self.enter(f"Ask every: type a number of days from {MIN_EVERY_DAYS} to {MAX_EVERY_DAYS}.", "every_days")
            return
        try:
            self.core.store.put_setting(EVERY_DAYS_SETTING, str(int(text)))
        except StoreError as error:
            self.enter(str(error))
            return
        self.enter(f"The ratings will be asked every {int(text)} days.")

    def choose_scale(self, scale: ClinicianScale) -> None:
        self.scale = ClinicianScale(scale)
        self.enter()

    def save(self, value_text: str, date_text: str, scale_name: str = "", rated_by: str = "", note: str = "") -> None:
        if not self._unlocked():
            return
        self.date_text = date_text.strip()
        try:
            day = date.fromisoformat(self.date_text)
        except ValueError:
            self.enter("Date: type the day the clinician gave the score, like 2026-11-25.", "date")
            return
        value = read_value(self.scale, value_text)
        if value is None:
            self.enter(f"Score: type the {self.scale.words} as the clinician gave it ({range_text(self.scale)}).",
                       "value")
            return
        try:
            self.core.store.outcomes.record_score(day, self.scale, value, self.core.clock.now(),
                                                  scale_name=scale_name or None, rated_by=rated_by or None,
                                                  note=note or None)
        except OutcomeError as error:
            self.enter(f"{error.field.capitalize()}: {str(error).removeprefix(error.field + ': ')}.",
                       FIELDS.get(error.field.lower(), ""))
            return
        except StoreError as error:
            self.enter(str(error))
            return
        self.enter("Saved.", saved=True)

    def ask_delete(self, score_id: int) -> None:
        if self._unlocked():
            self.view.ask(DELETE_QUESTION, lambda: self.view.ask(SECOND_DELETE, lambda: self._delete(score_id)))

    def _delete(self, score_id: int) -> None:
        if not self._unlocked():
            return
        try:
            self.core.store.outcomes.delete_score(score_id)
        except StoreError as error:
            self.enter(str(error))
            return
        self.enter("Deleted.")

    def back(self) -> None:
        self.navigator.go("caregiver" if self.core.caregiver_unlocked() else "home")
