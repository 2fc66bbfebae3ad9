"""What a sync reads and writes in each library: whole-library snapshots, notes, sync marks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from qe_desktop.domain.annotation import AnnotationRecord, Part
from qe_desktop.domain.question import QuestionRecord, question_key
from qe_desktop.storage import annotations as store
from qe_desktop.storage.bulk import StoredIdentity
from qe_desktop.storage.mapping import apply_record, record_from_row
from qe_desktop.storage.models import Annotation, Commitment, Question, QuestionNote, SyncMark
from qe_desktop.storage.questions import Outcome, UpsertResult
from qe_desktop.storage.text_versions import record_change
from qe_desktop.storage.types import utcnow
from qe_desktop.storage.upserts import row_for

_BATCH = 500


@dataclass(frozen=True, slots=True)
class QuestionStamp(StoredIdentity):
    """A stored question's identity and hash with its import time.

    Enough to tell, without loading texts, whether two copies differ and which is newer.
    """

    imported_at: datetime


@dataclass(frozen=True, slots=True)
class NoteState:
    """A question's note as synchronisation compares it: text, author and last edit."""

    text: str
    author: str
    modified: datetime


def question_stamps(session: Session) -> list[QuestionStamp]:
    """Each question's content hash and import time, to find what a peer lacks."""
    query = select(Question.id, Question.key, Question.content_hash, Question.imported_at)
    return [QuestionStamp(*row) for row in session.execute(query.order_by(Question.id))]


@dataclass(frozen=True, slots=True)
class IdentityIndex:
    """The identities `find_existing` matches on, loaded at once: most copies are new, and
    ruling a record out here saves its five look-ups.
    """

    uids: frozenset[str]
    keys: frozenset[str]
    numbers: frozenset[tuple[str, int | None, str | None, str]]
    urls: frozenset[str]
    pageless: frozenset[tuple[str, str, date | None]]

    def might_hold(self, record: QuestionRecord) -> bool:
        """Whether the record may already be here; False means it is certainly new."""
        numbered = (record.chamber.value, record.legislature, record.number, record.qtype)
        pageless = (record.chamber.value, record.author.name, record.published_on)
        return (
            (bool(record.uid) and record.uid in self.uids)
            or question_key(record) in self.keys
            or (bool(record.number and record.legislature) and numbered in self.numbers)
            or (bool(record.url) and record.url in self.urls)
            or pageless in self.pageless
        )


def identity_index(session: Session) -> IdentityIndex:
    """Load every question identity at once, so a copy's new records skip their look-ups."""
    query = select(
        Question.uid,
        Question.key,
        Question.chamber,
        Question.legislature,
        Question.number,
        Question.qtype,
        Question.url,
        Question.author_name,
        Question.published_on,
    )
    rows = session.execute(query).all()
    return IdentityIndex(
        uids=frozenset(r.uid for r in rows if r.uid),
        keys=frozenset(r.key for r in rows),
        numbers=frozenset(
            (r.chamber, r.legislature, r.number, r.qtype)
            for r in rows
            if r.number and r.legislature
        ),
        urls=frozenset(r.url for r in rows if r.url),
        pageless=frozenset(
            (r.chamber, r.author_name, r.published_on)
            for r in rows
            if r.chamber == "senat" and r.author_name and r.published_on
        ),
    )


def records_by_id(session: Session, ids: Sequence[int]) -> dict[int, QuestionRecord]:
    """Whole questions as records, a few hundred per query."""
    found: dict[int, QuestionRecord] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = list(ids[start : start + _BATCH])
        for row in session.scalars(select(Question).where(Question.id.in_(chunk))):
            found[row.id] = record_from_row(row)
    return found


def take_content(session: Session, row: Question, record: QuestionRecord) -> UpsertResult:
    """Give a paired question the agreed content of both libraries (keeps its own key)."""
    had_answer = bool(row.answer_text)
    old_question, old_answer = row.question_text, row.answer_text or ""
    apply_record(row, record, row.key)
    row.imported_at = utcnow()
    session.flush()
    for part, before, after in (
        (Part.QUESTION, old_question, row.question_text),
        (Part.ANSWER, old_answer, row.answer_text or ""),
    ):
        if before != after:  # the replaced text stays reachable as an earlier version
            record_change(session, row.id, part, before, after, record.source)
    return UpsertResult(
        row.id,
        row.key,
        Outcome.UPDATED,
        new_answer=bool(row.answer_text) and not had_answer,
        question_text_changed=old_question != row.question_text,
        answer_text_changed=old_answer != (row.answer_text or ""),
    )


def all_annotations(session: Session) -> dict[str, AnnotationRecord]:
    """Every annotation of the library, tombstones included, by id."""
    query = (
        select(Annotation, Question.key)
        .join(Question, Question.id == Annotation.question_id)
        .options(selectinload(Annotation.commitment).selectinload(Commitment.history))
    )
    rows = session.execute(query).all()
    tags = store.tags_by_annotation(session, [row.id for row, _ in rows])
    return {row.id: store.to_record(row, key, tags[row.id]) for row, key in rows}


def notes_by_question(session: Session) -> dict[int, NoteState]:
    """Every note by question id, to merge with a peer's notes."""
    query = select(
        QuestionNote.question_id, QuestionNote.text, QuestionNote.author, QuestionNote.modified
    )
    return {
        qid: NoteState(text, author, modified)
        for qid, text, author, modified in session.execute(query)
    }


def write_note(session: Session, question_id: int, state: NoteState) -> None:
    """Take another library's note as is (its author and time travel with it)."""
    note = row_for(session, QuestionNote, question_id=question_id)
    note.text = state.text
    note.author = state.author
    note.modified = state.modified
    session.flush()


def last_sync(session: Session, peer: str) -> datetime | None:
    """When the library was last synchronised with this peer, or None if never."""
    mark = session.get(SyncMark, peer)
    return mark.synced_at if mark else None


def mark_synced(session: Session, peer: str, when: datetime) -> None:
    """Record that the library is synchronised with this peer up to `when`."""
    row_for(session, SyncMark, peer=peer).synced_at = when
