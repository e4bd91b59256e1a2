"""The first schema: plans, sessions, step logs, rest days, settings.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("effective_from", sa.Date, nullable=False),
        sa.Column("rest_weekdays", sa.String(20), nullable=False, server_default=""),
    )
    op.create_table(
        "plan_steps",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("step_key", sa.String(40), nullable=False),
        sa.Column("included", sa.Boolean, nullable=False),
        sa.Column("seconds", sa.Integer, nullable=False),
        sa.UniqueConstraint("plan_id", "position"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("local_date", sa.Date, nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime),
        sa.Column("last_activity_at", sa.DateTime, nullable=False),
        sa.Column("utc_offset_minutes", sa.Integer, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("note", sa.String),
        sa.Column("rating", sa.Integer),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False),
        sa.CheckConstraint("status IN ('in_progress','completed','partial','abandoned')", name="ck_session_status"),
        sa.CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="ck_session_rating"),
    )
    op.create_index("ix_sessions_local_date", "sessions", ["local_date"])
    op.create_index("ix_sessions_status", "sessions", ["status"])
    op.create_table(
        "step_logs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("step_key", sa.String(40), nullable=False),
        sa.Column("planned_seconds", sa.Integer, nullable=False),
        sa.Column("done_seconds", sa.Float, nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime),
        sa.UniqueConstraint("session_id", "position"),
        sa.CheckConstraint("status IN ('running','done','skipped')", name="ck_step_status"),
    )
    op.create_index("ix_step_logs_session_id", "step_logs", ["session_id"])
    op.create_table(
        "rest_days",
        sa.Column("local_date", sa.Date, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )


def downgrade() -> None:
    for table in ("settings", "rest_days", "step_logs", "sessions", "plan_steps", "plans"):
        op.drop_table(table)
