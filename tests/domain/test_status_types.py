"""Only written questions have the two-month deadline: a QG or a QOSD is never overdue."""

from __future__ import annotations

from datetime import date

import pytest

from qe_desktop.domain.status import Status, Timing, answer_deadline

PUBLISHED = date(2024, 10, 1)
LATER = date(2025, 6, 1)


@pytest.mark.parametrize("qtype", ["QG", "QOSD"])
def test_questions_au_gouvernement_have_no_deadline(qtype: str) -> None:
    assert answer_deadline(PUBLISHED, None, qtype) is None
    timing = Timing.of(
        published_on=PUBLISHED,
        answered_on=None,
        has_answer=False,
        closing_kind=None,
        signaled_on=None,
        today=LATER,
        qtype=qtype,
    )
    assert timing.status is Status.PENDING and timing.deadline is None and not timing.late


def test_a_written_question_keeps_its_two_months() -> None:
    assert answer_deadline(PUBLISHED, None, "QE") == date(2024, 12, 1)
    timing = Timing.of(
        published_on=PUBLISHED,
        answered_on=None,
        has_answer=False,
        closing_kind=None,
        signaled_on=None,
        today=LATER,
    )
    assert timing.status is Status.OVERDUE
