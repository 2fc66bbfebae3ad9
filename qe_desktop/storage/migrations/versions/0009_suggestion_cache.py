"""Commitment suggestions cached per answer text (content hash, reference date, model).

The table starts empty: the reader fills it for each answer opened, and a background
pass fills it for the whole library once the French model is loaded.

Revision ID: 0009_suggestion_cache
Revises: 0007_search_statistics
Create Date: 2026-12-07 06:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_suggestion_cache"
down_revision = "0010_coverage_cache"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suggestion_cache",
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("reference", sa.String(length=10), nullable=False),
        sa.Column("model_version", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint(
            "text_hash", "reference", "model_version", name=op.f("pk_suggestion_cache")
        ),
    )


def downgrade() -> None:
    op.drop_table("suggestion_cache")
