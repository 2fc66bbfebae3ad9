"""The one free note of a question."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qe_desktop.storage.models import QuestionNote


def note_of(session: Session, question_id: int) -> str:
    """The note on a question, "" when there is none."""
    text = session.scalar(select(QuestionNote.text).where(QuestionNote.question_id == question_id))
    return text or ""
