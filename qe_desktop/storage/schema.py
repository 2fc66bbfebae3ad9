"""Schema versioning: Alembic at start-up, a backup before migrating, newer bases refused."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from qe_desktop.storage.backups import make_backup
from qe_desktop.storage.engine import sqlite_path

# Managed outside the ORM metadata: the FTS5 virtual table and its shadow tables (SQLite),
# the generated tsvector column and its GIN index (PostgreSQL).
SEARCH_TABLE_PREFIX = "question_search"
SEARCH_COLUMN = "search_vector"
SEARCH_INDEX = "ix_questions_search_vector"


class NewerDatabaseError(RuntimeError):
    """The library was written by a newer qe-desktop: opening it could damage it."""


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Leave the full-text index (not described by the models) out of autogenerate."""
    if type_ == "table" and name is not None and name.startswith(SEARCH_TABLE_PREFIX):
        return False
    if type_ == "column" and name == SEARCH_COLUMN:
        return False
    return not (type_ == "index" and name == SEARCH_INDEX)


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    location = resources.files("qe_desktop.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade_to_head(engine: Engine, url: str) -> Path | None:
    """Bring the schema to head. Returns the backup made first, if any.

    A revision we do not know means a newer qe-desktop wrote this file: refuse
    and touch nothing.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise NewerDatabaseError(
            f"Cette bibliothèque a été créée par une version plus récente de qe-desktop "
            f"(schéma {current}). Mettez l'application à jour pour l'ouvrir ; "
            f"le fichier n'a pas été modifié."
        )
    backup = None
    path = sqlite_path(url)
    has_tables = bool(inspect(engine).get_table_names())
    if path is not None and path.exists() and has_tables:
        engine.dispose()
        backup = make_backup(path, "avant-migration")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    return backup
