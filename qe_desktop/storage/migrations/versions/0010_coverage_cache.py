"""Cache of answer coverage (issue #20), keyed by the content hashes of the two texts.

Revision ID: 0010_coverage_cache
Revises: 0007_search_statistics
Create Date: 2026-12-07 06:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_coverage_cache"
down_revision = "0013_deputy_details"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coverage_cache",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_hash", sa.String(length=64), nullable=False),
        sa.Column("answer_hash", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("demands", sa.Integer(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("treated", sa.Integer(), nullable=False),
        sa.Column("share", sa.Float(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coverage_cache")),
        sa.UniqueConstraint(
            "question_hash",
            "answer_hash",
            "version",
            name=op.f("uq_coverage_cache_question_hash"),
        ),
    )


def downgrade() -> None:
    op.drop_table("coverage_cache")
