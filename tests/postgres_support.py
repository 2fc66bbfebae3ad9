"""PostgreSQL fixtures: a fresh database per test on the server named by QE_TEST_POSTGRES_URL.

`tools/pg_test_cluster.sh run make test` starts a throw-away server and sets the URL.
Without it the PostgreSQL tests skip, saying why; under CI (CI=true) they fail instead:
a CI run that silently skipped half the storage tests would prove nothing.

Each test gets its own database (CREATE DATABASE … TEMPLATE template0), dropped
afterwards, so tests run in parallel under pytest-xdist.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
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
SKIP_REASON = (
    f"PostgreSQL tests skipped: {PG_ENV} is not set "
    "(`tools/pg_test_cluster.sh run make test` starts a throw-away server)"
)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _unavailable(message: str) -> None:
    if in_ci():
        pytest.fail(f"{message} — under CI=true PostgreSQL is required", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Engine]:
    """An AUTOCOMMIT connection to the test server, to create and drop databases."""
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        _unavailable(SKIP_REASON)
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except Exception as error:
        _unavailable(f"PostgreSQL at {engine.url!r} is unreachable: {error}")
    yield engine
    engine.dispose()


@pytest.fixture
def pg_url(postgres_server: Engine) -> Iterator[str]:
    """The URL of a brand-new empty database, dropped after the test."""
    name = f"qe_test_{uuid.uuid4().hex[:16]}"
    with postgres_server.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
    url = make_url(postgres_server.url).set(database=name)
    yield url.render_as_string(hide_password=False)
    with postgres_server.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
    """Say plainly, at the end of `make test`, that PostgreSQL was not tested."""
    skipped = terminalreporter.stats.get("skipped", [])
    if any(PG_ENV in str(getattr(report, "longrepr", "")) for report in skipped):
        terminalreporter.write_line(SKIP_REASON, yellow=True, bold=True)
