"""Annotation rows <-> AnnotationRecord, tags, commitments; tombstones instead of deletes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from qe_desktop.domain.annotation import (
    AnnotationRecord,
    CommitmentRecord,
    StatusChange,
    sorted_tags,
)
from qe_desktop.domain.folding import fold
from qe_desktop.storage.annotation_rows import annotation_of as _from_columns
from qe_desktop.storage.annotation_rows import change_of as _change
from qe_desktop.storage.annotation_rows import commitment_of as _commitment
from qe_desktop.storage.engine import FOLD_FUNCTION
from qe_desktop.storage.models import (
    Annotation,
    AnnotationTag,
    Commitment,
    CommitmentEvent,
    Question,
    Tag,
)
from qe_desktop.storage.upserts import insert_missing, row_for


def to_record(row: Annotation, question_key: str, tags: Iterable[str]) -> AnnotationRecord:
    """The stored annotation as the domain sees it, commitment and history included."""
    commitment = None
    if row.commitment is not None:
        c = row.commitment
        commitment = _commitment(c, (_change(e) for e in c.history))
    return _from_columns(row, question_key, sorted_tags(tags), commitment)


def tags_by_annotation(session: Session, ids: list[str]) -> dict[str, list[str]]:
    """Tag names of each annotation in one query, so a page of annotations costs no more."""
    result: dict[str, list[str]] = {i: [] for i in ids}
    if not ids:
        return result
    query = (
        select(AnnotationTag.annotation_id, Tag.name)
        .join(Tag, Tag.id == AnnotationTag.tag_id)
        .where(AnnotationTag.annotation_id.in_(ids))
    )
    for annotation_id, name in session.execute(query):
        result[annotation_id].append(name)
    return result


def annotations_of(
    session: Session, question_id: int, *, include_deleted: bool = False
) -> list[AnnotationRecord]:
    """The annotations of one question, read with four plain queries (no ORM objects).

    Opening a question with hundreds of notes must stay instant: no identity map, no
    lazy loads; tags and commitments come in one query each for the whole question.
    """
    columns = Annotation.__table__.c
    query = (
        select(Annotation.__table__)
        .where(columns.question_id == question_id)
        .order_by(columns.part, columns.start, columns.id)
    )
    if not include_deleted:
        query = query.where(columns.deleted.is_(False))
    rows = session.execute(query).all()
    if not rows:
        return []
    key = session.scalar(select(Question.key).where(Question.id == question_id)) or ""
    tags = _tags_of_question(session, question_id)
    commitments = _commitments_of_question(session, question_id)
    return [
        _from_columns(row, key, sorted_tags(tags.get(row.id, ())), commitments.get(row.id))
        for row in rows
    ]


def placements_of(session: Session, question_id: int) -> list[AnnotationRecord]:
    """Every annotation of a question (tombstones too) as records for re-anchoring.

    Re-anchoring only moves selectors (`move_annotations`), so tags and commitments
    are not read (left empty and None): one query per question.
    """
    columns = Annotation.__table__.c
    query = (
        select(Annotation.__table__, Question.key)
        .join(Question, Question.id == columns.question_id)
        .where(columns.question_id == question_id)
        .order_by(columns.part, columns.start, columns.id)
    )
    return [_from_columns(row, row.key, (), None) for row in session.execute(query)]


def _tags_of_question(session: Session, question_id: int) -> dict[str, list[str]]:
    query = (
        select(AnnotationTag.annotation_id, Tag.name)
        .join(Tag, Tag.id == AnnotationTag.tag_id)
        .join(Annotation, Annotation.id == AnnotationTag.annotation_id)
        .where(Annotation.question_id == question_id)
    )
    found: dict[str, list[str]] = {}
    for annotation_id, name in session.execute(query):
        found.setdefault(annotation_id, []).append(name)
    return found


def _commitments_of_question(session: Session, question_id: int) -> dict[str, CommitmentRecord]:
    return _commitments_where(session, Annotation.question_id == question_id)


def _commitments_where(session: Session, condition: Any) -> dict[str, CommitmentRecord]:
    """Commitments (with their status history) of the annotations matching `condition`."""
    commitments = Commitment.__table__.c
    events = CommitmentEvent.__table__.c
    query = (
        select(Commitment.__table__)
        .join(Annotation, Annotation.id == commitments.annotation_id)
        .where(condition)
    )
    rows = session.execute(query).all()
    if not rows:
        return {}
    history: dict[int, list[StatusChange]] = {}
    event_query = (
        select(CommitmentEvent.__table__)
        .join(Commitment, Commitment.id == events.commitment_id)
        .join(Annotation, Annotation.id == Commitment.annotation_id)
        .where(condition)
        .order_by(events.at, events.id)
    )
    for e in session.execute(event_query):
        history.setdefault(e.commitment_id, []).append(_change(e))
    return {c.annotation_id: _commitment(c, history.get(c.id, ())) for c in rows}


def set_tags(session: Session, annotation_id: str, names: Iterable[str]) -> None:
    """Replace an annotation's tags, creating the tags nobody has used before."""
    wanted = sorted({n.strip() for n in names if n.strip()})
    session.query(AnnotationTag).filter(AnnotationTag.annotation_id == annotation_id).delete()
    for name in wanted:
        tag = session.scalar(select(Tag).where(Tag.name == name))
        if tag is None:  # a colleague may be creating the same tag right now
            insert_missing(session, Tag, [{"name": name}])
            tag = session.scalars(select(Tag).where(Tag.name == name)).one()
        session.add(AnnotationTag(annotation_id=annotation_id, tag_id=tag.id))


def write_record(session: Session, question_id: int, record: AnnotationRecord) -> Annotation:
    """Insert or overwrite an annotation row from a record (version bumps on update)."""
    row = row_for(session, Annotation, id=record.id)
    row.question_id = question_id
    row.part = record.part.value
    row.exact = record.selector.exact
    row.prefix = record.selector.prefix
    row.suffix = record.selector.suffix
    row.start = record.selector.start
    row.end = record.selector.end
    row.text_hash = record.text_hash
    row.category = record.category
    row.note = record.note
    row.creator = record.creator
    row.created = record.created
    row.modified = record.modified
    row.anchor_state = record.anchor_state.value
    row.previous_exact = record.previous_exact
    row.deleted = record.deleted
    _write_commitment(session, row, record.commitment)
    session.flush()
    set_tags(session, row.id, record.tags)
    return row


def _write_commitment(session: Session, row: Annotation, record: CommitmentRecord | None) -> None:
    if record is None:
        if row.commitment is not None:
            session.delete(row.commitment)
            row.commitment = None
        return
    commitment = row.commitment or Commitment()
    commitment.due_date = record.due_date
    commitment.precision = record.precision.value
    commitment.ministry = record.ministry
    commitment.status = record.status.value
    commitment.evidence = record.evidence
    commitment.next_check = record.next_check
    known = {(e.status, e.at) for e in commitment.history}
    for change in record.history:
        if (change.status.value, change.at) not in known:
            commitment.history.append(
                CommitmentEvent(
                    status=change.status.value,
                    author=change.author,
                    at=change.at,
                    reason=change.reason,
                    evidence=change.evidence,
                )
            )
    row.commitment = commitment


def move_annotations(session: Session, moved: list[AnnotationRecord]) -> None:
    """Store new places for many annotations at once (re-anchoring touches nothing else).

    One executemany UPDATE; the version still moves on, so an editor holding the old
    version gets a conflict instead of overwriting the new place. Rows of these
    annotations already loaded in the session are expired (their version is stale).
    """
    if not moved:
        return
    for record in moved:
        loaded = session.identity_map.get(identity_key(Annotation, record.id))
        if loaded is not None:
            session.expire(loaded)
    statement = (
        update(Annotation)
        .where(Annotation.id == bindparam("b_id"))
        .values(
            exact=bindparam("b_exact"),
            prefix=bindparam("b_prefix"),
            suffix=bindparam("b_suffix"),
            start=bindparam("b_start"),
            end=bindparam("b_end"),
            text_hash=bindparam("b_hash"),
            anchor_state=bindparam("b_state"),
            previous_exact=bindparam("b_previous"),
            version=Annotation.version + 1,
        )
    )
    session.connection().execute(
        statement,
        [
            {
                "b_id": r.id,
                "b_exact": r.selector.exact,
                "b_prefix": r.selector.prefix,
                "b_suffix": r.selector.suffix,
                "b_start": r.selector.start,
                "b_end": r.selector.end,
                "b_hash": r.text_hash,
                "b_state": r.anchor_state.value,
                "b_previous": r.previous_exact,
            }
            for r in moved
        ],
    )


def _folded(column: Any, dialect: str) -> Any:
    """`column` lower-cased without accents, in SQL (same rule as `domain.folding.fold`)."""
    if dialect == "postgresql":
        return func.unaccent(func.lower(column))
    return getattr(func, FOLD_FUNCTION)(column)


def search_annotations(
    session: Session,
    *,
    text: str = "",
    category: str | None = None,
    tag: str | None = None,
    creator: str | None = None,
    anchor_state: str | None = None,
    question_key: str | None = None,
    limit: int = 5_000,
    offset: int = 0,
) -> tuple[list[AnnotationRecord], int]:
    """Live annotations matching every given filter, newest first, one page of them,
    with the number that match in all.

    The filtering, ordering and paging happen in SQL: the library-wide view opens as fast
    with 50,000 annotations as with 50. Tags and commitments are then read for the page
    only, one query each.
    """
    dialect = session.get_bind().dialect.name
    columns = Annotation.__table__.c
    conditions: list[Any] = [columns.deleted.is_(False)]
    if category is not None:
        conditions.append(columns.category == category)
    if creator is not None:
        conditions.append(columns.creator == creator)
    if anchor_state is not None:
        conditions.append(columns.anchor_state == anchor_state)
    if question_key:
        conditions.append(Question.key == question_key)
    if tag is not None:
        tagged = select(AnnotationTag.annotation_id).join(Tag, Tag.id == AnnotationTag.tag_id)
        conditions.append(columns.id.in_(tagged.where(Tag.name == tag)))
    wanted = fold(text.strip())
    if wanted:
        tagged_like = (
            select(AnnotationTag.annotation_id)
            .join(Tag, Tag.id == AnnotationTag.tag_id)
            .where(_folded(Tag.name, dialect).contains(wanted, autoescape=True))
        )
        conditions.append(
            or_(
                _folded(columns.exact, dialect).contains(wanted, autoescape=True),
                _folded(columns.note, dialect).contains(wanted, autoescape=True),
                columns.id.in_(tagged_like),
            )
        )
    joined = Annotation.__table__.join(Question.__table__, Question.id == columns.question_id)
    total = int(session.scalar(select(func.count()).select_from(joined).where(*conditions)) or 0)
    query = (
        select(Annotation.__table__, Question.key)
        .select_from(joined)
        .where(*conditions)
        .order_by(columns.modified.desc(), columns.id)
        .limit(limit)
        .offset(offset)
    )
    rows = session.execute(query).all()
    ids = [row.id for row in rows]
    tags = tags_by_annotation(session, ids)
    commitments = _commitments_where(session, Annotation.id.in_(ids)) if ids else {}
    records = [
        _from_columns(row, row.key, sorted_tags(tags[row.id]), commitments.get(row.id))
        for row in rows
    ]
    return records, total
