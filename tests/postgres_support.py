"""PostgreSQL fixtures: a fresh database per test on the server named by QE_TEST_POSTGRES_URL.

`tools/pg_test_cluster.sh run make test` starts a throw-away server and sets the URL.
Without it the PostgreSQL tests skip, saying why; under CI (CI=true) they fail instead:
a CI run that silently skipped half the storage tests would prove nothing.

Each test gets its own schema (or, with `pg_fresh_url`, its own database), dropped
afterwards, so tests run in parallel under pytest-xdist.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.storage.database import Database

PG_ENV = "QE_TEST_POSTGRES_URL"
SAMPLES = Path(__file__).parent.parent / "resources" / "samples"
NO_SERVER = f"{PG_ENV} is not set; `tools/pg_test_cluster.sh run make test` starts a server."


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Engine]:
    """An AUTOCOMMIT connection to the test server, to create and drop databases."""
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        _unavailable(NO_SERVER)
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except Exception as error:
        _unavailable(f"the server at {engine.url!r} is unreachable ({error})")
    yield engine
    engine.dispose()


@contextmanager
def fresh_database(server: Engine, name: str) -> Iterator[str]:
    """CREATE DATABASE (from template0), its URL, and DROP (connections forced out) after."""
    with server.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
    try:
        yield make_url(server.url).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_fresh_url(postgres_server: Engine) -> Iterator[str]:
    """A brand-new empty database: the first migration creates `unaccent` in it."""
    with fresh_database(postgres_server, f"qe_test_{uuid.uuid4().hex[:16]}") as url:
        yield url


@pytest.fixture(scope="session")
def pg_shared_url(postgres_server: Engine) -> Iterator[str]:
    """One database per test process, `unaccent` ready; tests get their own schema in it."""
    with fresh_database(postgres_server, f"qe_tests_{uuid.uuid4().hex[:16]}") as url:
        engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with engine.connect() as connection:
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
        engine.dispose()
        yield url


@contextmanager
def schema_location(shared_url: str) -> Iterator[str]:
    """A fresh schema, first on the search path of the URL handed out; dropped after.

    (A schema takes milliseconds where CREATE DATABASE takes about a second.)
    """
    schema = f"t_{uuid.uuid4().hex[:16]}"
    engine = create_engine(shared_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(shared_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.exec_driver_sql("SET lock_timeout = '20s'")
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        engine.dispose()


@pytest.fixture
def pg_url(pg_shared_url: str) -> Iterator[str]:
    """A PostgreSQL library location of its own (a fresh schema)."""
    with schema_location(pg_shared_url) as url:
        yield url


@pytest.fixture
def pg_database(pg_url: str) -> Iterator[Database]:
    database = open_library(pg_url)
    yield database
    database.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def dialect(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def any_location(dialect: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new library location on each dialect: a SQLite file, then a PostgreSQL database."""
    if dialect == "sqlite":
        return str(tmp_path / "bibliotheque.sqlite")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def any_database(any_location: str) -> Iterator[Database]:
    database = open_library(any_location)
    yield database
    database.close()


@pytest.fixture
def any_services(any_database: Database) -> Services:
    return Services.build(any_database, "testeur")


@pytest.fixture
def any_sample_services(any_services: Services) -> Services:
    report = any_services.importing.import_paths([SAMPLES])
    assert report.ok, report.failures
    return any_services


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say plainly, at the end of `make test`, that PostgreSQL was not tested, and why."""
    for report in terminalreporter.stats.get("skipped", []):
        text = str(getattr(report, "longrepr", ""))
        if "PostgreSQL tests skipped" in text:
            reason = text[text.index("PostgreSQL tests skipped") :].rstrip("')\"")
            terminalreporter.write_line(reason, yellow=True, bold=True)
            return
