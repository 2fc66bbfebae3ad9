"""Answer coverage: compute once per text version, cache, list, and turn gaps into Élusions.

The NLP (seconds to load, tens of milliseconds per question afterwards) runs only when a
result for the current texts is not cached. The window asks `cached()` on the GUI thread
and `compute()` from a worker; the library's background job calls `fill()`.
"""

from __future__ import annotations

import builtins
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import AnnotationRecord, Part
from qe_desktop.domain.commitment_tracking import sentence_hash
from qe_desktop.domain.coverage import (
    Addressed,
    Coverage,
    DemandCoverage,
    coverage_from_payload,
    coverage_to_payload,
    texts_key,
)
from qe_desktop.services.annotations import AnnotationService
from qe_desktop.services.questions import question_by_key
from qe_desktop.storage import commitments as dismissals
from qe_desktop.storage import coverage as store
from qe_desktop.storage.coverage import CoverageLine
from qe_desktop.storage.database import Database
from qe_desktop.storage.models import Annotation, CoverageCache, Question
from qe_desktop.storage.types import utcnow

__all__ = ["CoverageLine", "CoverageService", "ShareRow"]

ELUSION_CATEGORY = "elusion"
_DISMISS_PREFIX = "coverage-demand:"


@dataclass(frozen=True, slots=True)
class ShareRow:
    """Share of fully answered demands in one group (a ministry, a year)."""

    label: str
    demands: int
    answered: int

    @property
    def share(self) -> float:
        """Fraction of demands fully answered; 0.0 when the group has none."""
        return self.answered / self.demands if self.demands else 0.0


class CoverageService:
    """How far answers address their question's demands, cached and summarised."""

    def __init__(
        self, database: Database, annotations: AnnotationService, user: Callable[[], str]
    ) -> None:
        self._db = database
        self._annotations = annotations
        self._user = user

    @staticmethod
    def model_loaded() -> bool:
        """Whether computing is cheap now (the French pipeline is in memory)."""
        from qe_desktop.nlp.pipeline import is_loaded

        return is_loaded()

    def cached(self, key: str) -> Coverage | None:
        """The cached result for the question's current texts, or None (never computes)."""
        question_text, answer_text = self._texts(key)
        if not answer_text:
            return Coverage()
        with self._db.read() as session:
            payload = store.cached_payload(session, *texts_key(question_text, answer_text))
        return None if payload is None else coverage_from_payload(payload)

    def compute(self, key: str) -> Coverage:
        """The coverage of the question's current texts: cached, else computed and cached."""
        found = self.cached(key)
        if found is not None:
            return found
        question_text, answer_text = self._texts(key)
        return self._analyse_and_store(question_text, answer_text)

    def fill(
        self,
        batch: int = 50,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Analyse every answered question not yet cached; returns how many were analysed."""
        with self._db.read() as session:
            total = store.pending_count(session)
        done = 0
        while done < total and not (cancelled and cancelled()):
            with self._db.read() as session:
                todo = store.pending(session, batch)
            if not todo:
                break
            for item in todo:
                if cancelled and cancelled():
                    return done
                self._analyse_and_store(item.question_text, item.answer_text)
                done += 1
                if progress:
                    progress(done, total)
        return done

    def pending(self) -> int:
        """How many answered questions have no coverage for their current texts."""
        with self._db.read() as session:
            return store.pending_count(session)

    def lines(self, ministry: str | None = None) -> builtins.list[CoverageLine]:
        """Coverage of each answered question, optionally for one ministry only."""
        with self._db.read() as session:
            return store.lines(session, ministry)

    def share_by_ministry(self) -> builtins.list[ShareRow]:
        """Share of fully answered demands per ministry."""
        with self._db.read() as session:
            rows = store.share_by_ministry(session)
        return [ShareRow(m or "—", d, a) for m, d, a in rows]

    def share_by_year(self) -> builtins.list[ShareRow]:
        """Share of fully answered demands per year of answer, to see the trend."""
        with self._db.read() as session:
            query = (
                select(Question.answered_on, CoverageCache.demands, CoverageCache.answered)
                .join(CoverageCache, store.join_condition())
                .where(CoverageCache.demands > 0)
            )
            totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for answered_on, demands, answered in session.execute(query):
                year = str(answered_on.year) if answered_on else "—"
                totals[year][0] += demands
                totals[year][1] += answered
        return [ShareRow(year, d, a) for year, (d, a) in sorted(totals.items())]

    def elusions(self, key: str, coverage: Coverage) -> builtins.list[DemandCoverage]:
        """Unanswered demands to offer as Élusion highlights (minus dismissed and taken)."""
        gaps = [d for d in coverage.demands if d.addressed is Addressed.NO]
        if not gaps:
            return []
        with self._db.read() as session:
            question = self._question(session, key)
            dismissed = dismissals.dismissed_hashes(session, question.key)
            taken = [
                (a.start, a.end)
                for a in session.scalars(
                    select(Annotation).where(
                        Annotation.question_id == question.id,
                        Annotation.part == Part.QUESTION.value,
                        Annotation.category == ELUSION_CATEGORY,
                    )
                )
            ]
        return [
            d
            for d in gaps
            if _digest(d) not in dismissed
            and not any(s < d.demand.end and d.demand.start < e for s, e in taken)
        ]

    def accept_elusion(self, key: str, demand: DemandCoverage) -> AnnotationRecord:
        """Highlight the unanswered demand in the question as an Élusion."""
        note = "Demande restée sans réponse (suggestion de couverture)."
        return self._annotations.create(
            key, Part.QUESTION, demand.demand.start, demand.demand.end, ELUSION_CATEGORY, note
        )

    def dismiss_elusion(self, key: str, demand: DemandCoverage) -> bool:
        """Stop offering this unanswered demand as an Élusion; False if already dismissed."""
        with self._db.write() as session:
            question = self._question(session, key)
            return dismissals.add_dismissal(
                session, question.key, _digest(demand), demand.demand.text, self._user(), utcnow()
            )

    def _analyse_and_store(self, question_text: str, answer_text: str) -> Coverage:
        from qe_desktop.nlp.coverage import analyze_coverage

        coverage = analyze_coverage(question_text, answer_text)
        question_hash, answer_hash = texts_key(question_text, answer_text)
        with self._db.write() as session:
            store.store(
                session, question_hash, answer_hash, coverage, coverage_to_payload(coverage)
            )
        return coverage

    def _texts(self, key: str) -> tuple[str, str]:
        with self._db.read() as session:
            question = self._question(session, key)
            return question.question_text or "", question.answer_text or ""

    @staticmethod
    def _question(session: Session, key: str) -> Question:
        return question_by_key(session, key)


def _digest(demand: DemandCoverage) -> str:
    return sentence_hash(_DISMISS_PREFIX + demand.demand.text)
