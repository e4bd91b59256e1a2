"""Typed SQLAlchemy models. The schema itself is owned by the migrations."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from ..vocabulary import (Cadence, CareKind, ClinicianScale, EffectMark, Expression, FaceStatus, InjectionArea,
                          InjectionSide, PhotoSource, RatingMoment, SessionStatus, SideEffect, StepStatus)

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


# --- the treatment journal ----------------------------------------------------------------


def one_of(column: str, kind) -> str:
    """A CHECK that the column holds one of the enum's stored values."""
    return f"{column} IN ({','.join(repr(str(member.value)) for member in kind)})"


class Revisable:
    """An entry kept with its history, as plan versions are: an edit adds a row that
    replaces the one before; a delete adds a row that replaces it and says it was deleted.
    The current entries are the rows no other row replaces, that are not deletions."""

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted: Mapped[bool] = mapped_column(default=False)

    @declared_attr
    def replaces_id(cls) -> Mapped[Optional[int]]:
        # Unique: a version is replaced at most once, so the history is one line, never a fork.
        return mapped_column(ForeignKey(f"{cls.__tablename__}.id"), unique=True)


class InjectionRecord(Revisable, Base):
    __tablename__ = "injections"
    given_on: Mapped[date] = mapped_column(index=True)
    given_by: Mapped[Optional[str]] = mapped_column(String(120))
    product: Mapped[Optional[str]] = mapped_column(String(120))
    areas: Mapped[list[InjectionAreaRecord]] = relationship(
        back_populates="injection", order_by="InjectionAreaRecord.position", cascade="all, delete-orphan")


class InjectionAreaRecord(Base):
    __tablename__ = "injection_areas"
    __table_args__ = (
        UniqueConstraint("injection_id", "position"),
        CheckConstraint(one_of("area", InjectionArea), name="ck_injection_area"),
        CheckConstraint(one_of("side", InjectionSide), name="ck_injection_side"),
        CheckConstraint("units IS NULL OR units > 0", name="ck_injection_units"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    injection_id: Mapped[int] = mapped_column(ForeignKey("injections.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    area: Mapped[str] = mapped_column(String(20))
    side: Mapped[str] = mapped_column(String(8))
    units: Mapped[Optional[float]]
    injection: Mapped[InjectionRecord] = relationship(back_populates="areas")


class EffectMarkRecord(Revisable, Base):
    __tablename__ = "effect_marks"
    __table_args__ = (CheckConstraint(one_of("kind", EffectMark), name="ck_effect_mark_kind"),)
    local_date: Mapped[date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(12))


class CheckInRecord(Revisable, Base):
    """One day's side-effect check-in; one without answers is "nothing new"."""

    __tablename__ = "checkins"
    local_date: Mapped[date] = mapped_column(index=True)
    note: Mapped[Optional[str]]
    answers: Mapped[list[CheckInAnswerRecord]] = relationship(
        back_populates="checkin", order_by="CheckInAnswerRecord.id", cascade="all, delete-orphan")


class CheckInAnswerRecord(Base):
    __tablename__ = "checkin_answers"
    __table_args__ = (
        UniqueConstraint("checkin_id", "item"),
        CheckConstraint(one_of("item", SideEffect), name="ck_checkin_item"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkins.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(30))
    checkin: Mapped[CheckInRecord] = relationship(back_populates="answers")


class CareItemRecord(Revisable, Base):
    """A supportive-care item of the plan, set by the caregiver."""

    __tablename__ = "care_items"
    __table_args__ = (
        CheckConstraint(one_of("kind", CareKind), name="ck_care_item_kind"),
        CheckConstraint(one_of("cadence", Cadence), name="ck_care_item_cadence"),
    )
    kind: Mapped[str] = mapped_column(String(20))
    cadence: Mapped[str] = mapped_column(String(8))
    starts_on: Mapped[date]
    target_minutes: Mapped[Optional[int]]
    dose_dates: Mapped[str] = mapped_column(default="")  # "2026-11-02,2026-11-09", as encode_days writes


class CareTickRecord(Revisable, Base):
    __tablename__ = "care_ticks"
    __table_args__ = (CheckConstraint(one_of("kind", CareKind), name="ck_care_tick_kind"),)
    local_date: Mapped[date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[Optional[int]]


class MoodRecord(Revisable, Base):
    __tablename__ = "mood_entries"
    __table_args__ = (CheckConstraint("mood BETWEEN 1 AND 5", name="ck_mood_face"),)
    local_date: Mapped[date] = mapped_column(index=True)
    mood: Mapped[int]
    note: Mapped[Optional[str]]


REVISABLE = (InjectionRecord, EffectMarkRecord, CheckInRecord, CareItemRecord, CareTickRecord, MoodRecord)


def encode_days(days) -> str:
    return ",".join(day.isoformat() for day in sorted(set(days)))


def decode_days(text: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(day) for day in text.split(",") if day)


# --- outcomes -------------------------------------------------------------------------------


class RatingItemRecord(Base):
    """A thing the patient chose to rate: from the list (item_key) or in their own words."""

    __tablename__ = "rating_items"
    __table_args__ = (CheckConstraint("(item_key IS NULL) != (own_words IS NULL)", name="ck_rating_item_kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_key: Mapped[Optional[str]] = mapped_column(String(40))
    own_words: Mapped[Optional[str]] = mapped_column(String(120))
    position: Mapped[int]
    chosen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    retired_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)  # set aside: its ratings stay


class RatingRecord(Base):
    __tablename__ = "ratings"
    __table_args__ = (
        UniqueConstraint("item_id", "local_date", "moment"),
        CheckConstraint(one_of("moment", RatingMoment), name="ck_rating_moment"),
        CheckConstraint("value BETWEEN 0 AND 10", name="ck_rating_value"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("rating_items.id", ondelete="CASCADE"))
    local_date: Mapped[date] = mapped_column(index=True)
    moment: Mapped[str] = mapped_column(String(20))
    value: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ClinicianScoreRecord(Base):
    __tablename__ = "clinician_scores"
    __table_args__ = (
        CheckConstraint(one_of("scale", ClinicianScale), name="ck_clinician_scale"),
        CheckConstraint("scale != 'other' OR scale_name IS NOT NULL", name="ck_clinician_scale_named"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    scale: Mapped[str] = mapped_column(String(24))
    scale_name: Mapped[Optional[str]] = mapped_column(String(80))
    value: Mapped[float]
    scored_on: Mapped[date] = mapped_column(index=True)
    rated_by: Mapped[Optional[str]] = mapped_column(String(120))
    note: Mapped[Optional[str]]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PhotoSetRecord(Base):
    __tablename__ = "photo_sets"
    __table_args__ = (Index("ix_photo_sets_one_baseline", "baseline", unique=True, sqlite_where=text("baseline")),)
    id: Mapped[int] = mapped_column(primary_key=True)
    taken_on: Mapped[date]
    baseline: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    photos: Mapped[list[PhotoRecord]] = relationship(
        back_populates="photo_set", order_by="PhotoRecord.id", cascade="all, delete-orphan")


class PhotoRecord(Base):
    __tablename__ = "photos"
    __table_args__ = (
        UniqueConstraint("set_id", "expression"),
        CheckConstraint(one_of("expression", Expression), name="ck_photo_expression"),
        CheckConstraint(one_of("source", PhotoSource), name="ck_photo_source"),
        CheckConstraint("width > 0 AND height > 0", name="ck_photo_size"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("photo_sets.id", ondelete="CASCADE"), index=True)
    expression: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(80))
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int]
    height: Mapped[int]
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)
    source: Mapped[str] = mapped_column(String(8))
    photo_set: Mapped[PhotoSetRecord] = relationship(back_populates="photos")


class FaceMeasureRecord(Base):
    """What measuring one progress photo came to: its features in mm (JSON, geometry.PhotoFeatures)
    when measured, else why not. Derived from the photo, so it goes when the photo goes and
    can always be measured again; `model_id` says which model made it (never compared across)."""

    __tablename__ = "face_measures"
    __table_args__ = (
        CheckConstraint(one_of("status", FaceStatus), name="ck_face_measure_status"),
        CheckConstraint("(status = 'measured') = (features IS NOT NULL)", name="ck_face_measure_features"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"), unique=True)
    model_id: Mapped[str] = mapped_column(String(80))
    mirrored: Mapped[bool]
    status: Mapped[str] = mapped_column(String(12))
    features: Mapped[Optional[str]]
    iris_mm: Mapped[float]
    measured_at: Mapped[datetime] = mapped_column(UTCDateTime)
