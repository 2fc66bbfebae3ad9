"""Status and filters at legislature scale: an `answered` flag and composite indexes.

The status of a question needs `answered_on` and whether an answer text exists; in
SQLite both sit after the question text, in overflow pages, so computing the status
of 100,000 questions read the whole file (0.8 s to filter the overdue ones). The
`answered` flag, the closing kind and the deadline now sit in two small indexes:
one to count by status, and the date index (date, id, then the status inputs) that
lists any status in date order, at any depth, without reading the table. The
ministry and group indexes carry the date, so a filtered list sorted by date reads
its first page only. The import time is indexed for the window's change check
(`max(imported_at)` every 30 s read the whole table: 0.3 s), and the author index
carries the reference, so the author filter's choices come from the index alone
(0.2 s at start-up otherwise).

Revision ID: 0006_status_indexes
Revises: 0005_text_fingerprints
Create Date: 2026-11-29 06:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_status_indexes"
down_revision = "0005_text_fingerprints"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "questions",
        sa.Column("answered", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute(
        "UPDATE questions SET answered = "
        "(answered_on IS NOT NULL OR COALESCE(answer_text, '') <> '')"
    )
    op.drop_index("ix_questions_published_on", table_name="questions")
    op.drop_index("ix_questions_deadline", table_name="questions")
    op.drop_index("ix_questions_ministry", table_name="questions")
    op.drop_index("ix_questions_group", table_name="questions")
    op.create_index(
        "ix_questions_published_status",
        "questions",
        ["published_on", "id", "answered", "closing_kind", "deadline"],
    )
    op.create_index("ix_questions_status", "questions", ["answered", "closing_kind", "deadline"])
    op.create_index("ix_questions_ministry_published", "questions", ["ministry", "published_on"])
    op.create_index("ix_questions_group_published", "questions", ["group", "published_on"])
    op.create_index("ix_questions_imported_at", "questions", ["imported_at"])
    op.drop_index("ix_questions_author_name", table_name="questions")
    op.create_index("ix_questions_author", "questions", ["author_name", "author_ref"])
    if op.get_bind().dialect.name == "sqlite":
        # The planner needs to know how selective each index is. Only this table:
        # statistics on the full-text index's own tables mislead SQLite (0007).
        op.execute("ANALYZE questions")


def downgrade() -> None:
    op.drop_index("ix_questions_imported_at", table_name="questions")
    op.drop_index("ix_questions_author", table_name="questions")
    op.create_index("ix_questions_author_name", "questions", ["author_name"])
    op.drop_index("ix_questions_group_published", table_name="questions")
    op.drop_index("ix_questions_ministry_published", table_name="questions")
    op.drop_index("ix_questions_status", table_name="questions")
    op.drop_index("ix_questions_published_status", table_name="questions")
    op.create_index("ix_questions_deadline", "questions", ["deadline"])
    op.create_index("ix_questions_group", "questions", ["group"])
    op.create_index("ix_questions_ministry", "questions", ["ministry"])
    op.create_index("ix_questions_published_on", "questions", ["published_on"])
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+), not a batch copy: the full-text
    # triggers on `questions` must survive.
    op.drop_column("questions", "answered")
