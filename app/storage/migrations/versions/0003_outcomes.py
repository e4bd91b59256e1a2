"""Outcomes the patient can see: the rating items they chose, their ratings 0 to 10, scores a
clinician gave (recorded as given, never computed), and progress photo sets.

A photo's image is a file in the data folder's photos/ (named by its checksum); the table
keeps its name, SHA-256 and size. At most one set is the baseline (a partial unique index).

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MOMENTS = "'routine','before_injection','two_weeks_after','six_weeks_after','effect_fading'"
SCALES = "'saq_total','face_total','sunnybrook_composite','house_brackmann','eface_total','other'"
EXPRESSIONS = "'at_rest','gentle_smile','big_smile','eyes_closed','brows_raised','lips_pursed'"
SOURCES = "'camera','file'"


def upgrade() -> None:
    op.create_table(
        "rating_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_key", sa.String(40)),
        sa.Column("own_words", sa.String(120)),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("chosen_at", sa.DateTime, nullable=False),
        sa.Column("retired_at", sa.DateTime),
        # An item is one from the list or the patient's own words, never both.
        sa.CheckConstraint("(item_key IS NULL) != (own_words IS NULL)", name="ck_rating_item_kind"),
    )
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.Integer, sa.ForeignKey("rating_items.id", ondelete="CASCADE"), nullable=False),
        sa.Column("local_date", sa.Date, nullable=False),
        sa.Column("moment", sa.String(20), nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("item_id", "local_date", "moment"),
        sa.CheckConstraint(f"moment IN ({MOMENTS})", name="ck_rating_moment"),
        sa.CheckConstraint("value BETWEEN 0 AND 10", name="ck_rating_value"),
    )
    op.create_index("ix_ratings_local_date", "ratings", ["local_date"])
    op.create_table(
        "clinician_scores",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("scale", sa.String(24), nullable=False),
        sa.Column("scale_name", sa.String(80)),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("scored_on", sa.Date, nullable=False),
        sa.Column("rated_by", sa.String(120)),
        sa.Column("note", sa.String),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint(f"scale IN ({SCALES})", name="ck_clinician_scale"),
        sa.CheckConstraint("scale != 'other' OR scale_name IS NOT NULL", name="ck_clinician_scale_named"),
    )
    op.create_index("ix_clinician_scores_scored_on", "clinician_scores", ["scored_on"])
    op.create_table(
        "photo_sets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("taken_on", sa.Date, nullable=False),
        sa.Column("baseline", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_photo_sets_one_baseline", "photo_sets", ["baseline"], unique=True,
                    sqlite_where=sa.text("baseline"))
    op.create_table(
        "photos",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("set_id", sa.Integer, sa.ForeignKey("photo_sets.id", ondelete="CASCADE"), nullable=False),
        sa.Column("expression", sa.String(20), nullable=False),
        sa.Column("file_name", sa.String(80), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("taken_at", sa.DateTime, nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.UniqueConstraint("set_id", "expression"),
        sa.CheckConstraint(f"expression IN ({EXPRESSIONS})", name="ck_photo_expression"),
        sa.CheckConstraint(f"source IN ({SOURCES})", name="ck_photo_source"),
        sa.CheckConstraint("width > 0 AND height > 0", name="ck_photo_size"),
    )
    op.create_index("ix_photos_set_id", "photos", ["set_id"])


def downgrade() -> None:
    for table in ("photos", "photo_sets", "clinician_scores", "ratings", "rating_items"):
        op.drop_table(table)
