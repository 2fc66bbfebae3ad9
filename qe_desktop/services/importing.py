"""Importing files, folders, archives and pasted text into the library.

Each question is written inside its own savepoint and committed in chunks: a
crash or a Cancel never leaves half a question, and a bad file never stops the
batch. Failures are collected with the file name and a French reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterable, Sequence
from contextlib import closing
from functools import partial
from pathlib import Path
from time import perf_counter

from sqlalchemy.orm import Session

from qe_desktop.domain.deputy import DeputyRecord, OrganeRecord
from qe_desktop.domain.question import Chamber, QuestionRecord
from qe_desktop.importers.entries import KnownEntries
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.sources import SourceItem, count_sources, iter_sources
from qe_desktop.services.disk import space_warning
from qe_desktop.services.entry_ledger import EntryLedger
from qe_desktop.services.import_chunks import DEFAULT_CHUNK_SIZE, FIRST_CHUNK, chunk_limit
from qe_desktop.services.import_history import ImportHistory
from qe_desktop.services.import_reading import Input, Read, read_inputs, with_deputy_name
from qe_desktop.services.import_report import Failure, HeldUpdate, ImportReport
from qe_desktop.services.import_start import PROCESS_MIN_ITEMS, StartedReading, is_large
from qe_desktop.services.read_ahead import read_ahead
from qe_desktop.services.read_in_process import ReadingProcesses, read_in_process
from qe_desktop.storage.bulk import (
    ANALYZE_AFTER,
    KnownQuestions,
    insert_new,
    known_questions,
    library_is_empty,
    refresh_statistics,
)
from qe_desktop.storage.database import Database
from qe_desktop.storage.deputies import (
    deputies_for,
    known_deputies,
    upsert_deputy,
    upsert_organe,
)
from qe_desktop.storage.disk import is_disk_full
from qe_desktop.storage.import_entries import known_entries, store_entries
from qe_desktop.storage.prepared import PreparedQuestion, prepare
from qe_desktop.storage.questions import Outcome, UpsertResult, upsert_question

logger = logging.getLogger(__name__)

CHUNK_SIZE = DEFAULT_CHUNK_SIZE  # questions per transaction (`import_chunks`; tests lower it)
READ_AHEAD = 2 * CHUNK_SIZE  # records and markers parsed ahead of the writer
LOGGED_FAILURES = 200  # one line each in the log; a broken dump says the rest in a count
_AN, _SENAT = Chamber.AN.value, Chamber.SENAT.value  # compared for every question

ProgressCallback = Callable[[int, int | None, str], None]
CancelCheck = Callable[[], bool]
AfterUpsert = Callable[[Session, UpsertResult], None]
__all__ = ["Failure", "HeldUpdate", "ImportReport", "ImportService"]


def _no_progress(done: int, total: int | None, name: str) -> None:
    return None


def _never() -> bool:
    return False


class ImportService:
    """Read AN and Sénat files and store their questions, after a backup."""

    def __init__(
        self,
        database: Database,
        after_upsert: Sequence[AfterUpsert] = (),
        before_bulk: Callable[[], object] | None = None,
        process_min_items: int | None = None,
        before_change: Callable[[], object] | None = None,
    ) -> None:
        self._db = database
        self._history = ImportHistory(database)
        self._after_upsert = list(after_upsert)
        self._before_bulk = before_bulk
        self._before_change = before_change
        self._process_min_items = process_min_items
        self._unsynced = False
        self._first = False  # no question stored when the import started
        self._written: set[str] = set()  # keys and uids met by this import (a first load)
        self._backup_due = False  # the backup before a bulk import, taken before its first write
        self._backed_up = False  # that backup was taken during this import
        self._entries: KnownEntries = {}
        self._ledger = EntryLedger()

    def import_paths(
        self,
        paths: Sequence[Path],
        progress: ProgressCallback = _no_progress,
        cancelled: CancelCheck = _never,
        started: StartedReading | None = None,
    ) -> ImportReport:
        """Import files, folders and archives; large imports are read in another process
        (`started` already, by `import_start.start_reading`, for these very paths).
        """
        logger.info("Import of %s", ", ".join(map(str, paths))[:2000])
        reads: Generator[Read, None, None] | ReadingProcesses
        if started is not None and started.paths == tuple(map(Path, paths)):
            self._entries, total, reads = started.entries, started.total, started.reads
        else:
            if started is not None:
                started.close()
            self._entries = self._known_entries(paths)
            total = count_sources(paths)
            if self._large(paths, total):
                reads = read_in_process(paths, self._known_deputies(), known=self._entries)
            else:
                reads = self._read(iter_sources(paths, self._entries))
        self._first = self._is_empty()
        self._unsynced = self._first and self._db.dialect == "sqlite"
        # A library holding no question yet has nothing an import could damage.
        self._backup_due = self._before_bulk is not None and not self._first
        try:
            with closing(reads), self._history.recording([str(p) for p in paths]) as report:
                return report.fill(self._run(reads, total, progress, cancelled))
        finally:
            self._backup_due, self._entries, self._first = False, {}, False
            self._backed_up = False
            self._written.clear()
            if self._unsynced:
                self._unsynced = False
                self._db.flush_to_disk()

    def _known_entries(self, paths: Sequence[Path]) -> KnownEntries:
        """The stored entries of the archives named (unchanged ones are skipped unread)."""
        archives = [Path(p).name for p in paths if Path(p).suffix.lower() == ".zip"]
        if not archives:
            return {}
        with self._db.read() as session:
            return known_entries(session, archives)

    def _back_up_before_writing(self, records: Sequence[object]) -> None:
        """The backup of a bulk import, taken before the first chunk that changes anything:
        a re-import that finds everything unchanged copies nothing (a 1 GB library).
        """
        if not self._backup_due or self._before_bulk is None:
            return
        questions = [r for r in records if isinstance(r, PreparedQuestion)]
        if len(questions) == len(records):
            with self._db.read() as session:
                known = known_questions(session, questions)
            if all(
                (stored := known.find(q)) is not None and stored.content_hash == q.content_hash
                for q in questions
            ):
                return
        made = self._before_bulk()  # a full disk stops the import (`_store_or_stop`)
        self._backup_due, self._backed_up = False, made is not None

    def _is_empty(self) -> bool:
        """Whether this is a first load: no question stored yet.

        Its questions need no look-up but those met earlier in the same import
        (`_known`), and on SQLite it commits without waiting for the disk: a killed
        process loses nothing (the operating system holds the writes); a power cut
        could lose the library being created, never older data. The log is written
        to the file and synced at the end.
        """
        with self._db.read() as session:
            return library_is_empty(session)

    def _known(self, session: Session, questions: list[PreparedQuestion]) -> KnownQuestions:
        """The stored questions a chunk may update. In a first load only those written
        earlier by this import can be: the others are not looked up (Sénat questions
        always are: they are matched by number, address, or author and day).
        """
        if not self._first:
            return known_questions(session, questions)
        written = self._written
        maybe = [
            q
            for q in questions
            if q.key in written or (q.uid is not None and q.uid in written) or q.chamber != _AN
        ]
        for question in questions:
            written.add(question.key)
            if question.uid:
                written.add(question.uid)
        return known_questions(session, maybe) if maybe else KnownQuestions({}, {})

    def space_warning(self, paths: Sequence[Path]) -> str | None:
        """Warn before a bulk import when the disk obviously lacks room for it."""
        return space_warning(self._db.path, paths)

    def import_items(
        self,
        items: Sequence[SourceItem],
        progress: ProgressCallback = _no_progress,
        cancelled: CancelCheck = _never,
    ) -> ImportReport:
        """Import in-memory files (bundled samples, drops from other apps, changed entries)."""
        names = [item.name for item in items]
        with closing(reads := self._read(items)), self._history.recording(names) as report:
            return report.fill(self._run(reads, len(items), progress, cancelled))

    def import_text(self, text: str, source: str = "presse-papiers") -> ImportReport:
        """Import one question pasted from the clipboard (page text of either chamber)."""
        item = SourceItem(name=source, data=text.encode("utf-8"))
        with closing(reads := self._read([item])), self._history.recording([source]) as report:
            return report.fill(self._run(reads, 1, _no_progress, _never))

    def _known_deputies(self) -> dict[str, DeputyRecord]:
        with self._db.read() as session:
            return dict(known_deputies(session))

    def _read(self, items: Iterable[SourceItem | ImportFailure]) -> Generator[Read, None, None]:
        """Inputs parsed in a worker thread, ahead of the writer."""
        return read_ahead(read_inputs(items, self._known_deputies()), depth=READ_AHEAD)

    def _large(self, paths: Sequence[Path], total: int | None) -> bool:
        """Whether parsing deserves a process of its own (a legislature, not a page)."""
        least = PROCESS_MIN_ITEMS if self._process_min_items is None else self._process_min_items
        return is_large(paths, total, least)

    def _run(
        self,
        reads: Iterable[Read],
        total: int | None,
        progress: ProgressCallback,
        cancelled: CancelCheck,
    ) -> ImportReport:
        """Inputs are read and parsed ahead (thread or process) while chunks are written here."""
        report = ImportReport()
        started = perf_counter()
        ledger = self._ledger = EntryLedger()
        pending: list[PreparedQuestion | DeputyRecord | OrganeRecord] = []
        done = chunks = 0
        least = min(FIRST_CHUNK, CHUNK_SIZE)  # no chunk is smaller (but the last)
        name, read_in_input = "", 0  # the input being read, and the records it gave so far
        for step in reads:
            if isinstance(step, Input):
                if cancelled():
                    report.cancelled = True
                    break
                done, name, read_in_input = step.done, step.name, 0
                ledger.reached(step, report, progress, total)
            elif isinstance(step, ImportFailure):
                report.add_failure(step)
            else:
                pending.append(step)
                read_in_input += 1
                if isinstance(step, PreparedQuestion):
                    ledger.question()
                if len(pending) >= least and len(pending) >= _chunk_limit(chunks, done, total):
                    if not self._store_or_stop(pending, report):
                        return report
                    pending, chunks = [], chunks + 1
                    if read_in_input >= CHUNK_SIZE:  # one file holding a whole legislature
                        progress(done, None, f"{name} — {read_in_input} question(s) lue(s)")
                    if cancelled():
                        report.cancelled = True
                        break
        else:
            ledger.finish(len(report.failures))
        if not self._store_or_stop(pending, report):
            return report
        if report.imported + report.updated >= ANALYZE_AFTER:
            with self._db.write() as session:
                refresh_statistics(session)
        progress(done, total, "")
        _log_report(report, perf_counter() - started)
        return report

    def _store_or_stop(
        self, records: list[PreparedQuestion | DeputyRecord | OrganeRecord], report: ImportReport
    ) -> bool:
        """Write a chunk; on a full disk, forget its counts and say the import stopped.

        The chunk's transaction was rolled back: the library holds the chunks before
        it, whole, and nothing of this one.
        """
        mark = report.checkpoint()
        try:
            self._store(records, report)
        except Exception as error:
            if not is_disk_full(error):
                raise
            report.rollback(mark)
            report.disk_full = True
            return False
        return True

    def _store(
        self, records: list[PreparedQuestion | DeputyRecord | OrganeRecord], report: ImportReport
    ) -> None:
        """One transaction per chunk.

        Questions whose stored content hash equals theirs are counted unchanged without
        being read; new AN questions go in with one statement; the rest one by one, each
        in its own savepoint.
        """
        mark = len(report.failures)
        if not records and not self._ledger.pending:
            return
        self._back_up_before_writing(records)
        with self._db.write(unsynced=self._unsynced) as session:
            for organe in (r for r in records if isinstance(r, OrganeRecord)):
                upsert_organe(session, organe)  # a group's name: nothing to count
            deputies = [r for r in records if isinstance(r, DeputyRecord)]
            for deputy in deputies:
                self._guarded(session, deputy, report, partial(self._store_deputy, session, deputy))
            questions = self._named(
                [r for r in records if isinstance(r, PreparedQuestion)], session
            )
            known = self._known(session, questions)
            fresh, others = self._sort(known, questions, report)
            if (
                self._before_change is not None
                and not self._backed_up  # this import's bulk backup holds every text still
                and _changes_stored(known, questions)
            ):
                self._before_change()  # a backup before a text already held may change
            if fresh:
                try:
                    with session.begin_nested():
                        results = insert_new(session, fresh)
                        for result in results:
                            self._run_hooks(session, result)
                except Exception as error:  # fall back to one savepoint per question
                    if is_disk_full(error):
                        raise
                    logger.warning(
                        "Bulk insert of %d new questions failed; one by one instead",
                        len(fresh),
                        exc_info=True,
                    )
                    others = [q.record for q in fresh] + others
                else:
                    for result in results:
                        report.count(result)
            for question in others:
                self._guarded(
                    session, question, report, partial(self._store_one, session, question)
                )
            store_entries(session, self._ledger.take(report.failures[mark:]), self._entries)

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
            if is_disk_full(error):
                raise  # nothing more will go in: the caller stops the import
            logger.warning("Not stored: %s", _source_of(record), exc_info=True)
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
        known: KnownQuestions, questions: list[PreparedQuestion], report: ImportReport
    ) -> tuple[list[PreparedQuestion], list[QuestionRecord]]:
        """Count the unchanged questions; return (surely new questions, questions to upsert).

        A record whose hash equals the stored one would merge into the same content,
        so it is unchanged. A question met twice in the chunk is upserted the second
        time (in order), never judged on the state before the chunk.
        """
        fresh: list[PreparedQuestion] = []
        others: list[QuestionRecord] = []
        seen: set[str] = set()
        for question in questions:
            names = {question.key, question.uid or question.key}
            if question.chamber == _SENAT:
                names.update(_senat_names(question.record))
            repeated = not names.isdisjoint(seen)
            seen.update(names)
            stored = known.find(question)
            if repeated:
                others.append(question.record)
            elif stored is None:
                if _surely_new(question, known):
                    fresh.append(question)
                else:
                    others.append(question.record)
            elif stored.content_hash == question.content_hash:
                report.count(UpsertResult(stored.question_id, stored.key, Outcome.UNCHANGED))
            else:
                others.append(question.record)
        return fresh, others

    @staticmethod
    def _named(questions: list[PreparedQuestion], session: Session) -> list[PreparedQuestion]:
        """Names the reader could not know yet (deputies stored since the import started)."""
        refs = {
            q.get("author_ref")
            for q in questions
            if q.get("author_ref") and not q.get("author_name")
        }
        known = deputies_for(session, refs) if refs else {}
        if not known:
            return questions
        return [
            q if q.get("author_ref") not in known else prepare(with_deputy_name(q.record, known))
            for q in questions
        ]

    def _store_one(self, session: Session, record: QuestionRecord) -> UpsertResult:
        result = upsert_question(session, record)
        self._run_hooks(session, result)
        return result

    def _run_hooks(self, session: Session, result: UpsertResult) -> None:
        if result.outcome is not Outcome.UNCHANGED:
            for hook in self._after_upsert:
                hook(session, result)


def _chunk_limit(stored: int, done: int, total: int | None) -> int:
    """Questions in the next chunk (`import_chunks.chunk_limit`, at this module's size)."""
    return chunk_limit(stored, done, total, CHUNK_SIZE)


def _log_report(report: ImportReport, seconds: float) -> None:
    logger.info("Import: %s in %.2f s", report.summary(), seconds)
    for failure in report.failures[:LOGGED_FAILURES]:
        logger.warning("Import failed: %s: %s", failure.source, failure.reason)
    if report.failed > LOGGED_FAILURES:
        logger.warning("Import: %d more failures", report.failed - LOGGED_FAILURES)


def _surely_new(question: PreparedQuestion, known: KnownQuestions) -> bool:
    """An AN question with its uid, or a numbered Sénat question like no stored one."""
    if question.chamber == _AN:
        return bool(question.uid)
    return bool(question.get("number")) and question.key not in known.senat_lookalikes


def _senat_names(record: QuestionRecord) -> tuple[str, ...]:
    """What makes two Sénat records of one chunk the same question for `find_existing`."""
    if record.chamber is not Chamber.SENAT:
        return ()
    return (
        f"senat#{record.legislature}#{record.number}#{record.qtype}",
        f"senat@{record.author.name}@{record.published_on}",
        *([f"url:{record.url}"] if record.url else []),
    )


def _changes_stored(known: KnownQuestions, questions: Sequence[PreparedQuestion]) -> bool:
    """Whether a question of the chunk is stored with another content (an update)."""
    for question in questions:
        stored = known.find(question)
        if stored is not None and stored.content_hash != question.content_hash:
            return True
    return False


def _source_of(record: QuestionRecord | DeputyRecord) -> str:
    return record.source if isinstance(record, QuestionRecord) else record.ref
