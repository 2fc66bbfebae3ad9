"""The SQL of a bulk import on SQLite, on the driver alone (no SQLAlchemy).

One home for the statements that write new questions, their search index, their first
text versions and the archive entries: the ordinary path (`storage/bulk.py`, under a
SQLAlchemy session) and the first load of a new library (`services/direct_load.py`, on
`sqlite3` alone) run the same ones.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from qe_desktop.storage.prepared import COLUMNS, PreparedQuestion

BULK_CACHE_KIB = 256 * 1024  # page cache of the connection writing a bulk import, at most
# What FTS5 holds in memory before it writes a segment of the search index (its default:
# 1 MB). A chunk's new questions are indexed in one statement and flushed at its commit:
# with the default, a chunk of 2,000 questions was written as a dozen small segments,
# merged again and again as the index grew (writer CPU at 100,000 questions: 47 s,
# 36 s with this; 20,000: 6.2 s, 5.0 s). The memory is a chunk's postings, then freed.
SEARCH_HASH_BYTES = 64 * 1024 * 1024

SEARCH_COLUMNS = "title, question_text, answer_text, notes_text"  # migrations/fts.py COLUMNS
# The current versions of new questions (storage/text_versions.new_version_rows, in SQL):
# the hash and the source; the text itself stays in the question.
FIRST_VERSIONS = """
INSERT INTO text_versions (question_id, part, text, text_hash, source, imported_at, state, reason)
SELECT id, part, '', digest, substr(source_file, 1, 500), imported_at, 'current', '' FROM (
    SELECT id, 'question' AS part, question_hash AS digest, source_file, imported_at, 0 AS n
    FROM questions WHERE id > ? AND question_text <> ''
    UNION ALL
    SELECT id, 'answer', answer_hash, source_file, imported_at, 1
    FROM questions WHERE id > ? AND coalesce(answer_text, '') <> ''
) ORDER BY id, n
"""
INSERT_ENTRIES = (
    "INSERT INTO import_entries (archive, entry, crc, size, questions) VALUES (?, ?, ?, ?, ?)"
)
_QUOTED = ", ".join(f'"{name}"' for name in (*COLUMNS, "imported_at"))
_INSERT_HEAD = f"INSERT INTO questions ({_QUOTED}) VALUES "
_INDEX_NEW = (
    f"INSERT INTO question_search (rowid, {SEARCH_COLUMNS}) "
    f"SELECT id, {SEARCH_COLUMNS} FROM questions WHERE id > ?"
)

_HASH_SIZE = "SELECT v FROM question_search_config WHERE k = 'hashsize'"
_SET_HASH_SIZE = "INSERT INTO question_search (question_search, rank) VALUES ('hashsize', ?)"


def sqlite_stamp(moment: datetime) -> str:
    """A UTC time as SQLAlchemy's SQLite `DateTime` stores it (`storage/types.UTCDateTime`);
    a test checks both agree.
    """
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    return naive.strftime("%Y-%m-%d %H:%M:%S.%f")


def write_new_chunk(
    raw: sqlite3.Connection, questions: Sequence[PreparedQuestion], imported_at: str
) -> int:
    """Insert a chunk of new rows, then index them and write their first text versions;
    returns the largest id before them (the chunk's rows have larger ones).

    While `question_search_bulk` holds a row (in this transaction only: no other
    connection ever sees it, and a kill rolls it back), the insert trigger skips the
    rows; one `INSERT … SELECT` then indexes them all in the same transaction: the
    full-text index never disagrees with its table, and FTS5 tokenizes the chunk in
    one pass (40 % less CPU than through the trigger, row by row).
    """
    (before,) = raw.execute("SELECT coalesce(max(id), 0) FROM questions").fetchone()
    _segment_per_chunk(raw)
    raw.execute("INSERT INTO question_search_bulk (chunk) VALUES (1)")
    insert_rows(raw, questions, imported_at)
    raw.execute(_INDEX_NEW, (before,))
    raw.execute("DELETE FROM question_search_bulk")
    raw.execute(FIRST_VERSIONS, (before, before))
    return int(before)


def _segment_per_chunk(raw: sqlite3.Connection) -> None:
    """Let FTS5 hold a whole chunk's postings before writing them (`SEARCH_HASH_BYTES`).

    A setting of the index itself (a row of `question_search_config`, kept for later
    imports), written once: each write of it makes other connections reload the config.
    """
    found = raw.execute(_HASH_SIZE).fetchone()
    if found is None or found[0] != SEARCH_HASH_BYTES:
        raw.execute(_SET_HASH_SIZE, (SEARCH_HASH_BYTES,))


def insert_rows(
    raw: sqlite3.Connection, questions: Sequence[PreparedQuestion], imported_at: str
) -> None:
    """Insert prepared questions, a few hundred rows per multi-row INSERT.

    Their values are already in SQLite's form: the rows go to the driver as they came
    from the reader, the import time appended. One statement per few hundred rows
    costs half the CPU of `executemany` row by row (10,000 questions: 0.44 s against
    0.80 s), and SQLite inserts and indexes them in one call that releases the GIL.
    """
    if not questions:
        return
    # The full-text index merges its segments as it grows; with the wide question rows
    # written in between, a small page cache re-reads them from disk at every merge
    # (a 100,000 question import took 3.6 times the floor's time).
    raw.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    width = len(COLUMNS) + 1
    per_statement = max(1, raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width)
    one_row = "(" + ", ".join("?" * width) + ")"
    cursor = raw.cursor()
    for start in range(0, len(questions), per_statement):
        batch = questions[start : start + per_statement]
        values = [value for q in batch for value in (*q.row, imported_at)]
        cursor.execute(_INSERT_HEAD + ", ".join([one_row] * len(batch)), values)
