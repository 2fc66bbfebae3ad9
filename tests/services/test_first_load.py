"""A first load into an empty library commits unsynced, looks up and copies less, and
leaves everything on disk."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from qe_desktop.services import importing
from qe_desktop.services.container import Services
from qe_desktop.services.importing import CHUNK_SIZE, FIRST_CHUNK, ImportService, _chunk_limit
from qe_desktop.services.library import open_library


def test_a_first_load_ends_with_the_log_copied_into_the_file(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 30, seed=4)
    db = tmp_path / "first.sqlite"
    database = open_library(db)
    report = ImportService(database, process_min_items=10**9).import_paths([corpus])
    wal = Path(f"{db}-wal")
    assert report.imported == 30
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed and truncated
    with database.write() as session:  # later writes are synced again
        level = session.connection().exec_driver_sql("PRAGMA synchronous").scalar()
    assert level == 1  # NORMAL
    database.close()
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM questions").fetchone() == (30,)
    connection.close()


def test_an_import_into_a_library_in_use_is_not_a_first_load(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 10, seed=4)
    database = open_library(tmp_path / "used.sqlite")
    service = ImportService(database, process_min_items=10**9)
    assert service._is_empty()
    service.import_paths([corpus])
    assert not service._is_empty()
    database.close()


ADDED = "Le ministre apporte les précisions suivantes."


def _answered_entry(corpus: Path) -> tuple[str, dict[str, object]]:
    with zipfile.ZipFile(corpus) as archive:
        for name in sorted(archive.namelist()):
            record = json.loads(archive.read(name))
            if record["question"].get("textesReponse"):
                return name, record
    raise AssertionError("no answered question in the corpus")


def test_a_question_met_twice_in_a_first_load_is_stored_once_then_updated(
    services: Services, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second copy comes in a later chunk: it is looked up (this import wrote the
    first one) and updated, never inserted twice."""
    monkeypatch.setattr(importing, "CHUNK_SIZE", 7)
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 30, seed=4)
    name, record = _answered_entry(corpus)
    answer = record["question"]["textesReponse"]["texteReponse"]  # type: ignore[index]
    answer["texte"] = f"<p>{ADDED}</p>" + answer["texte"]
    later = tmp_path / "correctif.zip"
    with zipfile.ZipFile(later, "w") as archive:
        archive.writestr(name, json.dumps(record, ensure_ascii=False))

    report = services.importing.import_paths([corpus, later])

    assert (report.imported, report.updated, report.failed) == (30, 1, 0)
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT answer_text FROM questions WHERE uid = ?", (Path(name).stem,)
        ).fetchall()
        total = connection.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert total == 30
    assert len(rows) == 1 and rows[0][0].startswith(ADDED)


def test_a_first_load_into_a_new_library_copies_nothing(services: Services, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 20, seed=4)
    assert services.backups.daily() is None  # created a moment ago, still empty
    assert services.importing.import_paths([corpus]).imported == 20
    assert services.backups.list() == []
    assert services.backups.daily() is not None  # now it holds questions


def test_chunks_start_small_grow_and_shrink_again_near_the_end() -> None:
    sizes, done, total = [], 0, 10_000
    while done < total:
        size = min(_chunk_limit(len(sizes), done, total), total - done)
        sizes.append(size)
        done += size
    assert sizes[:4] == [FIRST_CHUNK, 2 * FIRST_CHUNK, 4 * FIRST_CHUNK, CHUNK_SIZE]
    assert max(sizes) == CHUNK_SIZE
    assert sizes[-1] <= FIRST_CHUNK
    # one file holding a legislature is the last input from the start: no shrinking
    assert _chunk_limit(10, 1, 1) == CHUNK_SIZE
