"""SQLAlchemy 2 typed models: one class per table, shared by SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from qe_desktop.storage.types import UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Question(Base):
    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    uid: Mapped[str | None] = mapped_column(String(80), unique=True)
    chamber: Mapped[str] = mapped_column(String(8), index=True)
    qtype: Mapped[str] = mapped_column(String(8), default="QE")
    legislature: Mapped[int | None] = mapped_column(Integer, index=True)
    number: Mapped[str | None] = mapped_column(String(20))
    url: Mapped[str | None] = mapped_column(String(300), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    rubrique: Mapped[str | None] = mapped_column(String(300))
    analysis: Mapped[str | None] = mapped_column(Text)
    themes: Mapped[str] = mapped_column(Text, default="")
    author_name: Mapped[str] = mapped_column(String(200), default="")
    author_civility: Mapped[str] = mapped_column(String(10), default="")
    author_ref: Mapped[str] = mapped_column(String(40), default="", index=True)
    constituency: Mapped[str] = mapped_column(String(200), default="")
    group: Mapped[str] = mapped_column(String(200), default="")
    ministry_asked: Mapped[str | None] = mapped_column(String(400))
    ministry_assigned: Mapped[str | None] = mapped_column(String(400))
    ministry: Mapped[str] = mapped_column(String(400), default="")
    assigned_on: Mapped[date | None] = mapped_column(Date)
    published_on: Mapped[date | None] = mapped_column(Date)
    question_page: Mapped[str | None] = mapped_column(String(20))
    question_text: Mapped[str] = mapped_column(Text, default="")
    answer_ministry: Mapped[str | None] = mapped_column(String(400))
    answered_on: Mapped[date | None] = mapped_column(Date, index=True)
    answer_page: Mapped[str | None] = mapped_column(String(20))
    answer_text: Mapped[str | None] = mapped_column(Text)
    # answered_on or an answer text: what the status needs, kept in a small index
    answered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    answer_note: Mapped[str | None] = mapped_column(Text)
    closing_kind: Mapped[str | None] = mapped_column(String(20))
    closing_label: Mapped[str | None] = mapped_column(String(300))
    closed_on: Mapped[date | None] = mapped_column(Date)
    signaled_on: Mapped[date | None] = mapped_column(Date)
    renewed_on: Mapped[str] = mapped_column(String(200), default="")
    erratum: Mapped[str | None] = mapped_column(Text)
    recalls: Mapped[str | None] = mapped_column(String(40))
    deadline: Mapped[date | None] = mapped_column(Date)
    delay_days: Mapped[int | None] = mapped_column(Integer, index=True)
    notes_text: Mapped[str] = mapped_column(Text, default="")
    annotation_count: Mapped[int] = mapped_column(Integer, default=0)
    source_file: Mapped[str] = mapped_column(String(500), default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    question_hash: Mapped[str] = mapped_column(String(64), default="")
    answer_hash: Mapped[str] = mapped_column(String(64), default="")

    annotations: Mapped[list[Annotation]] = relationship(back_populates="question")
    note: Mapped[QuestionNote | None] = relationship(back_populates="question")

    __table_args__ = (
        Index("ix_questions_identity", "chamber", "legislature", "number"),
        Index("ix_questions_pageless", "chamber", "author_name", "published_on"),
        # Status filters and counts read only these indexes (migration 0006 says why).
        Index(
            "ix_questions_published_status",
            "published_on",
            "id",
            "answered",
            "closing_kind",
            "deadline",
        ),
        Index("ix_questions_status", "answered", "closing_kind", "deadline"),
        Index("ix_questions_ministry_published", "ministry", "published_on"),
        Index("ix_questions_group_published", "group", "published_on"),
        # Names, and references where no name is known yet: the author filter's choices
        # are read from this index alone.
        Index("ix_questions_author", "author_name", "author_ref"),
    )


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(80))
    color: Mapped[str] = mapped_column(String(9))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)


class AnnotationTag(Base):
    __tablename__ = "annotation_tags"

    annotation_id: Mapped[str] = mapped_column(
        ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)


class Annotation(Base):
    __tablename__ = "annotations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    part: Mapped[str] = mapped_column(String(10))
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(String(200), default="")
    suffix: Mapped[str] = mapped_column(String(200), default="")
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(40), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    creator: Mapped[str] = mapped_column(String(120), default="")
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    modified: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    anchor_state: Mapped[str] = mapped_column(String(10), default="anchored", index=True)
    previous_exact: Mapped[str | None] = mapped_column(Text)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    question: Mapped[Question] = relationship(back_populates="annotations")
    commitment: Mapped[Commitment | None] = relationship(
        back_populates="annotation", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class Commitment(Base):
    __tablename__ = "commitments"

    id: Mapped[int] = mapped_column(primary_key=True)
    annotation_id: Mapped[str] = mapped_column(
        ForeignKey("annotations.id", ondelete="CASCADE"), unique=True
    )
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    precision: Mapped[str] = mapped_column(String(10), default="vague")
    ministry: Mapped[str] = mapped_column(String(400), default="")
    status: Mapped[str] = mapped_column(String(24), default="a_verifier", index=True)
    evidence: Mapped[str] = mapped_column(Text, default="")
    next_check: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    annotation: Mapped[Annotation] = relationship(back_populates="commitment")
    history: Mapped[list[CommitmentEvent]] = relationship(
        back_populates="commitment",
        cascade="all, delete-orphan",
        order_by="CommitmentEvent.at",
    )

    __mapper_args__ = {"version_id_col": version}


class CommitmentEvent(Base):
    __tablename__ = "commitment_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(24))
    author: Mapped[str] = mapped_column(String(120), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")

    commitment: Mapped[Commitment] = relationship(back_populates="history")


class QuestionNote(Base):
    __tablename__ = "question_notes"

    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(120), default="")
    modified: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    question: Mapped[Question] = relationship(back_populates="note")

    __mapper_args__ = {"version_id_col": version}


class DismissedSuggestion(Base):
    """A commitment suggestion the user dismissed; survives re-imports (keyed by sentence)."""

    __tablename__ = "dismissed_suggestions"
    __table_args__ = (UniqueConstraint("question_key", "sentence_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_key: Mapped[str] = mapped_column(String(80), index=True)
    sentence_hash: Mapped[str] = mapped_column(String(64))
    sentence: Mapped[str] = mapped_column(Text)
    dismissed_by: Mapped[str] = mapped_column(String(120), default="")
    dismissed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PendingAnnotation(Base):
    """An imported annotation whose question is not in the library yet (DESIGN §7)."""

    __tablename__ = "pending_annotations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    target_source: Mapped[str] = mapped_column(String(400), index=True)
    payload: Mapped[str] = mapped_column(Text)
    received: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Deputy(Base):
    """AN deputies file (AMO): maps acteurRef to a name."""

    __tablename__ = "deputies"

    ref: Mapped[str] = mapped_column(String(40), primary_key=True)
    civility: Mapped[str] = mapped_column(String(10), default="")
    first_name: Mapped[str] = mapped_column(String(120), default="")
    last_name: Mapped[str] = mapped_column(String(120), default="")


class ImportLog(Base):
    __tablename__ = "import_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sources: Mapped[str] = mapped_column(Text, default="")
    imported: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    new_answers: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[str] = mapped_column(Text, default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncMark(Base):
    """When this library last synced with another one: changes on both sides since are conflicts."""

    __tablename__ = "sync_marks"

    peer: Mapped[str] = mapped_column(String(500), primary_key=True)
    synced_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TextFingerprint(Base):
    """LSH fingerprint of one question's or answer's text (domain/similarity.py).

    Kept so that finding near-duplicates never re-reads the whole library; recomputed
    when the text's hash or the fingerprint scheme changes. `bands` packs the band keys
    (signed 64-bit little-endian) so that the old rows of `text_bands` can be removed.
    """

    __tablename__ = "text_fingerprints"

    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    part: Mapped[str] = mapped_column(String(10), primary_key=True)
    scheme: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String(64))
    bands: Mapped[bytes] = mapped_column(LargeBinary)


class TextBand(Base):
    """One LSH band key of a text: texts sharing a key are near-duplicate candidates."""

    __tablename__ = "text_bands"
    __table_args__ = {"sqlite_with_rowid": False}  # the primary key is the whole row

    part: Mapped[str] = mapped_column(String(10), primary_key=True)
    band_key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )


class TextVersionRow(Base):
    """Every question or answer text a question has held or been offered (DESIGN §4).

    One row per distinct text of a part (unique hash): its `id` is stable, so caches
    and annotations can key on it. `state` says whether it is the current text, an
    earlier one, a suspicious update pending the user's decision, or a rejected one.
    The current text is not stored twice: its `text` is empty and read from the
    question, and filled in when an update replaces it (storage/text_versions.py).
    """

    __tablename__ = "text_versions"
    __table_args__ = (
        UniqueConstraint("question_id", "part", "text_hash"),
        Index("ix_text_versions_state", "question_id", "part", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    part: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(500), default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(10), default="current")
    reason: Mapped[str] = mapped_column(String(40), default="")
