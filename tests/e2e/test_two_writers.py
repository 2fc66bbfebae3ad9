"""Two writers on one library: the command line imports while the window annotates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from qe_desktop.domain.annotation import Part
from qe_desktop.domain.views import QuestionFilter
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from tests.conftest import SEED

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def test_annotating_while_another_process_imports_never_fails(tmp_path: Path) -> None:
    db = tmp_path / "partagee.sqlite"
    window = Services.build(open_library(db), "fenetre")
    key = window.importing.import_paths([SEED]).keys[0]
    corpus = write_corpus(tmp_path / "corpus.zip", 1_500, seed=3)
    importer = subprocess.Popen(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), "import", str(corpus)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    created = []
    while importer.poll() is None:
        created.append(window.annotations.create(key, Part.ANSWER, 0, 40, "important").id)
        window.questions.count(QuestionFilter(text="ministère"))  # the window keeps reading too
    assert importer.returncode == 0, importer.stderr.read() if importer.stderr else ""
    assert created, "the import finished before any concurrent write"
    stored = {a.id for a in window.annotations.for_question(key)}
    assert set(created) <= stored
    assert window.questions.total() == 1_501
