"""A stamp that moves whenever anything is written to a SQLite library, read in microseconds.

Counting the rows a filter keeps reads every entry of an index range (301,380 overdue
questions at 1,000,000: 15-45 ms of CPU, #25); the list asks for the same counts again
and again as the user switches filters. A count can be kept as long as the library has
not changed, and SQLite says so cheaply: `PRAGMA data_version` on a connection moves
whenever *another* connection commits (this process's writes, other processes', a
restore, a checkpoint). This connection only ever reads that pragma, so every write is
another connection's. The file's identity is part of the stamp: a file replaced by
another one is never taken for the same library.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from urllib.parse import quote

Stamp = tuple[int, int, int]


class ChangeStamp:
    """`current()`: equal stamps mean no write in between; None when it cannot be told."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._connection: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def current(self) -> Stamp | None:
        """The library's stamp now (None: a server library, or the file cannot be read)."""
        if self._path is None:
            return None
        with self._lock:
            try:
                status = self._path.stat()
                file = (status.st_dev, status.st_ino)
                if self._connection is None or file != self._file:
                    self._reopen(file)
                assert self._connection is not None
                (version,) = self._connection.execute("PRAGMA data_version").fetchone()
            except (OSError, sqlite3.Error):
                self._drop()
                return None
            return (*file, int(version))

    def _reopen(self, file: tuple[int, int]) -> None:
        self._drop()
        assert self._path is not None
        uri = f"file:{quote(str(self._path.resolve()))}?mode=ro"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._file = file

    def _drop(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = None
        self._file = None

    def close(self) -> None:
        """Let go of the file (it may then be moved or restored)."""
        with self._lock:
            self._drop()


class KeptCounts:
    """Counts kept until the library changes (by `ChangeStamp`), a few dozen at most."""

    LIMIT = 64

    def __init__(self, stamp: Callable[[], Stamp | None]) -> None:
        self._stamp = stamp
        self._kept: dict[Hashable, tuple[Stamp, int]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, count: Callable[[], int]) -> int:
        """The count kept for `key` if nothing was written since, else `count()` (kept)."""
        stamp = self._stamp()
        if stamp is None:
            return count()
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        value = count()
        with self._lock:
            if len(self._kept) >= self.LIMIT:
                self._kept.clear()
            self._kept[key] = (stamp, value)
        return value
