"""Immutable rows handed from services to the window, the CLI and the exporters."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from qe_desktop.domain.annotation import AnnotationRecord, Category
from qe_desktop.domain.deputy import DeputyRecord
from qe_desktop.domain.question import QuestionRecord
from qe_desktop.domain.status import Status


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """One line of the library list: only what the table shows."""

    id: int
    key: str
    chamber: str
    qtype: str
    legislature: int | None
    number: str | None
    published_on: date | None
    answered_on: date | None
    author: str
    group: str
    ministry: str
    title: str
    status: Status
    delay_days: int | None
    annotation_count: int
    snippet: str = ""  # search result excerpt, with [[ ]] around matched terms
    coverage: float | None = None  # share of the demands answered (None: not analysed yet)


@dataclass(frozen=True, slots=True)
class QuestionDetail:
    """Everything the reader, `show` and the exporters need about one question."""

    id: int
    key: str
    uri: str
    record: QuestionRecord
    status: Status
    deadline: date | None
    delay_days: int | None
    late: bool
    note: str = ""
    annotations: tuple[AnnotationRecord, ...] = ()
    categories: tuple[Category, ...] = ()
    deputy: DeputyRecord | None = None  # the AN author as the deputies file knows them today

    @property
    def current_group(self) -> str:
        """The author's political group today (deputies file), when it is known."""
        return self.deputy.group_label if self.deputy is not None else ""

    @property
    def author_display(self) -> str:
        """The author as lists show them: civility and name, or the AN ref until it is known."""
        author = self.record.author
        name = author.name or author.ref
        return f"{author.civility} {name}".strip()


class QuestionNotFound(LookupError):
    """No question with this key in the library; the message says so in French.

    Raised by the services and by the command line's light read path alike.
    """

    def __init__(self, key: str) -> None:
        super().__init__(f"Aucune question « {key} » dans la bibliothèque.")
        self.key = key


SORT_COLUMNS = (
    "number",
    "chamber",
    "published_on",
    "author",
    "group",
    "ministry",
    "title",
    "status",
    "delay_days",
    "annotation_count",
    "coverage",
)


@dataclass(frozen=True, slots=True)
class QuestionFilter:
    """What the library list shows; every field narrows the result in SQL."""

    text: str = ""
    chamber: str | None = None
    legislature: int | None = None
    ministry: str | None = None
    group: str | None = None
    author: str | None = None
    statuses: frozenset[Status] = field(default_factory=frozenset)
    published_from: date | None = None
    published_to: date | None = None
    has_notes: bool = False
    tag: str | None = None
    category: str | None = None
    keys: tuple[str, ...] = ()
    incomplete_answers: bool = False  # answers leaving a demand not fully answered

    def narrowed_by(self) -> frozenset[str]:
        """The names of the fields that narrow the list (those not at their default)."""
        return frozenset(
            f.name for f in fields(self) if getattr(self, f.name) != getattr(_NO_FILTER, f.name)
        )


_NO_FILTER = QuestionFilter()


@dataclass(frozen=True, slots=True)
class Sort:
    """The column the library list is sorted on, and in which direction."""

    column: str = "published_on"
    descending: bool = True
