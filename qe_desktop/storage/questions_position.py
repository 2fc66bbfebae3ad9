"""Where one question stands in the filtered, sorted list, counted without reading the rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, select, true
from sqlalchemy.orm import Session

from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.storage.models import Question
from qe_desktop.storage.questions_list import _rows_query, _sort_column


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
