"""The repository: every read and write of the health record goes through here.

Each write is its own committed transaction, so whatever has been told to the patient
as done is already on disk; a write the record refuses (a full disk, a read-only file)
raises WriteFailed, a StoreError, in plain words. Reads return plain frozen views, never
live ORM objects.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import selectinload, sessionmaker

from .db import (SchemaTooNewError, StoreError, create_private_database, make_engine, migrate, prepare_data_dir,
                 restrict_database_files)
from ..journal import StepFinish
from ..vocabulary import SessionStatus, StepStatus
from .models import Plan, PlanStep, RestDay, SessionRecord, Setting, StepLog, decode_weekdays, encode_weekdays
from .plausible import refuse_implausible
from .face_store import FaceStore
from .outcome_store import OutcomeStore
from .treatment_store import TreatmentStore
from .writes import refusal_told

DB_NAME = "smileback.sqlite3"

__all__ = ["Store", "StoreError", "SchemaTooNewError", "PlanView", "PlanStepView", "SessionView", "StepView"]


@dataclass(frozen=True)
class PlanStepView:
    step_key: str
    included: bool
    seconds: int


@dataclass(frozen=True)
class PlanView:
    id: int
    effective_from: date
    rest_weekdays: frozenset[int]  # 0 = Monday, as date.weekday()
    steps: tuple[PlanStepView, ...]

    def included_steps(self) -> tuple[PlanStepView, ...]:
        return tuple(s for s in self.steps if s.included)


@dataclass(frozen=True)
class StepView:
    id: int
    position: int
    step_key: str
    planned_seconds: int
    done_seconds: float
    status: str
    started_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True)
class SessionView:
    id: int
    local_date: date
    started_at: datetime
    ended_at: datetime | None
    last_activity_at: datetime
    utc_offset_minutes: int
    status: str
    note: str | None
    rating: int | None
    plan_id: int
    steps: tuple[StepView, ...]

    @property
    def done_seconds(self) -> float:
        return sum(s.done_seconds for s in self.steps)


def _plan_view(plan: Plan) -> PlanView:
    days = decode_weekdays(plan.rest_weekdays)
    steps = tuple(PlanStepView(s.step_key, s.included, s.seconds) for s in plan.steps)
    return PlanView(plan.id, plan.effective_from, days, steps)


def _step_view(row: StepLog) -> StepView:
    return StepView(row.id, row.position, row.step_key, row.planned_seconds, row.done_seconds,
                    row.status, row.started_at, row.ended_at)


def _session_view(row: SessionRecord) -> SessionView:
    return SessionView(
        row.id, row.local_date, row.started_at, row.ended_at, row.last_activity_at,
        row.utc_offset_minutes, row.status, row.note, row.rating, row.plan_id,
        tuple(_step_view(s) for s in row.steps),
    )


def _reason(error: Exception) -> str:
    """SQLite's own few words, without the SQL statement and web link SQLAlchemy adds."""
    if isinstance(error, DatabaseError) and error.orig is not None:
        return str(error.orig)
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


class Store:
    def __init__(self, data_dir: Path | str):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_NAME
        self.engine = None
        try:
            prepare_data_dir(self.data_dir)
            create_private_database(self.path)
            self.engine = make_engine(self.path)
            migrate(self.engine)
        except (OSError, DatabaseError, StoreError) as error:
            if self.engine is not None:
                self.engine.dispose()  # let go of the file, so the caller may move or remove it
            if isinstance(error, StoreError):
                raise
            raise StoreError(f"SmileBack cannot open its health record at {self.path}: {_reason(error)}") from error
        restrict_database_files(self.path)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self.session_factory = self._session  # for query modules beside this one
        self.treatment = TreatmentStore(self._session, self._writing)  # the treatment journal's reads and writes
        self.outcomes = OutcomeStore(self._session, self._writing)  # self-ratings, clinician scores, photos
        self.face = FaceStore(self._session, self._writing, self.data_dir)  # what measuring each progress photo came to

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _writing(self):
        """One committed transaction; the record's refusal comes out as WriteFailed."""
        with refusal_told(), self._session.begin() as s:
            yield s

    # --- plan -----------------------------------------------------------------

    def current_plan(self) -> PlanView | None:
        with self._session() as s:
            # By when it was saved, not by row id: a plan merged in from an older export
            # gets a new id but must not displace the plan saved on this device since.
            plan = s.scalars(select(Plan).options(selectinload(Plan.steps))
                             .order_by(Plan.created_at.desc(), Plan.id.desc()).limit(1)).first()
            return _plan_view(plan) if plan else None

    def plan(self, plan_id: int) -> PlanView:
        with self._session() as s:
            return _plan_view(s.get(Plan, plan_id, options=[selectinload(Plan.steps)]))

    def plans(self) -> list[PlanView]:
        """Every plan version, oldest saved first: the history past days are judged by."""
        with self._session() as s:
            return [_plan_view(p) for p in s.scalars(select(Plan).options(selectinload(Plan.steps))
                                                     .order_by(Plan.created_at, Plan.id))]

    def save_plan(self, steps: list[PlanStepView], rest_weekdays: set[int], effective_from: date,
                  now: datetime) -> PlanView:
        refuse_implausible(effective_from, now.date())
        with self._writing() as s:
            plan = Plan(created_at=now, effective_from=effective_from,
                        rest_weekdays=encode_weekdays(rest_weekdays))
            plan.steps = [PlanStep(position=i, step_key=p.step_key, included=p.included, seconds=p.seconds)
                          for i, p in enumerate(steps)]
            s.add(plan)
            s.flush()
            return _plan_view(plan)

    # --- sessions and steps ---------------------------------------------------

    def begin_session(self, plan_id: int, started_at: datetime) -> int:
        """A session belongs to the local date at the moment it starts, for good."""
        refuse_implausible(started_at.date())
        offset = started_at.utcoffset()
        with self._writing() as s:
            row = SessionRecord(
                local_date=started_at.date(), started_at=started_at, last_activity_at=started_at,
                utc_offset_minutes=int(offset.total_seconds() // 60) if offset else 0,
                status=SessionStatus.IN_PROGRESS, plan_id=plan_id,
            )
            s.add(row)
            s.flush()
            return row.id

    def start_step(self, session_id: int, position: int, step_key: str, planned_seconds: int, at: datetime,
                   finished: StepFinish | None = None) -> int:
        """Start a step; `finished`, the step just before, is closed in the same transaction."""
        with self._writing() as s:
            if finished is not None:
                self._finish(s, finished)
            row = StepLog(session_id=session_id, position=position, step_key=step_key,
                          planned_seconds=planned_seconds, done_seconds=0.0, status=StepStatus.RUNNING, started_at=at)
            s.add(row)
            self._touch(s, session_id, at)
            s.flush()
            return row.id

    def checkpoint_step(self, step_id: int, done_seconds: float, at: datetime) -> None:
        """Record how far a running step has got, so a resume counts the time already done."""
        with self._writing() as s:
            s.execute(update(StepLog).where(StepLog.id == step_id).values(done_seconds=round(done_seconds, 2)))
            self._touch_step_session(s, step_id, at)

    def finish_step(self, step_id: int, status: str, done_seconds: float, at: datetime) -> None:
        with self._writing() as s:
            self._finish(s, StepFinish(step_id, status, done_seconds, at))

    def finish_session(self, session_id: int, status: str, at: datetime, finished: StepFinish | None = None) -> None:
        """Close a session; `finished`, its last step, is closed in the same transaction."""
        with self._writing() as s:
            if finished is not None:
                self._finish(s, finished)
            row = s.get(SessionRecord, session_id)
            row.status, row.ended_at, row.last_activity_at = status, at, at
            # A step left running is closed with the time it had reached.
            for step in row.steps:
                if step.status == StepStatus.RUNNING:
                    step.status, step.ended_at = StepStatus.SKIPPED, at

    def annotate_session(self, session_id: int, note: str | None, rating: int | None) -> None:
        with self._writing() as s:
            row = s.get(SessionRecord, session_id)
            row.note, row.rating = note, rating

    @classmethod
    def _finish(cls, s, finished: StepFinish) -> None:
        s.execute(update(StepLog).where(StepLog.id == finished.step_id).values(
            status=finished.status, done_seconds=round(finished.done_seconds, 2), ended_at=finished.at))
        cls._touch_step_session(s, finished.step_id, finished.at)

    @staticmethod
    def _touch(s, session_id: int, at: datetime) -> None:
        s.execute(update(SessionRecord).where(SessionRecord.id == session_id).values(last_activity_at=at))

    @staticmethod
    def _touch_step_session(s, step_id: int, at: datetime) -> None:
        """Mark the step's session active, without reading the step first."""
        owner = select(StepLog.session_id).where(StepLog.id == step_id).scalar_subquery()
        s.execute(update(SessionRecord).where(SessionRecord.id == owner).values(last_activity_at=at))

    def session(self, session_id: int) -> SessionView:
        with self._session() as s:
            row = s.get(SessionRecord, session_id, options=[selectinload(SessionRecord.steps)])
            return _session_view(row)

    def interrupted_session(self) -> SessionView | None:
        """The latest session still marked in progress: the app was left or killed mid-way."""
        with self._session() as s:
            row = s.scalars(
                select(SessionRecord).where(SessionRecord.status == SessionStatus.IN_PROGRESS)
                .options(selectinload(SessionRecord.steps)).order_by(SessionRecord.id.desc()).limit(1)
            ).first()
            return _session_view(row) if row else None

    def sessions_between(self, first: date, last: date) -> list[SessionView]:
        with self._session() as s:
            rows = s.scalars(
                select(SessionRecord).where(SessionRecord.local_date.between(first, last))
                .options(selectinload(SessionRecord.steps)).order_by(SessionRecord.started_at)
            )
            return [_session_view(r) for r in rows]

    # --- rest days and settings -------------------------------------------------

    def session_count(self) -> int:
        with self.session_factory() as s:
            return s.scalar(select(func.count()).select_from(SessionRecord)) or 0

    def rest_days(self) -> set[date]:
        with self._session() as s:
            return set(s.scalars(select(RestDay.local_date)))

    def set_rest_day(self, day: date, resting: bool, now: datetime) -> None:
        if resting:  # taking a wrongly dated day away is always allowed
            refuse_implausible(day, now.date())
        with self._writing() as s:
            row = s.get(RestDay, day)
            if resting and row is None:
                s.add(RestDay(local_date=day, created_at=now))
            elif not resting and row is not None:
                s.delete(row)

    def settings(self) -> dict[str, str]:
        with self._session() as s:
            return {row.key: row.value for row in s.scalars(select(Setting))}

    def put_setting(self, key: str, value: str) -> None:
        with self._writing() as s:
            s.merge(Setting(key=key, value=value))
