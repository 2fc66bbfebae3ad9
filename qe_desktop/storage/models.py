"""SQLAlchemy 2 typed models: one class per table, shared by SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
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
    """The tables' common base, with constraint names stable across SQLite and PostgreSQL."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Question(Base):
    """A written question and its answer as imported, plus what lists filter and sort on."""

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
        # `qe-desktop list` reads its lines from this index alone (migration 0016).
        Index(
            "ix_questions_listing",
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
        ),
        Index("ix_questions_ministry_published", "ministry", "published_on"),
        Index("ix_questions_group_published", "group", "published_on"),
        # Names, and references where no name is known yet: the author filter's choices
        # are read from this index alone.
        Index("ix_questions_author", "author_name", "author_ref"),
    )


class Category(Base):
    """An annotation category of the palette (engagement, chiffre…), with its label and colour."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(80))
    color: Mapped[str] = mapped_column(String(9))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Tag(Base):
    """A free tag users put on annotations."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)


class AnnotationTag(Base):
    """Which annotations carry which tags."""

    __tablename__ = "annotation_tags"

    annotation_id: Mapped[str] = mapped_column(
        ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)


class Annotation(Base):
    """A highlight on a question or answer, anchored so it survives text edits."""

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
    """The commitment an annotation records: what was promised, by when, where it stands."""

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
    """One status change of a commitment, kept so its history can be shown and exported."""

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
    """The user's free note on a question, one per question."""

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


class CoverageCache(Base):
    """Answer coverage computed for one pair of texts (issue #20), keyed by their content hashes.

    Keyed on the texts, not the question, so an unchanged text is never analysed twice and a
    changed one (erratum, new answer) simply misses: the library joins on the question's
    current `question_hash`/`answer_hash`, which can never pick up a stale result.
    """

    __tablename__ = "coverage_cache"
    __table_args__ = (UniqueConstraint("question_hash", "answer_hash", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_hash: Mapped[str] = mapped_column(String(64))
    answer_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    demands: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    treated: Mapped[int] = mapped_column(Integer, default=0)
    share: Mapped[float | None] = mapped_column(Float)
    payload: Mapped[str] = mapped_column(Text)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PendingAnnotation(Base):
    """An imported annotation whose question is not in the library yet (DESIGN §7)."""

    __tablename__ = "pending_annotations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    target_source: Mapped[str] = mapped_column(String(400), index=True)
    payload: Mapped[str] = mapped_column(Text)
    received: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Deputy(Base):
    """AN deputies file (AMO): maps acteurRef to a name, a seat and a current group."""

    __tablename__ = "deputies"

    ref: Mapped[str] = mapped_column(String(40), primary_key=True)
    civility: Mapped[str] = mapped_column(String(10), default="")
    first_name: Mapped[str] = mapped_column(String(120), default="")
    last_name: Mapped[str] = mapped_column(String(120), default="")
    department: Mapped[str] = mapped_column(String(120), default="", server_default="")
    department_number: Mapped[str] = mapped_column(String(8), default="", server_default="")
    district: Mapped[str] = mapped_column(String(8), default="", server_default="")
    group_ref: Mapped[str] = mapped_column(String(40), default="", server_default="")


class Organe(Base):
    """AMO organes that name political groups (`PO…` -> label, abbreviation)."""

    __tablename__ = "organes"

    ref: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="")
    label: Mapped[str] = mapped_column(String(300), default="")
    abbrev: Mapped[str] = mapped_column(String(60), default="")


class ImportLog(Base):
    """One import run: when, from which sources, and how many questions it brought or changed."""

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


class ImportEntry(Base):
    """An archive entry already read (CRC-32 and size): an unchanged one is skipped unparsed."""

    __tablename__ = "import_entries"

    archive: Mapped[str] = mapped_column(String(1000), primary_key=True)
    entry: Mapped[str] = mapped_column(String(500), primary_key=True)
    crc: Mapped[int] = mapped_column(BigInteger)
    size: Mapped[int] = mapped_column(BigInteger)
    questions: Mapped[int] = mapped_column(Integer)  # what it gave: counted as unchanged


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


class SuggestionCache(Base):
    """Commitment suggestions computed for one answer text (DESIGN §9: cached per text version).

    Keyed by the text's content hash, the date the due dates were resolved against and the
    model's version: any text version with that content shares the row, whichever table
    holds the versions.
    """

    __tablename__ = "suggestion_cache"

    text_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    reference: Mapped[str] = mapped_column(String(10), primary_key=True)  # ISO date or ""
    model_version: Mapped[str] = mapped_column(String(32), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON list of suggestions
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Follow(Base):
    """What the user follows (veille): an author, a ministry, a theme, a search, a question."""

    __tablename__ = "follows"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(400))
    created_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class VeilleEvent(Base):
    """Something new about a question that a follow (or an annotation) makes worth telling."""

    __tablename__ = "veille_events"
    __table_args__ = (UniqueConstraint("question_id", "kind", "ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    ref: Mapped[str] = mapped_column(String(64), default="")  # annotation id, deadline…
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class EventFollow(Base):
    """Which follows an event matched (counts per follow; an event of no follow is one's own)."""

    __tablename__ = "event_follows"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("veille_events.id", ondelete="CASCADE"), primary_key=True
    )
    follow_id: Mapped[int] = mapped_column(
        ForeignKey("follows.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class EventSeen(Base):
    """An inbox item one user has seen (each member of a team library has their own)."""

    __tablename__ = "event_seen"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("veille_events.id", ondelete="CASCADE"), primary_key=True
    )
    user: Mapped[str] = mapped_column(String(120), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SourceState(Base):
    """The last good download of an official source: validators for conditional requests."""

    __tablename__ = "source_states"

    url: Mapped[str] = mapped_column(String(500), primary_key=True)
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(BigInteger)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # JSON {entry: "crc:size"} of the archive last imported: only changed entries are read
    entries: Mapped[str | None] = mapped_column(Text)


class VeilleScan(Base):
    """When deadlines and commitments were last looked at (events for what passed since)."""

    __tablename__ = "veille_scans"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    done_on: Mapped[date] = mapped_column(Date)


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
