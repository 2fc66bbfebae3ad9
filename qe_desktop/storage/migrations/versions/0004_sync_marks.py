"""Sync marks: when this library last synced with each other library (both dialects).

Revision ID: 0004_sync_marks
Revises: 0003_postgres_search
Create Date: 2026-11-29 05:12:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_sync_marks"
down_revision = "0003_postgres_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_marks",
        sa.Column("peer", sa.String(length=500), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("peer", name=op.f("pk_sync_marks")),
    )


def downgrade() -> None:
    op.drop_table("sync_marks")
