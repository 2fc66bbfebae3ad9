"""Every import leaves a line in the library's history, even one that failed or was cut.

An assistant asking "did last week's AN file come in, and what was refused?" reads it in
*Fichier > Historique des imports* or `qe-desktop imports`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from qe_desktop.services.import_report import history_entry
from qe_desktop.storage.database import Database
from qe_desktop.storage.import_log import ImportEntry, recent_imports, record_import
from qe_desktop.storage.types import utcnow

if TYPE_CHECKING:
    from qe_desktop.services.importing import ImportReport

__all__ = ["ImportEntry", "ImportHistory"]
log = logging.getLogger(__name__)


class _Pending:
    """The report of the import being recorded, once it is known."""

    def __init__(self) -> None:
        self.report: ImportReport | None = None

    def fill(self, report: ImportReport) -> ImportReport:
        self.report = report
        return report


class ImportHistory:
    """Writes and reads the import history of one library."""

    def __init__(self, database: Database) -> None:
        self._db = database

    @contextmanager
    def recording(self, sources: list[str]) -> Iterator[_Pending]:
        """Record the import run inside the block (an exception is recorded as a failure)."""
        started = utcnow()
        pending = _Pending()
        error: BaseException | None = None
        try:
            yield pending
        except BaseException as raised:
            error = raised
            raise
        finally:
            self._record(sources, started, pending.report, error)

    def _record(
        self,
        sources: list[str],
        started: datetime,
        report: ImportReport | None,
        error: BaseException | None,
    ) -> None:
        entry = history_entry(sources, started, report, error)
        try:
            with self._db.write() as session:
                record_import(session, entry)
        except Exception:  # a full disk must not turn a finished import into a failure
            log.exception("the import history could not be written")

    def recent(self, limit: int = 200) -> list[ImportEntry]:
        """The latest imports, newest first."""
        with self._db.read() as session:
            return recent_imports(session, limit)
