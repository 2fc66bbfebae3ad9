"""Full-text search: user input turned into a query that can never be invalid.

Users type anything ("NEAR", unbalanced quotes, `*`, emoji, 10,000 characters).
We never hand their text to the engine's query parser as is: quoted phrases stay
phrases, everything else becomes plain words, each one quoted. The dialect-specific
SQL (FTS5 on SQLite, tsvector on PostgreSQL) lives here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from qe_desktop.domain.search_terms import MAX_QUERY_CHARS, MAX_TERMS, SearchTerms, parse_terms

__all__ = ["MAX_QUERY_CHARS", "MAX_TERMS", "SearchTerms", "fts5_query", "parse_terms", "tsquery"]

PG_CONFIG = "qe_french"  # created by migration 0003 (storage/migrations/pg_search.py)
# ts_headline marks matches like FTS5's snippet(): [[word]], a few short fragments.
PG_HEADLINE = (
    'StartSel=[[, StopSel=]], MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "'
)


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts5_query(terms: SearchTerms) -> str:
    """An FTS5 MATCH expression: every word and phrase must appear (implicit AND)."""
    parts = [_quote(word) for word in terms.words]
    parts.extend(_quote(" ".join(phrase)) for phrase in terms.phrases)
    return " ".join(parts)


def tsquery(terms: SearchTerms) -> Any:
    """A PostgreSQL tsquery for the terms, built only by plainto_/phraseto_tsquery.

    Those two never interpret operators: each word and phrase is a bound parameter
    parsed as plain text by `qe_french` (unaccent + French stemming), then ANDed (&&).
    """
    from sqlalchemy import func, literal_column

    config: Any = literal_column(f"'{PG_CONFIG}'::regconfig")
    parts: list[Any] = []
    if terms.words:
        parts.append(func.plainto_tsquery(config, " ".join(terms.words)))
    parts.extend(func.phraseto_tsquery(config, " ".join(phrase)) for phrase in terms.phrases)
    query = parts[0]
    for part in parts[1:]:
        query = query.op("&&")(part)
    return query


SQLITE_RANK = "bm25(question_search, 4.0, 1.0, 1.0, 2.0)"
# A quoted phrase is ranked newest first (the order FTS5 reads its index backwards):
# bm25 would walk every match's position lists a second time to count the phrase
# (its IDF), 100-150 ms for two common words at 1,000,000 questions, whatever the page
# (#25). Read newest first, a page of phrase matches stops once it is full.
SQLITE_NEWEST_FIRST = "-question_search.rowid"


def ranks_by_date(terms: SearchTerms) -> bool:
    """True when the search holds a phrase: its matches come newest first, not by bm25."""
    return bool(terms.phrases)


def sqlite_rank(terms: SearchTerms) -> str:
    """The SQL of the `rank` column on SQLite (smallest first): bm25, or newest first."""
    return SQLITE_NEWEST_FIRST if ranks_by_date(terms) else SQLITE_RANK


SQLITE_SNIPPET = "snippet(question_search, -1, '[[', ']]', '…', 14)"


def add_match(query: Any, terms: SearchTerms, dialect: str, *, snippets: bool = True) -> Any:
    """Restrict a questions query to full-text matches and add `rank` and `snippet`.

    On SQLite, `snippets=False` leaves the excerpt out: SQLite computes the selected
    columns of every match before sorting, so excerpts are better asked for the rows
    of one page afterwards (`sqlite_snippets`).
    """
    from sqlalchemy import column, func, literal_column, table

    from qe_desktop.storage.models import Question

    if dialect == "sqlite":
        index = table("question_search", column("rowid"))
        columns: list[Any] = [literal_column(sqlite_rank(terms)).label("rank")]
        if snippets:
            columns.append(literal_column(SQLITE_SNIPPET).label("snippet"))
        return (
            query.add_columns(*columns)
            .join(index, index.c.rowid == Question.id)
            .where(_sqlite_match(terms))
        )
    query_ts = tsquery(terms)
    document: Any = literal_column("questions.search_vector")
    shown = func.concat_ws(
        "\n", Question.title, Question.question_text, Question.answer_text, Question.notes_text
    )
    return query.add_columns(
        (-func.ts_rank_cd(document, query_ts)).label("rank"),
        func.ts_headline(
            literal_column(f"'{PG_CONFIG}'::regconfig"), shown, query_ts, PG_HEADLINE
        ).label("snippet"),
    ).where(document.op("@@")(query_ts))


def _sqlite_match(terms: SearchTerms) -> Any:
    from sqlalchemy import text

    return text("question_search MATCH :fts_query").bindparams(fts_query=fts5_query(terms))


# Matches ranked by relevance: the RANK_WINDOW stored last (highest ids). bm25 costs
# every match it ranks (its position lists, its length): a common word matches
# 145,000 questions of a 1,000,000-question library, all ranked in 130-150 ms of CPU,
# against 20 ms for this window (#25). Older matches follow, newest first. A search
# with fewer matches than this is ranked as a whole, as before.
RANK_WINDOW = 10_000
SQLITE_MATCHES = " FROM question_search WHERE question_search MATCH :fts_query"
_MATCHES = SQLITE_MATCHES
_NEWEST = " ORDER BY question_search.rowid DESC LIMIT :window"
_RECENT = f"SELECT question_search.rowid AS id, {SQLITE_RANK} AS rank{_MATCHES}{_NEWEST}"
_RECENT_IDS = f"SELECT question_search.rowid AS id{_MATCHES}{_NEWEST}"
Fetch = Callable[[str, dict[str, Any]], Sequence[Sequence[Any]]]


def sqlite_ranked_ids(
    fetch: Fetch, fts_query: str, offset: int, limit: int, *, by_date: bool = False
) -> list[int]:
    """The ids of one page of matches, best first, read from the full-text index alone.

    `fetch(sql, params)` runs a statement (SQLAlchemy's session or `sqlite3`: both the
    window and the light command line use this). Within the RANK_WINDOW most recent
    matches, the order is bm25's, ties by id; FTS5 reads the matches newest first and
    stops there, so bm25 is computed for at most RANK_WINDOW rows, whatever the library.
    `by_date` (a phrase, `ranks_by_date`): every match newest first, no bm25 at all.
    """
    params: dict[str, Any] = {"fts_query": fts_query, "window": RANK_WINDOW}
    if by_date:
        page = {"offset": offset, "limit": limit}
        sql = f"SELECT question_search.rowid{_MATCHES} ORDER BY question_search.rowid DESC"
        return [int(row[0]) for row in fetch(f"{sql} LIMIT :limit OFFSET :offset", params | page)]
    ids: list[int] = []
    if offset < RANK_WINDOW:
        page = {"offset": offset, "limit": min(limit, RANK_WINDOW - offset)}
        sql = f"SELECT id FROM ({_RECENT}) ORDER BY rank, id LIMIT :limit OFFSET :offset"
        ids = [int(row[0]) for row in fetch(sql, params | page)]
        if len(ids) == limit or len(ids) < page["limit"]:
            return ids  # a full page, or the window held every match
    [(ranked, oldest)] = fetch(f"SELECT count(*), min(id) FROM ({_RECENT_IDS})", params)
    if ranked < RANK_WINDOW:
        return ids  # every match was ranked
    older = {
        "oldest": oldest,
        "offset": max(0, offset - RANK_WINDOW),
        "limit": limit - len(ids),
    }
    sql = (
        f"SELECT question_search.rowid{_MATCHES} AND question_search.rowid < :oldest"
        " ORDER BY question_search.rowid DESC LIMIT :limit OFFSET :offset"
    )
    return [*ids, *(int(row[0]) for row in fetch(sql, params | older))]


def sqlite_match_count(fetch: Fetch, fts_query: str, up_to: int | None = None) -> int:
    """How many questions match, read on the index alone; at most `up_to` (None: all).

    Counting a phrase walks the position lists of every question holding its words;
    `up_to` stops the walk there, newest first (the window shows "more than …", #25).
    """
    params: dict[str, Any] = {"fts_query": fts_query}
    if up_to is None:
        return int(fetch(f"SELECT count(*){_MATCHES}", params)[0][0])
    newest = f"SELECT question_search.rowid{_MATCHES} ORDER BY question_search.rowid DESC"
    counted = fetch(f"SELECT count(*) FROM ({newest} LIMIT :up_to)", params | {"up_to": up_to})
    return int(counted[0][0])


def sqlite_snippets(connection: Any, terms: SearchTerms, ids: list[int]) -> dict[int, str]:
    """The excerpt of each of these questions, matches marked [[like this]]."""
    from sqlalchemy import column, literal_column, select, table

    if not ids:
        return {}
    index = table("question_search", column("rowid"))
    query = select(index.c.rowid, literal_column(SQLITE_SNIPPET)).where(
        _sqlite_match(terms), index.c.rowid.in_(ids)
    )
    return {int(rowid): str(snippet or "") for rowid, snippet in connection.execute(query)}
