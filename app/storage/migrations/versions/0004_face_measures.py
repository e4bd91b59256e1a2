"""Face measures: what measuring each progress photo came to (issue 15).

One row per photo at most, removed with the photo: its status (measured, or why a retake is
asked for), the model that measured it, whether the photo is a mirror image, the iris size
the millimetres were scaled by, and the features as JSON text when measured.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# As app/face/port.py FaceStatus stores them; written out so this file never changes with the code.
STATUSES = "'measured','no_face','two_faces','turned','eyes_hidden','too_far','unreadable','unavailable'"


def upgrade() -> None:
    op.create_table(
        "face_measures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("photo_id", sa.Integer, sa.ForeignKey("photos.id", ondelete="CASCADE"), nullable=False,
                  unique=True),
        sa.Column("model_id", sa.String(80), nullable=False),
        sa.Column("mirrored", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("features", sa.String),
        sa.Column("iris_mm", sa.Float, nullable=False),
        sa.Column("measured_at", sa.DateTime, nullable=False),
        sa.CheckConstraint(f"status IN ({STATUSES})", name="ck_face_measure_status"),
        sa.CheckConstraint("(status = 'measured') = (features IS NOT NULL)", name="ck_face_measure_features"),
    )


def downgrade() -> None:
    op.drop_table("face_measures")
