"""Test-wide setup: headless Qt, isolated settings and data folders, real temp libraries."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = Path(tempfile.mkdtemp(prefix="qe-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")  # QSettings, never the user's
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")  # default library location
os.environ["QE_DESKTOP_LOG_DIR"] = str(_SANDBOX / "logs")  # never the user's log folder
os.environ.pop("QE_DESKTOP_DB", None)
os.environ["QE_DESKTOP_WARM_UP_MS"] = "0"  # windows analyse answers at once, as they did

import pytest  # noqa: E402

from qe_desktop.services.container import Services  # noqa: E402
from qe_desktop.services.library import open_library  # noqa: E402
from qe_desktop.storage.database import Database  # noqa: E402
from tests.postgres_support import (  # noqa: E402, F401  (fixtures for both dialects)
    any_database,
    any_location,
    any_sample_services,
    any_services,
    dialect,
    pg_database,
    pg_fresh_url,
    pg_shared_url,
    pg_url,
    postgres_server,
    pytest_terminal_summary,
)

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).parent.parent / "resources" / "samples"
SEED = SAMPLES / "senat" / "genet-2025-ia-services-publics.txt"
# The seed page has no title: the importer derives it from the subject clause.
SEED_TITLE = "Implémentation de l'intelligence artificielle (IA) au sein des services publics"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "bibliotheque.sqlite"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    db = open_library(db_path)
    yield db
    db.close()


@pytest.fixture
def services(database: Database) -> Services:
    return Services.build(database, "testeur")


@pytest.fixture
def sample_services(services: Services) -> Services:
    """A library holding the bundled sample questions (the seed among them)."""
    report = services.importing.import_paths([SAMPLES])
    assert report.ok, report.failures
    return services


@pytest.fixture(autouse=True)
def _rules_finder_unless_real_model(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Services suggest with the fast rule finder in tests, as if the model were loaded.

    Loading spaCy takes seconds and the model's sentences are checked in
    tests/nlp/test_commitment_model.py; tests marked `real_model` use the real thing.
    """
    if request.node.get_closest_marker("real_model"):
        return
    from qe_desktop.domain import commitments as rules
    from qe_desktop.nlp import pipeline
    from qe_desktop.services import suggestion_cache

    monkeypatch.setattr(suggestion_cache, "_default_finder", rules.suggest_commitments)
    monkeypatch.setattr(suggestion_cache, "_default_version", lambda: "rules")
    monkeypatch.setattr(pipeline, "is_loaded", lambda: True)
