"""Commitments: suggest them, accept or dismiss a suggestion, date them, follow their status.

A commitment is an Engagement highlight of the answer with its follow-up record
(DESIGN §3). Suggestions come from the finder (domain/commitments.py); the ones the
user dismissed stay dismissed after a re-import (remembered by the hash of their
sentence), and the ones already highlighted are not offered twice. Every change names
the annotation version it was based on: AnnotationService refuses a stale save with a
ConflictError, as for any other edit of a highlight.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import (
    COMMITMENT_CATEGORY,
    AnnotationRecord,
    CommitmentRecord,
    CommitmentStatus,
    DatePrecision,
    Part,
    StatusChange,
)
from qe_desktop.domain.commitment_tracking import (
    CommitmentFilter,
    CommitmentRow,
    next_check_for,
    sentence_hash,
)
from qe_desktop.domain.commitments import Suggestion
from qe_desktop.domain.due_dates import find_due_dates, is_past, pick_due_date
from qe_desktop.services.annotations import AnnotationService
from qe_desktop.services.questions import question_by_key
from qe_desktop.services.suggestion_cache import SuggestionCache
from qe_desktop.storage import commitments as store
from qe_desktop.storage.database import Database
from qe_desktop.storage.mapping import display_ministry, record_from_row
from qe_desktop.storage.models import Question
from qe_desktop.storage.types import utcnow

__all__ = [
    "CommitmentFilter",
    "CommitmentRow",
    "CommitmentService",
    "DueProposal",
    "StaleSuggestion",
]


@dataclass(frozen=True, slots=True)
class DueProposal:
    """The due date an Engagement highlight over a passage would get, and where it comes from.

    `suggestion` is the suggested commitment the passage covers (its date wins);
    otherwise `phrase` is the deadline the date grammar read in the passage.
    """

    due: date | None
    precision: DatePrecision
    phrase: str = ""
    suggestion: Suggestion | None = None


class StaleSuggestion(ValueError):
    """The answer changed since the suggestion was made: it no longer points at its sentence."""

    def __init__(self) -> None:
        super().__init__(
            "La réponse a changé depuis cette suggestion : rouvrez la question pour la revoir."
        )


class CommitmentService:
    """Commitments found in answers: suggestions, their statuses and due dates, and follow-up."""

    def __init__(
        self,
        database: Database,
        annotations: AnnotationService,
        user: Callable[[], str],
        today: Callable[[], date] = date.today,
        clock: Callable[[], datetime] = utcnow,
        cache: SuggestionCache | None = None,
    ) -> None:
        self._db = database
        self.cache = cache or SuggestionCache(database)
        self._annotations = annotations
        self._user = user
        self._today = today
        self._clock = clock

    # -- suggestions -------------------------------------------------------------
    def suggestions(self, key: str) -> builtins.list[Suggestion]:
        """The model's suggestions for the answer, minus dismissed and highlighted ones.

        Computes them (loading the French model) when they are not cached: off the GUI
        thread, or once `cached_suggestions` returned None.
        """
        found = self._suggestions(key, compute=True)
        return found or []

    def cached_suggestions(self, key: str) -> builtins.list[Suggestion] | None:
        """Like `suggestions`, from the cache only: None when they still need the model."""
        return self._suggestions(key, compute=False)

    def _suggestions(self, key: str, compute: bool) -> builtins.list[Suggestion] | None:
        with self._db.read() as session:
            question = self._question(session, key)
            answer = question.answer_text or ""
            if not answer:
                return []
            dismissed = store.dismissed_hashes(session, question.key)
            taken = store.engagement_spans(session, question.id)
            answered_on = question.answered_on
        if compute:
            found = self.cache.compute(answer, answered_on)
        else:
            cached = self.cache.cached(answer, answered_on)
            if cached is None:
                return None
            found = cached
        return [
            s
            for s in found
            if sentence_hash(s.sentence) not in dismissed
            and not any(start < s.end and s.start < end for start, end in taken)
        ]

    def dismiss(self, key: str, suggestion: Suggestion) -> bool:
        """Never suggest this sentence again for this question (False: already dismissed)."""
        with self._db.write() as session:
            question = self._question(session, key)
            return store.add_dismissal(
                session,
                question.key,
                sentence_hash(suggestion.sentence),
                suggestion.sentence,
                self._user(),
                self._clock(),
            )

    def accept(
        self,
        key: str,
        suggestion: Suggestion,
        due: date | None = None,
        precision: DatePrecision | None = None,
    ) -> AnnotationRecord:
        """Make a suggestion an Engagement highlight with its commitment ("à vérifier").

        `due` and `precision` replace the finder's date when the user corrected it.
        """
        with self._db.read() as session:
            question = self._question(session, key)
            start, end = _locate(question.answer_text or "", suggestion)
            taken = store.engagement_spans(session, question.id)
            if any(s < end and start < e for s, e in taken):
                raise ValueError("Ce passage est déjà relevé comme engagement.")
            ministry = display_ministry(question)
            answered_on = question.answered_on
        if due is None and precision is None:
            due, precision = suggestion.due, suggestion.precision
        elif precision is None:
            precision = DatePrecision.DAY if due is not None else DatePrecision.VAGUE
        highlight = self._annotations.create(key, Part.ANSWER, start, end, COMMITMENT_CATEGORY)
        commitment = self._found_commitment(Part.ANSWER, answered_on, due, precision, ministry)
        return self._annotations.update(dataclasses.replace(highlight, commitment=commitment))

    def _found_commitment(
        self,
        part: Part,
        answered_on: date | None,
        due: date | None,
        precision: DatePrecision | None,
        ministry: str,
    ) -> CommitmentRecord:
        """A fresh "à vérifier" commitment, its first history line saying where it was found."""
        status = CommitmentStatus.TO_CHECK
        where = "la réponse" if part is Part.ANSWER else "la question"
        reason = f"Engagement relevé dans {where}"
        if answered_on is not None and part is Part.ANSWER:
            from qe_desktop.exporters.citations import day_label  # not loaded by `search`

            reason += f" du {day_label(answered_on)}"
        return CommitmentRecord(
            due_date=due,
            precision=precision or DatePrecision.VAGUE,
            ministry=ministry,
            status=status,
            next_check=next_check_for(status, due, self._today()),
            history=(StatusChange(status, self._user(), self._clock(), reason),),
        )

    # -- highlighting ----------------------------------------------------------------
    def propose_due(self, key: str, part: Part, start: int, end: int) -> DueProposal | None:
        """The due date an Engagement highlight over `start:end` would get (None: no date).

        Over a suggested commitment, the suggestion's date; elsewhere, the date grammar
        run on the selected passage ("d'ici juin 2025" → 30/06/2025), relative to the
        answer's date (the question's for a passage of the question).
        """
        if part is Part.ANSWER:
            covered = [s for s in self.suggestions(key) if s.start < end and start < s.end]
            if covered:
                best = max(covered, key=lambda s: min(end, s.end) - max(start, s.start))
                phrases = [d.phrase for d in find_due_dates(best.sentence, None)]
                return DueProposal(best.due, best.precision, phrases[0] if phrases else "", best)
        with self._db.read() as session:
            question = self._question(session, key)
            text = (question.answer_text or "") if part is Part.ANSWER else question.question_text
            reference = question.answered_on if part is Part.ANSWER else question.published_on
        passage = text[max(0, start) : max(start, end)]
        found = [d for d in find_due_dates(passage, reference) if not is_past(d, reference)]
        picked = pick_due_date(found, passage)
        if picked is None:
            return None
        return DueProposal(picked.due, picked.precision, picked.phrase)

    def highlight(
        self,
        key: str,
        part: Part,
        start: int,
        end: int,
        category: str = COMMITMENT_CATEGORY,
        *,
        note: str = "",
        tags: tuple[str, ...] = (),
        due: date | None = None,
        precision: DatePrecision | None = None,
    ) -> AnnotationRecord:
        """Create a highlight; an Engagement one is a commitment with its due date.

        The window's Ctrl+1 and `qe-desktop annotate … --category engagement` both come
        here: over a suggested commitment the suggestion is accepted with its date,
        elsewhere the date grammar proposes one (`propose_due`). `due`/`precision`
        given by the user win. The highlight and its commitment are one transaction.
        """
        if category != COMMITMENT_CATEGORY:
            return self._annotations.create(key, part, start, end, category, note, tags)
        if due is None and precision is None:
            proposal = self.propose_due(key, part, start, end)
            if proposal is not None:
                due, precision = proposal.due, proposal.precision
        elif precision is None:
            precision = DatePrecision.DAY if due is not None else DatePrecision.VAGUE
        if due is None:
            precision = DatePrecision.VAGUE if precision is None else precision
        with self._db.read() as session:
            question = self._question(session, key)
            ministry = display_ministry(question)
            answered_on = question.answered_on
        commitment = self._found_commitment(part, answered_on, due, precision, ministry)
        return self._annotations.create(
            key, part, start, end, category, note, tags, commitment=commitment
        )

    # -- following -----------------------------------------------------------------
    def set_due(
        self, annotation_id: str, due: date | None, precision: DatePrecision, version: int
    ) -> AnnotationRecord:
        """Correct the due date; the next check follows it while the commitment is open."""
        record = self._annotations.get(annotation_id)
        commitment = record.commitment or self._new_commitment(record)
        changed = dataclasses.replace(
            commitment,
            due_date=due,
            precision=precision if due is not None else DatePrecision.VAGUE,
            next_check=next_check_for(commitment.status, due, self._today()),
        )
        return self._save(record, changed, version)

    def change_status(
        self,
        annotation_id: str,
        status: CommitmentStatus,
        reason: str,
        evidence: str,
        version: int,
    ) -> AnnotationRecord:
        """Record a new status with who, when, why and the evidence (kept in the history)."""
        record = self._annotations.get(annotation_id)
        commitment = record.commitment or self._new_commitment(record)
        change = StatusChange(status, self._user(), self._clock(), reason.strip(), evidence.strip())
        changed = dataclasses.replace(
            commitment,
            status=status,
            evidence=change.evidence or commitment.evidence,
            next_check=next_check_for(status, commitment.due_date, self._today()),
            history=(*commitment.history, change),
        )
        return self._save(record, changed, version)

    def follow_up_draft(self, annotation_id: str) -> str:
        """The text of a follow-up written question about this commitment, ready to edit."""
        record = self._annotations.get(annotation_id)
        with self._db.read() as session:
            question = self._question(session, record.question_key)
            question_record = record_from_row(question)
        from qe_desktop.exporters.follow_up import follow_up_text  # not loaded by `search`

        return follow_up_text(question_record, record, self._today())

    def record(self, annotation_id: str) -> AnnotationRecord:
        """The highlight behind a row, with its commitment and history (for the dialogs)."""
        return self._annotations.get(annotation_id)

    def ministries(self) -> builtins.list[str]:
        """Ministries that made commitments, for the commitments view's filter."""
        with self._db.read() as session:
            return store.commitment_ministries(session)

    def today(self) -> date:
        """The day due dates are judged against (a fixed one in tests)."""
        return self._today()

    # -- helpers ---------------------------------------------------------------------
    def _new_commitment(self, record: AnnotationRecord) -> CommitmentRecord:
        """An Engagement highlight made by hand gets its follow-up record on first use."""
        with self._db.read() as session:
            question = self._question(session, record.question_key)
            ministry = display_ministry(question)
        status = CommitmentStatus.TO_CHECK
        return CommitmentRecord(
            due_date=None,
            ministry=ministry,
            status=status,
            next_check=next_check_for(status, None, self._today()),
        )

    def _save(
        self, record: AnnotationRecord, commitment: CommitmentRecord, version: int
    ) -> AnnotationRecord:
        edited = dataclasses.replace(record, commitment=commitment, version=version)
        return self._annotations.update(edited)

    @staticmethod
    def _question(session: Session, key: str) -> Question:
        return question_by_key(session, key)

    # `list` last: inside the class body, the name would shadow the built-in.
    def list(self, flt: CommitmentFilter | None = None) -> builtins.list[CommitmentRow]:
        """The Commitments view: filtered in SQL, earliest due date first."""
        with self._db.read() as session:
            return store.commitment_rows(session, flt or CommitmentFilter(), self._today())


def _locate(answer: str, suggestion: Suggestion) -> tuple[int, int]:
    """The suggestion's span in the current answer (found again if the text moved)."""
    if answer[suggestion.start : suggestion.end] == suggestion.sentence:
        return suggestion.start, suggestion.end
    start = answer.find(suggestion.sentence)
    if start < 0 or not suggestion.sentence:
        raise StaleSuggestion()
    return start, start + len(suggestion.sentence)
