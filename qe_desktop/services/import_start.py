"""A large import's reading process, started before the library opens (#25).

`qe-desktop import` spends its first few tenths of a second loading SQLAlchemy and
the services, and opening the library (the daily backup included). The reading
process needs none of it: started first, it parses on the other core meanwhile
(2,000 questions: a third of the whole import). It is started only when it reads
exactly as the importing process would have asked: a SQLite library (new, or read
with `sqlite3` here for the archive entries it already holds) without stored deputies
(with some, the service starts its reader itself, names included).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qe_desktop.importers.entries import KnownEntries
from qe_desktop.importers.sources import count_sources
from qe_desktop.services.read_in_process import ReadingProcesses, read_in_process

# From this many inputs (or bytes), files are parsed in child processes: starting them
# costs a few tenths of a second, the time 300 questions take to parse. Low enough that
# no size of legislature is parsed in the writing process (no cliff between sizes).
PROCESS_MIN_ITEMS = 500
PROCESS_MIN_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class StartedReading:
    """Children reading `paths` already, and what they were told of the library."""

    paths: tuple[Path, ...]
    reads: ReadingProcesses
    total: int | None
    entries: KnownEntries
    location: str = ""

    def close(self) -> None:
        """End the children if nobody used their reads (a library that failed to open)."""
        self.reads.close()


_early: StartedReading | None = None


def start_early(argv: Sequence[str]) -> None:
    """Fork the reading process of `qe-desktop [--db PATH] import PATH…` first thing,
    before the command line's modules load (`qe_desktop.__main__`).

    The writing process then loads its modules while the child loads the parsers and
    reads, on the other core: at 2,000 questions the reader's start was a fifth of
    the import. Only that plain form is recognised; anything else (another option,
    `--help`, a path spelt like an option) waits for the command line, which starts
    its reader as before (`app._start_reading` takes this one when it reads the same).
    """
    global _early
    found = _import_arguments(argv)
    if found is None:
        return
    from qe_desktop.services.locations import resolve_location

    db, paths = found
    try:
        _early = start_reading([Path(p) for p in paths], resolve_location(db))
    except Exception:  # noqa: BLE001  (the command line starts its reader, and reports)
        _early = None


def take_early(paths: Sequence[Path], location: str) -> StartedReading | None:
    """The reading `start_early` started, if it reads these paths into this library."""
    global _early
    started, _early = _early, None
    if started is None:
        return None
    if started.paths == tuple(map(Path, paths)) and started.location == location:
        return started
    started.close()
    return None


def _import_arguments(argv: Sequence[str]) -> tuple[str | None, list[str]] | None:
    """(--db, paths) of `[--db PATH] import PATH…`, or None for any other form."""
    db: str | None = None
    position = 0
    while position < len(argv) and argv[position] != "import":
        word = argv[position]
        if word == "--db" and position + 1 < len(argv):
            db, position = argv[position + 1], position + 2
        elif word.startswith("--db="):
            db, position = word.removeprefix("--db="), position + 1
        else:
            return None
    paths = list(argv[position + 1 :])
    if not paths or (db is not None and db.startswith("-")):
        return None
    if any(not p or p.startswith("-") for p in paths):
        return None
    return db, paths


def is_large(paths: Sequence[Path], total: int | None, least: int = PROCESS_MIN_ITEMS) -> bool:
    """Whether parsing deserves a process of its own (a legislature, not a page)."""
    if total is not None and total >= least:
        return True
    try:
        size = sum(p.stat().st_size for p in map(Path, paths) if p.is_file())
    except OSError:
        return False
    return size >= PROCESS_MIN_BYTES


def start_reading(paths: Sequence[Path], location: str) -> StartedReading | None:
    """Start the reading process of a large import into a SQLite library, or None."""
    if "://" in location:  # a server, or a URL spelt out: the service starts its reader
        return None
    paths = tuple(map(Path, paths))
    total = count_sources(paths)
    if not is_large(paths, total):
        return None
    archives = sorted({p.name for p in paths if p.suffix.lower() == ".zip"})
    try:
        entries = _stored_entries(Path(location).expanduser(), archives)
    except sqlite3.Error:
        return None
    if entries is None:
        return None
    reads = read_in_process(paths, {}, known=entries)
    return StartedReading(paths, reads, total, entries, location)


def _stored_entries(library: Path, archives: list[str]) -> KnownEntries | None:
    """The entries of these archives the library holds ({} for a new library); None
    when it holds deputies (their names go into the questions as they are read).
    """
    if not library.exists():
        return {}
    uri = library.resolve().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=1.0)
    try:
        tables = {name for (name,) in connection.execute(_TABLES)}
        if "deputies" in tables and connection.execute(_ANY_DEPUTY).fetchone():
            return None
        if "import_entries" not in tables or not archives:
            return {}
        marks = ", ".join("?" * len(archives))
        rows = connection.execute(_ENTRIES.format(marks), archives)
        return {(a, e): (int(c), int(s), int(q)) for a, e, c, s, q in rows}
    finally:
        connection.close()


_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"
_ANY_DEPUTY = "SELECT 1 FROM deputies LIMIT 1"
# storage/import_entries.known_entries, in sqlite3
_ENTRIES = "SELECT archive, entry, crc, size, questions FROM import_entries WHERE archive IN ({})"
