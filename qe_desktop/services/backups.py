"""Backups a user can rely on: daily, before every bulk import, restorable in one step."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from qe_desktop.services.logs import logged
from qe_desktop.storage.backups import (
    Backup,
    has_backup_since,
    list_backups,
    make_backup,
    restore_into,
)
from qe_desktop.storage.bulk import library_is_empty
from qe_desktop.storage.database import Database

__all__ = ["Backup", "BackupService", "BackupUnavailable"]
logger = logging.getLogger(__name__)


class BackupUnavailable(RuntimeError):
    """Backups need a library file: a server library has none to copy."""

    pass


CHANGE_BACKUP_EVERY = timedelta(hours=1)


class BackupService:
    """Copies of the library taken before risky steps, daily, or on request."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._last_change_backup: datetime | None = None  # this session's (in memory)

    @property
    def available(self) -> bool:
        """Whether backups can be made: only a file library can be copied."""
        return self._db.path is not None

    def _library(self) -> Path:
        if self._db.path is None:
            raise BackupUnavailable(
                "Les sauvegardes d'une bibliothèque d'équipe PostgreSQL se font sur le serveur "
                "(pg_dump)."
            )
        return self._db.path

    def daily(self) -> Path | None:
        """One backup per day, taken when the library is first opened that day.

        The whole file is checked first (`CorruptDatabaseError`): a damaged library is
        never copied over the good backups. On a large library this takes seconds, so
        the window runs it in the background once it is shown.
        """
        if not self.available or not self._library().exists() or self._just_created():
            return None
        midnight = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        if has_backup_since(self._library(), "quotidienne", midnight):
            return None
        self._db.check_integrity()
        return self._make("quotidienne")

    def _just_created(self) -> bool:
        """A library this process created, still without a question: nothing to save yet."""
        if not self._db.created:
            return False
        with self._db.read() as session:
            return library_is_empty(session)

    def before_import(self) -> Path | None:
        """A snapshot before a bulk import, unless one was taken in the last minutes."""
        if not self.available or not self._library().exists():
            return None
        recent = datetime.now(UTC) - timedelta(minutes=5)
        if has_backup_since(self._library(), "avant-import", recent):
            return None
        return self._make("avant-import")

    def before_change(self) -> Path | None:
        """A snapshot before an import changes a text already in the library.

        Whatever the number of files (a single saved page too), at most one an hour
        during a session: a morning of pastes is not a hundred copies of the library.
        """
        if not self.available or not self._library().exists():
            return None
        now = datetime.now(UTC)
        last = self._last_change_backup
        if last is not None and now - last < CHANGE_BACKUP_EVERY:
            return None
        path = make_backup(self._library(), "avant-import")
        self._last_change_backup = now
        return path

    def create(self, reason: str = "manuelle") -> Path:
        """Copy the library now, on the user's request unless another reason is given."""
        return self._make(reason)

    def _make(self, reason: str) -> Path:
        with logged(logger, f"Backup ({reason}) of {self._library()}") as operation:
            path = make_backup(self._library(), reason)
            operation.outcome = f"{path} ({path.stat().st_size} bytes)"
        return path

    def list(self) -> list[Backup]:
        """The library's backups, newest first; none for a server library."""
        return list_backups(self._library()) if self.available else []

    def restore(self, backup: Path) -> Path:
        """Restore a backup; the current state is saved first, so a restore can be undone."""
        library = self._library()
        safety = self._make("avant-restauration")
        with logged(logger, f"Restore of {backup} into {library}"):
            self._db.engine.dispose()
            restore_into(backup, library)
            self._db.engine.dispose()
        return safety
