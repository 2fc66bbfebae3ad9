"""Forget the planner statistics gathered on the full-text index's own tables.

0006 ran a global ANALYZE. On a new, empty library that recorded the full-text
index's data table as holding two rows; FTS5's internal queries were then planned
for that size forever after, and inserting into the index slowed down with every
row: a 100,000 question import took 2.5 times the time of the same inserts into a
library without those statistics (10,000 questions: 54 s instead of 7 s). Only the
questions table is analyzed now (`storage.bulk.refresh_statistics`).

Revision ID: 0007_search_statistics
Revises: 0006_status_indexes
Create Date: 2026-11-29 09:10:00.000000
"""

from alembic import op

revision = "0007_search_statistics"
down_revision = "0006_status_indexes"
branch_labels = None
depends_on = None

SEARCH_TABLES = (
    "question_search",
    "question_search_data",
    "question_search_idx",
    "question_search_docsize",
    "question_search_config",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    found = bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
    if found.first() is None:
        return
    names = ", ".join(f"'{name}'" for name in SEARCH_TABLES)
    op.execute(f"DELETE FROM sqlite_stat1 WHERE tbl IN ({names})")
    op.execute("ANALYZE sqlite_schema")  # reload what remains into the planner


def downgrade() -> None:
    """Nothing to restore: statistics are a cache the next ANALYZE rebuilds."""
