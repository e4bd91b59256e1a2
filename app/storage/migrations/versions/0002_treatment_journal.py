"""The treatment journal: injections with their areas, effect marks, side-effect check-ins,
supportive-care items and their ticks, mood entries.

Every one of these tables but the areas and answers (which belong to their entry's version)
keeps its history as the plans do: a row is never changed; an edit or a delete adds a row
that replaces it (replaces_id, unique, so the history is a line), a delete with deleted = 1.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

AREAS = "'brow','around_eye','cheek','mouth_corner','chin','neck','other'"
SIDES = "'left','right','both'"
MARKS = "'started','fading'"
SIDE_EFFECTS = ("'sore_where_injected','headache','lid_or_brow_lower','eye_dry_or_watery','double_vision',"
                "'swallowing','breathing_or_speaking','weakness_elsewhere','other'")
CARE_KINDS = "'b_vitamin_course','aerobic','foot_soak','mood'"
CADENCES = "'daily','weekly'"


def revisable(table: str, *columns, checks=()) -> None:
    """A table of entries kept with their history."""
    op.create_table(
        table,
        *columns,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("replaces_id", sa.Integer, sa.ForeignKey(f"{table}.id"), unique=True),
        *checks,
    )


def upgrade() -> None:
    revisable("injections",
              sa.Column("given_on", sa.Date, nullable=False),
              sa.Column("given_by", sa.String(120)),
              sa.Column("product", sa.String(120)))
    op.create_index("ix_injections_given_on", "injections", ["given_on"])
    op.create_table(
        "injection_areas",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("injection_id", sa.Integer, sa.ForeignKey("injections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("area", sa.String(20), nullable=False),
        sa.Column("side", sa.String(8), nullable=False),
        sa.Column("units", sa.Float),
        sa.UniqueConstraint("injection_id", "position"),
        sa.CheckConstraint(f"area IN ({AREAS})", name="ck_injection_area"),
        sa.CheckConstraint(f"side IN ({SIDES})", name="ck_injection_side"),
        sa.CheckConstraint("units IS NULL OR units > 0", name="ck_injection_units"),
    )
    op.create_index("ix_injection_areas_injection_id", "injection_areas", ["injection_id"])
    revisable("effect_marks",
              sa.Column("local_date", sa.Date, nullable=False),
              sa.Column("kind", sa.String(12), nullable=False),
              checks=[sa.CheckConstraint(f"kind IN ({MARKS})", name="ck_effect_mark_kind")])
    op.create_index("ix_effect_marks_local_date", "effect_marks", ["local_date"])
    revisable("checkins",
              sa.Column("local_date", sa.Date, nullable=False),
              sa.Column("note", sa.String))
    op.create_index("ix_checkins_local_date", "checkins", ["local_date"])
    op.create_table(
        "checkin_answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("checkin_id", sa.Integer, sa.ForeignKey("checkins.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item", sa.String(30), nullable=False),
        sa.UniqueConstraint("checkin_id", "item"),
        sa.CheckConstraint(f"item IN ({SIDE_EFFECTS})", name="ck_checkin_item"),
    )
    op.create_index("ix_checkin_answers_checkin_id", "checkin_answers", ["checkin_id"])
    revisable("care_items",
              sa.Column("kind", sa.String(20), nullable=False),
              sa.Column("cadence", sa.String(8), nullable=False),
              sa.Column("starts_on", sa.Date, nullable=False),
              sa.Column("target_minutes", sa.Integer),
              sa.Column("dose_dates", sa.String, nullable=False, server_default=""),
              checks=[sa.CheckConstraint(f"kind IN ({CARE_KINDS})", name="ck_care_item_kind"),
                      sa.CheckConstraint(f"cadence IN ({CADENCES})", name="ck_care_item_cadence")])
    revisable("care_ticks",
              sa.Column("local_date", sa.Date, nullable=False),
              sa.Column("kind", sa.String(20), nullable=False),
              sa.Column("minutes", sa.Integer),
              checks=[sa.CheckConstraint(f"kind IN ({CARE_KINDS})", name="ck_care_tick_kind")])
    op.create_index("ix_care_ticks_local_date", "care_ticks", ["local_date"])
    revisable("mood_entries",
              sa.Column("local_date", sa.Date, nullable=False),
              sa.Column("mood", sa.Integer, nullable=False),
              sa.Column("note", sa.String),
              checks=[sa.CheckConstraint("mood BETWEEN 1 AND 5", name="ck_mood_face")])
    op.create_index("ix_mood_entries_local_date", "mood_entries", ["local_date"])


def downgrade() -> None:
    for table in ("mood_entries", "care_ticks", "care_items", "checkin_answers", "checkins", "effect_marks",
                  "injection_areas", "injections"):
        op.drop_table(table)
