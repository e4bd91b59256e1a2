"""The treatment journal's entries, as the record gives them back: frozen, plain values.

Every entry is kept with its history: an edit or a delete adds a row replacing the one
before (as plan versions are kept), so `id` is the id of the entry's current version.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..vocabulary import Cadence, CareKind, EffectMark, InjectionArea, InjectionSide, Mood, SideEffect


@dataclass(frozen=True)
class AreaDose:
    """One area of the face injected, on one side, with the units if the patient knows them."""

    area: InjectionArea
    side: InjectionSide
    units: float | None = None

    @property
    def words(self) -> str:
        """"Cheek (left, 10 units)": the same words on Progress, the dashboard and in the report."""
        units = "" if self.units is None else f", {self.units:g} units"
        return f"{self.area.words} ({self.side.words.lower()}{units})"


@dataclass(frozen=True)
class Injection:
    id: int
    given_on: date
    areas: tuple[AreaDose, ...]
    given_by: str | None = None
    product: str | None = None

    @property
    def total_units(self) -> float | None:
        """The units over every area, or None when no area has its units written down."""
        known = [a.units for a in self.areas if a.units is not None]
        return sum(known) if known else None


@dataclass(frozen=True)
class Mark:
    """The day the patient noticed the effect start, or fade."""

    id: int
    local_date: date
    kind: EffectMark


@dataclass(frozen=True)
class CheckIn:
    """One day's side-effect check-in; no answers is "nothing new"."""

    id: int
    local_date: date
    answers: frozenset[SideEffect]
    note: str | None = None


@dataclass(frozen=True)
class CareItem:
    """One item of supportive care in the plan, as the caregiver set it."""

    id: int
    kind: CareKind
    cadence: Cadence
    starts_on: date
    target_minutes: int | None = None  # aerobic exercise
    dose_dates: tuple[date, ...] = ()  # a vitamin B1/B12 course: the day of each dose


@dataclass(frozen=True)
class CareTick:
    id: int
    local_date: date
    kind: CareKind
    minutes: int | None = None


@dataclass(frozen=True)
class MoodEntry:
    id: int
    local_date: date
    mood: Mood
    note: str | None = None


@dataclass(frozen=True)
class HistoryItem:
    """One version of an entry, oldest first: what it said, when, and whether it was deleted."""

    id: int
    saved_at: datetime
    deleted: bool
    entry: Injection | Mark | CheckIn | CareItem | CareTick | MoodEntry  # as it read in that version
