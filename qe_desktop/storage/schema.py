"""Schema versioning: Alembic at start-up, a backup before migrating, newer bases refused.

Alembic takes half a second to import and to load its scripts. Most starts find the
library already at head: the stored revision is read with plain SQL and compared with
the head named in the migration files, and Alembic is loaded only to migrate.
"""

from __future__ import annotations

import logging
import sqlite3
from importlib import resources
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect

if TYPE_CHECKING:
    from alembic.config import Config

from qe_desktop.storage.backups import make_backup
from qe_desktop.storage.engine import display_url, sqlite_path
from qe_desktop.storage.revisions import scripted_head

logger = logging.getLogger(__name__)

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
    """Alembic's configuration for the packaged migrations, on a given connection if any."""
    from alembic.config import Config

    config = Config()
    location = resources.files("qe_desktop.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The latest migration, the schema a library must reach before use."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the library (None for a new one), read with plain SQL."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(rows) > 1:
        raise RuntimeError("alembic_version holds several revisions")
    return str(rows[0][0]) if rows else None


def is_current(engine: Engine) -> bool:
    """Whether the library is at head already (cheap: no Alembic when it is)."""
    current = current_revision(engine)
    if current is not None and current == scripted_head():
        return True
    return current == head_revision()


def known_revisions() -> set[str]:
    """Every migration this version knows, to detect a library written by a newer version."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade_to_head(
    engine: Engine, url: str, *, snapshot: bool = True, created: bool = False
) -> Path | None:
    """Bring the schema to head. Returns the backup made first, if any.

    A new, empty SQLite file gets the whole schema from its snapshot in one
    transaction (`schema_snapshot`); Alembic then applies any migration newer than
    the snapshot (`snapshot=False`: every migration, one by one); a library just
    created (`created`) is not backed up before those. A revision we do
    not know means a newer qe-desktop wrote this file: refuse and touch nothing.
    """
    created = created or (snapshot and create_new_library(engine))
    if is_current(engine):
        return None
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise NewerDatabaseError(
            f"Cette bibliothèque a été créée par une version plus récente de qe-desktop "
            f"(schéma {current}). Mettez l'application à jour pour l'ouvrir ; "
            f"le fichier n'a pas été modifié."
        )
    backup = None
    path = sqlite_path(url)
    has_tables = bool(inspect(engine).get_table_names())
    if path is not None and path.exists() and has_tables and not created:
        engine.dispose()
        backup = make_backup(path, "avant-migration")
    from alembic import command

    started = perf_counter()
    where = display_url(url)
    logger.info("Migration of %s from %s to the head", where, current or "an empty schema")
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
    except Exception:
        logger.error("Migration of %s failed; backup: %s", where, backup, exc_info=True)
        raise
    logger.info("Migration of %s done in %.2f s (backup: %s)", where, perf_counter() - started,
                backup)  # fmt: skip
    return backup


def create_new_library(engine: Engine) -> bool:
    """Create the schema of a new, empty SQLite library from the snapshot, if it is one.

    Whether this call created it (False: not SQLite, not empty, or created by another
    process in the meantime).
    """
    if engine.dialect.name != "sqlite" or current_revision(engine) is not None:
        return False
    from qe_desktop.storage.schema_snapshot import create_from_snapshot

    raw = engine.raw_connection()
    try:
        dbapi = raw.driver_connection
        if not isinstance(dbapi, sqlite3.Connection):
            return False
        if dbapi.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None:
            return False  # not a new file: tables without a revision are Alembic's to judge
        revision = create_from_snapshot(dbapi)
    finally:
        raw.close()
    if revision is not None:
        logger.info("New library %s created at %s", display_url(str(engine.url)), revision)
    return revision is not None
