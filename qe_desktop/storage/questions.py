"""Question storage: upsert by natural identity, and the notes text kept beside each question."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.question import Chamber, QuestionRecord, question_key
from qe_desktop.domain.text_versions import HeldText, judge_update
from qe_desktop.storage import text_versions as versions
from qe_desktop.storage.mapping import apply_record, merge_records, record_from_row
from qe_desktop.storage.models import Annotation, Question, QuestionNote
from qe_desktop.storage.outcome import Outcome as Outcome  # re-exported: its former home
from qe_desktop.storage.outcome import UpsertResult as UpsertResult
from qe_desktop.storage.types import utcnow


def find_existing(session: Session, record: QuestionRecord) -> Question | None:
    """The stored question this record describes, by the strongest identity available."""
    if record.uid:
        found = session.scalar(select(Question).where(Question.uid == record.uid))
        if found:
            return found
    found = session.scalar(select(Question).where(Question.key == question_key(record)))
    if found:
        return found
    if record.number and record.legislature:
        found = session.scalar(
            select(Question).where(
                Question.chamber == record.chamber.value,
                Question.legislature == record.legislature,
                Question.number == record.number,
                Question.qtype == record.qtype,
            )
        )
        if found:
            return found
    if record.url:
        found = session.scalar(select(Question).where(Question.url == record.url))
        if found:
            return found
    if record.chamber is Chamber.SENAT and record.published_on and record.author.name:
        candidates = session.scalars(
            select(Question).where(
                Question.chamber == record.chamber.value,
                Question.author_name == record.author.name,
                Question.published_on == record.published_on,
            )
        ).all()
        for candidate in candidates:
            same_page = (candidate.question_page or "") == (record.question_page or "")
            numbers_agree = not (candidate.number and record.number) or (
                candidate.number.lstrip("0") == record.number.lstrip("0")
            )
            if same_page and numbers_agree:
                return candidate
    return None


def upsert_question(session: Session, record: QuestionRecord) -> UpsertResult:
    """Insert or update one question; an identical re-import changes nothing.

    Every text replaced is kept as an earlier version; an update that looks like
    damage (`judge_update`) is stored as a pending version and not applied.
    """
    existing = find_existing(session, record)
    if existing is None:
        row = Question()
        apply_record(row, record, question_key(record))
        row.imported_at = utcnow()
        session.add(row)
        session.flush()
        values = {c: getattr(row, c) for c in ("question_text", "answer_text", "source_file")}
        versions.insert_versions(session, versions.new_version_rows(row.id, values, utcnow()))
        return UpsertResult(row.id, row.key, Outcome.IMPORTED, new_answer=bool(row.answer_text))
    old = record_from_row(existing)
    merged = merge_records(old, record)
    if merged.content_hash == existing.content_hash:
        return UpsertResult(existing.id, existing.key, Outcome.UNCHANGED)
    merged, held = _hold_suspicious(session, existing, old, merged, record)
    if merged.content_hash == existing.content_hash:
        return UpsertResult(existing.id, existing.key, Outcome.UNCHANGED, held=held)
    had_answer = bool(existing.answer_text) or bool(existing.answered)
    old_question, old_answer = existing.question_text, existing.answer_text or ""
    apply_record(existing, merged, existing.key)
    existing.imported_at = utcnow()
    session.flush()
    new_question, new_answer = existing.question_text, existing.answer_text or ""
    for part, before, after in (
        (Part.QUESTION, old_question, new_question),
        (Part.ANSWER, old_answer, new_answer),
    ):
        if before != after:
            versions.record_change(session, existing.id, part, before, after, record.source)
    return UpsertResult(
        existing.id,
        existing.key,
        Outcome.UPDATED,
        # An answer date alone (the Sénat's CSV) is news too; its text arriving later is not.
        new_answer=bool(existing.answered) and not had_answer,
        question_text_changed=old_question != new_question,
        answer_text_changed=old_answer != new_answer,
        held=held,
    )


def _hold_suspicious(
    session: Session,
    existing: Question,
    old: QuestionRecord,
    merged: QuestionRecord,
    record: QuestionRecord,
) -> tuple[QuestionRecord, tuple[HeldText, ...]]:
    """Keep the stored text of each part whose update looks like damage (DESIGN §4)."""
    erratum = bool(record.erratum) and record.erratum != old.erratum
    held: list[HeldText] = []
    for part, before, after in (
        (Part.QUESTION, old.question_text, merged.question_text),
        (Part.ANSWER, old.answer_text or "", merged.answer_text or ""),
    ):
        reason = judge_update(
            before,
            after,
            old_source=old.source,
            new_source=record.source,
            erratum=erratum,
        )
        if reason is None:
            continue
        if versions.hold(session, existing.id, part, after, record.source, reason):
            held.append(HeldText(part, after, reason))
        field = "question_text" if part is Part.QUESTION else "answer_text"
        merged = dataclasses.replace(merged, **{field: before})  # type: ignore[arg-type]
    if held:  # the stored texts still come from the old source
        merged = dataclasses.replace(merged, source=old.source)
    return merged, tuple(held)


def get_by_key(session: Session, key: str) -> Question | None:
    """The question row with this key, or None."""
    return session.scalar(select(Question).where(Question.key == key))


def refresh_notes_text(session: Session, question_ids: Sequence[int]) -> None:
    """Recompute the searchable notes text and annotation count of some questions."""
    for question_id in set(question_ids):
        notes = session.scalars(
            select(Annotation.note).where(
                Annotation.question_id == question_id,
                Annotation.deleted.is_(False),
                Annotation.note != "",
            )
        ).all()
        count = session.scalar(
            select(func.count(Annotation.id)).where(
                Annotation.question_id == question_id, Annotation.deleted.is_(False)
            )
        )
        free_note = session.scalar(
            select(QuestionNote.text).where(QuestionNote.question_id == question_id)
        )
        row = session.get(Question, question_id)
        if row is None:  # pragma: no cover - deleted meanwhile
            continue
        row.notes_text = "\n".join([*(notes or []), free_note or ""]).strip()
        row.annotation_count = int(count or 0)
