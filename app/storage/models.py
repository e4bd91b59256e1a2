"""Typed SQLAlchemy models. The schema itself is owned by the migrations."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from ..vocabulary import SessionStatus, StepStatus

SESSION_STATUSES = tuple(SessionStatus)


def encode_weekdays(weekdays) -> str:
    """Rest weekdays (0 = Monday, as date.weekday()) as stored: "5,6"."""
    return ",".join(str(d) for d in sorted(set(weekdays)))


def decode_weekdays(text: str) -> frozenset[int]:
    return frozenset(int(d) for d in text.split(",") if d)

STEP_STATUSES = tuple(StepStatus)


class UTCDateTime(TypeDecorator):
    """Stores an aware datetime as naive UTC text; reads it back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        return None if value is None else value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    pass


class Plan(Base):
    """One version of the patient's plan; a change adds a row, so history is kept."""

    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    effective_from: Mapped[date]
    rest_weekdays: Mapped[str] = mapped_column(String(20), default="")
    steps: Mapped[list[PlanStep]] = relationship(
        back_populates="plan", order_by="PlanStep.position", cascade="all, delete-orphan"
    )


class PlanStep(Base):
    __tablename__ = "plan_steps"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    position: Mapped[int]
    step_key: Mapped[str] = mapped_column(String(40))
    included: Mapped[bool]
    seconds: Mapped[int]
    plan: Mapped[Plan] = relationship(back_populates="steps")


class SessionRecord(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("status IN ('in_progress','completed','partial','abandoned')", name="ck_session_status"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="ck_session_rating"),
        Index("ix_sessions_local_date", "local_date"),
        Index("ix_sessions_status", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    local_date: Mapped[date]
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime)
    utc_offset_minutes: Mapped[int]
    status: Mapped[str] = mapped_column(String(12))
    note: Mapped[Optional[str]]
    rating: Mapped[Optional[int]]
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    steps: Mapped[list[StepLog]] = relationship(
        back_populates="session", order_by="StepLog.position", cascade="all, delete-orphan"
    )


class StepLog(Base):
    __tablename__ = "step_logs"
    __table_args__ = (
        UniqueConstraint("session_id", "position"),
        CheckConstraint("status IN ('running','done','skipped')", name="ck_step_status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    step_key: Mapped[str] = mapped_column(String(40))
    planned_seconds: Mapped[int]
    done_seconds: Mapped[float]
    status: Mapped[str] = mapped_column(String(8))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    session: Mapped[SessionRecord] = relationship(back_populates="steps")


class RestDay(Base):
    """A day the patient planned to rest: it neither breaks nor extends a streak."""

    __tablename__ = "rest_days"
    local_date: Mapped[date] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Setting(Base):
    """Small key-value preferences and profile fields, kept with the health data."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str]
