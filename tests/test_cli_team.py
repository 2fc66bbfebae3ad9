"""The command line on a team library: --db postgresql+psycopg://…, migrate, sync --with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.cli_support import run_main
from tests.conftest import SAMPLES, SEED


@pytest.mark.postgres
def test_import_list_and_search_run_on_postgresql(pg_url: str, capsys) -> None:
    code, out, _ = run_main(capsys, "--db", pg_url, "import", str(SAMPLES))
    assert code == 0 and "10 importée(s)" in out
    code, out, _ = run_main(capsys, "--db", pg_url, "list", "--json")
    assert code == 0
    assert len(json.loads(out)) == 10
    code, out, _ = run_main(capsys, "--db", pg_url, "search", "energetique", "--json")
    assert code == 0
    [hit] = json.loads(out)
    assert hit["key"] == "senat-20250130-fabien-genet-p246"
    code, out, _ = run_main(capsys, "--db", pg_url, "search", "energetique")
    assert "«énergétique»" in out


@pytest.mark.postgres
def test_libpq_url_spelling_is_accepted(pg_url: str, capsys) -> None:
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    code, out, _ = run_main(capsys, "--db", plain, "import", str(SEED))
    assert code == 0 and "1 importée(s)" in out


@pytest.mark.postgres
def test_migrate_creates_the_team_schema_and_says_so(pg_url: str, capsys) -> None:
    code, out, _ = run_main(capsys, "--db", pg_url, "migrate")
    assert code == 0
    assert "schéma à jour" in out
    code, out, _ = run_main(capsys, "--db", pg_url, "list", "--json")
    assert code == 0 and json.loads(out) == []


def test_migrate_on_a_file(tmp_path: Path, capsys) -> None:
    code, out, _ = run_main(capsys, "--db", str(tmp_path / "a.sqlite"), "migrate")
    assert code == 0
    assert str(tmp_path / "a.sqlite") in out and "schéma à jour" in out


def test_sync_with_reports_both_ways_then_nothing(
    tmp_path: Path, any_location: str, capsys
) -> None:
    local = str(tmp_path / "portable.sqlite")
    assert run_main(capsys, "--db", local, "import", str(SEED))[0] == 0
    assert run_main(capsys, "--db", any_location, "import", str(SAMPLES / "an"))[0] == 0

    code, out, _ = run_main(capsys, "--db", local, "sync", "--with", any_location)
    assert code == 0
    assert "Ici : 3 question(s) ajoutée(s)" in out
    assert "En face : 1 question(s) ajoutée(s)" in out

    code, out, _ = run_main(capsys, "--db", local, "sync", "--with", any_location, "--json")
    assert code == 0
    report = json.loads(out)
    assert report["conflicts"] == []
    assert sum(report["here"].values()) == sum(report["there"].values()) == 0


def test_sync_with_an_unreachable_server_fails_cleanly_without_the_password(
    tmp_path: Path, capsys
) -> None:
    secret = "Tr3sS3cret"
    url = make_url("postgresql+psycopg://anne@/equipe").set(
        password=secret, query={"host": str(tmp_path / "nowhere")}
    )
    local = str(tmp_path / "portable.sqlite")
    code, out, err = run_main(
        capsys, "--db", local, "sync", "--with", url.render_as_string(hide_password=False)
    )
    assert code == 1
    assert "Impossible d'ouvrir la bibliothèque d'équipe" in err
    assert "aucun serveur PostgreSQL ne répond (sur ce poste)" in err
    assert "No such file" not in err and "Is the server running" not in err
    assert secret not in out + err
