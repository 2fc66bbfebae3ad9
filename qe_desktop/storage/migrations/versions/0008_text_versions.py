"""Text versions: every question and answer text a library holds or has held (DESIGN §4).

The texts already in the library become their questions' current versions (hash and
source; a current text stays in its question and is copied into its version when an
update replaces it), so the first update after the upgrade keeps the text it replaces.

Revision ID: 0008_text_versions
Revises: 0007_search_statistics
Create Date: 2026-12-07 06:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_text_versions"
down_revision = "0011_veille"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "text_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_text_versions_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_versions")),
        sa.UniqueConstraint(
            "question_id", "part", "text_hash", name=op.f("uq_text_versions_question_id")
        ),
    )
    op.create_index(
        "ix_text_versions_state", "text_versions", ["question_id", "part", "state"], unique=False
    )
    for part, text, digest in (
        ("question", "question_text", "question_hash"),
        ("answer", "answer_text", "answer_hash"),
    ):
        op.execute(
            "INSERT INTO text_versions "
            "(question_id, part, text, text_hash, source, imported_at, state, reason) "
            f"SELECT id, '{part}', '', {digest}, source_file, imported_at, 'current', '' "
            f"FROM questions WHERE {text} IS NOT NULL AND {text} != ''"
        )


def downgrade() -> None:
    op.drop_index("ix_text_versions_state", table_name="text_versions")
    op.drop_table("text_versions")
