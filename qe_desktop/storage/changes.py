"""A cheap fingerprint of everything colleagues can change, polled to refresh the window.

Counts catch additions, sums of row versions catch every edit and tombstone (even when
clocks disagree), the newest timestamps say when. One round trip, no table scan beyond
the small annotation/note tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qe_desktop.storage.models import Annotation, CommitmentEvent, Question, QuestionNote


@dataclass(frozen=True, slots=True)
class DataVersion:
    """Equal fingerprints: nothing changed in between (as far as the window shows)."""

    questions: int = 0
    newest_question_id: int = 0
    last_import: datetime | None = None
    annotations: int = 0
    annotation_edits: int = 0
    last_annotation: datetime | None = None
    notes: int = 0
    note_edits: int = 0
    last_note: datetime | None = None
    status_changes: int = 0

    @property
    def last_change(self) -> datetime | None:
        """When anything in the library last changed: an import, an annotation or a note."""
        moments = [m for m in (self.last_import, self.last_annotation, self.last_note) if m]
        return max(moments, default=None)


def data_version(session: Session) -> DataVersion:
    """Counts and last edits in one query, to tell cheaply whether views must reload."""
    query = select(
        select(func.count(Question.id)).scalar_subquery(),
        select(func.coalesce(func.max(Question.id), 0)).scalar_subquery(),
        select(func.max(Question.imported_at)).scalar_subquery(),
        select(func.count(Annotation.id)).scalar_subquery(),
        select(func.coalesce(func.sum(Annotation.version), 0)).scalar_subquery(),
        select(func.max(Annotation.modified)).scalar_subquery(),
        select(func.count(QuestionNote.question_id)).scalar_subquery(),
        select(func.coalesce(func.sum(QuestionNote.version), 0)).scalar_subquery(),
        select(func.max(QuestionNote.modified)).scalar_subquery(),
        select(func.count(CommitmentEvent.id)).scalar_subquery(),
    )
    row = session.execute(query).one()  # max() keeps the column type: aware UTC datetimes
    return DataVersion(
        questions=int(row[0]),
        newest_question_id=int(row[1]),
        last_import=row[2],
        annotations=int(row[3]),
        annotation_edits=int(row[4]),
        last_annotation=row[5],
        notes=int(row[6]),
        note_edits=int(row[7]),
        last_note=row[8],
        status_changes=int(row[9]),
    )
