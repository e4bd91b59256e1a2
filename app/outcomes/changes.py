"""A change in a self-rating worth mentioning to the clinician, never interpreted.

A rating moves by a point or so from one day to the next without anything having changed:
that is its noise. A change counts when the last two ratings of an item both differ from
the rating just before them by NOTABLE_POINTS or more, in the same direction. Which way is
better depends on the item and on the patient; the app only says that it moved.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .entries import Rating

NOTABLE_POINTS = 2
WORTH_MENTIONING = "Worth mentioning to your clinician"


@dataclass(frozen=True)
class NotableChange:
    item_id: int
    before: Rating  # the rating the change is measured from
    since: tuple[Rating, Rating]  # the two ratings that moved

    @property
    def rose(self) -> bool:
        return self.since[-1].value > self.before.value

    def words(self, item_words: str) -> str:
        way = "higher" if self.rose else "lower"
        return (f"{item_words}: your last two ratings ({self.since[0].value} and {self.since[1].value}) are "
                f"{NOTABLE_POINTS} or more points {way} than the one before ({self.before.value} on "
                f"{self.before.local_date.day} {self.before.local_date:%B}). {WORTH_MENTIONING}.")


def in_order(ratings: Sequence[Rating]) -> list[Rating]:
    return sorted(ratings, key=lambda r: (r.local_date, r.id))


def notable_change(ratings: Sequence[Rating]) -> NotableChange | None:
    """The change in one item's ratings, if its last two moved together from the one before."""
    ordered = in_order(ratings)
    if len(ordered) < 3:
        return None
    before, first, second = ordered[-3:]
    moves = (first.value - before.value, second.value - before.value)
    if all(move >= NOTABLE_POINTS for move in moves) or all(move <= -NOTABLE_POINTS for move in moves):
        return NotableChange(before.item_id, before, (first, second))
    return None


def notable_changes(ratings: Sequence[Rating]) -> list[NotableChange]:
    """Every item's notable change, by item id."""
    by_item: dict[int, list[Rating]] = {}
    for rating in ratings:
        by_item.setdefault(rating.item_id, []).append(rating)
    changes = (notable_change(item_ratings) for _, item_ratings in sorted(by_item.items()))
    return [change for change in changes if change is not None]


def latest_on_or_before(ratings: Sequence[Rating], day: date) -> Rating | None:
    earlier = [r for r in in_order(ratings) if r.local_date <= day]
    return earlier[-1] if earlier else None
