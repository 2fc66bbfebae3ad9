"""A covering index for the command line's `list`: the listed columns in date order.

`qe-desktop list --status overdue` on 100,000 questions read one table page per
listed row (30,000 scattered pages, ≈ 80 ms of its 160 ms of SQL) for the key, the
author and the title, though the date index already gave the order and the status.
This index carries them too (date, id, the status inputs, chamber, key, author,
title, rubrique), so the listing reads the index alone; only a question with neither
title nor rubrique still reads its text's first characters from the table. It costs
the import ≈ 12 MB and one more index to maintain per 100,000 questions
(BENCHMARKS.md, section 2, session 8). Both dialects.

Revision ID: 0016_listing_index
Revises: 0015_content_hash
Create Date: 2026-12-07 18:40:00.000000
"""

from alembic import op

revision = "0016_listing_index"
down_revision = "0015_content_hash"
branch_labels = None
depends_on = None

COLUMNS = [
    "published_on",
    "id",
    "answered",
    "closing_kind",
    "deadline",
    "chamber",
    "key",
    "author_name",
    "author_ref",
    "title",
    "rubrique",
]


def upgrade() -> None:
    op.create_index("ix_questions_listing", "questions", COLUMNS)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE questions")  # as 0006: this table only


def downgrade() -> None:
    op.drop_index("ix_questions_listing", table_name="questions")
