"""Importing files, folders, archives and pasted text into the library.

Each question is written inside its own savepoint and committed in chunks: a
crash or a Cancel never leaves half a question, and a bad file never stops the
batch. Failures are collected with the file name and a French reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from qe_desktop.domain.deputy import DeputyRecord
from qe_desktop.domain.question import QuestionRecord
from qe_desktop.importers.dispatch import parse_item
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.sources import SkippedEntry, SourceItem, count_sources, iter_sources
from qe_desktop.storage.database import Database
from qe_desktop.storage.deputies import deputy_for, upsert_deputy
from qe_desktop.storage.questions import Outcome, UpsertResult, upsert_question

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
        if not records:
            return
        with self._db.write() as session:
            for record in records:
                try:
                    with session.begin_nested():
                        self._store_one(session, record, report)
                except Exception as error:  # one bad record never spoils the chunk
                    report.failures.append(Failure(_source_of(record), f"enregistrement : {error}"))

    def _store_one(
        self, session: Session, record: QuestionRecord | DeputyRecord, report: ImportReport
    ) -> None:
        if isinstance(record, DeputyRecord):
            upsert_deputy(session, record)
            report.deputies += 1
            return
        if record.author.ref and not record.author.name:
            deputy = deputy_for(session, record.author.ref)
            if deputy is not None:
                author = dataclasses.replace(
                    record.author, name=deputy.full_name, civility=deputy.civility
                )
                record = dataclasses.replace(record, author=author)
        result = upsert_question(session, record)
        if result.outcome is not Outcome.UNCHANGED:
            for hook in self._after_upsert:
                hook(session, result)
        report.count(result)


def _source_of(record: QuestionRecord | DeputyRecord) -> str:
    return record.source if isinstance(record, QuestionRecord) else record.ref
