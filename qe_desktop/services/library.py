"""Opening a library: the database, its schema, its default categories."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from qe_desktop.storage.categories import ensure_default_categories
from qe_desktop.storage.database import CorruptDatabaseError, Database
from qe_desktop.storage.engine import LibraryUnavailableError, display_url
from qe_desktop.storage.schema import NewerDatabaseError, current_revision

APP_NAME = "qe-desktop"
DB_ENV = "QE_DESKTOP_DB"

__all__ = [
    "CorruptDatabaseError",
    "LibraryInfo",
    "LibraryUnavailableError",
    "NewerDatabaseError",
    "default_library_path",
    "default_user_name",
    "open_library",
    "resolve_location",
    "schema_revision",
]


def default_library_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "bibliotheque.sqlite"


def drafts_folder() -> Path:
    """Where drafts of unsaved notes wait (services/drafts.py)."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "brouillons"


def resolve_location(option: str | None) -> str:
    """--db wins, then $QE_DESKTOP_DB, then the default file in the user data folder."""
    return option or os.environ.get(DB_ENV) or str(default_library_path())


def default_user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes
        return "utilisateur"


@dataclass(frozen=True, slots=True)
class LibraryInfo:
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
