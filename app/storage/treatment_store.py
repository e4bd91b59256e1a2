"""The treatment journal's reads and writes, over the Store's engine and its one door for writes.

Each write is its own committed transaction through the Store's `writing` (a refusal of
the record comes out as WriteFailed), and checks the entry first: TreatmentError names a
field at fault, StoreError a date from a wrong clock. Nothing is ever changed in place:
an edit or a delete adds a version (see models.Revisable), so the history stays.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..treatment.entries import (AreaDose, CareItem, CareTick, CheckIn, HistoryItem, Injection, Mark, MoodEntry)
from ..treatment.validation import (MAX_NOTE_CHARS, check_answers, check_care_item, check_checkin_date,
                                    check_injection, check_mark_date, check_mood, checked_minutes, checked_text,
                                    not_after_today, TreatmentError)
from ..vocabulary import Cadence, CareKind, EffectMark, InjectionArea, InjectionSide, Mood, SideEffect
from .errors import StoreError
from .models import (CareItemRecord, CareTickRecord, CheckInAnswerRecord, CheckInRecord, EffectMarkRecord,
                     InjectionAreaRecord, InjectionRecord, MoodRecord, decode_days, encode_days)
from .plausible import refuse_implausible

ALREADY_CHANGED = "Nothing was saved: this entry was changed or deleted since it was shown. Please look again."


def injection_of(row: InjectionRecord) -> Injection:
    areas = tuple(AreaDose(InjectionArea(a.area), InjectionSide(a.side), a.units) for a in row.areas)
    return Injection(row.id, row.given_on, areas, row.given_by, row.product)


def mark_of(row: EffectMarkRecord) -> Mark:
    return Mark(row.id, row.local_date, EffectMark(row.kind))


def checkin_of(row: CheckInRecord) -> CheckIn:
    return CheckIn(row.id, row.local_date, frozenset(SideEffect(a.item) for a in row.answers), row.note)


def care_item_of(row: CareItemRecord) -> CareItem:
    return CareItem(row.id, CareKind(row.kind), Cadence(row.cadence), row.starts_on, row.target_minutes,
                    decode_days(row.dose_dates))


def care_tick_of(row: CareTickRecord) -> CareTick:
    return CareTick(row.id, row.local_date, CareKind(row.kind), row.minutes)


def mood_of(row: MoodRecord) -> MoodEntry:
    return MoodEntry(row.id, row.local_date, Mood(row.mood), row.note)


ENTRY_OF = {InjectionRecord: injection_of, EffectMarkRecord: mark_of, CheckInRecord: checkin_of,
            CareItemRecord: care_item_of, CareTickRecord: care_tick_of, MoodRecord: mood_of}
CHILDREN = {InjectionRecord: InjectionRecord.areas, CheckInRecord: CheckInRecord.answers}
# Each table of the journal by the name its history is asked by (as the JSON export names it).
TABLES = {"injections": InjectionRecord, "effect_marks": EffectMarkRecord, "checkins": CheckInRecord,
          "care_items": CareItemRecord, "care_ticks": CareTickRecord, "mood_entries": MoodRecord}


def current(model):
    """The rows of `model` no later row replaces, and that are not deletions."""
    successor = select(model.replaces_id).where(model.replaces_id.is_not(None))
    query = select(model).where(model.id.not_in(successor), model.deleted.is_(False))
    if model in CHILDREN:
        query = query.options(selectinload(CHILDREN[model]))
    return query


class TreatmentStore:
    def __init__(self, reading: Callable[[], Session], writing: Callable[[], AbstractContextManager[Session]]):
        self._reading, self._writing = reading, writing

    # --- reads ------------------------------------------------------------------------------

    def _entries(self, model, order, first: date | None = None, last: date | None = None) -> list:
        query = current(model).order_by(order, model.id)
        if first is not None:
            query = query.where(order.between(first, last))
        with self._reading() as s:
            return [ENTRY_OF[model](row) for row in s.scalars(query)]

    def injections(self) -> list[Injection]:
        """Every injection, the earliest given first."""
        return self._entries(InjectionRecord, InjectionRecord.given_on)

    def marks(self) -> list[Mark]:
        return self._entries(EffectMarkRecord, EffectMarkRecord.local_date)

    def checkins(self, first: date | None = None, last: date | None = None) -> list[CheckIn]:
        return self._entries(CheckInRecord, CheckInRecord.local_date, first, last)

    def care_items(self) -> list[CareItem]:
        return self._entries(CareItemRecord, CareItemRecord.starts_on)

    def care_ticks(self, first: date | None = None, last: date | None = None) -> list[CareTick]:
        return self._entries(CareTickRecord, CareTickRecord.local_date, first, last)

    def moods(self, first: date | None = None, last: date | None = None) -> list[MoodEntry]:
        return self._entries(MoodRecord, MoodRecord.local_date, first, last)

    def history(self, table: str, entry_id: int) -> list[HistoryItem]:
        """Every version of the entry whose current (or last) version is `entry_id`, oldest first;
        `table` names the kind of entry, as TABLES does ("injections")."""
        model = TABLES[table]
        with self._reading() as s:
            versions, row = [], s.get(model, entry_id)
            while row is not None:
                versions.append(HistoryItem(row.id, row.created_at, row.deleted, ENTRY_OF[model](row)))
                row = s.get(model, row.replaces_id) if row.replaces_id is not None else None
            return versions[::-1]

    # --- injections -------------------------------------------------------------------------

    def log_injection(self, given_on: date, areas: Sequence[AreaDose], now: datetime,
                      given_by: str | None = None, product: str | None = None,
                      replaces: int | None = None) -> Injection:
        """Record an injection (or, with `replaces`, a corrected version of one)."""
        checked = check_injection(given_on, areas, given_by, product, now.date())
        refuse_implausible(given_on)
        with self._writing() as s:
            row = InjectionRecord(given_on=checked.given_on, given_by=checked.given_by, product=checked.product,
                                  areas=[InjectionAreaRecord(position=i, area=a.area, side=a.side, units=a.units)
                                         for i, a in enumerate(checked.areas)])
            return injection_of(self._add(s, row, now, replaces))

    def delete_injection(self, injection_id: int, now: datetime) -> None:
        self._delete(InjectionRecord, injection_id, now,
                     lambda old: InjectionRecord(given_on=old.given_on, given_by=old.given_by, product=old.product))

    # --- effect marks and check-ins --------------------------------------------------------------

    def mark_effect(self, kind: EffectMark, day: date, now: datetime) -> Mark:
        """The patient noticed the effect start, or fade, on `day`: one tap, one row."""
        kind = EffectMark(kind)
        refuse_implausible(day)
        with self._writing() as s:
            check_mark_date(day, self._current_injections(s), now.date())
            return mark_of(self._add(s, EffectMarkRecord(local_date=day, kind=kind), now, None))

    def delete_mark(self, mark_id: int, now: datetime) -> None:
        self._delete(EffectMarkRecord, mark_id, now, lambda old: EffectMarkRecord(local_date=old.local_date,
                                                                                  kind=old.kind))

    def check_in(self, day: date, answers, now: datetime, note: str | None = None) -> CheckIn:
        """The day's check-in; a second one the same day replaces the first (kept in its history)."""
        answers, note = check_answers(answers), checked_text("note", note, MAX_NOTE_CHARS)
        refuse_implausible(day)
        with self._writing() as s:
            check_checkin_date(day, self._current_injections(s), now.date())
            earlier = s.scalars(current(CheckInRecord).where(CheckInRecord.local_date == day)).first()
            row = CheckInRecord(local_date=day, note=note,
                                answers=[CheckInAnswerRecord(item=a) for a in SideEffect if a in answers])
            return checkin_of(self._add(s, row, now, earlier.id if earlier else None))

    # --- supportive care and mood -----------------------------------------------------------------

    def save_care_item(self, kind: CareKind, cadence: Cadence, starts_on: date, now: datetime,
                       target_minutes: int | None = None, dose_dates: Sequence[date] = ()) -> CareItem:
        """Add an item to the plan's supportive care; an item of the same kind is replaced."""
        kind, cadence, minutes, doses = check_care_item(kind, cadence, target_minutes, dose_dates, now.date())
        refuse_implausible(starts_on)
        with self._writing() as s:
            earlier = s.scalars(current(CareItemRecord).where(CareItemRecord.kind == kind)).first()
            row = CareItemRecord(kind=kind, cadence=cadence, starts_on=starts_on, target_minutes=minutes,
                                 dose_dates=encode_days(doses))
            return care_item_of(self._add(s, row, now, earlier.id if earlier else None))

    def remove_care_item(self, item_id: int, now: datetime) -> None:
        self._delete(CareItemRecord, item_id, now, lambda old: CareItemRecord(
            kind=old.kind, cadence=old.cadence, starts_on=old.starts_on, target_minutes=old.target_minutes,
            dose_dates=old.dose_dates))

    def tick_care(self, kind: CareKind, day: date, now: datetime, minutes: int | None = None) -> CareTick:
        """Supportive care done on `day`; ticking the same kind again that day replaces the tick."""
        kind, minutes = CareKind(kind), checked_minutes("minutes", minutes)
        not_after_today("date", day, now.date(), "a tick")
        refuse_implausible(day)
        with self._writing() as s:
            earlier = s.scalars(current(CareTickRecord).where(CareTickRecord.kind == kind,
                                                              CareTickRecord.local_date == day)).first()
            row = CareTickRecord(local_date=day, kind=kind, minutes=minutes)
            return care_tick_of(self._add(s, row, now, earlier.id if earlier else None))

    def untick_care(self, tick_id: int, now: datetime) -> None:
        self._delete(CareTickRecord, tick_id, now, lambda old: CareTickRecord(
            local_date=old.local_date, kind=old.kind, minutes=old.minutes))

    def record_mood(self, day: date, mood: Mood, now: datetime, note: str | None = None) -> MoodEntry:
        """The day's mood; a second the same day replaces the first."""
        mood, note = check_mood(mood), checked_text("note", note, MAX_NOTE_CHARS)
        not_after_today("date", day, now.date(), "a mood")
        refuse_implausible(day)
        with self._writing() as s:
            earlier = s.scalars(current(MoodRecord).where(MoodRecord.local_date == day)).first()
            row = MoodRecord(local_date=day, mood=int(mood), note=note)
            return mood_of(self._add(s, row, now, earlier.id if earlier else None))

    # --- versions -----------------------------------------------------------------------------

    @staticmethod
    def _current_injections(s: Session) -> list[Injection]:
        return [injection_of(row) for row in s.scalars(current(InjectionRecord))]

    @staticmethod
    def _add(s: Session, row, now: datetime, replaces: int | None):
        """Add `row` as a new entry, or as the next version of entry `replaces`."""
        if replaces is not None:
            TreatmentStore._refuse_stale(s, type(row), replaces)
        row.created_at, row.replaces_id, row.deleted = now, replaces, False
        s.add(row)
        s.flush()
        return row

    @staticmethod
    def _refuse_stale(s: Session, model, entry_id: int) -> None:
        """Only an entry's current version can be edited or deleted: the history stays one line."""
        if s.scalars(current(model).where(model.id == entry_id)).first() is None:
            raise StoreError(ALREADY_CHANGED)

    def _delete(self, model, entry_id: int, now: datetime, copy: Callable) -> None:
        with self._writing() as s:
            self._refuse_stale(s, model, entry_id)
            row = copy(s.get(model, entry_id))
            row.created_at, row.replaces_id, row.deleted = now, entry_id, True
            s.add(row)


__all__ = ["TreatmentStore", "TreatmentError"]
