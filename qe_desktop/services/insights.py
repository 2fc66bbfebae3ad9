"""Insights: answer delays by ministry, copy-paste answers, questions asked twice, related ones.

Figures follow the library's filter. Near-duplicates come from stored text fingerprints
(storage/fingerprints.py): `refresh_fingerprints` brings them up to date incrementally
(only texts that changed), and every lookup confirms its candidates on the current texts.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.insights import (
    Bar,
    MinistryFigures,
    Overview,
    PeriodFigures,
    QuestionFacts,
    keys_in_bar,
    overview,
)
from qe_desktop.domain.portfolios import PortfolioMap
from qe_desktop.domain.similarity import (
    NEAR_IDENTICAL,
    Likeness,
    band_keys_of,
    candidate_pairs,
    distinctive_terms,
    fingerprint,
    group_pairs,
    jaccard,
    likeness,
    rank_related,
)
from qe_desktop.domain.views import QuestionFilter
from qe_desktop.domain.word_diff import DiffPiece, word_diff
from qe_desktop.services.portfolios import load_portfolios
from qe_desktop.services.questions import QuestionNotFound
from qe_desktop.storage import fingerprints as prints
from qe_desktop.storage import insights as store
from qe_desktop.storage.database import Database

Progress = Callable[[int, int], None]  # done, total
Cancelled = Callable[[], bool]
RELATED_COUNT = 5
PARALLEL_FROM = 4_000  # stale texts; fewer are done faster than processes start


@dataclass(frozen=True, slots=True)
class SimilarQuestion:
    """Another question found similar to the one being read."""

    key: str
    score: float  # Jaccard index (duplicates) or related-question score
    title: str
    ministry: str
    published_on: date | None

    @property
    def likeness(self) -> Likeness | None:
        """Whether the score makes the question identical or near-identical, or merely related."""
        return likeness(self.score)


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Questions whose answers (or questions) are near-identical to one another."""

    keys: tuple[str, ...]
    ministry: str  # the most frequent one
    title: str  # of the most recent question
    lowest_score: float


def _never() -> bool:
    return False


BandComputer = Callable[[Sequence[str | None]], list[tuple[int, ...] | None]]


def _serial_bands(texts: Sequence[str | None]) -> list[tuple[int, ...] | None]:
    return [None if text is None else fingerprint(text).bands for text in texts]


@contextmanager
def _band_computer(workers: int) -> Iterator[BandComputer]:
    """Fingerprinting is pure CPU: with several workers, texts are split across processes
    (spawned, not forked: the window's threads must not be copied into a child).
    """
    if workers <= 1:
        yield _serial_bands
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:

        def compute(texts: Sequence[str | None]) -> list[tuple[int, ...] | None]:
            present = [text for text in texts if text is not None]
            step = max(1, -(-len(present) // workers))
            chunks = [present[i : i + step] for i in range(0, len(present), step)]
            computed = iter([keys for chunk in pool.map(band_keys_of, chunks) for keys in chunk])
            return [None if text is None else next(computed) for text in texts]

        yield compute


class InsightsService:
    """Figures of the Analyses view and similar questions, from fingerprints kept up to date."""

    def __init__(
        self,
        database: Database,
        today: Callable[[], date] = date.today,
        portfolios: PortfolioMap | None = None,
    ) -> None:
        self._db = database
        self._today = today
        self._portfolios = portfolios
        self._portfolio_of: dict[str, str] = {}

    @property
    def portfolios(self) -> PortfolioMap:
        """Ministries grouped under their portfolio, read when first needed."""
        if self._portfolios is None:  # read when first needed: the window starts sooner
            self._portfolios = load_portfolios()
        return self._portfolios

    def _facts(self, flt: QuestionFilter | None) -> list[QuestionFacts]:
        """The filtered questions, each under its ministry's portfolio (raw name kept)."""
        with self._db.read() as session:
            facts = store.question_facts(session, flt or QuestionFilter(), self._today())
        grouped = self._portfolio_of
        for name in {fact.ministry for fact in facts} - grouped.keys():
            grouped[name] = self.portfolios.portfolio_of(name)
        return [
            dataclasses.replace(fact, ministry=grouped[fact.ministry], raw_ministry=fact.ministry)
            for fact in facts
        ]

    # -- figures ---------------------------------------------------------------------------
    def overview(self, flt: QuestionFilter | None = None) -> Overview:
        """Every figure of the Analyses view for one filter, ministries grouped by portfolio."""
        return overview(self._facts(flt))

    def stats(self, flt: QuestionFilter | None = None) -> list[MinistryFigures]:
        """Per ministry: questions, answered, median delay, share within the deadline."""
        return list(self.overview(flt).ministries)

    def monthly(self, flt: QuestionFilter | None = None) -> list[PeriodFigures]:
        """Questions per month (per year over long spans), answered versus unanswered."""
        return list(self.overview(flt).periods)

    def overdue_by_ministry(self, flt: QuestionFilter | None = None) -> list[tuple[str, int]]:
        """Overdue questions per ministry, most first, for the overdue chart."""
        return [(m.ministry, m.overdue) for m in self.overview(flt).overdue]

    def keys_for(self, bar: Bar, flt: QuestionFilter | None = None) -> list[str]:
        """The questions a bar counts (same filter, same rules), most recent first."""
        return keys_in_bar(self._facts(flt), bar)

    # -- fingerprints ----------------------------------------------------------------------
    def stale_fingerprints(self) -> int:
        """Texts whose fingerprint is missing or out of date, to show what is left to refresh."""
        with self._db.read() as session:
            return len(prints.stale_texts(session))

    def refresh_fingerprints(
        self,
        progress: Progress | None = None,
        cancelled: Cancelled = _never,
        workers: int | None = None,
    ) -> int:
        """Fingerprint the texts that changed since last time; one transaction per batch.

        A big first run (a library imported before this feature, a new scheme) computes
        on every core (`workers`, default: all of them from `PARALLEL_FROM` texts on).
        Returns how many texts were fingerprinted.
        """
        with self._db.read() as session:
            stale = prints.stale_texts(session)
        if not stale:
            return 0
        if workers is None:
            workers = (os.cpu_count() or 1) if len(stale) >= PARALLEL_FROM else 1
        done = 0
        with _band_computer(workers) as compute:
            size = prints.BATCH * max(workers, 1)
            for start in range(0, len(stale), size):
                if cancelled():
                    break
                batch = stale[start : start + size]
                with self._db.read() as session:
                    texts = prints.texts_of(session, batch)
                bands = compute(texts)
                with self._db.write() as session:
                    prints.store_fingerprints(session, batch, bands)
                done += len(batch)
                if progress is not None:
                    progress(done, len(stale))
        return done

    def _question_id(self, key: str) -> int:
        """The question's id, its own fingerprints brought up to date first."""
        with self._db.read() as session:
            question_id = store.id_of(session, key)
            if question_id is None:
                raise QuestionNotFound(key)
            stale = prints.stale_texts(session, {question_id})
        if stale:
            with self._db.write() as session:
                prints.write_fingerprints(session, stale)
        return question_id

    # -- near-duplicates -------------------------------------------------------------------
    def duplicate_answers(self, key: str) -> list[SimilarQuestion]:
        """Questions whose answer is identical or near-identical to this one's."""
        return self._duplicates(key, Part.ANSWER)

    def duplicate_questions(self, key: str) -> list[SimilarQuestion]:
        """Questions asking the same thing in (nearly) the same words (several MPs)."""
        return self._duplicates(key, Part.QUESTION)

    def _duplicates(self, key: str, part: Part) -> list[SimilarQuestion]:
        question_id = self._question_id(key)
        with self._db.read() as session:
            neighbours = prints.band_neighbours(session, question_id, part)
            if not neighbours:
                return []
            found = prints.fingerprints_of(session, [question_id, *neighbours], part)
            target = found.get(question_id)
            if target is None or not target.comparable:
                return []
            scores = {
                n: jaccard(target.shingles, found[n].shingles) for n in neighbours if n in found
            }
            kept = {n: s for n, s in scores.items() if s >= NEAR_IDENTICAL}
            summaries = store.summaries(session, kept)
        similar = [
            SimilarQuestion(summaries[n][0], round(s, 4), *summaries[n][1:])
            for n, s in kept.items()
            if n in summaries
        ]
        similar.sort(key=lambda q: (-q.score, q.key))
        return similar

    def duplicate_groups(
        self,
        flt: QuestionFilter | None = None,
        part: Part = Part.ANSWER,
        cancelled: Cancelled = _never,
    ) -> list[DuplicateGroup]:
        """Groups of near-identical answers (or questions) among the filtered questions.

        Stale fingerprints are refreshed first; biggest groups first.
        """
        self.refresh_fingerprints(cancelled=cancelled)
        flt = flt or QuestionFilter()
        with self._db.read() as session:
            bands = prints.all_bands(session, part)
            if flt != QuestionFilter():
                allowed = store.filtered_ids(session, flt, self._today())
                bands = {qid: keys for qid, keys in bands.items() if qid in allowed}
            pairs = candidate_pairs(bands)
            involved = {qid for pair in pairs for qid in pair}
            found = prints.fingerprints_of(session, involved, part)
            confirmed = []
            for first, second in pairs:
                if cancelled():
                    return []
                score = jaccard(found[first].shingles, found[second].shingles)
                if score >= NEAR_IDENTICAL:
                    confirmed.append((first, second, score))
            groups = group_pairs(confirmed)
            summaries = store.summaries(session, {qid for group in groups for qid in group})
        lowest: dict[frozenset[int], float] = {}
        for first, second, score in confirmed:
            lowest[frozenset((first, second))] = score
        result = []
        for group in groups:
            members = [summaries[qid] for qid in group if qid in summaries]
            members.sort(key=lambda m: (m[3] or date.min, m[0]), reverse=True)
            ministries = Counter(m[2] for m in members)
            inside = set(group)
            scores = [s for pair, s in lowest.items() if pair <= inside]
            result.append(
                DuplicateGroup(
                    keys=tuple(m[0] for m in members),
                    ministry=ministries.most_common(1)[0][0] if ministries else "",
                    title=members[0][1] if members else "",
                    lowest_score=round(min(scores), 4) if scores else 1.0,
                )
            )
        return result

    def answer_diff(
        self, first_key: str, second_key: str, part: Part = Part.ANSWER
    ) -> list[DiffPiece]:
        """Word-level differences between two questions' answers (or question texts)."""
        with self._db.read() as session:
            texts = store.texts_by_key(session, [first_key, second_key], part)
        for key in (first_key, second_key):
            if key not in texts:
                raise QuestionNotFound(key)
        return word_diff(texts[first_key] or "", texts[second_key] or "")

    # -- related questions -----------------------------------------------------------------
    def related(self, key: str, limit: int = RELATED_COUNT) -> list[SimilarQuestion]:
        """The questions closest in subject: shared words, same rubrique, same ministry."""
        question_id = self._question_id(key)
        with self._db.read() as session:
            target = store.topic_texts(session, [question_id]).get(question_id)
            if target is None:
                return []
            terms = distinctive_terms(target.text)
            pool = dict.fromkeys(
                [
                    *prints.band_neighbours(session, question_id, Part.QUESTION),
                    *store.search_candidates(session, terms, question_id),
                    *store.same_rubrique(session, target.rubrique, question_id),
                ]
            )
            texts = store.topic_texts(session, pool)
            ranked = rank_related(target, list(texts.values()), limit)
            ids_by_key = {t.key: qid for qid, t in texts.items()}
            summaries = store.summaries(session, [ids_by_key[r.key] for r in ranked])
        return [
            SimilarQuestion(r.key, r.score, *summaries[ids_by_key[r.key]][1:])
            for r in ranked
            if ids_by_key[r.key] in summaries
        ]


def similarity_json(insights: InsightsService, key: str) -> dict[str, Any]:
    """The `show --json` additions: keys of near-identical answers and questions, and of
    the most related questions (fingerprints refreshed first, only what changed).
    """
    insights.refresh_fingerprints()
    return {
        "duplicate_answers": [q.key for q in insights.duplicate_answers(key)],
        "duplicate_questions": [q.key for q in insights.duplicate_questions(key)],
        "related": [q.key for q in insights.related(key)],
    }


def figures_json(figures: MinistryFigures) -> dict[str, Any]:
    """One ministry in `stats --json` (the share is a fraction, 0.25 = 25 %)."""
    share = figures.share_in_time
    return {
        "ministry": figures.ministry,
        "names": list(figures.names),
        "questions": figures.questions,
        "answered": figures.answered,
        "median_delay_days": figures.median_delay,
        "due": figures.due,
        "answered_within_deadline": figures.in_time,
        "share_within_deadline": None if share is None else round(share, 4),
        "overdue": figures.overdue,
    }
