"""Shared by the command-line tests: one call of the real entry point, and a sample library."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from qe_desktop.app import main
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from tests.conftest import SAMPLES


def run(capsys: pytest.CaptureFixture[str], db: Path | str, *args: str) -> tuple[int, str, str]:
    """`qe-desktop --db DB ARGS…` in this process: (exit code, stdout, stderr)."""
    return run_main(capsys, "--db", str(db), *args)


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`qe-desktop ARGV…` in this process, for what comes before `--db` or goes without it."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sample_library(
    tmp_path_factory: pytest.TempPathFactory,
    folder: str,
    prepare: Callable[[Services], object] | None = None,
) -> Path:
    """A library holding `resources/samples`, then whatever `prepare` adds, closed."""
    db = tmp_path_factory.mktemp(folder) / "bibliotheque.sqlite"
    database = open_library(db)
    services = Services.build(database, "Marie")
    assert services.importing.import_paths([SAMPLES]).ok
    if prepare is not None:
        prepare(services)
    database.close()
    return db
