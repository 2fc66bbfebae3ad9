"""Full-text search: user input turned into a query that can never be invalid.

Users type anything ("NEAR", unbalanced quotes, `*`, emoji, 10,000 characters).
We never hand their text to the engine's query parser as is: quoted phrases stay
phrases, everything else becomes plain words, each one quoted. The dialect-specific
SQL (FTS5 on SQLite, tsvector on PostgreSQL) lives here and nowhere else.
"""

from __future__ import annotations

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
        columns: list[Any] = [literal_column(SQLITE_RANK).label("rank")]
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


def sqlite_ranked(terms: SearchTerms, offset: int, limit: int) -> Any:
    """The ids and ranks of one page of matches, best first, read from the index alone.

    Without a join to `questions`, ranking 16,000 matches of a common word among
    100,000 questions takes a third of the time.
    """
    from sqlalchemy import column, literal_column, select, table

    index = table("question_search", column("rowid"))
    rank: Any = literal_column(SQLITE_RANK)
    return (
        select(index.c.rowid.label("id"), rank.label("rank"))
        .where(_sqlite_match(terms))
        .order_by(rank, index.c.rowid)
        .offset(offset)
        .limit(limit)
    )


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
