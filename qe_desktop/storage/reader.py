"""The command line's read path: the library list, search and one question with `sqlite3`.

`qe-desktop search`, `list` and `show` must answer in a blink (#25); importing
SQLAlchemy's ORM alone costs more than their whole work on 100,000 questions. This
module reads a SQLite library at head through a read-only connection, with the
standard library only, and hands back the records the services do (`QuestionRow`,
`QuestionDetail`), less the rows' answer coverage, which no command prints (reading
it walks each text's overflow pages: 0.3 s for 30,000 rows). Its SQL repeats
`storage/questions_list.py`'s (status rule, title, author and order: `reader_sql.py`;
search ranking and excerpts): `tests/storage/test_reader.py` proves both give the same
records.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote

from qe_desktop.domain.annotation import (
    AnnotationRecord,
    Category,
    CommitmentRecord,
    StatusChange,
    sorted_tags,
)
from qe_desktop.domain.deputy import DeputyRecord
from qe_desktop.domain.number_search import NumberReference
from qe_desktop.domain.question import official_url, question_uri
from qe_desktop.domain.status import Timing
from qe_desktop.domain.views import QuestionDetail, QuestionFilter, QuestionRow, Sort
from qe_desktop.storage.annotation_rows import annotation_of, change_of, commitment_of
from qe_desktop.storage.mapping import deputy_from_row, record_from_row
from qe_desktop.storage.reader_sql import (
    _COLUMNS,
    _LISTING_LINE,
    _MATCH,
    LISTING_SOURCE,
    STATUS_CONDITIONS,
    _row,
)
from qe_desktop.storage.revisions import scripted_head
from qe_desktop.storage.search import (
    SQLITE_SNIPPET,
    fts5_query,
    parse_terms,
    ranks_by_date,
    sqlite_match_count,
    sqlite_rank,
    sqlite_ranked_ids,
)

if TYPE_CHECKING:
    from qe_desktop.storage.models import Question

__all__ = ["LibraryReader", "ReaderUnavailable"]

BUSY_TIMEOUT_S = 15.0  # as the engine's (an import may hold the write lock a moment)

_HANDLED = frozenset({"text", "chamber", "statuses", "keys"})


class ReaderUnavailable(RuntimeError):
    """This library cannot be read here (a server, not at head, unreadable): use the services."""


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _moment(value: str | None) -> datetime | None:
    """A `UTCDateTime` column as SQLAlchemy hands it back: aware, in UTC."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def _plain(row: sqlite3.Row, days: tuple[str, ...] = (), moments: tuple[str, ...] = ()) -> Any:
    """A row with attributes and typed dates, as the shared ORM-row mappings read them."""
    values = dict(zip(row.keys(), row, strict=True))
    for name in days:
        values[name] = _day(values[name])
    for name in moments:
        values[name] = _moment(values[name])
    return SimpleNamespace(**values)


_QUESTION_DAYS = ("assigned_on", "published_on", "answered_on", "closed_on", "signaled_on")


class LibraryReader:
    """A read-only connection to a SQLite library at head; the queries of the light CLI."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    @classmethod
    def open(cls, path: Path) -> LibraryReader:
        """Connect read-only; ReaderUnavailable unless the file is a library at head."""
        if not path.is_file():
            raise ReaderUnavailable(f"{path}: no such library file")
        try:
            connection = sqlite3.connect(
                f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
            )
        except sqlite3.Error as error:
            raise ReaderUnavailable(str(error)) from error
        try:
            stored = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.Error as error:
            connection.close()
            raise ReaderUnavailable(str(error)) from error
        head = scripted_head()
        if head is None or stored != [(head,)]:
            connection.close()
            raise ReaderUnavailable(f"schema {stored} is not at head {head}")
        connection.row_factory = sqlite3.Row
        return cls(connection)

    def close(self) -> None:
        """Let go of the file."""
        self.connection.close()

    def _where(self, flt: QuestionFilter, params: dict[str, Any]) -> list[str]:
        unhandled = flt.narrowed_by() - _HANDLED
        if unhandled:  # the light commands never ask for these
            raise ValueError(f"filters not read here: {sorted(unhandled)}")
        where = []
        if flt.chamber:
            where.append("questions.chamber = :chamber")
            params["chamber"] = flt.chamber
        if flt.statuses:
            shown = sorted(flt.statuses)
            where.append("(" + " OR ".join(STATUS_CONDITIONS[s] for s in shown) + ")")
        if flt.keys:
            names = [f"key_{n}" for n in range(len(flt.keys))]
            where.append(f'questions."key" IN ({", ".join(":" + n for n in names)})')
            params.update(zip(names, flt.keys, strict=True))
        return where

    def _params(self, today: date) -> dict[str, Any]:
        return {"today": today.isoformat()}

    def reads(self, flt: QuestionFilter, sort: Sort) -> bool:
        """True when `rows` and `count` read this filter and sort (else ValueError)."""
        return not flt.narrowed_by() - _HANDLED and sort.column in ("published_on", "rank")

    def total(self) -> int:
        """How many questions the library holds."""
        return int(self.connection.execute("SELECT count(*) FROM questions").fetchone()[0])

    def count(self, flt: QuestionFilter, today: date, up_to: int | None = None) -> int:
        """How many questions the filter keeps, at most `up_to` (as `questions_list.count_rows`)."""
        params = self._params(today)
        where = self._where(flt, params)
        source = "questions"
        terms = parse_terms(flt.text)
        if not terms.empty and not where:  # the index alone, as `count_rows`
            fetch = lambda sql, args: self._tuples(sql, args).fetchall()  # noqa: E731
            return sqlite_match_count(fetch, fts5_query(terms), up_to)
        if not terms.empty:
            source += " JOIN question_search ON question_search.rowid = questions.id"
            where.append(_MATCH)
            params["fts_query"] = fts5_query(terms)
        sql = f"SELECT questions.id FROM {source}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        if up_to is not None:
            sql += f" LIMIT {int(up_to)}"
        sql = f"SELECT count(*) FROM ({sql})"
        return int(self.connection.execute(sql, params).fetchone()[0])

    def rows(
        self, flt: QuestionFilter, sort: Sort, offset: int, limit: int, today: date
    ) -> list[QuestionRow]:
        """One page of the list (as `storage.questions_list.list_rows` on SQLite)."""
        terms = parse_terms(flt.text)
        params = self._params(today)
        params.update(offset=offset, limit=limit)
        if terms.empty:
            where = self._where(flt, params)
            sql = f"SELECT {_COLUMNS} FROM questions"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += f" ORDER BY {self._order(sort)} LIMIT :limit OFFSET :offset"
            return [_row(m) for m in self._tuples(sql, params)]
        params["fts_query"] = fts5_query(terms)
        found: list[tuple[Any, ...]]
        if sort.column == "rank" and dataclasses.replace(flt, text="") == QuestionFilter():
            ids = sqlite_ranked_ids(
                lambda sql, args: self._tuples(sql, args).fetchall(),
                params["fts_query"],
                offset,
                limit,
                by_date=ranks_by_date(terms),
            )
            names = {f"id_{n}": id_ for n, id_ in enumerate(ids)}
            marks = ", ".join(f":{name}" for name in names) or "NULL"
            sql = f"SELECT {_COLUMNS} FROM questions WHERE questions.id IN ({marks})"
            by_id = {m[0]: m for m in self._tuples(sql, params | names)}
            found = [by_id[i] for i in ids if i in by_id]
        else:
            where = [*self._where(flt, params), _MATCH]
            order = "rank, questions.id" if sort.column == "rank" else self._order(sort)
            rank = sqlite_rank(terms)
            sql = (
                f"SELECT {_COLUMNS}, {rank} AS rank FROM questions JOIN question_search"
                " ON question_search.rowid = questions.id WHERE " + " AND ".join(where)
            )
            sql += f" ORDER BY {order} LIMIT :limit OFFSET :offset"
            found = self._tuples(sql, params).fetchall()
        excerpts = self._snippets(params["fts_query"], [m[0] for m in found])
        return [_row(m, excerpts.get(m[0], "")) for m in found]

    def listing(
        self, flt: QuestionFilter, sort: Sort, limit: int, today: date, title_chars: int
    ) -> list[str]:
        """The lines of `qe-desktop list` for a list without a text search, as
        `services.serialize.listing_line` makes them from `rows` (titles cut to
        `title_chars` characters).
        """
        params = self._params(today)
        params.update(limit=limit, title_chars=title_chars)
        where = self._where(flt, params)
        sql = f"SELECT {_LISTING_LINE} FROM {LISTING_SOURCE}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {self._order(sort)} LIMIT :limit"
        return [line for (line,) in self._tuples(sql, params)]

    def _tuples(self, sql: str, params: dict[str, Any]) -> sqlite3.Cursor:
        cursor = self.connection.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params)

    @staticmethod
    def _order(sort: Sort) -> str:
        # `storage.questions_list._sort_column`: any column it does not know sorts by date.
        if sort.column not in ("published_on", "rank"):
            raise ValueError(f"sort not read here: {sort.column}")
        way = "DESC" if sort.descending else "ASC"
        return f"questions.published_on {way} NULLS LAST, questions.id {way}"

    def _snippets(self, fts_query: str, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        sql = (
            f"SELECT question_search.rowid, {SQLITE_SNIPPET} FROM question_search"
            f" WHERE question_search MATCH ? AND question_search.rowid IN ({marks})"
        )
        rows = self.connection.execute(sql, [fts_query, *ids])
        return {int(rowid): str(snippet or "") for rowid, snippet in rows}

    def keys_by_number(self, ref: NumberReference, limit: int = 50) -> list[str]:
        """Keys of the questions with that number (as `storage.number_lookup.keys_by_number`)."""
        params: dict[str, Any] = {"limit": limit}
        names = [f"number_{n}" for n in range(len(ref.numbers))]
        params.update(zip(names, ref.numbers, strict=True))
        wanted = f"questions.number IN ({', '.join(':' + n for n in names)})"
        if ref.chamber:
            wanted += " AND questions.chamber = :chamber"
            params["chamber"] = ref.chamber
        if ref.legislature is not None:
            wanted += " AND questions.legislature = :legislature"
            params["legislature"] = ref.legislature
        exact = ""  # the official id first, when one was typed
        if ref.uid:
            wanted = f"({wanted}) OR questions.uid = :uid"
            exact = "questions.uid = :uid DESC, "
            params["uid"] = ref.uid
        sql = (
            f'SELECT questions."key" FROM questions WHERE {wanted}'
            f" ORDER BY {exact}questions.published_on DESC NULLS LAST,"
            " questions.id DESC LIMIT :limit"
        )
        return [str(key) for (key,) in self.connection.execute(sql, params)]

    def detail(self, key: str, today: date) -> QuestionDetail | None:
        """The question with this key, its note, annotations and categories; None if absent."""
        found = self.connection.execute('SELECT * FROM questions WHERE "key" = ?', (key,))
        row = found.fetchone()
        if row is None:
            return None
        record = record_from_row(cast("Question", _plain(row, _QUESTION_DAYS)))
        timing = Timing.of_record(record, today)
        return QuestionDetail(
            id=row["id"],
            key=row["key"],
            uri=question_uri(row["key"], official_url(record)),
            record=record,
            status=timing.status,
            deadline=timing.deadline,
            delay_days=timing.delay_days,
            late=timing.late,
            note=self._note(row["id"]),
            annotations=tuple(self._annotations(row["id"], row["key"])),
            categories=self.categories(),
            deputy=self._deputy(record.author.ref) if record.author.ref else None,
        )

    def _note(self, question_id: int) -> str:
        sql = "SELECT text FROM question_notes WHERE question_id = ?"
        found = self.connection.execute(sql, (question_id,)).fetchone()
        return (found[0] if found else "") or ""

    def categories(self) -> tuple[Category, ...]:
        """The annotation categories in the palette's order (`list_categories`)."""
        sql = "SELECT name, label, color, position FROM categories ORDER BY position, id"
        return tuple(Category(*row) for row in self.connection.execute(sql))

    def _annotations(self, question_id: int, key: str) -> list[AnnotationRecord]:
        """`storage.annotations.annotations_of`: four queries, whatever the count."""
        sql = (
            "SELECT * FROM annotations WHERE question_id = ? AND deleted IS 0"
            " ORDER BY part, start, id"
        )
        rows = self.connection.execute(sql, (question_id,)).fetchall()
        if not rows:
            return []
        tags: dict[str, list[str]] = {}
        sql = (
            "SELECT annotation_tags.annotation_id, tags.name FROM annotation_tags"
            " JOIN tags ON tags.id = annotation_tags.tag_id"
            " JOIN annotations ON annotations.id = annotation_tags.annotation_id"
            " WHERE annotations.question_id = ?"
        )
        for annotation_id, name in self.connection.execute(sql, (question_id,)):
            tags.setdefault(annotation_id, []).append(name)
        commitments = self._commitments(question_id)
        annotations = []
        for row in rows:
            plain = _plain(row, moments=("created", "modified"))
            plain.deleted = bool(plain.deleted)
            found = sorted_tags(tags.get(plain.id, ()))
            annotations.append(annotation_of(plain, key, found, commitments.get(plain.id)))
        return annotations

    def _commitments(self, question_id: int) -> dict[str, CommitmentRecord]:
        sql = (
            "SELECT commitments.* FROM commitments"
            " JOIN annotations ON annotations.id = commitments.annotation_id"
            " WHERE annotations.question_id = ?"
        )
        rows = self.connection.execute(sql, (question_id,)).fetchall()
        if not rows:
            return {}
        history: dict[int, list[StatusChange]] = {}
        sql = (
            "SELECT commitment_events.* FROM commitment_events"
            " JOIN commitments ON commitments.id = commitment_events.commitment_id"
            " JOIN annotations ON annotations.id = commitments.annotation_id"
            " WHERE annotations.question_id = ?"
            " ORDER BY commitment_events.at, commitment_events.id"
        )
        for event in self.connection.execute(sql, (question_id,)):
            change = change_of(_plain(event, moments=("at",)))
            history.setdefault(event["commitment_id"], []).append(change)
        found = {}
        for row in rows:
            plain = _plain(row, days=("due_date", "next_check"))
            found[plain.annotation_id] = commitment_of(plain, history.get(plain.id, ()))
        return found

    def _deputy(self, ref: str) -> DeputyRecord | None:
        """`storage.deputies.deputy_for`: the deputy and their group today."""
        sql = (
            "SELECT deputies.*, organes.label AS organe_label, organes.abbrev AS organe_abbrev"
            " FROM deputies LEFT OUTER JOIN organes ON organes.ref = deputies.group_ref"
            " WHERE deputies.ref = ?"
        )
        row = self.connection.execute(sql, (ref,)).fetchone()
        if row is None:
            return None
        return deputy_from_row(_plain(row), row["organe_label"] or "", row["organe_abbrev"] or "")
