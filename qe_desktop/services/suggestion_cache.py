"""Commitment suggestions per answer text: from the cache, else from the French model.

The model (spaCy + weights) takes seconds to load, so the reader asks `cached()` first,
which never loads it; when nothing is cached it asks `compute()` off the GUI thread.
`fill()` is the background pass that computes every answer of the library not cached
yet, a batch at a time (cancellable), so later openings are instant.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.domain.commitments import Suggestion
from qe_desktop.domain.text import text_hash
from qe_desktop.storage import suggestion_cache as store
from qe_desktop.storage.database import Database
from qe_desktop.storage.types import utcnow

Finder = Callable[[str, date | None], list[Suggestion]]
BatchFinder = Callable[[list[tuple[str, date | None]]], list[list[Suggestion]]]
Progress = Callable[[int, int], None]


def _model_finder(text: str, answered_on: date | None) -> list[Suggestion]:
    from qe_desktop.nlp.commitments import suggest_commitments

    return suggest_commitments(text, answered_on)


_default_finder = _model_finder
CHUNK = 8  # answers parsed in one spaCy batch; a reader's request waits one chunk at most


def _default_batch(answers: list[tuple[str, date | None]]) -> list[list[Suggestion]]:
    from qe_desktop.nlp.commitments import suggest_many

    return suggest_many(answers)


def _default_version() -> str:
    from qe_desktop.nlp.commitments import model_version

    return model_version()


def to_json(suggestions: list[Suggestion]) -> str:
    """Suggestions as the JSON stored in the cache."""
    return json.dumps(
        [
            {
                "start": s.start,
                "end": s.end,
                "sentence": s.sentence,
                "due": s.due.isoformat() if s.due else None,
                "precision": s.precision.value,
                "confidence": s.confidence,
                "cues": list(s.cues),
                "kind": s.kind,
                "explanation": s.explanation,
            }
            for s in suggestions
        ],
        ensure_ascii=False,
    )


def from_json(payload: str) -> list[Suggestion]:
    """Suggestions back from the JSON stored in the cache."""
    items: list[dict[str, Any]] = json.loads(payload)
    return [
        Suggestion(
            start=int(i["start"]),
            end=int(i["end"]),
            sentence=str(i["sentence"]),
            due=date.fromisoformat(i["due"]) if i["due"] else None,
            precision=DatePrecision(i["precision"]),
            confidence=float(i["confidence"]),
            cues=tuple(i["cues"]),
            kind=str(i["kind"]),
            explanation=str(i["explanation"]),
        )
        for i in items
    ]


class SuggestionCache:
    """Commitment suggestions computed once per answer text and kept until the finder changes."""

    def __init__(
        self,
        database: Database,
        finder: Finder | None = None,
        version: Callable[[], str] | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._db = database
        # Looked up now, not at import: tests swap the module's defaults.
        self._finder = finder if finder is not None else _default_finder
        self._batch: BatchFinder | None = (
            _default_batch if finder is None and _default_finder is _model_finder else None
        )
        self._version = version if version is not None else _default_version
        self._clock = clock

    @staticmethod
    def model_loaded() -> bool:
        """True once the French pipeline is in memory (computing is then quick)."""
        from qe_desktop.nlp import pipeline

        return pipeline.is_loaded()

    @staticmethod
    def load_model() -> None:
        """Load the pipeline now (call it off the GUI thread)."""
        from qe_desktop.nlp import pipeline

        pipeline.french()

    def cached(self, answer: str, answered_on: date | None) -> list[Suggestion] | None:
        """The cached suggestions of this text, or None (never loads the model)."""
        with self._db.read() as session:
            payload = store.cached(
                session, text_hash(answer), store.reference_of(answered_on), self._version()
            )
        return None if payload is None else from_json(payload)

    def compute(self, answer: str, answered_on: date | None) -> list[Suggestion]:
        """Cached suggestions, else computed (loading the model if needed) and cached."""
        found = self.cached(answer, answered_on)
        if found is not None:
            return found
        found = self._finder(answer, answered_on)
        row = (text_hash(answer), store.reference_of(answered_on), self._version(), to_json(found))
        with self._db.write() as session:
            store.store(session, [row], self._clock())
        return found

    def _find(self, answers: list[tuple[str, date | None]]) -> list[list[Suggestion]]:
        if self._batch is not None:
            return self._batch(answers)
        return [self._finder(text, on) for text, on in answers]

    def fill(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        batch: int = 100,
    ) -> int:
        """Compute every answer not cached yet; returns how many were computed."""
        version = self._version()
        with self._db.read() as session:
            total = store.count_answers(session)
        done = 0
        last_id = 0
        while not (cancelled and cancelled()):
            with self._db.read() as session:
                todo = store.uncached_answers(session, version, last_id, batch)
            if not todo:
                break
            rows = []
            for chunk_start in range(0, len(todo), CHUNK):
                if cancelled and cancelled():
                    break
                chunk = todo[chunk_start : chunk_start + CHUNK]
                found = self._find([(answer, on) for _, _, answer, on in chunk])
                for (question_id, digest, _, answered_on), suggestions in zip(
                    chunk, found, strict=True
                ):
                    payload = to_json(suggestions)
                    rows.append((digest, store.reference_of(answered_on), version, payload))
                    last_id = question_id
            with self._db.write() as session:
                store.store(session, rows, self._clock())
            done += len(rows)
            if progress is not None:
                progress(done, total)
        return done
