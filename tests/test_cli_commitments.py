"""`qe-desktop commitments [--suggest KEY] [--overdue] [--json]`, through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from tests.cli_support import run, sample_library

SEED_KEY = "senat-20250130-fabien-genet-p246"


@pytest.fixture
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_library(tmp_path_factory, "cli")


def _accept_the_seed_commitment(db: Path) -> str:
    services = Services.build(open_library(db), "Claire")
    try:
        [suggestion] = services.commitments.suggestions(SEED_KEY)
        return services.commitments.accept(SEED_KEY, suggestion).id
    finally:
        services.database.close()


def test_suggest_prints_the_sentence_its_date_confidence_and_cues(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "commitments", "--suggest", SEED_KEY)
    assert code == 0
    assert "l'ensemble des ministères présenteront d'ici juin 2025" in out
    assert "échéance 30/06/2025 (précision : month)" in out
    assert "confiance 0.85" in out
    assert "pourquoi : futur : « présenteront »" in out


def test_suggest_json(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "commitments", "--suggest", SEED_KEY, "--json")
    assert code == 0
    [suggestion] = json.loads(out)
    assert suggestion["due_date"] == "2025-06-30"
    assert suggestion["precision"] == "month"
    assert 0.5 <= suggestion["confidence"] <= 1
    assert any("présenteront" in cue for cue in suggestion["cues"])
    assert suggestion["sentence"].startswith("Enfin, pour assurer")


def test_suggest_for_an_unknown_question_exits_two(library: Path, capsys) -> None:
    code, _, err = run(capsys, library, "commitments", "--suggest", "senat-inconnue")
    assert code == 2
    assert "senat-inconnue" in err


def test_the_seed_roadmaps_are_listed_as_overdue(library: Path, capsys) -> None:
    code, out, _ = run(capsys, library, "commitments", "--overdue", "--json")
    assert (code, json.loads(out)) == (0, [])
    accepted = _accept_the_seed_commitment(library)

    code, out, _ = run(capsys, library, "commitments", "--overdue", "--json")
    assert code == 0
    [row] = json.loads(out)
    assert row["annotation_id"] == accepted
    assert row["question_key"] == SEED_KEY
    assert row["due_date"] == "2025-06-30"
    assert row["status"] == "a_verifier"
    assert row["overdue"] is True
    assert row["days_overdue"] >= 517  # on 29/11/2026, and more every day after

    code, out, _ = run(capsys, library, "commitments")
    assert code == 0
    assert out.startswith("30/06/2025\tà vérifier\ten retard de ")
    assert SEED_KEY in out

    code, out, _ = run(capsys, library, "show", SEED_KEY)
    assert "engagement : échéance juin 2025, à vérifier, Ministère de l'économie" in out

    code, out, _ = run(capsys, library, "show", SEED_KEY, "--json")
    [annotation] = json.loads(out)["annotations"]
    assert annotation["commitment"]["history"][0]["author"] == "Claire"
