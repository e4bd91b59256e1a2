"""The outcome entries as the record gives them back: frozen, plain values."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..vocabulary import ClinicianScale, Expression, PhotoSource, RatingMoment


@dataclass(frozen=True)
class ChosenItem:
    """A thing the patient rates: one from the list (`key`) or their own words."""

    id: int
    key: str | None
    own_words: str | None
    position: int


@dataclass(frozen=True)
class Rating:
    id: int
    item_id: int
    local_date: date
    moment: RatingMoment
    value: int  # 0 to 10


@dataclass(frozen=True)
class ClinicianScore:
    id: int
    scale: ClinicianScale
    value: float
    scored_on: date
    scale_name: str | None = None  # the name of "another score"
    rated_by: str | None = None
    note: str | None = None

    @property
    def name(self) -> str:
        return self.scale_name if self.scale is ClinicianScale.OTHER and self.scale_name else self.scale.words


@dataclass(frozen=True)
class Photo:
    id: int
    set_id: int
    expression: Expression
    file_name: str
    sha256: str
    width: int
    height: int
    taken_at: datetime
    source: PhotoSource


@dataclass(frozen=True)
class PhotoSet:
    id: int
    taken_on: date
    baseline: bool
    photos: tuple[Photo, ...]

    def photo(self, expression: Expression) -> Photo | None:
        return next((p for p in self.photos if p.expression is expression), None)


@dataclass(frozen=True)
class ItemPick:
    """One thing chosen to rate: `key` from the list, or `own_words`."""

    key: str | None = None
    own_words: str | None = None


@dataclass(frozen=True)
class StoredImage:
    """An image file as the photos folder keeps it."""

    file_name: str
    sha256: str
    width: int
    height: int
