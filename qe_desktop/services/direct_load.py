"""The first load of a new SQLite library, written with `sqlite3` alone (#25).

`qe-desktop import` into a library that does not exist yet spends half a second of
its writing process loading SQLAlchemy, the models and the services before it writes
a row: at 2,000 questions that is most of what the whole standard-library floor
costs. Nothing of it is needed to fill a new file: the schema comes from
`schema_sqlite.sql` (`schema_snapshot`), the rows come prepared from the reading
process (`storage/prepared.py`), and the statements are the ordinary path's own
(`storage/bulk_sql.py`). The library left is the one the ordinary path leaves: the
same rows, text versions, search index, import entries, import history line and
planner statistics (`tests/services/test_direct_load.py`).

Only the plain case is taken: a file that does not exist, a snapshot at the
migrations' head, a large import already being read (`import_start`), inputs whose
names announce no deputies file (`loadable_by_names`), and records that are AN
questions with their uid, or Sénat questions, that no earlier record of the import is
(`first_load_identity`). At the first record of any other kind (a question met
twice, a deputy, an AN page without uid) or a refused insert, the file created here
is removed and the ordinary path imports everything, from the start.

Crash safety is the ordinary path's: one transaction per chunk, the archive entries
in the transaction of their last question, commits without waiting for the disk
(the file is new: a killed process loses nothing the system holds; a power cut could
lose the library being created, never older data), and a checkpoint with a full sync
at the end. The chunks are written under a rollback journal (a new file's pages are
appended, not journaled: half the writes of the WAL), the library is left in WAL mode.
A killed load leaves a library the ordinary path opens (rolling back the chunk it was
writing, from its journal) and completes.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import zipfile
from collections.abc import Callable, Iterable
from contextlib import closing, suppress
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING

from qe_desktop.domain.annotation import DEFAULT_CATEGORIES
from qe_desktop.domain.question import Chamber
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.sources import name_suffix
from qe_desktop.services.entry_ledger import EntryLedger
from qe_desktop.services.first_load_identity import FirstLoadIdentities
from qe_desktop.services.import_chunks import DEFAULT_CHUNK_SIZE, FIRST_CHUNK, chunk_limit
from qe_desktop.services.import_report import ImportReport, history_entry
from qe_desktop.services.import_start import StartedReading
from qe_desktop.services.import_steps import Input
from qe_desktop.storage.bulk_sql import INSERT_ENTRIES, sqlite_stamp, write_new_chunk
from qe_desktop.storage.disk import is_disk_full
from qe_desktop.storage.import_log_values import ImportEntry, log_values
from qe_desktop.storage.outcome import Outcome, UpsertResult
from qe_desktop.storage.prepared import PreparedQuestion
from qe_desktop.storage.schema_snapshot import create_from_snapshot, snapshot_revision

if TYPE_CHECKING:  # the parsers stay in the reading process (import_steps)
    from qe_desktop.services.import_reading import Read

logger = logging.getLogger(__name__)

Progress = Callable[[int, int | None, str], None]
ANALYZE_AFTER = 1_000  # storage/bulk.ANALYZE_AFTER (a test keeps them equal)
BUSY_TIMEOUT_MS = 5_000
_AN = Chamber.AN.value
_SUFFIXES = ("-wal", "-shm", "-journal")
# Names of the AN deputies file and its entries (AMO): deputies and groups, not questions.
_DEPUTIES = re.compile(r"^AMO|(^|/)(acteur|organe)/|(^|/)P[AO]\d+\.json$", re.IGNORECASE)


class _OrdinaryPath(Exception):
    """A record or a write this path leaves to the ordinary one."""


def new_library(location: str) -> Path | None:
    """The library file a first load may fill directly: a path (not a server) where no
    file exists yet, with a schema snapshot at the migrations' head; else None.
    """
    if "://" in location:
        return None
    path = Path(location).expanduser()
    if any(Path(f"{path}{suffix}").exists() for suffix in ("", *_SUFFIXES)):
        return None
    return path if snapshot_is_head() else None


def loadable_by_names(paths: Iterable[Path]) -> bool:
    """Whether no input announces by its names what a first load leaves to the ordinary
    path (read from names alone: a zip's directory, a folder's listing): the AN deputies
    file (AMO: `acteur/PA….json`, `organe/PO….json`), or one input given twice. Met
    at its first record instead, it would send everything written before it back to be
    imported again from the start.
    """
    paths = list(paths)
    if len({path.resolve() for path in paths}) < len(paths):
        return False
    for path in paths:
        if path.is_dir():
            names: Iterable[str] = (
                name for _, _, files in os.walk(path) for name in files if not name.startswith(".")
            )
        elif name_suffix(path.name) == ".zip":
            try:
                with zipfile.ZipFile(path) as archive:
                    names = [n for n in archive.namelist() if not n.endswith("/")]
            except (OSError, zipfile.BadZipFile):
                return False  # the ordinary path reports it
        else:
            names = (path.name,)
        if _DEPUTIES.match(path.name) or any(map(_DEPUTIES.search, names)):
            return False
    return True


def snapshot_is_head() -> bool:
    """Whether no migration follows the snapshot's revision (the lead re-chains them; a
    migration newer than the snapshot needs Alembic, hence the ordinary path).
    """
    revision = snapshot_revision()
    if revision is None:
        return False
    follows = (f'down_revision = "{revision}"', f"down_revision = '{revision}'")
    versions = resources.files("qe_desktop.storage.migrations") / "versions"
    for item in versions.iterdir():
        if item.name.endswith(".py") and any(
            f in item.read_text(encoding="utf-8") for f in follows
        ):
            return False
    return True


def load_new_library(
    path: Path, started: StartedReading, progress: Progress
) -> ImportReport | None:
    """Create the library at `path` and import what `started` reads into it; None when
    the ordinary path must do it instead (then no file is left and the reading stopped).
    """
    begun = datetime.now(UTC)
    path.parent.mkdir(parents=True, exist_ok=True)  # as `engine.make_engine` does
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        try:
            created = _create(connection)
        except sqlite3.Error as refused:  # the ordinary path tries again and explains
            raise _OrdinaryPath(str(refused)) from refused
        if not created:  # another process created it meanwhile: its file is kept
            connection.close()
            started.close()
            return None
        logger.info("Import of %s (first load, sqlite3)", ", ".join(map(str, started.paths))[:2000])
        try:
            with closing(started.reads):
                report = _run(connection, started.reads, started.total, progress)
        except _OrdinaryPath:
            raise
        except BaseException as raised:  # recorded in the history, as `ImportHistory` does
            _finish(connection, history_entry(_sources(started), begun, None, raised))
            raise
        _finish(connection, history_entry(_sources(started), begun, report, None))
    except _OrdinaryPath:
        logger.info("First load left to the ordinary path", exc_info=True)
        connection.close()
        started.close()
        _remove(path)
        return None
    connection.close()
    return report


def _create(connection: sqlite3.Connection) -> bool:
    """The library's pragmas, its schema and default categories (`open_library`'s seed)."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    # A rollback journal while the file is filled, the library's WAL at the end (`_finish`):
    # the pages of a new file are appended, and only the few it rewrites are journaled,
    # where the WAL wrote every page twice (20,000 questions: 0.3 s less system CPU).
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("PRAGMA synchronous = OFF")  # a new file: see the module's notes
    if create_from_snapshot(connection) is None:
        return False
    rows = [(c.name, c.label, c.color, c.position) for c in DEFAULT_CATEGORIES]
    with _transaction(connection):
        connection.executemany(
            "INSERT INTO categories (name, label, color, position) VALUES (?, ?, ?, ?)", rows
        )
    return True


class _transaction:  # noqa: N801 - used as a statement: `with _transaction(connection):`
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def __enter__(self) -> None:
        self._connection.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, value: object, trace: object) -> None:
        self._connection.execute("COMMIT" if kind is None else "ROLLBACK")


def _run(
    connection: sqlite3.Connection, reads: Iterable[Read], total: int | None, progress: Progress
) -> ImportReport:
    """`ImportService._run` for a first load: chunks written as the reader yields them."""
    report = ImportReport()
    begun = perf_counter()
    ledger = EntryLedger()
    seen: set[str] = set()  # keys and uids written: a question met twice is an update
    matches = FirstLoadIdentities(connection)  # what else `find_existing` matches on
    pending: list[PreparedQuestion] = []
    done = chunks = 0
    name, read_in_input = "", 0
    for step in reads:
        if isinstance(step, Input):
            done, name, read_in_input = step.done, step.name, 0
            ledger.reached(step, report, progress, total)
        elif isinstance(step, ImportFailure):
            report.add_failure(step)
        else:
            if not isinstance(step, PreparedQuestion) or not _plain(step, seen, matches, pending):
                raise _OrdinaryPath(getattr(step, "source", type(step).__name__))
            pending.append(step)
            read_in_input += 1
            ledger.question()
            if len(pending) >= FIRST_CHUNK and len(pending) >= chunk_limit(chunks, done, total):
                if not _store_or_stop(connection, pending, ledger, report):
                    return report
                pending, chunks = [], chunks + 1
                matches.written()
                if read_in_input >= DEFAULT_CHUNK_SIZE:  # one file holding a legislature
                    progress(done, None, f"{name} — {read_in_input} question(s) lue(s)")
    else:
        ledger.finish(len(report.failures))
    if not _store_or_stop(connection, pending, ledger, report):
        return report
    if report.imported >= ANALYZE_AFTER:  # storage/bulk.refresh_statistics
        connection.execute("ANALYZE questions")
    progress(done, total, "")
    logger.info("Import: %s in %.2f s", report.summary(), perf_counter() - begun)
    return report


def _plain(
    question: PreparedQuestion,
    seen: set[str],
    identities: FirstLoadIdentities,
    pending: list[PreparedQuestion],
) -> bool:
    """An AN question with its uid, or a Sénat question, that no question written before
    in this import is (`_sort`'s fresh ones; `find_existing` finding nothing).
    """
    uid = question.uid
    if question.key in seen or (uid and uid in seen):
        return False
    if question.chamber == _AN:
        if not uid or not identities.an_is_new(question):
            return False
    elif not identities.senat_is_new(question, pending):
        return False
    seen.add(question.key)
    if uid:
        seen.add(uid)
    return True


def _store_or_stop(
    connection: sqlite3.Connection,
    questions: list[PreparedQuestion],
    ledger: EntryLedger,
    report: ImportReport,
) -> bool:
    """One chunk in one transaction: rows, search index, first versions, finished entries.
    On a full disk the chunk is forgotten and the import stops (`ImportService`).
    """
    if not questions and not ledger.pending:
        return True
    mark = report.checkpoint()
    entries = ledger.take(())  # no question of a chunk fails alone here
    try:
        with _transaction(connection):
            if questions:
                write_new_chunk(connection, questions, sqlite_stamp(datetime.now(UTC)))
            if entries:
                connection.executemany(INSERT_ENTRIES, [(*m, n) for m, n in entries])
    except sqlite3.IntegrityError as refused:  # the ordinary path falls back row by row
        raise _OrdinaryPath(str(refused)) from refused
    except sqlite3.Error as error:
        if not is_disk_full(error):
            raise
        report.rollback(mark)
        report.disk_full = True
        return False
    for question in questions:
        report.count(
            UpsertResult(0, question.key, Outcome.IMPORTED, new_answer=question.has_answer)
        )
    return True


def _sources(started: StartedReading) -> list[str]:
    return [str(p) for p in started.paths]


def _finish(connection: sqlite3.Connection, entry: ImportEntry) -> None:
    """The import history's line, then the log copied into the file and synced."""
    values = log_values(entry)
    names = ", ".join(values)
    marks = ", ".join("?" * len(values))
    stamped = [sqlite_stamp(v) if isinstance(v, datetime) else v for v in values.values()]
    connection.execute("PRAGMA synchronous = FULL")
    try:  # the library's journal (the services' connections ask for it too)
        connection.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error:  # another connection reads it: the next opening switches
        logger.warning("the library stays in rollback-journal mode for now", exc_info=True)
    try:
        with _transaction(connection):
            connection.execute(f"INSERT INTO import_log ({names}) VALUES ({marks})", stamped)
    except sqlite3.Error:  # a full disk must not turn a finished import into a failure
        logger.exception("the import history could not be written")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # written through, with a full sync


def _remove(path: Path) -> None:
    """The file this load created, and its journal files."""
    for name in (str(path), *(f"{path}{suffix}" for suffix in _SUFFIXES)):
        with suppress(FileNotFoundError):
            Path(name).unlink()
