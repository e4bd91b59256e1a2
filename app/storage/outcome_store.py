"""The outcomes' reads and writes, over the Store's engine and its one door for writes.

Each write is one committed transaction through the Store's `writing` (a refusal of the
record comes out as WriteFailed) and checks its entry first: OutcomeError names the field,
StoreError a date from a wrong clock. Photo files are the photo_files module's; this keeps
their names and checksums.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from ..outcomes.entries import ChosenItem, ClinicianScore, ItemPick, Photo, PhotoSet, Rating, StoredImage
from ..outcomes.validation import (OutcomeError, check_item_count, check_moment, check_score, checked_day,
                                   checked_own_words, checked_rating, member)
from ..vocabulary import ClinicianScale, Expression, PhotoSource, RatingMoment
from .errors import StoreError
from .models import ClinicianScoreRecord, PhotoRecord, PhotoSetRecord, RatingItemRecord, RatingRecord
from .plausible import refuse_implausible

GONE = "Nothing was changed: this entry is no longer in the record. Please look again."


def item_of(row: RatingItemRecord) -> ChosenItem:
    return ChosenItem(row.id, row.item_key, row.own_words, row.position)


def rating_of(row: RatingRecord) -> Rating:
    return Rating(row.id, row.item_id, row.local_date, RatingMoment(row.moment), row.value)


def score_of(row: ClinicianScoreRecord) -> ClinicianScore:
    return ClinicianScore(row.id, ClinicianScale(row.scale), row.value, row.scored_on, row.scale_name,
                          row.rated_by, row.note)


def photo_of(row: PhotoRecord) -> Photo:
    return Photo(row.id, row.set_id, Expression(row.expression), row.file_name, row.sha256, row.width, row.height,
                 row.taken_at, PhotoSource(row.source))


def set_of(row: PhotoSetRecord) -> PhotoSet:
    return PhotoSet(row.id, row.taken_on, row.baseline, tuple(photo_of(p) for p in row.photos))


class OutcomeStore:
    def __init__(self, reading: Callable[[], Session], writing: Callable[[], AbstractContextManager[Session]]):
        self._reading, self._writing = reading, writing

    # --- rating items -------------------------------------------------------------------------

    def chosen_items(self) -> list[ChosenItem]:
        """The things the patient rates now, in their order."""
        query = select(RatingItemRecord).where(RatingItemRecord.retired_at.is_(None)) \
            .order_by(RatingItemRecord.position, RatingItemRecord.id)
        with self._reading() as s:
            return [item_of(row) for row in s.scalars(query)]

    def every_item(self) -> list[ChosenItem]:
        """Every item ever chosen, set aside ones too: their ratings stay in the trends."""
        with self._reading() as s:
            return [item_of(row) for row in s.scalars(select(RatingItemRecord).order_by(RatingItemRecord.id))]

    def choose_items(self, picks: Sequence[ItemPick], known_keys: Collection[str], now: datetime) -> list[ChosenItem]:
        """Make `picks` the things rated, in that order. An item kept keeps its ratings; one left
        out is set aside (its ratings stay); one chosen again later is a new item."""
        wanted = [self._checked_pick(index, pick, known_keys) for index, pick in enumerate(picks)]
        check_item_count(len(wanted))
        if len(set(wanted)) != len(wanted):
            raise OutcomeError("items", "the same thing is chosen twice")
        with self._writing() as s:
            current = {(row.item_key, row.own_words): row
                       for row in s.scalars(select(RatingItemRecord).where(RatingItemRecord.retired_at.is_(None)))}
            for identity, row in current.items():
                if identity not in wanted:
                    row.retired_at = now
            for position, (key, words) in enumerate(wanted):
                row = current.get((key, words))
                if row is None:
                    s.add(RatingItemRecord(item_key=key, own_words=words, position=position, chosen_at=now))
                else:
                    row.position = position
        return self.chosen_items()

    @staticmethod
    def _checked_pick(index: int, pick: ItemPick, known_keys: Collection[str]) -> tuple[str | None, str | None]:
        if not isinstance(pick, ItemPick) or (pick.key is None) == (pick.own_words is None):
            raise OutcomeError(f"items[{index}]", "must be one thing from the list or your own words")
        if pick.key is not None:
            if pick.key not in known_keys:
                raise OutcomeError(f"items[{index}]", f"{pick.key!r} is not on the list"[:120])
            return pick.key, None
        return None, checked_own_words(pick.own_words)

    # --- ratings -----------------------------------------------------------------------------

    def ratings(self, first: date | None = None, last: date | None = None) -> list[Rating]:
        """Every rating (of set-aside items too), the earliest first."""
        query = select(RatingRecord).order_by(RatingRecord.local_date, RatingRecord.id)
        if first is not None:
            query = query.where(RatingRecord.local_date.between(first, last))
        with self._reading() as s:
            return [rating_of(row) for row in s.scalars(query)]

    def rate(self, day: date, moment: RatingMoment, values: Mapping[int, int], now: datetime) -> list[Rating]:
        """One screen's answers: item id -> 0..10. Rating an item again on the same day and
        moment replaces that rating (the slider was moved, not a second opinion)."""
        moment = check_moment(moment)
        checked_day("date", day, now.date(), "a rating")
        refuse_implausible(day)
        checked = {item_id: checked_rating(value) for item_id, value in values.items()}
        if not checked:
            raise OutcomeError("rating", "move at least one slider")
        with self._writing() as s:
            active = set(s.scalars(select(RatingItemRecord.id).where(RatingItemRecord.retired_at.is_(None))))
            if set(checked) - active:  # set aside on another screen since this one was shown
                raise StoreError(GONE)
            rows = []
            for item_id, value in checked.items():
                row = s.scalars(select(RatingRecord).where(RatingRecord.item_id == item_id,
                                                           RatingRecord.local_date == day,
                                                           RatingRecord.moment == moment)).first()
                if row is None:
                    row = RatingRecord(item_id=item_id, local_date=day, moment=moment, value=value, created_at=now)
                    s.add(row)
                else:
                    row.value, row.created_at = value, now
                rows.append(row)
            s.flush()
            return [rating_of(row) for row in rows]

    # --- clinician scores ---------------------------------------------------------------------

    def scores(self) -> list[ClinicianScore]:
        with self._reading() as s:
            return [score_of(row) for row in s.scalars(
                select(ClinicianScoreRecord).order_by(ClinicianScoreRecord.scored_on, ClinicianScoreRecord.id))]

    def record_score(self, scored_on: date, scale: ClinicianScale, value: float, now: datetime,
                     scale_name: str | None = None, rated_by: str | None = None,
                     note: str | None = None) -> ClinicianScore:
        checked = check_score(scale, value, scale_name, rated_by, note)
        checked_day("date", scored_on, now.date(), "a score")
        refuse_implausible(scored_on)
        with self._writing() as s:
            row = ClinicianScoreRecord(scale=checked.scale, scale_name=checked.scale_name, value=checked.value,
                                       scored_on=scored_on, rated_by=checked.rated_by, note=checked.note,
                                       created_at=now)
            s.add(row)
            s.flush()
            return score_of(row)

    def delete_score(self, score_id: int) -> None:
        with self._writing() as s:
            s.delete(self._existing(s, ClinicianScoreRecord, score_id))

    # --- photo sets ------------------------------------------------------------------------------

    def photo_sets(self) -> list[PhotoSet]:
        """Every set, the earliest taken first."""
        query = select(PhotoSetRecord).options(selectinload(PhotoSetRecord.photos)) \
            .order_by(PhotoSetRecord.taken_on, PhotoSetRecord.id)
        with self._reading() as s:
            return [set_of(row) for row in s.scalars(query)]

    def photo_set(self, set_id: int) -> PhotoSet:
        with self._reading() as s:
            row = s.get(PhotoSetRecord, set_id, options=[selectinload(PhotoSetRecord.photos)])
            if row is None:
                raise StoreError(GONE)
            return set_of(row)

    def new_photo_set(self, taken_on: date, now: datetime) -> PhotoSet:
        checked_day("date", taken_on, now.date(), "a photo set")
        refuse_implausible(taken_on)
        with self._writing() as s:
            row = PhotoSetRecord(taken_on=taken_on, baseline=False, created_at=now)
            s.add(row)
            s.flush()
            return PhotoSet(row.id, row.taken_on, False, ())

    def add_photo(self, set_id: int, expression: Expression, image: StoredImage, taken_at: datetime,
                  source: PhotoSource) -> tuple[Photo, str | None]:
        """Keep the photo of `expression` in the set; returns it and the file name of the photo
        it replaced (for the caller to remove once no photo names it), if any."""
        expression, source = member("expression", Expression, expression), member("source", PhotoSource, source)
        refuse_implausible(taken_at.date())
        with self._writing() as s:
            self._existing(s, PhotoSetRecord, set_id)
            old = s.scalars(select(PhotoRecord).where(PhotoRecord.set_id == set_id,
                                                      PhotoRecord.expression == expression)).first()
            replaced = old.file_name if old is not None else None
            if old is not None:
                s.delete(old)
                s.flush()
            row = PhotoRecord(set_id=set_id, expression=expression, file_name=image.file_name, sha256=image.sha256,
                              width=image.width, height=image.height, taken_at=taken_at, source=source)
            s.add(row)
            s.flush()
            return photo_of(row), replaced

    def delete_photo(self, photo_id: int) -> str:
        """Remove the photo from the record; returns its file name."""
        with self._writing() as s:
            row = self._existing(s, PhotoRecord, photo_id)
            s.delete(row)
            return row.file_name

    def delete_photo_set(self, set_id: int) -> list[str]:
        """Remove the set and its photos from the record; returns their file names."""
        with self._writing() as s:
            row = self._existing(s, PhotoSetRecord, set_id)
            names = [photo.file_name for photo in row.photos]
            s.delete(row)
            return names

    def set_baseline(self, set_id: int) -> None:
        """Make the set the one others are compared with (the one before stops being it)."""
        with self._writing() as s:
            self._existing(s, PhotoSetRecord, set_id)
            s.execute(update(PhotoSetRecord).where(PhotoSetRecord.baseline.is_(True)).values(baseline=False))
            s.execute(update(PhotoSetRecord).where(PhotoSetRecord.id == set_id).values(baseline=True))

    def file_names(self) -> set[str]:
        """Every photo file the record names."""
        with self._reading() as s:
            return set(s.scalars(select(PhotoRecord.file_name)))

    @staticmethod
    def _existing(s: Session, model, entry_id: int):
        row = s.get(model, entry_id)
        if row is None:
            raise StoreError(GONE)
        return row


__all__ = ["OutcomeStore", "OutcomeError"]
