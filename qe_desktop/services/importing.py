"""Importing files, folders, archives and pasted text into the library.

Each question is written inside its own savepoint and committed in chunks: a
crash or a Cancel never leaves half a question, and a bad file never stops the
batch. Failures are collected with the file name and a French reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session

from qe_desktop.domain.deputy import DeputyRecord
from qe_desktop.domain.question import Chamber, QuestionRecord, question_key
from qe_desktop.importers.dispatch import parse_item
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.sources import SkippedEntry, SourceItem, count_sources, iter_sources
from qe_desktop.storage.database import Database
from qe_desktop.storage.deputies import deputies_for, upsert_deputy
from qe_desktop.storage.questions import (
    KnownQuestions,
    Outcome,
    UpsertResult,
    insert_new,
    known_questions,
    upsert_question,
)

CHUNK_SIZE = 500

ProgressCallback = Callable[[int, int | None, str], None]
CancelCheck = Callable[[], bool]
AfterUpsert = Callable[[Session, UpsertResult], None]


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    reason: str


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    new_answers: int = 0
    deputies: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    cancelled: bool = False

    def add_failure(self, failure: ImportFailure) -> None:
        if isinstance(failure, SkippedEntry):
            self.skipped.append(Failure(failure.source, failure.reason))
        else:
            self.failures.append(Failure(failure.source, failure.reason))

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures

    def count(self, result: UpsertResult) -> None:
        if result.outcome is Outcome.IMPORTED:
            self.imported += 1
        elif result.outcome is Outcome.UPDATED:
            self.updated += 1
        else:
            self.unchanged += 1
        if result.new_answer and result.outcome is Outcome.UPDATED:
            self.new_answers += 1
        self.keys.append(result.key)

    def summary(self) -> str:
        text = (
            f"{self.imported} importée(s), {self.updated} mise(s) à jour, "
            f"{self.unchanged} inchangée(s), {self.failed} en échec"
        )
        if self.new_answers:
            text += f" — {self.new_answers} nouvelle(s) réponse(s)"
        if self.deputies:
            text += f" — {self.deputies} député(s)"
        if self.cancelled:
            text += " (import interrompu)"
        return text


def _no_progress(done: int, total: int | None, name: str) -> None:
    return None


def _never() -> bool:
    return False


class ImportService:
    def __init__(
        self,
        database: Database,
        after_upsert: Sequence[AfterUpsert] = (),
        before_bulk: Callable[[], object] | None = None,
    ) -> None:
        self._db = database
        self._after_upsert = list(after_upsert)
        self._before_bulk = before_bulk

    def add_after_upsert(self, hook: AfterUpsert) -> None:
        """Called inside the question's savepoint after it was inserted or changed
        (re-anchoring annotations, attaching annotations that waited for it)."""
        self._after_upsert.append(hook)

    def import_paths(
        self,
        paths: Sequence[Path],
        progress: ProgressCallback = _no_progress,
        cancelled: CancelCheck = _never,
    ) -> ImportReport:
        if self._before_bulk is not None:
            self._before_bulk()  # a backup: a bulk import must always be undoable
        total = count_sources(paths)
        return self._run(iter_sources(paths), total, progress, cancelled)

    def import_items(self, items: Sequence[SourceItem]) -> ImportReport:
        """Import in-memory files (bundled samples, drops from other apps)."""
        return self._run(items, len(items), _no_progress, _never)

    def import_text(self, text: str, source: str = "presse-papiers") -> ImportReport:
        """Import one question pasted from the clipboard (page text of either chamber)."""
        item = SourceItem(name=source, data=text.encode("utf-8"))
        return self._run([item], 1, _no_progress, _never)

    def _run(
        self,
        items: Iterable[SourceItem | ImportFailure],
        total: int | None,
        progress: ProgressCallback,
        cancelled: CancelCheck,
    ) -> ImportReport:
        report = ImportReport()
        pending: list[QuestionRecord | DeputyRecord] = []
        done = 0
        for item in items:
            if cancelled():
                report.cancelled = True
                break
            done += 1
            if isinstance(item, ImportFailure):
                report.add_failure(item)
                continue
            progress(done, total, item.name)
            for parsed in parse_item(item):
                if isinstance(parsed, ImportFailure):
                    report.add_failure(parsed)
                    continue
                pending.append(parsed)
                if len(pending) >= CHUNK_SIZE:
                    self._store(pending, report)
                    pending = []
                    if cancelled():
                        break
        self._store(pending, report)
        progress(done, total, "")
        return report

    def _store(self, records: list[QuestionRecord | DeputyRecord], report: ImportReport) -> None:
        """One transaction per chunk.

        Questions whose stored content hash equals theirs are counted unchanged without
        being read; new AN questions go in with one statement; the rest one by one, each
        in its own savepoint.
        """
        if not records:
            return
        with self._db.write() as session:
            deputies = [r for r in records if isinstance(r, DeputyRecord)]
            questions = self._named([r for r in records if isinstance(r, QuestionRecord)], session)
            for deputy in deputies:
                self._guarded(session, deputy, report, partial(self._store_deputy, session, deputy))
            fresh, others = self._sort(known_questions(session, questions), questions, report)
            if fresh:
                try:
                    with session.begin_nested():
                        results = insert_new(session, fresh)
                        for result in results:
                            self._run_hooks(session, result)
                except Exception:  # fall back to one savepoint per question
                    others = fresh + others
                else:
                    for result in results:
                        report.count(result)
            for question in others:
                self._guarded(
                    session, question, report, partial(self._store_one, session, question)
                )

    @staticmethod
    def _guarded(
        session: Session,
        record: QuestionRecord | DeputyRecord,
        report: ImportReport,
        action: Callable[[], UpsertResult | None],
    ) -> None:
        """Run one write in its own savepoint; count it only once it is in."""
        try:
            with session.begin_nested():
                result = action()
        except Exception as error:  # one bad record never spoils the chunk
            report.failures.append(Failure(_source_of(record), f"enregistrement : {error}"))
            return
        if result is None:
            report.deputies += 1
        else:
            report.count(result)

    @staticmethod
    def _store_deputy(session: Session, deputy: DeputyRecord) -> None:
        upsert_deputy(session, deputy)

    @staticmethod
    def _sort(
        known: KnownQuestions, questions: list[QuestionRecord], report: ImportReport
    ) -> tuple[list[QuestionRecord], list[QuestionRecord]]:
        """Count the unchanged questions; return (new AN questions, questions to upsert).

        A record whose hash equals the stored one would merge into the same content,
        so it is unchanged. A question met twice in the chunk is upserted the second
        time (in order), never judged on the state before the chunk.
        """
        fresh: list[QuestionRecord] = []
        others: list[QuestionRecord] = []
        seen: set[str] = set()
        for record in questions:
            key = question_key(record)
            names = {key, record.uid or key}
            repeated = not names.isdisjoint(seen)
            seen.update(names)
            stored = known.find(record)
            if repeated:
                others.append(record)
            elif stored is None:
                bulk = record.uid and record.chamber is Chamber.AN
                (fresh if bulk else others).append(record)
            elif stored.content_hash == record.content_hash:
                report.count(UpsertResult(stored.question_id, stored.key, Outcome.UNCHANGED))
            else:
                others.append(record)
        return fresh, others

    @staticmethod
    def _named(questions: list[QuestionRecord], session: Session) -> list[QuestionRecord]:
        """Put deputies' names on AN questions that only carry their acteurRef."""
        refs = {q.author.ref for q in questions if q.author.ref and not q.author.name}
        known = deputies_for(session, refs) if refs else {}
        if not known:
            return questions
        named = []
        for question in questions:
            deputy = known.get(question.author.ref)
            if deputy is not None and not question.author.name:
                author = dataclasses.replace(
                    question.author, name=deputy.full_name, civility=deputy.civility
                )
                question = dataclasses.replace(question, author=author)
            named.append(question)
        return named

    def _store_one(self, session: Session, record: QuestionRecord) -> UpsertResult:
        result = upsert_question(session, record)
        self._run_hooks(session, result)
        return result

    def _run_hooks(self, session: Session, result: UpsertResult) -> None:
        if result.outcome is not Outcome.UNCHANGED:
            for hook in self._after_upsert:
                hook(session, result)


def _source_of(record: QuestionRecord | DeputyRecord) -> str:
    return record.source if isinstance(record, QuestionRecord) else record.ref
