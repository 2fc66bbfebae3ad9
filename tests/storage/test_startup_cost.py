"""Start-up does only what it must: no Alembic when the schema is current, no XLSX writer."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qe_desktop.services.library import open_library
from qe_desktop.storage.schema import head_revision, scripted_head

pytestmark = [pytest.mark.xdist_group("subprocess")]
ROOT = Path(__file__).resolve().parents[2]

OPEN_AND_LIST_MODULES = textwrap.dedent(
    """
    import sys
    from qe_desktop.app import build_services
    services = build_services(sys.argv[1])
    services.questions.total()
    loaded = sorted({name.split(".")[0] for name in sys.modules})
    print(" ".join(loaded))
    """
)


def _modules_after_opening(db: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_MODULES, str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return set(done.stdout.split())


def test_the_head_read_from_the_migration_files_is_alembics() -> None:
    assert scripted_head() == head_revision()


def test_opening_an_up_to_date_library_loads_neither_alembic_nor_openpyxl(
    db_path: Path,
) -> None:
    open_library(db_path).close()  # created and migrated once
    loaded = _modules_after_opening(db_path)
    assert "sqlalchemy" in loaded
    assert not {"alembic", "openpyxl"} & loaded


WINDOW_MODULES = textwrap.dedent(
    """
    import sys
    from qe_desktop.app import build_services
    from qe_desktop.ui.main_window import MainWindow  # noqa: F401
    from qe_desktop.ui.commitments import suggestions  # noqa: F401
    build_services(sys.argv[1]).commitments.cached_suggestions
    print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
    """
)


def test_the_window_and_the_suggestions_do_not_load_spacy_before_they_need_it(
    db_path: Path,
) -> None:
    open_library(db_path).close()
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_MODULES, str(db_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    loaded = set(done.stdout.split())
    assert "PySide6" in loaded
    assert not {"spacy", "thinc", "sklearn"} & loaded
