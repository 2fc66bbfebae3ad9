"""The library list in SQL: filtered, sorted, paged rows, their count, the filters' choices."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, exists, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import sorted_tags
from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, QuestionRow, Sort
from qe_desktop.storage import coverage, search
from qe_desktop.storage.models import Annotation, AnnotationTag, Question, QuestionNote, Tag
from qe_desktop.storage.number_lookup import number_sort_value
from qe_desktop.storage.questions_status import _status_condition, status_expression


def _apply_filter(
    query: Select[Any], flt: QuestionFilter, today: date, *, status_by_index: bool = True
) -> Select[Any]:
    if flt.chamber:
        query = query.where(Question.chamber == flt.chamber)
    if flt.legislature is not None:
        query = query.where(Question.legislature == flt.legislature)
    if flt.ministry:
        query = query.where(Question.ministry == flt.ministry)
    if flt.group:
        query = query.where(Question.group == flt.group)
    if flt.author:
        query = query.where(
            or_(Question.author_name == flt.author, Question.author_ref == flt.author)
        )
    if flt.statuses:
        query = query.where(
            or_(*(_status_condition(s, today, by_index=status_by_index) for s in flt.statuses))
        )
    if flt.published_from:
        query = query.where(Question.published_on >= flt.published_from)
    if flt.published_to:
        query = query.where(Question.published_on <= flt.published_to)
    if flt.has_notes:
        query = query.where(
            or_(
                Question.annotation_count > 0,
                exists().where(QuestionNote.question_id == Question.id, QuestionNote.text != ""),
            )
        )
    if flt.category:
        query = query.where(
            exists().where(
                Annotation.question_id == Question.id,
                Annotation.category == flt.category,
                Annotation.deleted.is_(False),
            )
        )
    if flt.tag:
        query = query.where(
            exists()
            .where(Annotation.question_id == Question.id, Annotation.deleted.is_(False))
            .where(AnnotationTag.annotation_id == Annotation.id)
            .where(Tag.id == AnnotationTag.tag_id, Tag.name == flt.tag)
        )
    if flt.keys:
        query = query.where(Question.key.in_(flt.keys))
    if flt.incomplete_answers:
        query = query.where(coverage.incomplete_condition())
    return query


_TITLE = func.coalesce(
    func.nullif(Question.title, ""),
    func.nullif(Question.rubrique, ""),
    func.substr(Question.question_text, 1, 160),
)
_AUTHOR = func.coalesce(func.nullif(Question.author_name, ""), Question.author_ref)


def _sort_column(sort: Sort, today: date) -> Any:
    columns: dict[str, Any] = {
        "number": number_sort_value(),
        "chamber": Question.chamber,
        "published_on": Question.published_on,
        "author": _AUTHOR,
        "group": Question.group,
        "ministry": Question.ministry,
        "title": _TITLE,
        "status": status_expression(today),
        "delay_days": Question.delay_days,
        "annotation_count": Question.annotation_count,
        "coverage": coverage.share_expression(),
    }
    return columns.get(sort.column, Question.published_on)


def _sort_key(sort: Sort, today: date) -> list[Any]:
    column = _sort_column(sort, today)
    ordered = column.desc() if sort.descending else column.asc()
    tie = Question.id.desc() if sort.descending else Question.id.asc()
    return [ordered.nulls_last(), tie]


def _rows_query(
    flt: QuestionFilter,
    today: date,
    dialect: str,
    *,
    snippets: bool = True,
    status_by_index: bool = True,
) -> tuple[Select[Any], bool]:
    status = status_expression(today).label("status")
    query: Select[Any] = select(  # type: ignore[assignment]
        Question.id,
        Question.key,
        Question.chamber,
        Question.qtype,
        Question.legislature,
        Question.number,
        Question.published_on,
        Question.answered_on,
        _AUTHOR.label("author"),
        Question.group,
        Question.ministry,
        _TITLE.label("title"),
        status,
        Question.delay_days,
        Question.annotation_count,
        coverage.share_expression().label("coverage"),
    )
    terms = search.parse_terms(flt.text)
    searching = not terms.empty
    if searching:
        query = search.add_match(query, terms, dialect, snippets=snippets)
    return _apply_filter(query, flt, today, status_by_index=status_by_index), searching


def list_rows(
    session: Session,
    flt: QuestionFilter,
    sort: Sort,
    *,
    offset: int = 0,
    limit: int = 200,
    today: date | None = None,
) -> list[QuestionRow]:
    """The questions shown by the library list, filtered and sorted in SQL, one page at a time."""
    today = today or date.today()
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and not search.parse_terms(flt.text).empty:
        return _searched_rows_sqlite(session, flt, sort, offset, limit, today)
    query, searching = _rows_query(flt, today, dialect)
    if searching and sort.column == "rank":
        query = query.order_by(literal_column("rank"), Question.id)
    else:
        query = query.order_by(*_sort_key(sort, today))
    result = session.execute(query.offset(offset).limit(limit))
    return [_to_row(mapping) for mapping in result.mappings()]


def _searched_rows_sqlite(
    session: Session, flt: QuestionFilter, sort: Sort, offset: int, limit: int, today: date
) -> list[QuestionRow]:
    """A page of search results: the page first, then excerpts for its rows only.

    Ranked with nothing else to filter on, the page's ids come from the full-text
    index alone (`search.sqlite_ranked_ids`) and only its rows are read from `questions`.
    """
    terms = search.parse_terms(flt.text)
    found: Sequence[Any]
    if sort.column == "rank" and _text_only(flt):
        ids = search.sqlite_ranked_ids(
            lambda sql, params: session.execute(text(sql), params).all(),
            search.fts5_query(terms),
            offset,
            limit,
            by_date=search.ranks_by_date(terms),
        )
        base, _ = _rows_query(QuestionFilter(), today, "sqlite")
        by_id = {m["id"]: m for m in session.execute(base.where(Question.id.in_(ids))).mappings()}
        found = [by_id[i] for i in ids if i in by_id]
    else:
        query, _ = _rows_query(flt, today, "sqlite", snippets=False)
        if sort.column == "rank":
            query = query.order_by(literal_column("rank"), Question.id)
        else:
            query = query.order_by(*_sort_key(sort, today))
        found = session.execute(query.offset(offset).limit(limit)).mappings().all()
    excerpts = search.sqlite_snippets(session, terms, [m["id"] for m in found])
    return [_to_row({**m, "snippet": excerpts.get(m["id"], "")}) for m in found]


def _to_row(m: Any) -> QuestionRow:
    return QuestionRow(
        id=m["id"],
        key=m["key"],
        chamber=m["chamber"],
        qtype=m["qtype"],
        legislature=m["legislature"],
        number=m["number"],
        published_on=m["published_on"],
        answered_on=m["answered_on"],
        author=m["author"] or "",
        group=m["group"] or "",
        ministry=m["ministry"] or "",
        title=(m["title"] or "").replace("\n", " "),
        status=Status(m["status"]),
        delay_days=m["delay_days"],
        annotation_count=m["annotation_count"],
        snippet=m.get("snippet") or "",
        coverage=m.get("coverage"),
    )


def count_rows(
    session: Session, flt: QuestionFilter, today: date | None = None, up_to: int | None = None
) -> int:
    """How many questions the filter keeps (at most `up_to`), for the list's count."""
    today = today or date.today()
    dialect = session.get_bind().dialect.name
    terms = search.parse_terms(flt.text)
    if dialect == "sqlite" and not terms.empty and _text_only(flt):
        # The index alone: joining `questions` read a row per match (250 ms for a
        # common word at 1,000,000 questions, against 1 ms).
        return search.sqlite_match_count(
            lambda sql, params: session.execute(text(sql), params).all(),
            search.fts5_query(terms),
            up_to,
        )
    query, _ = _rows_query(flt, today, dialect, snippets=False)
    query = query.with_only_columns(Question.id).limit(up_to)
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def _text_only(flt: QuestionFilter) -> bool:
    """True when a full-text search is all the filter asks."""
    return dataclasses.replace(flt, text="") == QuestionFilter()


def distinct_values(session: Session, column: str, limit: int = 2_000) -> list[str]:
    """Values for a filter drop-down (ministries, groups, authors)."""
    col = {"ministry": Question.ministry, "group": Question.group, "author": _AUTHOR}[column]
    query = select(col).where(col.is_not(None), col != "").distinct().order_by(col).limit(limit)
    return [str(v) for v in session.scalars(query)]


def legislatures(session: Session) -> list[int]:
    """Legislatures present in the library, latest first, for the filter menu."""
    query = select(Question.legislature).where(Question.legislature.is_not(None)).distinct()
    return sorted((int(v) for v in session.scalars(query) if v is not None), reverse=True)


def tags_in_use(session: Session) -> list[str]:
    """Tags carried by at least one live annotation (for the tag filter)."""
    query = (
        select(Tag.name)
        .join(AnnotationTag, AnnotationTag.tag_id == Tag.id)
        .join(Annotation, Annotation.id == AnnotationTag.annotation_id)
        .where(Annotation.deleted.is_(False))
        .distinct()
    )
    return list(sorted_tags(str(name) for name in session.scalars(query)))


def question_count(session: Session) -> int:
    """Number of questions in the library."""
    return int(session.scalar(select(func.count(Question.id))) or 0)
