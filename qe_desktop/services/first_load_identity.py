"""Whether a first load may write a Sénat question as new: `find_existing` would find
nothing for it among the questions this import wrote before it (#25).

The ordinary path sends a Sénat question that looks like a stored one (same number,
address, or author and day) through `storage/questions.find_existing`, and a match is
an update. A whole chamber's archive meets such look-alikes all the time (a senator
asks several questions on one day), and almost none is the same question: the
direct first load asks the same questions as `find_existing` (its clauses after the
uid and the key, which `direct_load` keeps in memory), of the rows already committed
(one indexed statement) and of the chunk not written yet (in memory), and leaves the
import to the ordinary path only when one would match.

An AN question with its uid is never looked up by the ordinary path, except that the
address of an earlier question of the same chunk (any chamber) could find it: the
addresses of the chunk being filled are kept once a Sénat question has been met.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from qe_desktop.domain.question import Chamber
from qe_desktop.storage.prepared import INDEX, PreparedQuestion

_SENAT = Chamber.SENAT.value
_CHAMBER, _LEGISLATURE, _NUMBER = INDEX["chamber"], INDEX["legislature"], INDEX["number"]
_QTYPE, _URL, _AUTHOR = INDEX["qtype"], INDEX["url"], INDEX["author_name"]
_PUBLISHED, _PAGE = INDEX["published_on"], INDEX["question_page"]

# `find_existing`'s clauses after uid and key; a clause whose first value is NULL is off.
_STORED = """
SELECT EXISTS (SELECT 1 FROM questions
               WHERE chamber = ? AND legislature = ? AND number = ? AND qtype IS ?)
    OR EXISTS (SELECT 1 FROM questions WHERE url = ?)
    OR EXISTS (SELECT 1 FROM questions
               WHERE chamber = ? AND author_name = ? AND published_on = ?
                 AND coalesce(question_page, '') = ?
                 AND (coalesce(number, '') = '' OR ? = ''
                      OR ltrim(number, '0') = ltrim(?, '0')))
"""

Identity = tuple[object, object, object, object]


class FirstLoadIdentities:
    """The identities of the chunk being filled, and the look-up of the rows committed."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._active = False  # a Sénat question was met: addresses are kept from then on
        self._numbers: set[Identity] = set()
        self._urls: set[str] = set()
        self._days: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def an_is_new(self, question: PreparedQuestion) -> bool:
        """Whether an AN question with its uid may be written (its address unmatched)."""
        if not self._active:
            return True
        url = question.row[_URL]
        if url and url in self._urls:
            return False
        if url:
            self._urls.add(url)
        return True

    def senat_is_new(self, question: PreparedQuestion, pending: Iterable[PreparedQuestion]) -> bool:
        """Whether `find_existing` finds no earlier question of this import for it
        (`pending`: the chunk being filled, in case this is the first Sénat question).
        """
        if not self._active:
            self._active = True
            self._urls.update(q.row[_URL] for q in pending if q.row[_URL])
        row = question.row
        chamber, legislature, number, qtype = (
            row[_CHAMBER], row[_LEGISLATURE], row[_NUMBER], row[_QTYPE]
        )  # fmt: skip
        url, author, published, page = row[_URL], row[_AUTHOR], row[_PUBLISHED], row[_PAGE]
        identity = (chamber, legislature, number, qtype) if number and legislature else None
        day = (author, published) if published and author else None
        page, number_text = page or "", number or ""
        if identity is not None and identity in self._numbers:
            return False
        if url and url in self._urls:
            return False
        if day is not None and any(
            stored_page == page and _numbers_agree(stored_number, number_text)
            for stored_page, stored_number in self._days.get(day, ())
        ):
            return False
        (found,) = self._connection.execute(
            _STORED,
            (
                *(identity or (None, None, None, None)),
                url or None,
                *((_SENAT, author, published) if day else (None, None, None)),
                page,
                number_text,
                number_text,
            ),
        ).fetchone()
        if found:
            return False
        if identity is not None:
            self._numbers.add(identity)
        if url:
            self._urls.add(url)
        if day is not None:
            self._days.setdefault(day, []).append((page, number_text))
        return True

    def written(self) -> None:
        """The chunk is committed: its rows are looked up in the file from now on."""
        self._numbers.clear()
        self._urls.clear()
        self._days.clear()


def _numbers_agree(stored: str, number: str) -> bool:
    """`find_existing`'s test: either number missing, or the same without leading zeros."""
    return not (stored and number) or stored.lstrip("0") == number.lstrip("0")
