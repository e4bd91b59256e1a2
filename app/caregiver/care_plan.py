"""The caregiver's part of the treatment journal's plan: which supportive care items the
plan adds (default none), how often, and the cycle length the clinician expects, if known.

A draft is edited freely and checked by `problems()`; saving writes only what changed,
each item as a new version (kept in its history, as plan versions are).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..storage.treatment_store import TreatmentStore
from ..treatment.cycle import CYCLE_WEEKS_SETTING, clinician_weeks
from ..treatment.entries import CareItem
from ..treatment.validation import MAX_DOSES, MAX_MINUTES
from ..vocabulary import Cadence, CareKind

MAX_CYCLE_WEEKS = 104


@dataclass
class CareChoice:
    kind: CareKind
    on: bool = False
    cadence: Cadence = Cadence.DAILY
    minutes_text: str = ""  # aerobic exercise: minutes planned, as typed
    doses_text: str = ""  # a vitamin B1/B12 course: the dose dates, as typed, "2026-12-01, 2026-12-08"


@dataclass
class CarePlanDraft:
    choices: dict[CareKind, CareChoice]
    cycle_weeks_text: str = ""
    original: dict[CareKind, CareItem] = field(default_factory=dict)

    @classmethod
    def from_record(cls, items: list[CareItem], settings: dict[str, str]) -> CarePlanDraft:
        by_kind = {item.kind: item for item in items}
        choices = {}
        for kind in CareKind:
            item = by_kind.get(kind)
            choices[kind] = CareChoice(kind) if item is None else CareChoice(
                kind, True, item.cadence, "" if item.target_minutes is None else str(item.target_minutes),
                ", ".join(d.isoformat() for d in item.dose_dates))
        weeks = clinician_weeks(settings)
        return cls(choices, "" if weeks is None else str(weeks), by_kind)

    def problems(self) -> list[str]:
        """Every reason the draft cannot be saved, each naming its item, in plain words."""
        found = []
        for choice in self.choices.values():
            if not choice.on:
                continue
            if choice.kind is CareKind.AEROBIC and choice.minutes_text and _minutes(choice.minutes_text) is None:
                found.append(f"{choice.kind.words}: the minutes must be a whole number from 1 to {MAX_MINUTES}.")
            if choice.kind is CareKind.B_VITAMIN_COURSE:
                doses = _doses(choice.doses_text)
                if doses is None:
                    found.append(f"{choice.kind.words}: type each dose date like 2026-12-01, separated by commas.")
                elif len(doses) > MAX_DOSES:
                    found.append(f"{choice.kind.words}: at most {MAX_DOSES} doses.")
        if self.cycle_weeks_text and _weeks(self.cycle_weeks_text) is None:
            found.append(f"Expected cycle length: a whole number of weeks from 1 to {MAX_CYCLE_WEEKS}, or empty.")
        return found

    def save(self, journal: TreatmentStore, settings_store, today: date, now: datetime) -> None:
        """Write what changed; call only when `problems()` is empty."""
        for kind, choice in self.choices.items():
            before = self.original.get(kind)
            if not choice.on:
                if before is not None:
                    journal.remove_care_item(before.id, now)
                continue
            minutes = _minutes(choice.minutes_text) if kind is CareKind.AEROBIC else None
            doses = _doses(choice.doses_text) if kind is CareKind.B_VITAMIN_COURSE else ()
            unchanged = before is not None and (before.cadence, before.target_minutes, before.dose_dates) == (
                choice.cadence, minutes, tuple(sorted(set(doses))))
            if not unchanged:
                starts_on = before.starts_on if before is not None else today
                journal.save_care_item(kind, choice.cadence, starts_on, now, minutes, doses)
        weeks = _weeks(self.cycle_weeks_text)
        if weeks != clinician_weeks(settings_store.settings()):
            settings_store.put_setting(CYCLE_WEEKS_SETTING, "" if weeks is None else str(weeks))


def _minutes(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 4 and 1 <= int(text) <= MAX_MINUTES \
        else None


def _weeks(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 3 and 1 <= int(text) <= MAX_CYCLE_WEEKS \
        else None


def _doses(text: str) -> list[date] | None:
    try:
        return [date.fromisoformat(part.strip()) for part in text.replace(";", ",").split(",") if part.strip()]
    except ValueError:
        return None
