"""Text versions of a question: list them, compare them, apply or reject a held update.

An import that looked like damage stored its text as a pending version
(`storage.questions.upsert_question`); the user decides here, from the window or
`qe-desktop versions KEY --apply ID | --reject ID`. Applying is one transaction:
the text, its hashes, the versions' states and the annotations' new places are
written together, so a crash leaves the old version or the new one, never a mix.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import AnnotationRecord, Part
from qe_desktop.domain.text_versions import TextVersion, VersionState
from qe_desktop.domain.word_diff import DiffPiece, word_diff
from qe_desktop.services.questions import QuestionNotFound
from qe_desktop.storage import text_versions as store
from qe_desktop.storage.database import Database
from qe_desktop.storage.mapping import apply_record, record_from_row
from qe_desktop.storage.models import Question
from qe_desktop.storage.questions import Outcome, UpsertResult, get_by_key
from qe_desktop.storage.types import utcnow

AfterChange = Callable[[Session, UpsertResult], None]


class VersionNotFound(LookupError):
    """No such text version for that question."""

    def __init__(self, key: str, version_id: int) -> None:
        super().__init__(f"Aucune version n° {version_id} pour la question « {key} ».")


class VersionService:
    """Earlier and held texts of a question: list, compare, apply, reject."""

    def __init__(self, database: Database, after_change: Sequence[AfterChange] = ()) -> None:
        self._db = database
        self._after_change = list(after_change)

    def versions(self, key: str) -> list[TextVersion]:
        """Every version of the question's texts, newest first within each part."""
        with self._db.read() as session:
            return store.versions_of(session, self._question(session, key).id)

    def pending(self, key: str) -> list[TextVersion]:
        """The updates of a question waiting for the user's decision."""
        return [v for v in self.versions(key) if v.state is VersionState.PENDING]

    def current(self, key: str, part: Part) -> TextVersion | None:
        """The version shown now for a part (what annotations and caches key on)."""
        return next(
            (v for v in self.versions(key) if v.part is part and v.state is VersionState.CURRENT),
            None,
        )

    def version_of(self, annotation: AnnotationRecord) -> TextVersion | None:
        """The text an annotation was placed on (its own version, even an earlier one)."""
        return next(
            (
                v
                for v in self.versions(annotation.question_key)
                if v.part is annotation.part and v.text_hash == annotation.text_hash
            ),
            None,
        )

    def diff(self, key: str, version_id: int) -> list[DiffPiece]:
        """Word differences from the current text of its part to this version."""
        versions = self.versions(key)
        chosen = next((v for v in versions if v.id == version_id), None)
        if chosen is None:
            raise VersionNotFound(key, version_id)
        current = next(
            (v for v in versions if v.part is chosen.part and v.state is VersionState.CURRENT),
            None,
        )
        return word_diff(current.text if current else "", chosen.text)

    def apply(self, key: str, version_id: int) -> TextVersion:
        """Make a pending (or earlier, or rejected) version the current text."""
        with self._db.write() as session:
            question = self._question(session, key)
            row = store.get_row(session, version_id)
            if row is None or row.question_id != question.id:
                raise VersionNotFound(key, version_id)
            part = Part(row.part)
            before = question.question_text if part is Part.QUESTION else question.answer_text
            if row.state == VersionState.CURRENT.value:
                return store.to_version(row, question.key, before or "")
            text, source = row.text, row.source
            old = record_from_row(question)
            if part is Part.QUESTION:
                record = dataclasses.replace(old, question_text=text)
            else:
                record = dataclasses.replace(old, answer_text=text)
            apply_record(question, record, question.key)
            question.imported_at = utcnow()
            session.flush()
            store.record_change(session, question.id, part, before or "", text, source)
            result = UpsertResult(
                question.id,
                question.key,
                Outcome.UPDATED,
                question_text_changed=part is Part.QUESTION,
                answer_text_changed=part is Part.ANSWER,
            )
            for hook in self._after_change:  # annotations move to the text now shown
                hook(session, result)
            session.refresh(row)
            return store.to_version(row, question.key, text)

    def reject(self, key: str, version_id: int) -> TextVersion:
        """Refuse a held update: kept (reachable), never applied, not offered again."""
        with self._db.write() as session:
            question = self._question(session, key)
            row = store.get_row(session, version_id)
            if row is None or row.question_id != question.id:
                raise VersionNotFound(key, version_id)
            if row.state != VersionState.PENDING.value:
                raise ValueError(
                    f"La version n° {version_id} n'attend pas de décision (état : {row.state})."
                )
            row.state = VersionState.REJECTED.value
            session.flush()
            return store.to_version(row, question.key)

    def pending_count(self) -> int:
        """How many held updates the library has, for the status bar."""
        with self._db.read() as session:
            return store.pending_count(session)

    @staticmethod
    def _question(session: Session, key: str) -> Question:
        question = get_by_key(session, key)
        if question is None:
            raise QuestionNotFound(key)
        return question
