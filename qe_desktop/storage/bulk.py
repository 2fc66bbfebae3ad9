"""Bulk import paths: tell new, unchanged and changed questions apart per chunk, insert many.

A legislature is 30,000 to 100,000 questions. Looking each one up, loading it and
inserting it through the ORM costs more than parsing it; here a chunk costs a few
indexed queries and one INSERT statement, whatever its size.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table, insert, select, text
from sqlalchemy.orm import Session

from qe_desktop.domain.question import Chamber, QuestionRecord
from qe_desktop.storage.bulk_sql import write_new_chunk
from qe_desktop.storage.models import Question
from qe_desktop.storage.prepared import PreparedQuestion, prepare
from qe_desktop.storage.questions import Outcome, UpsertResult
from qe_desktop.storage.text_versions import insert_versions, new_version_rows
from qe_desktop.storage.types import utcnow

QUESTIONS = cast(Table, Question.__table__)
ANALYZE_AFTER = 1_000  # questions written by one import: the planner's statistics are stale
IN_BATCH = 900  # bound parameters per IN (…): below SQLite's historical limit of 999


@dataclass(frozen=True, slots=True)
class StoredIdentity:
    """What a re-import needs to know of a stored question before reading it whole."""

    question_id: int
    key: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class KnownQuestions:
    """Stored questions matching a chunk of records, by uid and by key."""

    by_uid: dict[str, StoredIdentity]
    by_key: dict[str, StoredIdentity]
    # Keys of Sénat records that some stored question might be (by number, URL, or
    # author and date): those go through `find_existing`, the others are new.
    senat_lookalikes: frozenset[str] = frozenset()

    def find(self, question: PreparedQuestion) -> StoredIdentity | None:
        """The stored question `find_existing` would pick first (uid, then key), if any."""
        uid = question.uid
        found = self.by_uid.get(uid) if uid else None
        return found or self.by_key.get(question.key)


def known_questions(session: Session, questions: Sequence[PreparedQuestion]) -> KnownQuestions:
    """Identity and content hash of the stored questions with these uids or keys.

    Two indexed queries per 900 records: a re-import tells unchanged and new
    questions apart without loading a single row.
    """
    columns = (Question.id, Question.key, Question.uid, Question.content_hash)
    uids = sorted({q.uid for q in questions if q.uid})
    keys = sorted({q.key for q in questions})
    by_uid: dict[str, StoredIdentity] = {}
    by_key: dict[str, StoredIdentity] = {}
    for column, wanted in ((Question.uid, uids), (Question.key, keys)):
        for start in range(0, len(wanted), IN_BATCH):
            query = select(*columns).where(column.in_(wanted[start : start + IN_BATCH]))
            for question_id, key, uid, content_hash in session.execute(query):
                stored = StoredIdentity(question_id, key, content_hash)
                by_key[key] = stored
                if uid:
                    by_uid[uid] = stored
    senat = [q for q in questions if q.chamber == Chamber.SENAT.value]
    lookalikes = _senat_lookalikes(session, senat) if senat else frozenset()
    return KnownQuestions(by_uid, by_key, lookalikes)


def _senat_lookalikes(session: Session, questions: Sequence[PreparedQuestion]) -> frozenset[str]:
    """Sénat records that `find_existing` might match with a stored question.

    Three set-based queries per chunk (number, URL, day of publication) instead of
    five per record: a Sénat archive imports through the bulk path too.
    """
    found: set[str] = set()
    numbers = sorted({q.record.number for q in questions if q.record.number})
    urls = sorted({q.record.url for q in questions if q.record.url})
    days = sorted({q.record.published_on for q in questions if q.record.published_on})
    senat = Question.chamber == Chamber.SENAT.value
    stored_numbers: set[tuple[object, ...]] = set()
    stored_urls: set[str | None] = set()
    stored_days: set[tuple[object, ...]] = set()
    for start in range(0, len(numbers), IN_BATCH):
        by_number = select(Question.legislature, Question.number, Question.qtype).where(
            senat, Question.number.in_(numbers[start : start + IN_BATCH])
        )
        stored_numbers.update(tuple(row) for row in session.execute(by_number))
    for start in range(0, len(urls), IN_BATCH):
        by_url = select(Question.url).where(Question.url.in_(urls[start : start + IN_BATCH]))
        stored_urls.update(session.scalars(by_url))
    for start in range(0, len(days), IN_BATCH):
        by_day = select(Question.author_name, Question.published_on).where(
            senat, Question.published_on.in_(days[start : start + IN_BATCH])
        )
        stored_days.update(tuple(row) for row in session.execute(by_day))
    for question in questions:
        r = question.record
        if (
            (r.legislature, r.number, r.qtype) in stored_numbers
            or (r.url and r.url in stored_urls)
            or (r.author.name, r.published_on) in stored_days
        ):
            found.add(question.key)
    return frozenset(found)


def insert_new(
    session: Session, questions: Sequence[QuestionRecord | PreparedQuestion]
) -> list[UpsertResult]:
    """Insert questions known to be new (the bulk-import fast path).

    No ORM unit of work and no RETURNING: the rows go in with one prepared statement,
    and the new ids are read back (on SQLite, the ids above the largest one before).
    """
    if not questions:
        return []
    now = utcnow()
    prepared = [q if isinstance(q, PreparedQuestion) else prepare(q) for q in questions]
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        ids = _insert_indexed_by_chunk(connection, prepared, now)
    else:
        rows = [{**q.values, "imported_at": now} for q in prepared]
        connection.execute(insert(QUESTIONS), rows)
        ids = _ids_by_key(session, [q.key for q in prepared])
        # their texts' first versions: one executemany for the whole chunk
        insert_versions(session, [v for r in rows for v in new_version_rows(ids[r["key"]], r, now)])
    return [
        UpsertResult(ids[q.key], q.key, Outcome.IMPORTED, new_answer=q.has_answer) for q in prepared
    ]


def _ids_by_key(session: Session, keys: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for start in range(0, len(keys), IN_BATCH):
        query = select(Question.key, Question.id).where(
            Question.key.in_(keys[start : start + IN_BATCH])
        )
        ids.update((key, question_id) for key, question_id in session.execute(query))
    return ids


def _insert_indexed_by_chunk(
    connection: Connection, questions: list[PreparedQuestion], now: datetime
) -> dict[str, int]:
    """Insert a chunk of new rows, index them and write their first text versions in the
    session's transaction (`bulk_sql.write_new_chunk`); their ids by key.
    """
    dialect = connection.dialect
    stamp = QUESTIONS.c.imported_at.type.dialect_impl(dialect).bind_processor(dialect)
    imported_at = stamp(now) if stamp is not None else now
    raw = connection.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    before = write_new_chunk(raw, questions, imported_at)
    return dict(raw.execute("SELECT key, id FROM questions WHERE id > ?", (before,)).fetchall())


def library_is_empty(session: Session) -> bool:
    """No question stored yet (a first load)."""
    return session.execute(select(Question.id).limit(1)).first() is None


def refresh_statistics(session: Session) -> None:
    """Tell SQLite's planner how selective each index is (ANALYZE: 0.6 s for 100,000).

    Without statistics it may count overdue questions through the deadline index,
    reading the table, instead of the status index alone: 0.4 s instead of 2 ms.
    PostgreSQL keeps its own statistics up to date (autovacuum).
    """
    if session.get_bind().dialect.name == "sqlite":
        # Not a global ANALYZE: statistics on the full-text index's own tables make
        # FTS5 plan its inner queries badly (migration 0007 tells the story).
        session.execute(text("ANALYZE questions"))
