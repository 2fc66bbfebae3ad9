"""Deadlines, delays and status of a question, computed from its dates (DESIGN §3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from qe_desktop.domain.labelled import LabelledEnum
from qe_desktop.domain.periods import add_months
from qe_desktop.domain.question import ClosingKind, QuestionRecord

ANSWER_MONTHS = 2  # Sénat art. 75 RS; AN art. 135 RAN
SIGNALEMENT_DAYS = 10  # a "question signalée" at the AN
# Only written questions carry the two-month rule; questions au Gouvernement (QG) and
# oral questions (QOSD) are answered in the chamber, with no deadline to miss.
TYPES_WITH_DEADLINE = frozenset({"QE"})


class Status(LabelledEnum):
    """Where a question stands: answered, waiting, overdue, withdrawn or lapsed."""

    ANSWERED = "answered", "répondue"
    PENDING = "pending", "en attente"
    OVERDUE = "overdue", "en retard"
    WITHDRAWN = "withdrawn", "retirée"
    LAPSED = "lapsed", "caduque"


STATUS_LABELS: dict[Status, str] = {status: status.label for status in Status}  # storage/reader.py


def answer_deadline(
    published_on: date | None, signaled_on: date | None = None, qtype: str = "QE"
) -> date | None:
    """Ten days after signalement for a signalée AN question, else two months after publication.

    None for a question that is not a written question (QG, QOSD): it can never be overdue.
    """
    if qtype not in TYPES_WITH_DEADLINE:
        return None
    if signaled_on is not None:
        return signaled_on + timedelta(days=SIGNALEMENT_DAYS)
    if published_on is None:
        return None
    return add_months(published_on, ANSWER_MONTHS)


def compute_status(
    *,
    answered_on: date | None,
    has_answer: bool,
    closing_kind: ClosingKind | None,
    deadline: date | None,
    today: date,
) -> Status:
    """The status from the question's dates and closing; any answer wins over the rest."""
    if answered_on is not None or has_answer:
        return Status.ANSWERED
    if closing_kind is ClosingKind.WITHDRAWN:
        return Status.WITHDRAWN
    if closing_kind in (ClosingKind.LAPSED, ClosingKind.OTHER):
        return Status.LAPSED
    if deadline is not None and today > deadline:
        return Status.OVERDUE
    return Status.PENDING


def delay_days(published_on: date | None, answered_on: date | None) -> int | None:
    """Days from publication to answer; None while either date is unknown."""
    if published_on is None or answered_on is None:
        return None
    return (answered_on - published_on).days


@dataclass(frozen=True, slots=True)
class Timing:
    """Everything a list row or a header shows about time."""

    status: Status
    deadline: date | None
    delay_days: int | None
    late: bool

    @classmethod
    def of(
        cls,
        *,
        published_on: date | None,
        answered_on: date | None,
        has_answer: bool,
        closing_kind: ClosingKind | None,
        signaled_on: date | None,
        today: date,
        qtype: str = "QE",
    ) -> Timing:
        """Deadline, status and delay of a question as of `today`."""
        deadline = answer_deadline(published_on, signaled_on, qtype)
        status = compute_status(
            answered_on=answered_on,
            has_answer=has_answer,
            closing_kind=closing_kind,
            deadline=deadline,
            today=today,
        )
        delay = delay_days(published_on, answered_on)
        late = bool(answered_on and deadline and answered_on > deadline)
        return cls(status=status, deadline=deadline, delay_days=delay, late=late)

    @classmethod
    def of_record(cls, record: QuestionRecord, today: date) -> Timing:
        """The timing of an imported question, as of `today`."""
        return cls.of(
            published_on=record.published_on,
            answered_on=record.answered_on,
            has_answer=bool(record.answer_text),
            closing_kind=record.closing.kind if record.closing else None,
            signaled_on=record.signaled_on,
            today=today,
            qtype=record.qtype,
        )
