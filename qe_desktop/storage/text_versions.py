"""Text versions on disk: one row per distinct text of a question's part, with its state.

Writes happen inside the import's transaction (and savepoint), so a question and its
versions are always written together; new questions of a bulk import get their
versions with one executemany per chunk.

The current text is not written twice: its row holds the hash, id and source, and
its text is read from the question (`text` stays empty). The text is copied into
the row when it stops being current, in the transaction that replaces it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.text import text_hash
from qe_desktop.domain.text_versions import HoldReason, TextVersion, VersionState
from qe_desktop.storage.models import Question, TextVersionRow
from qe_desktop.storage.types import utcnow

T = TextVersionRow


def new_version_rows(
    question_id: int, values: dict[str, Any], now: datetime
) -> list[dict[str, Any]]:
    """Rows of the current versions of a question just inserted (from its column values)."""
    rows = []
    for part, column, digest in (
        (Part.QUESTION, "question_text", "question_hash"),
        (Part.ANSWER, "answer_text", "answer_hash"),
    ):
        text = values.get(column) or ""
        if text:
            rows.append(
                {
                    "question_id": question_id,
                    "part": part.value,
                    "text": "",  # the question holds the current text
                    "text_hash": values.get(digest) or text_hash(text),
                    "source": (values.get("source_file") or "")[:500],
                    "imported_at": now,
                    "state": VersionState.CURRENT.value,
                    "reason": "",
                }
            )
    return rows


def insert_versions(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many version rows with one executemany (the bulk import's path)."""
    if rows:
        session.connection().execute(insert(T), list(rows))


def _find(session: Session, question_id: int, part: Part, digest: str) -> TextVersionRow | None:
    return session.scalar(
        select(T).where(T.question_id == question_id, T.part == part.value, T.text_hash == digest)
    )


def _current(session: Session, question_id: int, part: Part) -> list[TextVersionRow]:
    return list(
        session.scalars(
            select(T).where(
                T.question_id == question_id,
                T.part == part.value,
                T.state == VersionState.CURRENT.value,
            )
        )
    )


def _put(
    session: Session,
    question_id: int,
    part: Part,
    text: str,
    source: str,
    state: VersionState,
    now: datetime,
    reason: str = "",
) -> TextVersionRow:
    digest = text_hash(text)
    row = _find(session, question_id, part, digest)
    stored = "" if state is VersionState.CURRENT else text  # current: in the question
    if row is None:
        row = T(
            question_id=question_id,
            part=part.value,
            text=stored,
            text_hash=digest,
            source=source[:500],
            imported_at=now,
            state=state.value,
            reason=reason,
        )
        session.add(row)
    else:
        row.state = state.value
        row.reason = reason
        row.text = stored
    session.flush()
    return row


def record_change(
    session: Session,
    question_id: int,
    part: Part,
    old_text: str,
    new_text: str,
    source: str,
    now: datetime | None = None,
) -> None:
    """`new_text` becomes the current text of the part; the text it replaces is kept."""
    now = now or utcnow()
    old_hash = text_hash(old_text)
    for row in _current(session, question_id, part):
        row.state = VersionState.EARLIER.value
        if not row.text and row.text_hash == old_hash:
            row.text = old_text  # no longer in the question: kept here
    if old_text:  # a text held before versions existed, or written by another path
        old = _find(session, question_id, part, text_hash(old_text))
        if old is None:
            _put(session, question_id, part, old_text, "", VersionState.EARLIER, now)
    if new_text:
        _put(session, question_id, part, new_text, source, VersionState.CURRENT, now)


def hold(
    session: Session,
    question_id: int,
    part: Part,
    text: str,
    source: str,
    reason: HoldReason,
    now: datetime | None = None,
) -> bool:
    """Store a suspicious update as pending; False when the user already rejected it."""
    row = _find(session, question_id, part, text_hash(text))
    if row is not None and row.state == VersionState.REJECTED.value:
        return False  # the user said no: not offered again
    _put(session, question_id, part, text, source, VersionState.PENDING, now or utcnow(), reason)
    return True


def versions_of(session: Session, question_id: int) -> list[TextVersion]:
    """Every version of a question's texts, newest first within each part."""
    found = session.execute(
        select(Question.key, Question.question_text, Question.answer_text).where(
            Question.id == question_id
        )
    ).first()
    if found is None:
        return []
    key, question, answer = found
    shown = {Part.QUESTION.value: question or "", Part.ANSWER.value: answer or ""}
    query = (
        select(T)
        .where(T.question_id == question_id)
        .order_by(T.part, T.imported_at.desc(), T.id.desc())
    )
    return [to_version(row, key, shown[row.part]) for row in session.scalars(query)]


def to_version(row: TextVersionRow, key: str, shown: str = "") -> TextVersion:
    """A row as a record; `shown` is the question's text of that part (the current one)."""
    current = row.state == VersionState.CURRENT.value
    return TextVersion(
        id=row.id,
        question_key=key,
        part=Part(row.part),
        text=shown if current and not row.text else row.text,
        text_hash=row.text_hash,
        source=row.source,
        imported_at=row.imported_at,
        state=VersionState(row.state),
        reason=row.reason,
    )


def get_row(session: Session, version_id: int) -> TextVersionRow | None:
    """One version row by its id."""
    return session.get(T, version_id)


def pending_count(session: Session) -> int:
    """How many updates wait for the user's decision."""
    query = select(T.id).where(T.state == VersionState.PENDING.value)
    return len(session.scalars(query).all())
