"""New questions of a bulk chunk are indexed for search in one statement, in step."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.corpus import write_corpus
from qe_desktop.domain.question import Chamber, QuestionRecord
from qe_desktop.importers.sources import iter_sources
from qe_desktop.services.container import Services
from qe_desktop.services.import_reading import read_inputs
from qe_desktop.storage.bulk import insert_new
from qe_desktop.storage.bulk_sql import SEARCH_HASH_BYTES, write_new_chunk
from qe_desktop.storage.database import Database
from qe_desktop.storage.prepared import PreparedQuestion
from qe_desktop.storage.questions import upsert_question
from qe_desktop.storage.schema_snapshot import create_from_snapshot


def _check_index(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO question_search(question_search) VALUES ('integrity-check')"
        )
        assert connection.execute("SELECT count(*) FROM question_search_bulk").fetchone() == (0,)


def _found(db: Path, word: str) -> int:
    with sqlite3.connect(db) as connection:
        query = "SELECT count(*) FROM question_search WHERE question_search MATCH ?"
        return int(connection.execute(query, (word,)).fetchone()[0])


def test_a_bulk_import_leaves_the_index_in_step_and_searchable(
    services: Services, db_path: Path, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 30, seed=3)
    assert services.importing.import_paths([corpus]).imported == 30
    _check_index(db_path)
    with sqlite3.connect(db_path) as connection:
        title = connection.execute("SELECT title FROM questions LIMIT 1").fetchone()[0]
        versions = connection.execute(
            "SELECT count(*) FROM text_versions WHERE state = 'current'"
        ).fetchone()[0]
        texts = (
            connection.execute(
                "SELECT count(*) FROM questions WHERE question_text <> ''"
            ).fetchone()[0]
            + connection.execute(
                "SELECT count(*) FROM questions WHERE coalesce(answer_text, '') <> ''"
            ).fetchone()[0]
        )
    assert versions == texts  # each text's first version, written by the same chunk
    assert _found(db_path, f'"{title.split()[0]}"') >= 1


def test_rows_written_one_by_one_still_go_through_the_trigger(
    database: Database, db_path: Path
) -> None:
    bulk = QuestionRecord(
        chamber=Chamber.AN, question_text="Premier texte zygomatique.", uid="QANR5L17QE1",
        legislature=17, number="1",
    )  # fmt: skip
    alone = QuestionRecord(
        chamber=Chamber.AN, question_text="Second texte xylophonique.", uid="QANR5L17QE2",
        legislature=17, number="2",
    )  # fmt: skip
    with database.write() as session:
        insert_new(session, [bulk])
    with database.write() as session:
        upsert_question(session, alone)
    assert _found(db_path, "zygomatique") == 1
    assert _found(db_path, "xylophonique") == 1
    _check_index(db_path)


def test_a_failed_chunk_leaves_neither_rows_nor_index_entries(
    database: Database, db_path: Path
) -> None:
    record = QuestionRecord(
        chamber=Chamber.AN, question_text="Texte orphelin.", uid="QANR5L17QE3",
        legislature=17, number="3",
    )  # fmt: skip
    try:
        with database.write() as session:
            insert_new(session, [record])
            raise RuntimeError("killed here")
    except RuntimeError:
        pass
    assert _found(db_path, "orphelin") == 0
    _check_index(db_path)


def _segments(connection: sqlite3.Connection) -> int:
    return int(
        connection.execute("SELECT count(DISTINCT segid) FROM question_search_idx").fetchone()[0]
    )


def test_a_chunk_is_indexed_as_one_segment_and_finds_what_a_rebuild_finds(
    tmp_path: Path,
) -> None:
    """The index holds a whole chunk's postings before writing them (`hashsize`): one
    segment per chunk, not one per megabyte, and the same matches as an index rebuilt."""
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 1_500, seed=8)
    prepared = [
        read
        for read in read_inputs(iter_sources([corpus]), {})
        if isinstance(read, PreparedQuestion)
    ]
    db = tmp_path / "lib.sqlite"
    with sqlite3.connect(db, isolation_level=None) as connection:
        create_from_snapshot(connection)
        connection.execute("BEGIN")
        write_new_chunk(connection, prepared, "2026-12-07 21:00:00.000000")
        connection.execute("COMMIT")
        setting = "SELECT v FROM question_search_config WHERE k = 'hashsize'"
        assert connection.execute(setting).fetchone() == (SEARCH_HASH_BYTES,)
        assert _segments(connection) == 1
        words = ("ministre", "école", "santé", "réponse", "agriculture")
        query = "SELECT rowid FROM question_search WHERE question_search MATCH ? ORDER BY rowid"
        found = {w: connection.execute(query, (w,)).fetchall() for w in words}
        assert all(found.values())
        connection.execute(
            "INSERT INTO question_search(question_search, rank) VALUES ('hashsize', 1048576)"
        )
        connection.execute("INSERT INTO question_search(question_search) VALUES ('rebuild')")
        assert _segments(connection) > 1  # what the default left: a segment per megabyte
        assert {w: connection.execute(query, (w,)).fetchall() for w in words} == found
    connection.close()
    _check_index(db)
