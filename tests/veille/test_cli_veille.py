"""`qe-desktop update | follow | inbox` against the local open-data site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import run
from tests.veille.conftest import Site
from tests.veille.server import sources_file


def test_update_follow_inbox(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    db = tmp_path / "lib.sqlite"
    table = str(sources_file(tmp_path / "sources.json", site.server))

    code, out, _ = run(capsys, db, "follow", "add", "--author", "M. Fabien Genet")
    assert code == 0 and out == "1\tAuteur : M. Fabien Genet\n"
    code, out, err = run(capsys, db, "update", "--sources", table, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert [s["status"] for s in report["sources"]] == ["updated", "updated"]
    assert (report["new_questions"], report["new_answers"]) == (2, 1)
    assert (tmp_path / "cache" / "qe-desktop" / "sources" / "questions-depuis-un-an.csv").exists()

    code, out, _ = run(capsys, db, "inbox", "--json")
    items = json.loads(out)
    assert {tuple(sorted(i)) for i in items} == {
        ("at", "author", "follow", "id", "kind", "question_key", "seen", "title")
    }
    answers = [i for i in items if i["kind"] == "new_answer"]
    assert [(i["question_key"], i["follow"], i["seen"]) for i in answers] == [
        ("senat-17-03038", "Auteur : Fabien Genet", False)
    ]
    unknown = max(i["id"] for i in items) + 1
    code, out, err = run(capsys, db, "inbox", "--mark-seen", str(answers[0]["id"]), str(unknown))
    assert (code, out) == (2, "")
    assert f"--mark-seen : numéro inconnu dans les nouveautés : {unknown} " in err
    code, out, _ = run(capsys, db, "inbox", "--json", "--unseen")
    assert answers[0]["id"] in {i["id"] for i in json.loads(out)}, "nothing marked on a typo"
    code, out, _ = run(capsys, db, "inbox", "--mark-seen", str(answers[0]["id"]))
    assert out == "1 nouveauté(s) marquée(s) comme vue(s)\n"
    code, out, _ = run(capsys, db, "inbox", "--json", "--unseen")
    assert answers[0]["id"] not in {i["id"] for i in json.loads(out)}
    code, out, _ = run(capsys, db, "follow", "list", "--json")
    (follow,) = json.loads(out)
    assert (follow["kind"], follow["value"], follow["unseen"], follow["total"]) == (
        "author",
        "Fabien Genet",
        2,
        3,
    )

    code, out, _ = run(capsys, db, "update", "--sources", table, "--source", "senat")
    assert code == 0 and out.startswith("Sénat (questions-depuis-un-an.csv) : inchangé")

    code, out, _ = run(capsys, db, "follow", "remove", str(follow["id"]))
    assert code == 0
    code, out, err = run(capsys, db, "follow", "remove", "99")
    assert code == 1 and err == "suivi 99 introuvable\n"


def test_update_failure_exits_one_with_french_messages(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    site.csv.body = b"<html><body>Service indisponible</body></html>"
    table = str(sources_file(tmp_path / "sources.json", site.server))
    code, out, err = run(capsys, tmp_path / "lib.sqlite", "update", "--sources", table)
    assert code == 1
    assert "Sénat : échec" in out.replace("Sénat (questions-depuis-un-an.csv)", "Sénat")
    assert (
        "échec : Sénat (questions-depuis-un-an.csv) : le serveur a envoyé une page web "
        "au lieu du fichier CSV" in err
    )
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    code, _, err = run(capsys, tmp_path / "lib.sqlite", "update", "--sources", str(bad))
    assert code == 2 and err.startswith(f"{bad} : JSON invalide")


def test_offline_csv_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = Path(__file__).resolve().parent.parent / "data" / "veille" / "questions-broken-rows.csv"
    code, out, err = run(capsys, tmp_path / "lib.sqlite", "import", str(csv))
    assert code == 1 and out.startswith("3 importée(s)")
    assert "(ligne 5) : date de publication illisible" in err
    assert f"note : {csv} : colonne(s) inconnue(s) ignorée(s) : Colonne mystère" in err
