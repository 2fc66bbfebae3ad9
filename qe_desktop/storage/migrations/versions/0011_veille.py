"""Veille: follows, inbox events (seen per user), source validators, scan marks.

Revision ID: 0011_veille
Revises: 0007_search_statistics
Create Date: 2026-12-07 06:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_veille"
down_revision = "0009_suggestion_cache"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=400), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follows")),
        sa.UniqueConstraint("kind", "value", name=op.f("uq_follows_kind")),
    )
    op.create_table(
        "veille_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_veille_events_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_veille_events")),
        sa.UniqueConstraint(
            "question_id", "kind", "ref", name=op.f("uq_veille_events_question_id")
        ),
    )
    op.create_index(op.f("ix_veille_events_at"), "veille_events", ["at"], unique=False)
    op.create_table(
        "event_follows",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("follow_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["veille_events.id"],
            name=op.f("fk_event_follows_event_id_veille_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["follow_id"],
            ["follows.id"],
            name=op.f("fk_event_follows_follow_id_follows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "follow_id", name=op.f("pk_event_follows")),
    )
    op.create_index(
        op.f("ix_event_follows_follow_id"), "event_follows", ["follow_id"], unique=False
    )
    op.create_table(
        "event_seen",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("user", sa.String(length=120), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["veille_events.id"],
            name=op.f("fk_event_seen_event_id_veille_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "user", name=op.f("pk_event_seen")),
    )
    op.create_table(
        "source_states",
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("etag", sa.String(length=300), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("entries", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_source_states")),
    )
    op.create_table(
        "veille_scans",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_veille_scans")),
    )


def downgrade() -> None:
    op.drop_table("veille_scans")
    op.drop_table("source_states")
    op.drop_table("event_seen")
    op.drop_index(op.f("ix_event_follows_follow_id"), table_name="event_follows")
    op.drop_table("event_follows")
    op.drop_index(op.f("ix_veille_events_at"), table_name="veille_events")
    op.drop_table("veille_events")
    op.drop_table("follows")
