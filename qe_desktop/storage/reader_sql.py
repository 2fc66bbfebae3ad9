"""The SQL text of the command line's light reads (`storage/reader.py`).

It repeats in plain SQL what `storage/questions_status.py` and `storage/questions_list.py`
say with SQLAlchemy (status rule, title, author, order) so that `qe-desktop list`, `search`
and `show` need not import the ORM (#25): `tests/storage/test_reader.py` and
`tests/storage/test_status_rule.py` prove both give the same records.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from qe_desktop.domain.status import STATUS_LABELS, Status
from qe_desktop.domain.views import QuestionRow

_AUTHOR = "coalesce(nullif(questions.author_name, ''), questions.author_ref)"
_TITLE = """coalesce(nullif(questions.title, ''), nullif(questions.rubrique, ''),
          substr(questions.question_text, 1, 160))"""


def _status_case(words: dict[Status, str]) -> str:
    """The status rule (`questions_status.status_expression`), each status as `words` says."""
    said = {status: "'" + word.replace("'", "''") + "'" for status, word in words.items()}
    return f"""CASE WHEN questions.answered = 1 THEN {said[Status.ANSWERED]}
      WHEN questions.closing_kind = 'withdrawn' THEN {said[Status.WITHDRAWN]}
      WHEN questions.closing_kind IS NOT NULL THEN {said[Status.LAPSED]}
      WHEN questions.deadline IS NOT NULL AND questions.deadline < :today
      THEN {said[Status.OVERDUE]}
      ELSE {said[Status.PENDING]} END"""


_COLUMNS = f"""questions.id, questions."key", questions.chamber, questions.qtype,
 questions.legislature, questions.number, questions.published_on, questions.answered_on,
 {_AUTHOR} AS author, questions."group", questions.ministry, {_TITLE} AS title,
 {_status_case({status: status.value for status in Status})} AS status,
 questions.delay_days, questions.annotation_count"""
# `services.serialize.listing_line`, made by SQLite: dates are stored as ISO text. Every
# column it reads is in `ix_questions_listing` (migration 0016) but the text, read from
# the table only for a question with neither title nor rubrique: the listing reads the
# index alone (30,000 lines: 160 ms of SQL down to 80 ms on 100,000 questions).
_DAY = "questions.published_on"
_LISTING_TITLE = _TITLE.replace(
    "substr(questions.question_text, 1, 160)",
    "(SELECT substr(text_of.question_text, 1, 160) FROM questions AS text_of"
    " WHERE text_of.id = questions.id)",
)
LISTING_SOURCE = "questions INDEXED BY ix_questions_listing"
_LISTING_LINE = f"""questions."key" || char(9)
 || coalesce(substr({_DAY}, 9, 2) || '/' || substr({_DAY}, 6, 2) || '/' || substr({_DAY}, 1, 4),
             '—') || char(9)
 || {_status_case(STATUS_LABELS)} || char(9)
 || coalesce({_AUTHOR}, '') || char(9)
 || substr(replace(coalesce({_LISTING_TITLE}, ''), char(10), ' '), 1, :title_chars)
 || char(10)"""

# `answered = 0` rather than NOT: the indexes serve it (as in storage/questions_status.py).
STATUS_CONDITIONS: dict[Status, str] = {
    Status.ANSWERED: "questions.answered = 1",
    Status.WITHDRAWN: "(questions.answered = 0 AND questions.closing_kind = 'withdrawn')",
    Status.LAPSED: "(questions.answered = 0 AND questions.closing_kind IS NOT NULL"
    " AND questions.closing_kind != 'withdrawn')",
    Status.OVERDUE: "(questions.answered = 0 AND questions.closing_kind IS NULL"
    " AND questions.deadline IS NOT NULL AND questions.deadline < :today)",
    Status.PENDING: "(questions.answered = 0 AND questions.closing_kind IS NULL"
    " AND (questions.deadline IS NULL OR questions.deadline >= :today))",
}
_MATCH = "question_search MATCH :fts_query"


_STATUS = {status.value: status for status in Status}


def _row(m: tuple[Any, ...], snippet: str = "") -> QuestionRow:
    """A row of `_COLUMNS` (plain tuple: 30,000 rows a listing) as the list's record."""
    (id_, key, chamber, qtype, legislature, number, published, answered) = m[:8]
    (author, group, ministry, title, status, delay, annotations) = m[8:15]
    return QuestionRow(  # positional: a third faster than by name, 30,000 times
        id_,
        key,
        chamber,
        qtype,
        legislature,
        number,
        None if published is None else date.fromisoformat(published),
        None if answered is None else date.fromisoformat(answered),
        author or "",
        group or "",
        ministry or "",
        (title or "").replace("\n", " "),
        _STATUS[status],
        delay,
        annotations,
        snippet,
    )
