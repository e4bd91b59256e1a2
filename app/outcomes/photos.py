"""Which photos make a complete set, and a set beside the baseline, expression by expression."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..treatment.checkins import latest_before
from ..treatment.cycle import week_of_cycle
from ..treatment.entries import Injection
from ..vocabulary import Expression
from .entries import Photo, PhotoSet

SET_ORDER = tuple(Expression)  # at rest, gentle smile, big smile, eyes gently closed, brows raised, lips pursed


def missing(photo_set: PhotoSet) -> tuple[Expression, ...]:
    """The expressions the set has no photo of yet, in the order they are taken."""
    taken = {photo.expression for photo in photo_set.photos}
    return tuple(expression for expression in SET_ORDER if expression not in taken)


def is_complete(photo_set: PhotoSet) -> bool:
    return not missing(photo_set)


def next_expression(photo_set: PhotoSet) -> Expression | None:
    """The next expression to take in the guided capture; None once the set is complete."""
    gaps = missing(photo_set)
    return gaps[0] if gaps else None


def baseline_of(sets: Sequence[PhotoSet]) -> PhotoSet | None:
    return next((s for s in sets if s.baseline), None)


def cycle_week(injections: Sequence[Injection], day: date) -> int | None:
    """The week of the Botox cycle on `day` (1 in the injection's first seven days); None before any."""
    injection = latest_before(injections, day)
    return None if injection is None else week_of_cycle(injection.given_on, day)


@dataclass(frozen=True)
class SidePair:
    expression: Expression
    baseline: Photo | None
    other: Photo | None


def pairs(baseline: PhotoSet, other: PhotoSet) -> tuple[SidePair, ...]:
    """The two sets side by side, one pair per expression either of them has, in set order."""
    found = [SidePair(e, baseline.photo(e), other.photo(e)) for e in SET_ORDER]
    return tuple(pair for pair in found if pair.baseline or pair.other)
