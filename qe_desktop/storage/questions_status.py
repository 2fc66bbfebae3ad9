"""The question-status rule (DESIGN §3) in SQL, to filter and sort by it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, Integer, and_, case, false, or_, true, type_coerce

from qe_desktop.domain.status import Status
from qe_desktop.storage.models import Question


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
