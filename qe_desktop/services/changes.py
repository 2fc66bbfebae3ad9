"""Colleagues' changes without restarting: a fingerprint the window polls (and F5 forces)."""

from __future__ import annotations

from qe_desktop.storage.changes import DataVersion, data_version
from qe_desktop.storage.database import Database

__all__ = ["ChangeService", "DataVersion"]


class ChangeService:
    """Tells the views whether the library changed under them (another window, a colleague)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def data_version(self) -> DataVersion:
        """Changes whenever a question, annotation, note or commitment status changes."""
        with self._db.read() as session:
            return data_version(session)
