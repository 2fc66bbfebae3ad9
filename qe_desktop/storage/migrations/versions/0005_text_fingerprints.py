"""Text fingerprints for near-duplicate answers and questions (LSH bands, both dialects).

The tables start empty: fingerprints are computed from the texts the first time
duplicates are looked for, then only for texts that changed.

Revision ID: 0005_text_fingerprints
Revises: 0004_sync_marks
Create Date: 2026-11-29 05:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_text_fingerprints"
down_revision = "0004_sync_marks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "text_fingerprints",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=10), nullable=False),
        sa.Column("scheme", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("bands", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_text_fingerprints_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("question_id", "part", name=op.f("pk_text_fingerprints")),
    )
    op.create_table(
        "text_bands",
        sa.Column("part", sa.String(length=10), nullable=False),
        sa.Column("band_key", sa.BigInteger(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_text_bands_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("part", "band_key", "question_id", name=op.f("pk_text_bands")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("text_bands")
    op.drop_table("text_fingerprints")
