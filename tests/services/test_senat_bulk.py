"""Sénat pages go through the bulk path too, without ever duplicating a stored question."""

from __future__ import annotations

import random
import sqlite3
import zipfile
from pathlib import Path

from benchmarks.corpus import build_vocabulary, make_senat_page, write_senat_corpus
from qe_desktop.services.importing import ImportService
from qe_desktop.services.library import open_library


def _count(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT key, number FROM questions ORDER BY key").fetchall()
    connection.close()
    return rows


def test_a_senat_archive_imports_once_then_is_unchanged(tmp_path: Path) -> None:
    corpus = write_senat_corpus(tmp_path / "senat.zip", 60, seed=3, legislature=16)
    db = tmp_path / "s.sqlite"
    database = open_library(db)
    first = ImportService(database, process_min_items=10**9).import_paths([corpus])
    again = ImportService(database, process_min_items=10**9).import_paths([corpus])
    database.close()
    assert (first.imported, first.failed) == (60, 0)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 60)
    assert len(_count(db)) == 60


def test_a_numbered_page_completes_the_same_question_stored_without_its_number(
    tmp_path: Path,
) -> None:
    page = make_senat_page(42, 16, random.Random(5), build_vocabulary())
    without_number = page.split("\n", 2)[2]  # as pasted from an older page: no number, no title
    db = tmp_path / "s.sqlite"
    database = open_library(db)
    service = ImportService(database)
    assert service.import_text(without_number).imported == 1
    archive = tmp_path / "numbered.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("senat/q16-000042.txt", page)
    report = service.import_paths([archive])
    database.close()
    assert report.imported == 0 and report.updated == 1
    assert [number for _, number in _count(db)] == ["00042"]
