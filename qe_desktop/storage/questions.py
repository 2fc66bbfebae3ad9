"""Question storage: upsert by natural identity, filtered and sorted listing in SQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
    true,
    type_coerce,
)
from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import Part, sorted_tags
from qe_desktop.domain.question import Chamber, QuestionRecord, question_key
from qe_desktop.domain.status import Status
from qe_desktop.domain.text_versions import HeldText, judge_update
from qe_desktop.domain.views import QuestionFilter, QuestionRow, Sort
from qe_desktop.storage import coverage, search
from qe_desktop.storage import text_versions as versions
from qe_desktop.storage.mapping import (
    apply_record,
    merge_records,
    record_from_row,
)
from qe_desktop.storage.models import Annotation, AnnotationTag, Question, QuestionNote, Tag
from qe_desktop.storage.number_lookup import number_sort_value
from qe_desktop.storage.types import utcnow


class Outcome(StrEnum):
    """What storing a question did: new, updated, or nothing to change."""

    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class UpsertResult:
    """What storing one question did, and which texts changed (to re-anchor annotations)."""

    question_id: int
    key: str
    outcome: Outcome
    new_answer: bool = False
    question_text_changed: bool = False
    answer_text_changed: bool = False
    held: tuple[HeldText, ...] = ()  # suspicious texts stored as pending versions


def find_existing(session: Session, record: QuestionRecord) -> Question | None:
    """The stored question this record describes, by the strongest identity available."""
    if record.uid:
        found = session.scalar(select(Question).where(Question.uid == record.uid))
        if found:
            return found
    found = session.scalar(select(Question).where(Question.key == question_key(record)))
    if found:
        return found
    if record.number and record.legislature:
        found = session.scalar(
            select(Question).where(
                Question.chamber == record.chamber.value,
                Question.legislature == record.legislature,
                Question.number == record.number,
                Question.qtype == record.qtype,
            )
        )
        if found:
            return found
    if record.url:
        found = session.scalar(select(Question).where(Question.url == record.url))
        if found:
            return found
    if record.chamber is Chamber.SENAT and record.published_on and record.author.name:
        candidates = session.scalars(
            select(Question).where(
                Question.chamber == record.chamber.value,
                Question.author_name == record.author.name,
                Question.published_on == record.published_on,
            )
        ).all()
        for candidate in candidates:
            same_page = (candidate.question_page or "") == (record.question_page or "")
            numbers_agree = not (candidate.number and record.number) or (
                candidate.number.lstrip("0") == record.number.lstrip("0")
            )
            if same_page and numbers_agree:
                return candidate
    return None


def upsert_question(session: Session, record: QuestionRecord) -> UpsertResult:
    """Insert or update one question; an identical re-import changes nothing.

    Every text replaced is kept as an earlier version; an update that looks like
    damage (`judge_update`) is stored as a pending version and not applied.
    """
    existing = find_existing(session, record)
    if existing is None:
        row = Question()
        apply_record(row, record, question_key(record))
        row.imported_at = utcnow()
        session.add(row)
        session.flush()
        values = {c: getattr(row, c) for c in ("question_text", "answer_text", "source_file")}
        versions.insert_versions(session, versions.new_version_rows(row.id, values, utcnow()))
        return UpsertResult(row.id, row.key, Outcome.IMPORTED, new_answer=bool(row.answer_text))
    old = record_from_row(existing)
    merged = merge_records(old, record)
    if merged.content_hash == existing.content_hash:
        return UpsertResult(existing.id, existing.key, Outcome.UNCHANGED)
    merged, held = _hold_suspicious(session, existing, old, merged, record)
    if merged.content_hash == existing.content_hash:
        return UpsertResult(existing.id, existing.key, Outcome.UNCHANGED, held=held)
    had_answer = bool(existing.answer_text) or bool(existing.answered)
    old_question, old_answer = existing.question_text, existing.answer_text or ""
    apply_record(existing, merged, existing.key)
    existing.imported_at = utcnow()
    session.flush()
    new_question, new_answer = existing.question_text, existing.answer_text or ""
    for part, before, after in (
        (Part.QUESTION, old_question, new_question),
        (Part.ANSWER, old_answer, new_answer),
    ):
        if before != after:
            versions.record_change(session, existing.id, part, before, after, record.source)
    return UpsertResult(
        existing.id,
        existing.key,
        Outcome.UPDATED,
        # An answer date alone (the Sénat's CSV) is news too; its text arriving later is not.
        new_answer=bool(existing.answered) and not had_answer,
        question_text_changed=old_question != new_question,
        answer_text_changed=old_answer != new_answer,
        held=held,
    )


def _hold_suspicious(
    session: Session,
    existing: Question,
    old: QuestionRecord,
    merged: QuestionRecord,
    record: QuestionRecord,
) -> tuple[QuestionRecord, tuple[HeldText, ...]]:
    """Keep the stored text of each part whose update looks like damage (DESIGN §4)."""
    erratum = bool(record.erratum) and record.erratum != old.erratum
    held: list[HeldText] = []
    for part, before, after in (
        (Part.QUESTION, old.question_text, merged.question_text),
        (Part.ANSWER, old.answer_text or "", merged.answer_text or ""),
    ):
        reason = judge_update(
            before,
            after,
            old_source=old.source,
            new_source=record.source,
            erratum=erratum,
        )
        if reason is None:
            continue
        if versions.hold(session, existing.id, part, after, record.source, reason):
            held.append(HeldText(part, after, reason))
        field = "question_text" if part is Part.QUESTION else "answer_text"
        merged = dataclasses.replace(merged, **{field: before})  # type: ignore[arg-type]
    if held:  # the stored texts still come from the old source
        merged = dataclasses.replace(merged, source=old.source)
    return merged, tuple(held)


def get_by_key(session: Session, key: str) -> Question | None:
    """The question row with this key, or None."""
    return session.scalar(select(Question).where(Question.key == key))


def status_expression(today: date) -> ColumnElement[str]:
    """The status of DESIGN §3, computed by the database (so it can filter and sort)."""
    return case(
        (Question.answered == true(), "answered"),
        (Question.closing_kind == "withdrawn", "withdrawn"),
        (Question.closing_kind.is_not(None), "lapsed"),
        (and_(Question.deadline.is_not(None), Question.deadline < today), "overdue"),
        else_="pending",
    )


def _status_condition(status: Status, today: date, *, by_index: bool = True) -> ColumnElement[bool]:
    """The SQL of one status; `by_index=False` keeps `ix_questions_status` out of the plan.

    SQLite's planner prefers that index for a status whenever it can, even beside a range
    of `published_on` that the covering `ix_questions_published_status` serves far better:
    placing a question among 300,000 overdue ones read each row from the table (1.2 s at
    1,000,000 questions, #25). `answered + 0` is the same value, but no index's column.
    """
    flag = Question.answered if by_index else type_coerce(Question.answered, Integer) + 0
    answered = flag == true()
    unanswered = flag == false()  # `= 0` rather than `NOT`: the index serves it
    open_ = and_(unanswered, Question.closing_kind.is_(None))
    conditions: dict[Status, ColumnElement[bool]] = {
        Status.ANSWERED: answered,
        Status.WITHDRAWN: and_(unanswered, Question.closing_kind == "withdrawn"),
        Status.LAPSED: and_(
            unanswered, Question.closing_kind.is_not(None), Question.closing_kind != "withdrawn"
        ),
        Status.OVERDUE: and_(open_, Question.deadline.is_not(None), Question.deadline < today),
        Status.PENDING: and_(open_, or_(Question.deadline.is_(None), Question.deadline >= today)),
    }
    return conditions[status]


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


def position_of(
    session: Session,
    flt: QuestionFilter,
    sort: Sort,
    key: str,
    *,
    today: date | None = None,
    within: int | None = None,
) -> int | None:
    """The row of question `key` in the filtered list sorted by `sort` (None: not in it).

    Two queries, whatever the depth: the question's sort value, then how many rows
    come before it (the same order as `list_rows`: nulls last, ties by id). Not for
    the search ranking, which has no stored value to compare with. With `within`,
    a question listed more than `within` rows from both ends of the list is not
    placed (`FAR`): counting the rows around it costs time in proportion to its
    depth (a question 200,000 rows down a status filter at 1,000,000, #25).
    """
    today = today or date.today()
    dialect = session.get_bind().dialect.name
    # Sorted by publication date, the counts below are ranges of the covering index
    # `ix_questions_published_status`; on SQLite the status must not draw the planner
    # to `ix_questions_status` instead (see `_status_condition`).
    covering = dialect == "sqlite" and sort.column == "published_on"
    query, searching = _rows_query(flt, today, dialect, status_by_index=not covering)
    if searching and sort.column == "rank":
        return None
    column = _sort_column(sort, today)
    found = session.execute(
        query.with_only_columns(column, Question.id).where(Question.key == key).limit(1)
    ).first()
    if found is None:
        return None
    value, question_id = found
    desc = sort.descending
    tie_before = Question.id > question_id if desc else Question.id < question_id
    tie_after = Question.id < question_id if desc else Question.id > question_id
    if value is None:  # nulls come last, in either order
        before = [column.is_not(None), and_(column.is_(None), tie_before)]
        after = [and_(column.is_(None), tie_after)]
    else:
        before = [column > value if desc else column < value, and_(column == value, tie_before)]
        after = [
            column < value if desc else column > value,
            and_(column == value, tie_after),
            column.is_(None),
        ]
    # Counts added, not one count of `beyond OR tied`: each is one range of the sort
    # column's index, where the OR made SQLite collect and de-duplicate every row id
    # first (913 ms after a sort by date at 800,000 questions, #25). A question far
    # down the list (the selected one, after the order is reversed) is placed by the
    # rows after it: `total - 1 - after`, at most POSITION_CAP rows counted before.
    cap = POSITION_CAP if within is None else min(within, POSITION_CAP)
    counted = _counted(session, query, before, cap)
    if counted < cap:
        return counted
    beyond = _counted(session, query, after, within)
    if within is not None and beyond >= within:
        return FAR
    return _counted(session, query, [true()]) - 1 - beyond


POSITION_CAP = 20_000  # rows counted before a question before counting those after it
FAR = -1  # `position_of(within=…)`: listed, but too far from both ends to be placed


def _counted(session: Session, query: Select[Any], parts: list[Any], cap: int | None = None) -> int:
    """How many rows of `query` each of `parts` keeps (at most `cap` each), added up."""
    counts = [
        select(func.count())
        .select_from(query.with_only_columns(Question.id).where(part).limit(cap).subquery())
        .scalar_subquery()
        for part in parts
    ]
    return int(session.scalar(select(sum(counts[1:], counts[0]))) or 0)


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


def refresh_notes_text(session: Session, question_ids: Sequence[int]) -> None:
    """Recompute the searchable notes text and annotation count of some questions."""
    for question_id in set(question_ids):
        notes = session.scalars(
            select(Annotation.note).where(
                Annotation.question_id == question_id,
                Annotation.deleted.is_(False),
                Annotation.note != "",
            )
        ).all()
        count = session.scalar(
            select(func.count(Annotation.id)).where(
                Annotation.question_id == question_id, Annotation.deleted.is_(False)
            )
        )
        free_note = session.scalar(
            select(QuestionNote.text).where(QuestionNote.question_id == question_id)
        )
        row = session.get(Question, question_id)
        if row is None:  # pragma: no cover - deleted meanwhile
            continue
        row.notes_text = "\n".join([*(notes or []), free_note or ""]).strip()
        row.annotation_count = int(count or 0)
