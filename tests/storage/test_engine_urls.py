"""Library locations: psycopg 3 for every PostgreSQL spelling, passwords never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from qe_desktop.services.library import LibraryUnavailableError, describe, open_library
from qe_desktop.storage.engine import (
    display_url,
    library_identity,
    postgres_url,
    to_url,
    without_password,
)

SECRET = "s3cr3t-Pa55"


@pytest.mark.parametrize(
    "given",
    ["postgresql://anne@srv/equipe", "postgres://anne@srv/equipe"],
)
def test_libpq_spellings_use_the_psycopg_driver(given: str) -> None:
    assert to_url(given) == "postgresql+psycopg://anne@srv/equipe"


def test_a_bare_path_is_a_sqlite_file(tmp_path: Path) -> None:
    assert to_url(tmp_path / "a.sqlite") == f"sqlite:///{tmp_path / 'a.sqlite'}"


def test_displayed_url_masks_the_password_and_remembered_url_drops_it() -> None:
    url = postgres_url("srv.local", 5433, "equipe", "anne", SECRET)
    assert SECRET in url  # the connection itself needs it
    assert SECRET not in display_url(url)
    assert "***" in display_url(url)
    remembered = without_password(url)
    assert SECRET not in remembered
    assert remembered == "postgresql+psycopg://anne@srv.local:5433/equipe"


def test_a_password_given_as_a_libpq_parameter_is_masked_too() -> None:
    url = f"postgresql://anne@srv/equipe?password={SECRET}&sslmode=require"
    assert SECRET not in display_url(url)
    assert "password=***" in display_url(url)
    assert without_password(url) == "postgresql+psycopg://anne@srv/equipe?sslmode=require"


def test_a_socket_folder_is_passed_as_the_host_parameter() -> None:
    url = postgres_url("/run/postgresql", 5432, "equipe", "anne")
    assert display_url(url) == "postgresql+psycopg://anne@:5432/equipe?host=/run/postgresql"


def test_a_password_with_url_characters_survives_the_round_trip() -> None:
    from sqlalchemy.engine import make_url

    url = postgres_url("srv", None, "equipe", "anne", "p@ss:w/rd?#")
    assert make_url(url).password == "p@ss:w/rd?#"


def test_unreachable_server_error_is_french_and_hides_the_password(tmp_path: Path) -> None:
    url = postgres_url(str(tmp_path / "no-server-here"), 5432, "equipe", "anne", SECRET)
    with pytest.raises(LibraryUnavailableError) as caught:
        open_library(url)
    message = str(caught.value)
    assert "Impossible d'ouvrir la bibliothèque d'équipe" in message
    assert SECRET not in message
    assert "***" in message


def test_describe_shows_a_file_library_by_its_path(tmp_path: Path) -> None:
    database = open_library(tmp_path / "a.sqlite")
    try:
        assert describe(database).location == str(tmp_path / "a.sqlite")
    finally:
        database.close()


@pytest.mark.parametrize(
    "spelling",
    [
        "postgres://ana@DB.example/equipe",
        "postgresql://bruno:secret@db.example:5432/equipe",
        "postgresql+psycopg://db.example/equipe?connect_timeout=5",
    ],
)
def test_one_server_library_has_one_identity_however_it_is_typed(spelling: str) -> None:
    assert library_identity(spelling) == "postgresql://db.example:5432/equipe"


def test_other_port_or_database_is_another_library(tmp_path: Path) -> None:
    base = library_identity("postgresql://db.example/equipe")
    assert library_identity("postgresql://db.example:5433/equipe") != base
    assert library_identity("postgresql://db.example/autre") != base
    assert library_identity("postgresql://127.0.0.1/equipe") == library_identity(
        "postgresql://localhost:5432/equipe"
    )
    nested = tmp_path / "a" / ".." / "equipe.sqlite"
    assert library_identity(nested) == library_identity(f"sqlite:///{tmp_path / 'equipe.sqlite'}")
