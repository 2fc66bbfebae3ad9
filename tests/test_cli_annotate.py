"""`annotate`, `annotations list|delete`, `commitments accept|dismiss|due|status`, end to end."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from tests.cli_support import run, sample_library

SEED_KEY = "senat-20250130-fabien-genet-p246"


@pytest.fixture
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_library(tmp_path_factory, "cli")


def _listed(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict[str, object]]:
    code, out, _ = run(capsys, db, "annotations", "list", "--question", SEED_KEY, "--json")
    assert code == 0
    listed: list[dict[str, object]] = json.loads(out)
    return listed


def test_annotate_creates_a_highlight_with_note_and_tags(library: Path, capsys) -> None:
    code, out, err = run(
        capsys, library, "annotate", SEED_KEY, "--quote", "leur feuille de route",
        "--category", "Élusion", "--note", "**À suivre**", "--tag", "IA", "relance", "--json",
    )  # fmt: skip
    assert code == 0, err
    created = json.loads(out)
    assert created["category"] == "elusion" and created["part"] == "answer"
    assert created["note"] == "**À suivre**" and created["tags"] == ["IA", "relance"]
    [listed] = _listed(capsys, library)
    assert listed["id"] == created["id"] and listed["exact"] == "leur feuille de route"
    services = Services.build(open_library(library), "x")
    try:  # the window's service sees the same annotation
        [record] = services.annotations.for_question(SEED_KEY)
        detail = services.questions.detail(SEED_KEY)
        answer = detail.record.answer_text or ""
        assert answer[record.selector.start : record.selector.end] == "leur feuille de route"
    finally:
        services.database.close()


def test_annotate_in_the_question_and_its_mistakes(library: Path, capsys) -> None:
    quote = "accélérer le déploiement de l'intelligence artificielle"
    code, out, _ = run(capsys, library, "annotate", SEED_KEY, "--quote", quote)
    assert code == 0 and "(important, question)" in out
    code, _, err = run(capsys, library, "annotate", SEED_KEY, "--quote", "introuvable xyz")
    assert code == 2 and "passage introuvable" in err
    code, _, err = run(capsys, library, "annotate", SEED_KEY, "--quote", "feuille de route")
    assert code == 2 and "--occurrence" in err
    code, _, err = run(capsys, library, "annotate", SEED_KEY, "--quote", quote, "--category", "x")
    assert code == 2 and "catégorie inconnue" in err
    code, _, err = run(capsys, library, "annotate", "nope", "--quote", quote)
    assert code == 2 and "nope" in err


def test_annotations_list_and_delete_by_id_prefix(library: Path, capsys) -> None:
    run(capsys, library, "annotate", SEED_KEY, "--quote", "leur feuille de route")
    code, out, _ = run(capsys, library, "annotations", "list")
    assert code == 0 and "« leur feuille de route »" in out
    [listed] = _listed(capsys, library)
    code, out, _ = run(capsys, library, "annotations", "delete", str(listed["id"])[:8])
    assert code == 0 and "supprimée" in out
    assert _listed(capsys, library) == []
    code, _, err = run(capsys, library, "annotations", "delete", "ffffffff")
    assert code == 2 and "introuvable" in err


def test_commitments_accept_due_status_and_dismiss(library: Path, capsys) -> None:
    code, out, err = run(capsys, library, "commitments", "accept", SEED_KEY, "--json")
    assert code == 0, err
    accepted = json.loads(out)
    assert accepted["commitment"]["due_date"] == "2025-06-30"
    short = accepted["id"][:8]
    code, out, _ = run(capsys, library, "commitments", "due", short, "2025-12-31")
    assert code == 0 and "2025-12-31" in out
    reason = ("--reason", "feuilles de route publiées", "--evidence", "https://x.fr")
    code, out, _ = run(capsys, library, "commitments", "status", short, "tenu", *reason)
    assert code == 0 and "tenu" in out
    code, out, _ = run(capsys, library, "commitments", "--json")
    [row] = json.loads(out)
    assert row["due_date"] == "2025-12-31" and row["status"] == "tenu"
    services = Services.build(open_library(library), "x")
    try:
        commitment = services.commitments.record(accepted["id"]).commitment
        assert commitment is not None and commitment.due_date == date(2025, 12, 31)
        assert commitment.history[-1].reason == "feuilles de route publiées"
    finally:
        services.database.close()
    code, _, err = run(capsys, library, "commitments", "accept", SEED_KEY)
    assert code == 2 and "aucun engagement suggéré" in err  # the only one is taken


def test_dismiss_hides_the_suggestion(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "commitments", "dismiss", SEED_KEY, "--number", "1")
    assert code == 0 and "écartée" in out
    code, out, _ = run(capsys, library, "commitments", "--suggest", SEED_KEY, "--json")
    assert json.loads(out) == []
    code, _, err = run(capsys, library, "commitments", "due", "nope-id", "2025-13-01")
    assert code == 2 and "introuvable" in err


def test_the_old_commitments_listing_still_works(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "commitments", "--json")
    assert code == 0 and json.loads(out) == []
