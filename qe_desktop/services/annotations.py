"""Highlights, notes and tags: create, edit, recolour, delete (as tombstones), re-anchor.

Every save names the version it was based on; if someone else saved in between,
the save is refused with a ConflictError carrying the current version, so the
window can show both and let the user choose. Nothing is ever overwritten silently.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from qe_desktop.domain.anchoring import reanchor_records
from qe_desktop.domain.annotation import (
    AnchorState,
    AnnotationRecord,
    Category,
    CommitmentRecord,
    Part,
    Selector,
    sorted_tags,
)
from qe_desktop.domain.text import text_hash
from qe_desktop.storage import annotations as store
from qe_desktop.storage.categories import list_categories, update_category
from qe_desktop.storage.database import Database
from qe_desktop.storage.models import Annotation, Question, QuestionNote, Tag
from qe_desktop.storage.questions import UpsertResult, get_by_key, refresh_notes_text
from qe_desktop.storage.types import utcnow


class ConflictError(RuntimeError):
    """Someone else saved this item since it was loaded; `current` is their version."""

    def __init__(self, current: AnnotationRecord | str | None) -> None:
        super().__init__("Cet élément a été modifié entre-temps par quelqu'un d'autre.")
        self.current = current


class AnnotationNotFound(LookupError):
    """No annotation with this id: deleted meanwhile, or by a colleague."""

    pass


@dataclass(frozen=True, slots=True)
class AnnotationFilter:
    """The library-wide annotations view: every field narrows the list."""

    text: str = ""
    category: str | None = None
    tag: str | None = None
    creator: str | None = None
    anchor_state: AnchorState | None = None
    question_key: str | None = None


class AnnotationService:
    """Create, edit, tag and delete annotations, signed by the current user."""

    def __init__(
        self,
        database: Database,
        user: Callable[[], str],
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._db = database
        self._user = user
        self._clock = clock

    # -- reading ---------------------------------------------------------------
    def for_question(self, key: str) -> list[AnnotationRecord]:
        """The annotations of a question, for the reading pane's highlights and side list."""
        with self._db.read() as session:
            question = self._question(session, key)
            return store.annotations_of(session, question.id)

    def get(self, annotation_id: str) -> AnnotationRecord:
        """One annotation as stored now, to edit it from its latest version."""
        with self._db.read() as session:
            return self._record(session, annotation_id)

    def search(
        self, flt: AnnotationFilter, limit: int = 5_000, offset: int = 0
    ) -> list[AnnotationRecord]:
        """Live annotations matching the filter, newest first (one page of them)."""
        return self.search_page(flt, limit, offset)[0]

    def search_page(
        self, flt: AnnotationFilter, limit: int = 5_000, offset: int = 0
    ) -> tuple[list[AnnotationRecord], int]:
        """One page of the matching annotations, and how many match in all."""
        with self._db.read() as session:
            return store.search_annotations(
                session,
                text=flt.text,
                category=flt.category,
                tag=flt.tag,
                creator=flt.creator,
                anchor_state=flt.anchor_state.value if flt.anchor_state else None,
                question_key=flt.question_key,
                limit=limit,
                offset=offset,
            )

    def tags(self) -> list[str]:
        """Every tag in use, sorted, for the tag completer."""
        with self._db.read() as session:
            return list(sorted_tags(session.scalars(select(Tag.name))))

    def creators(self) -> list[str]:
        """Who wrote the live annotations, for "Mes annotations / Toute l'équipe / par collègue".

        "Mine" is `AnnotationFilter(creator=<current user>)`, the team is `creator=None`.
        """
        with self._db.read() as session:
            query = (
                select(Annotation.creator)
                .where(Annotation.deleted.is_(False))
                .distinct()
                .order_by(Annotation.creator)
            )
            return [str(name) for name in session.scalars(query)]

    def categories(self) -> tuple[Category, ...]:
        """The annotation categories of the palette, in order."""
        with self._db.read() as session:
            return list_categories(session)

    def update_category(self, name: str, label: str, color: str) -> None:
        """Rename or recolour a category of the palette."""
        with self._db.write() as session:
            update_category(session, name, label=label, color=color)

    # -- writing ---------------------------------------------------------------
    def create(
        self,
        key: str,
        part: Part,
        start: int,
        end: int,
        category: str,
        note: str = "",
        tags: tuple[str, ...] = (),
        commitment: CommitmentRecord | None = None,
    ) -> AnnotationRecord:
        """Highlight a passage of a question or answer, with its category, note and tags."""
        with self._db.write() as session:
            question = self._question(session, key)
            text = self._part_text(question, part)
            if start >= end:
                raise ValueError("Sélectionnez un passage du texte avant de le surligner.")
            now = self._clock()
            record = AnnotationRecord(
                id=uuid.uuid4().hex,
                question_key=question.key,
                part=part,
                selector=Selector.from_span(text, start, end),
                category=category,
                text_hash=text_hash(text),
                creator=self._user(),
                created=now,
                modified=now,
                note=note,
                tags=tuple(tags),
                commitment=commitment,
            )
            store.write_record(session, question.id, record)
            refresh_notes_text(session, [question.id])
            return self._record(session, record.id)

    def update(self, edited: AnnotationRecord) -> AnnotationRecord:
        """Save an edited record (note, tags, category, commitment...).

        `edited.version` must be the version it was loaded at.
        """
        try:
            with self._db.write() as session:
                row = self._row(session, edited.id)
                if row.version != edited.version:
                    raise ConflictError(self._record(session, edited.id))
                changed = dataclasses.replace(edited, modified=self._clock())
                store.write_record(session, row.question_id, changed)
                refresh_notes_text(session, [row.question_id])
                return self._record(session, edited.id)
        except StaleDataError:  # a colleague saved between our check and our write
            raise ConflictError(self.get(edited.id)) from None

    def delete(self, annotation_id: str, version: int) -> AnnotationRecord:
        """Delete as a tombstone (so the deletion travels with exports and sync)."""
        current = self.get(annotation_id)
        return self.update(dataclasses.replace(current, deleted=True, version=version))

    def restore(self, record: AnnotationRecord) -> AnnotationRecord:
        """Put back an earlier state of an annotation (undo), whatever happened since."""
        with self._db.write() as session:
            row = session.get(Annotation, record.id)
            question = self._question(session, record.question_key)
            state = dataclasses.replace(record, modified=self._clock())
            if row is not None:
                state = dataclasses.replace(state, version=row.version)
            store.write_record(session, question.id, state)
            refresh_notes_text(session, [question.id])
            return self._record(session, record.id)

    def reattach(self, annotation_id: str, start: int, end: int) -> AnnotationRecord:
        """Give an orphan (or a note to review) a new place chosen by the user."""
        with self._db.write() as session:
            row = self._row(session, annotation_id)
            question = session.get_one(Question, row.question_id)
            text = self._part_text(question, Part(row.part))
            record = self._record(session, annotation_id)
            placed = dataclasses.replace(
                record,
                selector=Selector.from_span(text, start, end),
                text_hash=text_hash(text),
                anchor_state=AnchorState.ANCHORED,
                previous_exact=None,
                modified=self._clock(),
            )
            store.write_record(session, question.id, placed)
            return self._record(session, annotation_id)

    def confirm(self, annotation_id: str) -> AnnotationRecord:
        """The user checked a re-anchored note: it is anchored again."""
        record = self.get(annotation_id)
        return self.update(
            dataclasses.replace(record, anchor_state=AnchorState.ANCHORED, previous_exact=None)
        )

    # -- question note -----------------------------------------------------------
    def question_note(self, key: str) -> tuple[str, int]:
        """The free note of a question and its version (0 when there is none yet)."""
        with self._db.read() as session:
            question = self._question(session, key)
            note = session.get(QuestionNote, question.id)
            return (note.text, note.version) if note else ("", 0)

    def save_question_note(self, key: str, text: str, version: int) -> int:
        """Save the free note; returns the new version. Refuses a stale save."""
        try:
            with self._db.write() as session:
                question = self._question(session, key)
                note = session.get(QuestionNote, question.id)
                current_version = note.version if note else 0
                if current_version != version:
                    raise ConflictError(note.text if note else "")
                if note is None:
                    note = QuestionNote(question_id=question.id)
                    session.add(note)
                note.text = text
                note.author = self._user()
                note.modified = self._clock()
                session.flush()
                refresh_notes_text(session, [question.id])
                return note.version
        except (StaleDataError, IntegrityError):  # a colleague saved it first
            raise ConflictError(self.question_note(key)[0]) from None

    # -- re-anchoring after an import ----------------------------------------------
    def reanchor_after_import(self, session: Session, result: UpsertResult) -> None:
        """Import hook: move the annotations of a question whose texts changed.

        Each changed text is prepared once for all its annotations, and the new places
        are written with one bulk UPDATE: 10,000 notes re-anchor in seconds.
        """
        if not (result.question_text_changed or result.answer_text_changed):
            return
        records = store.placements_of(session, result.question_id)
        if not records:
            return
        texts = session.execute(
            select(Question.question_text, Question.answer_text).where(
                Question.id == result.question_id
            )
        ).one()
        moved: list[AnnotationRecord] = []
        for part, text in ((Part.QUESTION, texts[0]), (Part.ANSWER, texts[1] or "")):
            digest = text_hash(text)
            stale = [
                r
                for r in records
                if r.part is part
                and (r.text_hash != digest or r.anchor_state is AnchorState.ORPHAN)
            ]
            if stale:
                placed = reanchor_records(stale, text)
                moved.extend(new for old, new in zip(stale, placed, strict=True) if new != old)
        store.move_annotations(session, moved)

    # -- helpers ---------------------------------------------------------------------
    @staticmethod
    def _part_text(question: Question, part: Part) -> str:
        return question.question_text if part is Part.QUESTION else question.answer_text or ""

    @staticmethod
    def _question(session: Session, key: str) -> Question:
        question = get_by_key(session, key)
        if question is None:
            raise AnnotationNotFound(f"Aucune question « {key} » dans la bibliothèque.")
        return question

    @staticmethod
    def _row(session: Session, annotation_id: str) -> Annotation:
        row = session.get(Annotation, annotation_id)
        if row is None:
            raise AnnotationNotFound(annotation_id)
        return row

    def _record(self, session: Session, annotation_id: str) -> AnnotationRecord:
        row = self._row(session, annotation_id)
        key = session.get_one(Question, row.question_id).key
        tags = store.tags_by_annotation(session, [annotation_id])[annotation_id]
        return store.to_record(row, key, tags)
