"""The team library on a real PostgreSQL server: schema, search index, rights."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from qe_desktop.services.library import LibraryUnavailableError, open_library
from qe_desktop.storage.database import Database
from qe_desktop.storage.models import Base
from qe_desktop.storage.schema import head_revision, include_object

pytestmark = pytest.mark.postgres


def test_migrated_schema_matches_the_models_on_postgres(pg_fresh_url: str) -> None:
    database = open_library(pg_fresh_url)  # unaccent created by the migration itself
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        diff = compare_metadata(context, Base.metadata)
        extension = connection.exec_driver_sql(
            "SELECT extname FROM pg_extension WHERE extname = 'unaccent'"
        ).scalar()
    database.close()
    assert diff == []
    assert extension == "unaccent"


def test_new_team_library_is_at_head_with_a_gin_search_index(pg_database: Database) -> None:
    with pg_database.engine.connect() as connection:
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        generated = connection.exec_driver_sql(
            "SELECT is_generated FROM information_schema.columns "
            "WHERE table_name = 'questions' AND column_name = 'search_vector'"
        ).scalar()
        index = connection.exec_driver_sql(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_questions_search_vector'"
        ).scalar()
    assert revision == head_revision()
    assert generated == "ALWAYS"
    assert index is not None and "USING gin (search_vector)" in index


def test_reopening_a_team_library_changes_nothing(pg_url: str) -> None:
    open_library(pg_url).close()
    again = open_library(pg_url)
    assert again.backup_made is None  # no file to copy; nothing migrated either
    with again.engine.connect() as connection:
        count = connection.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar()
    again.close()
    assert count == 1


@pytest.fixture
def limited_role(postgres_server: Engine, pg_fresh_url: str) -> Iterator[str]:
    """A login that may create tables in the new database, but not extensions."""
    role = f"qe_limited_{uuid.uuid4().hex[:8]}"
    with postgres_server.connect() as connection:
        connection.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
    as_owner = create_engine(pg_fresh_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with as_owner.connect() as connection:
        connection.exec_driver_sql(f'GRANT CREATE, USAGE ON SCHEMA public TO "{role}"')
    as_owner.dispose()
    yield make_url(pg_fresh_url).set(username=role).render_as_string(hide_password=False)
    database = make_url(pg_fresh_url).database
    with postgres_server.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


def test_a_role_that_cannot_create_unaccent_gets_a_clear_error_and_nothing_changes(
    limited_role: str,
) -> None:
    with pytest.raises(LibraryUnavailableError) as caught:
        open_library(limited_role)
    message = str(caught.value)
    assert "unaccent" in message
    assert "CREATE EXTENSION unaccent" in message
    assert "n'a pas le droit" in message
    database = Database(limited_role)
    try:
        assert inspect(database.engine).get_table_names() == []  # the migration rolled back
    finally:
        database.close()
