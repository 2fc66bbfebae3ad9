"""Queries behind the Analyses view, `stats` and the reader's similar questions.

Every query goes through the library's filters (`questions_list._apply_filter`, plus the
full-text search when the filter carries text), so the figures always describe the
questions the list shows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, func, literal_column, select, text
from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.insights import QuestionFacts
from qe_desktop.domain.similarity import TopicText
from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter
from qe_desktop.storage import search
from qe_desktop.storage.models import Question
from qe_desktop.storage.questions_list import _TITLE, _apply_filter
from qe_desktop.storage.questions_status import status_expression

RELATED_SEARCH_LIMIT = 120  # candidates fetched by full-text search
RELATED_RUBRIQUE_LIMIT = 60  # most recent questions of the same rubrique
RELATED_TERMS = 16


def filtered(query: Select[Any], flt: QuestionFilter, today: date, dialect: str) -> Select[Any]:
    """`query` narrowed to the questions the library shows with this filter."""
    query = _apply_filter(query, flt, today)
    terms = search.parse_terms(flt.text)
    if not terms.empty:
        matches = search.add_match(select(Question.id), terms, dialect).subquery()
        query = query.where(Question.id.in_(select(matches.c.id)))
    return query


def question_facts(session: Session, flt: QuestionFilter, today: date) -> list[QuestionFacts]:
    """One row of facts per filtered question (100k rows load in well under a second)."""
    columns: tuple[Any, ...] = (
        Question.key,
        Question.ministry,
        status_expression(today),
        Question.published_on,
        Question.answered_on,
        Question.deadline,
        Question.delay_days,
    )
    query = select(*columns)
    query = filtered(query, flt, today, session.get_bind().dialect.name)
    return [
        QuestionFacts(
            key=key,
            ministry=ministry or "",
            status=Status(status),
            published_on=published_on,
            answered_on=answered_on,
            deadline=deadline,
            delay_days=delay,
        )
        for key, ministry, status, published_on, answered_on, deadline, delay in session.execute(
            query
        )
    ]


def filtered_ids(session: Session, flt: QuestionFilter, today: date) -> set[int]:
    """Ids of the questions the filter keeps, for the Analyses figures."""
    query = filtered(select(Question.id), flt, today, session.get_bind().dialect.name)
    return set(session.scalars(query))


def id_of(session: Session, key: str) -> int | None:
    """The id of the question with this key, or None when it is not in the library."""
    return session.scalar(select(Question.id).where(Question.key == key))


def topic_texts(session: Session, ids: Collection[int]) -> dict[int, TopicText]:
    """Title and question text (what a question is about), with ministry and rubrique."""
    found: dict[int, TopicText] = {}
    id_list = list(ids)
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        query = select(
            Question.id,
            Question.key,
            Question.title,
            Question.analysis,
            Question.question_text,
            Question.ministry,
            Question.rubrique,
        ).where(Question.id.in_(chunk))
        for qid, key, title, analysis, body, ministry, rubrique in session.execute(query):
            parts = [p for p in (title, analysis, body) if p]
            found[qid] = TopicText(key, "\n".join(parts), ministry or "", rubrique or "")
    return found


def search_candidates(
    session: Session, terms: Sequence[str], exclude_id: int, limit: int = RELATED_SEARCH_LIMIT
) -> list[int]:
    """Questions whose title or question text shares the most of these words (any of them).

    SQLite: an FTS5 OR-query restricted to the title and question columns, ranked by
    bm25. PostgreSQL: the same words OR-ed as plain tsqueries, ranked by ts_rank_cd.
    """
    words = [w for w in terms[:RELATED_TERMS] if w.isalnum()]
    if not words:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = "{title question_text} : (" + " OR ".join(f'"{w}"' for w in words) + ")"
        query = text(
            "SELECT rowid FROM question_search WHERE question_search MATCH :match "
            "AND rowid != :exclude ORDER BY bm25(question_search, 4.0, 1.0, 0.0, 0.0) "
            "LIMIT :limit"
        ).bindparams(match=match, exclude=exclude_id, limit=limit)
        return [int(row[0]) for row in session.execute(query)]
    config: Any = literal_column(f"'{search.PG_CONFIG}'::regconfig")
    ts_query: Any = func.plainto_tsquery(config, words[0])
    for word in words[1:]:
        ts_query = ts_query.op("||")(func.plainto_tsquery(config, word))
    document: Any = literal_column("questions.search_vector")
    pg_query = (
        select(Question.id)
        .where(document.op("@@")(ts_query), Question.id != exclude_id)
        .order_by(func.ts_rank_cd(document, ts_query).desc())
        .limit(limit)
    )
    return list(session.scalars(pg_query))


def same_rubrique(
    session: Session, rubrique: str, exclude_id: int, limit: int = RELATED_RUBRIQUE_LIMIT
) -> list[int]:
    """Latest other questions filed under the same rubrique, for the related questions."""
    if not rubrique:
        return []
    query = (
        select(Question.id)
        .where(func.lower(Question.rubrique) == rubrique.lower(), Question.id != exclude_id)
        .order_by(Question.published_on.desc().nulls_last(), Question.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


Summary = tuple[str, str, str, date | None]  # key, title, ministry, published_on


def summaries(session: Session, ids: Collection[int]) -> dict[int, Summary]:
    """What a list of similar questions shows: key, title (or rubrique, or text start), etc."""
    found: dict[int, Summary] = {}
    id_list = list(ids)
    for start in range(0, len(id_list), 500):
        query = select(
            Question.id, Question.key, _TITLE, Question.ministry, Question.published_on
        ).where(Question.id.in_(id_list[start : start + 500]))
        for qid, key, text_, ministry, published_on in session.execute(query):
            found[qid] = (key, (text_ or "").replace("\n", " "), ministry or "", published_on)
    return found


def texts_by_key(session: Session, keys: Collection[str], part: Part) -> dict[str, str]:
    """One text (question or answer) of each question, for the side-by-side diff."""
    column = Question.answer_text if part is Part.ANSWER else Question.question_text
    query = select(Question.key, column).where(Question.key.in_(list(keys)))
    return {key: value or "" for key, value in session.execute(query)}
