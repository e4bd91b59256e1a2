"""Editing the patient's plan: which steps, how long, which weekdays are rest days.

A draft is edited freely and checked by validate(); saving adds a new plan version
effective from today, so past days stay judged by the plan that was in force then and
a session already started keeps its own plan.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..clock import Clock
from ..routine import Routine
from ..storage import Store
from ..storage.repository import PlanStepView, PlanView

# Longer digit runs are refused before int(): no step lasts a million minutes, and
# int() raises ValueError past 4300 digits.
MAX_MINUTE_DIGITS = 6
# How much of unreadable text a problem message quotes.
MAX_SHOWN_CHARS = 20

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class PlanEditError(ValueError):
    """The draft cannot be saved; .problems lists every reason, each naming its step."""

    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass
class DraftStep:
    key: str
    title: str
    timed: bool
    included: bool
    seconds: int | None  # None while the entered minutes are not a whole number
    min_seconds: int
    max_seconds: int
    known: bool = True  # False: the step is in the plan but no longer in the routine
    entered: str = ""  # the caregiver's text when it could not be read as minutes

    @property
    def minutes(self) -> int | float | None:
        """Whole minutes for the editor; a plan saved in odd seconds shows a fraction."""
        if self.seconds is None:
            return None
        return self.seconds // 60 if self.seconds % 60 == 0 else round(self.seconds / 60, 1)

    @property
    def min_minutes(self) -> int:
        return math.ceil(self.min_seconds / 60)

    @property
    def max_minutes(self) -> int:
        return self.max_seconds // 60


@dataclass
class PlanDraft:
    steps: list[DraftStep]
    rest_weekdays: set[int] = field(default_factory=set)
    original: PlanView | None = None

    @classmethod
    def from_plan(cls, plan: PlanView, routine: Routine) -> PlanDraft:
        """Steps in the plan's order, then any routine step the plan lacks (left out)."""
        known = {s.key: s for s in routine.steps}
        steps = [_draft_step(p.step_key, p.included, p.seconds, known.get(p.step_key)) for p in plan.steps]
        in_plan = {p.step_key for p in plan.steps}
        steps += [_draft_step(s.key, False, s.seconds, s) for s in routine.steps if s.key not in in_plan]
        return cls(steps, set(plan.rest_weekdays), plan)

    # --- edits ---------------------------------------------------------------------

    def step(self, key: str) -> DraftStep:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)

    def editable_steps(self) -> list[DraftStep]:
        """What the editor shows: steps the routine still knows."""
        return [s for s in self.steps if s.known]

    def set_included(self, key: str, included: bool) -> None:
        self.step(key).included = included

    def toggle(self, key: str) -> bool:
        step = self.step(key)
        step.included = not step.included
        return step.included

    def set_minutes(self, key: str, minutes: int | str) -> None:
        """Accepts what a text field holds; unreadable text is reported by validate()."""
        step = self.step(key)
        value = _whole_minutes(minutes)
        step.seconds = None if value is None else value * 60
        step.entered = "" if value is not None else str(minutes)

    def set_rest_weekdays(self, weekdays: set[int] | list[int]) -> None:
        self.rest_weekdays = set(weekdays)

    def toggle_rest_weekday(self, weekday: int) -> None:
        self.rest_weekdays ^= {weekday}

    # --- checking and saving ----------------------------------------------------------

    def validate(self) -> list[str]:
        """Every problem, in the order the editor shows the steps; empty when it can be saved."""
        problems = [p for s in self.steps if s.known and s.timed and s.included for p in _duration_problems(s)]
        if not any(s.known and s.timed and s.included for s in self.steps):
            names = ", ".join(s.title for s in self.steps if s.known and s.timed)
            problems.append(f"Keep at least one timed step in the plan ({names}).")
        problems += _rest_day_problems(self.rest_weekdays)
        return problems

    def has_changes(self) -> bool:
        if self.original is None:
            return True
        return (self.plan_steps() != list(self.original.steps)
                or self.rest_weekdays != set(self.original.rest_weekdays))

    def plan_steps(self) -> list[PlanStepView]:
        # An excluded step whose text was unreadable keeps its previous duration.
        return [PlanStepView(s.key, s.included, s.seconds if s.seconds is not None else _previous(self, s))
                for s in self.steps]

    def save(self, store: Store, clock: Clock) -> PlanView:
        """Adds a plan version effective from today; raises PlanEditError if the draft is invalid."""
        problems = self.validate()
        if problems:
            raise PlanEditError(problems)
        if not self.has_changes():
            return self.original  # nothing changed: no new version cluttering the history
        now = clock.now()
        saved = store.save_plan(self.plan_steps(), self.rest_weekdays, now.date(), now)
        self.original = saved
        return saved


def _draft_step(key: str, included: bool, seconds: int, step) -> DraftStep:
    if step is None:
        return DraftStep(key, key, True, included, seconds, seconds, seconds, known=False)
    return DraftStep(key, step.title, step.timed, included, seconds, step.min_seconds, step.max_seconds)


def _whole_minutes(value: int | str) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).strip()
    if len(text) > MAX_MINUTE_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


def _duration_problems(step: DraftStep) -> list[str]:
    bounds = f"between {step.min_minutes} and {step.max_minutes} minutes"
    if step.seconds is None:
        return [f"{step.title}: duration must be a whole number of minutes {bounds} "
                f"(got '{_shortened(step.entered)}')."]
    if not step.min_seconds <= step.seconds <= step.max_seconds:
        return [f"{step.title}: duration must be {bounds}."]
    return []


def _shortened(text: str) -> str:
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS] + "..."


def _rest_day_problems(weekdays: set[int]) -> list[str]:
    if any(not isinstance(d, int) or isinstance(d, bool) or not 0 <= d <= 6 for d in weekdays):
        return ["Rest days must be weekdays from Monday (0) to Sunday (6)."]
    if len(weekdays) == 7:
        return ["At least one day a week must be a routine day, not a rest day."]
    return []


def _previous(draft: PlanDraft, step: DraftStep) -> int:
    if draft.original is not None:
        for old in draft.original.steps:
            if old.step_key == step.key:
                return old.seconds
    return step.min_seconds
