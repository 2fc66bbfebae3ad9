"""The list's counts are kept until the library changes, whoever changes it (#25).

Counting the 301,380 overdue questions of a 1,000,000-question library reads every
entry of an index range (15-45 ms); switching back to a filter must not count again,
and any write, from this process or another, must.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import event

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.storage.change_stamp import ChangeStamp

WITH_NOTES = QuestionFilter(has_notes=True)
WITHDRAWN = QuestionFilter(statuses=frozenset({Status.WITHDRAWN}))


@contextmanager
def _queries(services: Services) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(services.database.engine, "before_cursor_execute", record)


def test_a_count_asked_again_reads_nothing(sample_services: Services) -> None:
    questions = sample_services.questions
    first = questions.count(QuestionFilter(chamber="an")), questions.total()
    with _queries(sample_services) as seen:
        again = questions.count(QuestionFilter(chamber="an")), questions.total()
    assert again == first and seen == []


def test_a_write_here_counts_again(sample_services: Services) -> None:
    questions = sample_services.questions
    assert questions.count(WITH_NOTES) == 0
    key = questions.rows(QuestionFilter(), Sort())[0].key
    sample_services.annotations.create(key, Part.QUESTION, 0, 10, "chiffre", note="à suivre")
    assert questions.count(WITH_NOTES) == 1


def test_a_write_by_another_program_counts_again(sample_services: Services) -> None:
    questions = sample_services.questions
    before = questions.count(WITHDRAWN)
    path = sample_services.database.path
    assert path is not None
    other = sqlite3.connect(path, timeout=10)
    with other:
        other.execute(
            "UPDATE questions SET closing_kind = 'withdrawn' WHERE id = "
            "(SELECT min(id) FROM questions WHERE answered = 0 AND closing_kind IS NULL)"
        )
    other.close()
    assert questions.count(WITHDRAWN) == before + 1


def test_a_count_is_kept_for_one_day_only(sample_services: Services) -> None:
    """Overdue depends on the day: a count made yesterday is not today's."""
    days = iter([date(2020, 1, 1), date(2035, 1, 1)])
    questions = type(sample_services.questions)(sample_services.database, lambda: next(days))
    overdue = QuestionFilter(statuses=frozenset({Status.OVERDUE}))
    assert questions.count(overdue) < questions.count(overdue)


def test_a_file_put_in_place_of_the_library_is_another_stamp(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with sqlite3.connect(path) as made:
        made.execute("CREATE TABLE t(x)")
    stamp = ChangeStamp(path)
    first = stamp.current()
    assert first is not None and stamp.current() == first
    shutil.copy(path, tmp_path / "copy.sqlite")
    (tmp_path / "copy.sqlite").replace(path)
    assert stamp.current() not in (None, first)
    stamp.close()
    assert ChangeStamp(None).current() is None
    assert ChangeStamp(tmp_path / "missing.sqlite").current() is None
