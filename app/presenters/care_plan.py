"""The caregiver's supportive care and expected cycle length, beside the plan editor."""
from __future__ import annotations

from dataclasses import dataclass

from ..caregiver.care_plan import CarePlanDraft
from ..core import Core
from ..storage.errors import StoreError
from ..treatment.validation import TreatmentError
from ..vocabulary import Cadence, CareKind
from .base import EscapeGoesBack, Navigator


@dataclass(frozen=True)
class CareLine:
    kind: CareKind
    words: str
    on: bool
    cadence: Cadence
    cadence_words: str
    minutes_text: str  # shown for aerobic exercise only
    doses_text: str  # shown for the vitamin course only


@dataclass(frozen=True)
class CarePlanModel:
    lines: tuple[CareLine, ...]
    cycle_weeks_text: str
    cycle_hint: str
    problems: tuple[str, ...]


CYCLE_HINT = ("If the clinician expects the effect to last a set number of weeks, type it here; "
              "otherwise the usual 12 to 16 weeks are shown until the patient's own cycles are known.")


class CarePlanPresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view):
        self.core, self.navigator, self.view = core, navigator, view
        self.draft: CarePlanDraft | None = None

    def enter(self, problems: tuple[str, ...] = ()) -> None:
        if self.draft is None:
            self.draft = CarePlanDraft.from_record(self.core.store.treatment.care_items(), self.core.store.settings())
        lines = tuple(CareLine(c.kind, c.kind.words, c.on, c.cadence, c.cadence.words, c.minutes_text, c.doses_text)
                      for c in self.draft.choices.values())
        self.view.show(CarePlanModel(lines, self.draft.cycle_weeks_text, CYCLE_HINT, problems))

    def toggle(self, kind: CareKind) -> None:
        choice = self.draft.choices[CareKind(kind)]
        choice.on = not choice.on
        self.enter()

    def set_cadence(self, kind: CareKind, cadence: Cadence) -> None:
        self.draft.choices[CareKind(kind)].cadence = Cadence(cadence)
        self.enter()

    def type(self, kind: CareKind | None = None, minutes: str | None = None, doses: str | None = None,
             cycle_weeks: str | None = None) -> None:
        if kind is not None:
            choice = self.draft.choices[CareKind(kind)]
            choice.minutes_text = choice.minutes_text if minutes is None else minutes
            choice.doses_text = choice.doses_text if doses is None else doses
        if cycle_weeks is not None:
            self.draft.cycle_weeks_text = cycle_weeks

    def save(self) -> None:
        problems = self.draft.problems()
        if problems:
            self.enter(tuple(problems))
            return
        try:
            self.draft.save(self.core.store.treatment, self.core.store, self.core.today(), self.core.clock.now())
        except (TreatmentError, StoreError) as error:
            self.enter((str(error),))
            return
        self.draft = None
        self.core.rearm_android_alarms()  # the expected cycle length moves the booking prompt
        self.navigator.go("caregiver")

    def back(self) -> None:
        self.draft = None
        self.navigator.go("caregiver")
