"""Following commitments once accepted: the rows of the Commitments view and their rules.

Pure rules kept in one place so that the window, the command line and the exports
agree on them: when a commitment is overdue, when it should be checked next, and how
a suggestion is recognised again after the question is re-imported (by the hash of
its normalised sentence, not by its offsets, which may move).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from qe_desktop.domain.annotation import CommitmentStatus, DatePrecision
from qe_desktop.domain.due_dates import add_months

RECHECK_MONTHS = 3  # an undated or past-due open commitment is looked at again after this


@dataclass(frozen=True, slots=True)
class CommitmentFilter:
    """What the Commitments view shows; every field narrows the list (in SQL)."""

    overdue: bool = False
    ministry: str | None = None
    status: CommitmentStatus | None = None
    due_this_month: bool = False
    question_key: str | None = None


@dataclass(frozen=True, slots=True)
class CommitmentRow:
    """One line of the Commitments view: an Engagement highlight and its follow-up."""

    annotation_id: str
    version: int  # of the annotation: edits name it (optimistic concurrency)
    question_key: str
    chamber: str
    number: str | None
    title: str
    author: str
    ministry: str
    quote: str
    due_date: date | None
    precision: DatePrecision
    status: CommitmentStatus
    days_overdue: int  # today - due date while open and past due, else 0
    next_check: date | None
    anchor_state: str = "anchored"

    @property
    def is_overdue(self) -> bool:
        """Whether the commitment is open and its due date has passed."""
        return self.days_overdue > 0


def days_overdue(due: date | None, status: CommitmentStatus, today: date) -> int:
    """Days since the due date passed, for a commitment still open; 0 otherwise."""
    if due is None or not status.is_open or due >= today:
        return 0
    return (today - due).days


def next_check_for(status: CommitmentStatus, due: date | None, today: date) -> date | None:
    """When to look at a commitment again.

    Open and due later: on its due date. Open with no date, or already past due:
    three months from today. Settled (kept, broken, abandoned…): never.
    """
    if not status.is_open:
        return None
    if due is not None and due >= today:
        return due
    return add_months(today, RECHECK_MONTHS)


def month_bounds(today: date) -> tuple[date, date]:
    """First and last day of the month of `today` (the "due this month" filter)."""
    first = today.replace(day=1)
    return first, add_months(first, 1) - timedelta(days=1)


def normalised_sentence(sentence: str) -> str:
    """The form a dismissed sentence is remembered by: NFC, case-folded, one space."""
    text = unicodedata.normalize("NFC", sentence).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def sentence_hash(sentence: str) -> str:
    """A stable identity for a sentence, unchanged by spacing or typography edits."""
    return hashlib.sha256(normalised_sentence(sentence).encode("utf-8")).hexdigest()
