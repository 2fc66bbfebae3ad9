"""`qe-desktop annotate … --category engagement` dates the commitment as the window does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qe_desktop.app import main
from tests.conftest import SEED


def test_an_engagement_made_from_the_command_line_gets_its_due_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    assert main(["--db", str(db), "import", str(SEED)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "list", "--json"]) == 0
    key = json.loads(capsys.readouterr().out)[0]["key"]
    quote = "l'ensemble des ministères présenteront d'ici juin 2025"
    code = main(["--db", str(db), "annotate", key, "--quote", quote, "--category", "engagement"])
    assert code == 0
    capsys.readouterr()
    assert main(["--db", str(db), "commitments", "--json"]) == 0
    [commitment] = json.loads(capsys.readouterr().out)
    assert commitment["due_date"] == "2025-06-30"
    assert commitment["overdue"] is True
