"""The status rule lives in the domain; SQL repeats it twice (to filter and sort in the
database, index-friendly), and the command line's sqlite3 reader once more. This proves
they all agree on every case."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import date, timedelta

from sqlalchemy import select

from qe_desktop.domain.question import ClosingKind
from qe_desktop.domain.status import Status, compute_status
from qe_desktop.storage.database import Database
from qe_desktop.storage.models import Question
from qe_desktop.storage.questions_status import _status_condition, status_expression
from qe_desktop.storage.reader_sql import _COLUMNS, STATUS_CONDITIONS

TODAY = date(2026, 12, 7)
CLOSINGS = [None, *ClosingKind]
DEADLINES = [None, TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=1)]


def test_sql_and_domain_give_every_question_the_same_status(database: Database) -> None:
    cases = list(itertools.product([False, True], CLOSINGS, DEADLINES))
    with database.write() as session:
        for n, (answered, closing, deadline) in enumerate(cases):
            session.add(
                Question(
                    key=f"case-{n}",
                    chamber="an",
                    answered=answered,
                    closing_kind=closing.value if closing else None,
                    deadline=deadline,
                )
            )
    expected = {
        f"case-{n}": compute_status(
            answered_on=None,
            has_answer=answered,
            closing_kind=closing,
            deadline=deadline,
            today=TODAY,
        )
        for n, (answered, closing, deadline) in enumerate(cases)
    }
    with database.read() as session:
        computed = dict(session.execute(select(Question.key, status_expression(TODAY))).all())
        assert {key: Status(value) for key, value in computed.items()} == expected
        for status in Status:
            matching = set(
                session.scalars(select(Question.key).where(_status_condition(status, TODAY)))
            )
            assert matching == {k for k, s in expected.items() if s is status}, status

    assert database.path is not None
    plain = sqlite3.connect(database.path)
    params = {"today": TODAY.isoformat()}
    read = dict(
        plain.execute(f'SELECT "key", status FROM (SELECT {_COLUMNS} FROM questions)', params)
    )
    assert {key: Status(value) for key, value in read.items()} == expected
    for status in Status:
        sql = f'SELECT "key" FROM questions WHERE {STATUS_CONDITIONS[status]}'
        matching = {key for (key,) in plain.execute(sql, params)}
        assert matching == {k for k, s in expected.items() if s is status}, status
    plain.close()
