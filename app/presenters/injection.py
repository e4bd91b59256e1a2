"""Log an injection, or correct or delete one: the date, who gave it, the product, and the
areas on the drawn face, each with its side and, if known, its units."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..core import Core
from ..storage.errors import StoreError
from ..treatment.cycle import day_words
from ..treatment.entries import AreaDose, Injection
from ..treatment.validation import TreatmentError
from ..vocabulary import InjectionArea, InjectionSide
from .base import EscapeGoesBack, Navigator, Question


@dataclass(frozen=True)
class AreaChoice:
    area: InjectionArea
    words: str
    chosen: bool
    side: InjectionSide
    side_words: str
    units_text: str  # as typed, "" when not known


@dataclass(frozen=True)
class EarlierInjection:
    """One injection already in the journal, to open and correct or delete."""

    id: int
    words: str  # "21 October: cheek (left, 2 units), brow (both)"


@dataclass(frozen=True)
class InjectionModel:
    title: str
    date_text: str  # as typed, an ISO date; today's by default
    date_words: str  # "25 November 2026", or "" when the date typed cannot be read
    given_by: str
    product: str
    areas: tuple[AreaChoice, ...]  # every area of the drawn face, in its order
    can_delete: bool
    message: str  # why it was not saved, naming the field; "" when all is well
    earlier: tuple[EarlierInjection, ...] = ()  # the journal's injections, newest first


@dataclass
class _Draft:
    date_text: str
    given_by: str = ""
    product: str = ""
    chosen: dict = field(default_factory=dict)  # area -> (side, units text), in the order chosen


DELETE_QUESTION = Question("Delete this injection from your journal? Its earlier versions stay in the history.",
                           "Yes, delete it", "No, keep it")


class InjectionPresenter(EscapeGoesBack):
    def __init__(self, core: Core, navigator: Navigator, view):
        self.core, self.navigator, self.view = core, navigator, view
        self.editing: Injection | None = None
        self.draft = _Draft(core.today().isoformat())

    def prepare(self, injection_id: int | None = None) -> None:
        """A new injection, or (with its id) the one to correct."""
        self.editing = next((i for i in self.core.store.treatment.injections() if i.id == injection_id), None)
        if self.editing is None:
            self.draft = _Draft(self.core.today().isoformat())
            return
        shot = self.editing
        self.draft = _Draft(shot.given_on.isoformat(), shot.given_by or "", shot.product or "",
                            {d.area: (d.side, "" if d.units is None else f"{d.units:g}") for d in shot.areas})

    def enter(self, message: str = "") -> None:
        self.view.show(self.model(message))

    def model(self, message: str = "") -> InjectionModel:
        draft, day = self.draft, _read_day(self.draft.date_text)
        side = self.core.store.settings().get("profile.side", "")
        usual = InjectionSide(side) if side in tuple(InjectionSide) else InjectionSide.LEFT
        areas = []
        for area in InjectionArea:
            chosen_side, units = draft.chosen.get(area, (usual, ""))
            areas.append(AreaChoice(area, area.words, area in draft.chosen, chosen_side, chosen_side.words, units))
        return InjectionModel(
            title="Correct this injection" if self.editing else "Log an injection",
            date_text=draft.date_text, date_words=day_words(day, self.core.today()) if day else "",
            given_by=draft.given_by, product=draft.product, areas=tuple(areas),
            can_delete=self.editing is not None, message=message, earlier=self._earlier())

    def _earlier(self) -> tuple[EarlierInjection, ...]:
        today = self.core.today()
        shots = sorted(self.core.store.treatment.injections(), key=lambda i: (i.given_on, i.id), reverse=True)
        return tuple(EarlierInjection(shot.id, injection_words(shot, today)) for shot in shots)

    # --- what the patient does ------------------------------------------------------------------

    def correct(self, injection_id: int | None) -> None:
        """From the list on this screen: open that injection (or, with None, a new one)."""
        self.prepare(injection_id)
        self.enter()

    def toggle_area(self, area: InjectionArea) -> None:
        """A tap on an area of the drawn face: chosen, or no longer."""
        if area in self.draft.chosen:
            del self.draft.chosen[area]
        else:
            self.draft.chosen[area] = (self.model().areas[list(InjectionArea).index(area)].side, "")
        self.enter()

    def set_side(self, area: InjectionArea, side: InjectionSide) -> None:
        units = self.draft.chosen.get(area, (side, ""))[1]
        self.draft.chosen[area] = (InjectionSide(side), units)
        self.enter()

    def type(self, date_text: str | None = None, given_by: str | None = None, product: str | None = None,
             units: dict | None = None) -> None:
        """What was typed in the boxes, kept as typed until Save."""
        draft = self.draft
        draft.date_text = draft.date_text if date_text is None else date_text.strip()
        draft.given_by = draft.given_by if given_by is None else given_by
        draft.product = draft.product if product is None else product
        for area, text in (units or {}).items():
            if area in draft.chosen:
                draft.chosen[area] = (draft.chosen[area][0], text.strip())

    def save(self) -> None:
        day = _read_day(self.draft.date_text)
        if day is None:
            self.enter("date: type the date like 2026-11-25")
            return
        try:
            doses = [AreaDose(area, side, _read_units(area, text)) for area, (side, text) in self.draft.chosen.items()]
            self.core.store.treatment.log_injection(
                day, doses, self.core.clock.now(), given_by=self.draft.given_by, product=self.draft.product,
                replaces=self.editing.id if self.editing else None)
        except TreatmentError as error:
            self.enter(plain_words(error, list(self.draft.chosen)))
            return
        except StoreError as error:
            self.enter(str(error))
            return
        self.core.rearm_android_alarms()  # the check-ins and the booking prompt follow the injections
        self.navigator.go("home")

    def delete(self) -> None:
        if self.editing is None:
            return
        self.view.ask(DELETE_QUESTION, self._delete)

    def _delete(self) -> None:
        try:
            self.core.store.treatment.delete_injection(self.editing.id, self.core.clock.now())
        except StoreError as error:
            self.enter(str(error))
            return
        self.core.rearm_android_alarms()
        self.navigator.go("home")

    def back(self) -> None:
        self.navigator.go("home")


def plain_words(error: TreatmentError, areas: list[InjectionArea]) -> str:
    """The validator's message with its field in the patient's words: "areas[1].units" is "Units for chin"."""
    problem = str(error).removeprefix(f"{error.field}: ")
    place = re.fullmatch(r"areas\[(\d+)\](?:\.(\w+))?", error.field)
    if place and int(place[1]) < len(areas):
        area = areas[int(place[1])].words.lower()
        return f"{(place[2] or 'area').capitalize()} for {area}: {problem}."
    return f"{error.field.capitalize()}: {problem}."


def injection_words(shot: Injection, today: date) -> str:
    areas = ", ".join(f"{d.area.words.lower()} ({d.side.words.lower()}"
                      f"{'' if d.units is None else f', {d.units:g} units'})" for d in shot.areas)
    return f"{day_words(shot.given_on, today)}: {areas}"


def _read_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _read_units(area: InjectionArea, text: str) -> float | None:
    """Units as typed ("2.5" or "2,5"); empty is not known. A number that cannot be read names its area."""
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise TreatmentError(f"units for {area.words.lower()}", f"type a number like 2.5, or leave it empty") from None
