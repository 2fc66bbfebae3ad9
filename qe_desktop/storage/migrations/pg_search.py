"""PostgreSQL full-text search over questions, as migration helpers (DDL the ORM cannot describe).

`qe_french` is the `french` configuration with `unaccent` in front of the stemmer: the
same configuration builds the index, parses queries and marks snippets, so "energetique"
finds "énergétique" and `ts_headline` highlights the accented word as it is written.
`search_vector` is a stored generated column (to_tsvector with an explicit configuration
is immutable), so every writer keeps it in step without a trigger.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import exc, text

from qe_desktop.storage.engine import LibraryUnavailableError

CONFIG = "qe_french"
COLUMN = "search_vector"
INDEX = "ix_questions_search_vector"
# (column, weight): the title counts most, then the notes, then the texts (as bm25 on SQLite).
WEIGHTED_COLUMNS = (
    ("title", "A"),
    ("notes_text", "B"),
    ("question_text", "C"),
    ("answer_text", "C"),
)
INSUFFICIENT_PRIVILEGE = "42501"


def unaccent_schema(connection: Any) -> str | None:
    schema = connection.scalar(
        text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'unaccent'"
        )
    )
    return None if schema is None else str(schema)


def ensure_unaccent(connection: Any) -> str:
    """Create the `unaccent` extension if needed; its schema. Explains a missing right."""
    schema = unaccent_schema(connection)
    if schema is not None:
        return schema
    database = connection.scalar(text("SELECT current_database()"))
    user = connection.scalar(text("SELECT current_user"))
    try:
        with connection.begin_nested():
            connection.execute(text("CREATE EXTENSION unaccent"))
    except exc.DBAPIError as error:
        state = getattr(error.orig, "sqlstate", None)
        if state == INSUFFICIENT_PRIVILEGE:
            reason = f"le compte « {user} » n'a pas le droit de la créer"
        else:
            reason = f"elle n'a pas pu être créée ({' '.join(str(error.orig).split())})"
        raise LibraryUnavailableError(
            f"La base PostgreSQL « {database} » n'a pas l'extension « unaccent » (recherche "
            f"sans accents) et {reason}. Demandez à un administrateur d'exécuter "
            f"« CREATE EXTENSION unaccent; » dans cette base (paquet postgresql-contrib), "
            "puis rouvrez la bibliothèque. Rien n'a été modifié."
        ) from None
    return str(unaccent_schema(connection))


def _document(config: str) -> str:
    parts = [
        f"setweight(to_tsvector('{config}'::regconfig, coalesce({column}, '')), '{weight}')"
        for column, weight in WEIGHTED_COLUMNS
    ]
    return " || ".join(parts)


def create_postgres_search(op: Any) -> None:
    connection = op.get_bind()
    schema = ensure_unaccent(connection)
    home = connection.scalar(text("SELECT current_schema()"))
    config = f'"{home}".{CONFIG}'
    op.execute(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = pg_catalog.french)")
    op.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {config} ALTER MAPPING FOR hword, hword_part, word "
        f'WITH "{schema}".unaccent, pg_catalog.french_stem'
    )
    op.execute(
        f"ALTER TABLE questions ADD COLUMN {COLUMN} tsvector "
        f"GENERATED ALWAYS AS ({_document(config)}) STORED"
    )
    op.execute(f"CREATE INDEX {INDEX} ON questions USING gin ({COLUMN})")


def drop_postgres_search(op: Any) -> None:
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
    op.execute(f"ALTER TABLE questions DROP COLUMN IF EXISTS {COLUMN}")
    op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
