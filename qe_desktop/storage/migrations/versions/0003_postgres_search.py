"""PostgreSQL full-text search: unaccent, the qe_french configuration, search_vector + GIN.

On SQLite this revision does nothing (FTS5 came with 0001).

Revision ID: 0003_postgres_search
Revises: 0001
Create Date: 2026-11-29 05:10:00.000000
"""

from alembic import op

from qe_desktop.storage.migrations.pg_search import create_postgres_search, drop_postgres_search

revision = "0003_postgres_search"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        create_postgres_search(op)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        drop_postgres_search(op)
