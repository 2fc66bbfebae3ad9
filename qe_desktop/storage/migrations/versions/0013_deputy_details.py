"""Deputies' seat and current group (AMO), political group names; QG/QOSD lose the deadline.

Revision ID: 0013_deputy_details
Revises: 0007_search_statistics
Create Date: 2026-12-07 06:20:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_deputy_details"
down_revision = "0007_search_statistics"
branch_labels = None
depends_on = None

_DEPUTY_COLUMNS = (
    ("department", 120),
    ("department_number", 8),
    ("district", 8),
    ("group_ref", 40),
)


def upgrade() -> None:
    with op.batch_alter_table("deputies") as batch:
        for name, length in _DEPUTY_COLUMNS:
            batch.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
    op.create_table(
        "organes",
        sa.Column("ref", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("abbrev", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("ref", name=op.f("pk_organes")),
    )
    # Only written questions have the two-month deadline (questions au Gouvernement and
    # oral questions are answered in the chamber): stored deadlines of the others go.
    op.execute(sa.text("UPDATE questions SET deadline = NULL WHERE qtype <> 'QE'"))


def downgrade() -> None:
    op.drop_table("organes")
    with op.batch_alter_table("deputies") as batch:
        for name, _length in reversed(_DEPUTY_COLUMNS):
            batch.drop_column(name)
