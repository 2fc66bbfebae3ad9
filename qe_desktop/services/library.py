"""Opening a library: the database, its schema, its default categories."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from qe_desktop.services.locations import (
    APP_NAME,
    DB_ENV,
    default_library_path,
    default_user_name,
    drafts_folder,
    resolve_location,
)
from qe_desktop.storage.categories import ensure_default_categories
from qe_desktop.storage.database import CorruptDatabaseError, Database
from qe_desktop.storage.engine import (
    LibraryUnavailableError,
    display_url,
    postgres_url,
    url_parts,
    without_password,
)
from qe_desktop.storage.schema import NewerDatabaseError, current_revision

logger = logging.getLogger(__name__)

__all__ = [
    "APP_NAME",
    "DB_ENV",
    "CorruptDatabaseError",
    "LibraryInfo",
    "LibraryUnavailableError",
    "NewerDatabaseError",
    "TeamAddress",
    "default_library_path",
    "default_user_name",
    "display_url",
    "drafts_folder",
    "open_library",
    "resolve_location",
    "schema_revision",
]


@dataclass(frozen=True, slots=True)
class LibraryInfo:
    """Which library was opened, on what backend, and the backup taken on opening, if any."""

    location: str
    dialect: str
    backup_made: Path | None


def open_library(location: str | Path) -> Database:
    """Open (creating or migrating as needed) and seed the default categories."""
    database = Database(location).open()
    with database.write() as session:
        ensure_default_categories(session)
    return database


def describe(database: Database) -> LibraryInfo:
    shown = display_url(database.url)  # never a password
    return LibraryInfo(shown, database.dialect, database.backup_made)


def schema_revision(database: Database) -> str | None:
    """The Alembic revision the library is at (after `open_library`, the newest one)."""
    return current_revision(database.engine)


@dataclass(frozen=True, slots=True)
class TeamAddress:
    """The fields of a team-library address, as the connection window shows them."""

    host: str = ""
    port: int | None = None
    database: str = ""
    user: str = ""

    @classmethod
    def parse(cls, url: str) -> TeamAddress | None:
        """The fields of a remembered URL; None when it cannot be read (a hand-edited file)."""
        parts = url_parts(url)
        if parts is None:
            return None
        return cls(*parts)

    def url(self, password: str | None = None) -> str:
        """The URL to connect with (it may carry the typed password: never store it)."""
        return postgres_url(self.host, self.port, self.database, self.user, password)

    def remembered(self) -> str:
        """The URL to keep in the settings: the password dropped, not masked."""
        return without_password(self.url())
