"""Every import is written in the library's history, with what it refused."""

from __future__ import annotations

import json
from pathlib import Path

from qe_desktop.app import main
from qe_desktop.services.container import Services
from tests.conftest import SAMPLES, SEED


def test_imports_are_recorded_newest_first_with_their_failures(
    services: Services, tmp_path: Path
) -> None:
    missing = tmp_path / "absent.txt"
    services.importing.import_paths([SAMPLES, missing])
    services.importing.import_paths([SEED])
    services.importing.import_text("pas une question", source="presse-papiers")
    latest, second, first = services.import_history.recent()[:3]
    assert first.sources == (str(SAMPLES), str(missing))
    assert first.imported >= 5 and first.failed == 1
    assert first.failures[0][0] == str(missing) and first.failures[0][1]
    assert second.unchanged == 1 and second.imported == 0 and not second.failures
    assert latest.sources == ("presse-papiers",) and latest.failed == 1
    assert first.started_at <= (first.finished_at or first.started_at)


def test_the_command_line_lists_the_history(tmp_path: Path, capsys) -> None:
    db = tmp_path / "cli.sqlite"
    assert main(["--db", str(db), "import", str(SEED)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "imports", "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["sources"] == [str(SEED)] and entry["imported"] == 1
