"""Annotations (highlights with category, note and tags) and their selectors (DESIGN §3, §7)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from qe_desktop.domain.folding import strip_accents
from qe_desktop.domain.labelled import LabelledEnum

CONTEXT_CHARS = 32  # prefix/suffix length of a TextQuoteSelector


class Part(StrEnum):
    """Which text of a question an annotation is anchored in: the question or its answer."""

    QUESTION = "question"
    ANSWER = "answer"


class AnchorState(StrEnum):
    """How well an annotation still sits on its text after the text changed."""

    ANCHORED = "anchored"
    REVIEW = "review"  # re-attached with edits: the user should check it ("À vérifier")
    ORPHAN = "orphan"  # could not be placed: kept, listed, never deleted ("Orphelines")


@dataclass(frozen=True, slots=True)
class Selector:
    """W3C TextQuoteSelector + TextPositionSelector on canonical text (code points)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    @classmethod
    def from_span(cls, text: str, start: int, end: int) -> Selector:
        """The selector for a span, with enough context around it to re-anchor after edits."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} outside a text of {len(text)} characters")
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            start=start,
            end=end,
        )


@dataclass(frozen=True, slots=True)
class Category:
    """A highlight category: stable name, user-editable French label and colour."""

    name: str
    label: str
    color: str  # "#rrggbb"
    position: int = 0


DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category("engagement", "Engagement", "#f4a261", 0),
    Category("chiffre", "Chiffre", "#8ecae6", 1),
    Category("elusion", "Élusion", "#e5989b", 2),
    Category("relancer", "À relancer", "#ffd166", 3),
    Category("important", "Important", "#b5e48c", 4),
)
COMMITMENT_CATEGORY = "engagement"


class CommitmentStatus(LabelledEnum):
    """Where a minister's commitment stands, as the user judged it (stored in French)."""

    TO_CHECK = "a_verifier", "à vérifier"
    IN_PROGRESS = "en_cours", "en cours"
    KEPT = "tenu", "tenu"
    KEPT_LATE = "tenu_en_retard", "tenu en retard"
    PARTLY_KEPT = "partiellement_tenu", "partiellement tenu"
    BROKEN = "rompu", "rompu"
    ABANDONED = "abandonne", "abandonné"

    @property
    def is_open(self) -> bool:
        """Whether the commitment is still to be kept, so its due date keeps mattering."""
        return self in (CommitmentStatus.TO_CHECK, CommitmentStatus.IN_PROGRESS)


class DatePrecision(StrEnum):
    """How precisely a due date is known: "le 1er mars" down to "prochainement"."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    SEMESTER = "semester"
    SEASON = "season"
    YEAR = "year"
    VAGUE = "vague"


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One step in a commitment's history: who set which status, when, and on what evidence."""

    status: CommitmentStatus
    author: str
    at: datetime
    reason: str = ""
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class CommitmentRecord:
    """The follow-up data of an Engagement highlight."""

    due_date: date | None
    precision: DatePrecision = DatePrecision.VAGUE
    ministry: str = ""
    status: CommitmentStatus = CommitmentStatus.TO_CHECK
    evidence: str = ""
    next_check: date | None = None
    history: tuple[StatusChange, ...] = ()


@dataclass(frozen=True, slots=True)
class AnnotationRecord:
    """One highlight, as stored, exchanged (W3C JSON-LD) and exported."""

    id: str  # uuid4 hex string, exported as urn:uuid:…
    question_key: str
    part: Part
    selector: Selector
    category: str  # Category.name
    text_hash: str
    creator: str
    created: datetime
    modified: datetime
    note: str = ""
    tags: tuple[str, ...] = ()
    anchor_state: AnchorState = AnchorState.ANCHORED
    previous_exact: str | None = None  # the old quote when anchor_state is REVIEW
    commitment: CommitmentRecord | None = None
    deleted: bool = False  # tombstone, kept so that deletions travel with exports and sync
    version: int = 1
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)


def tag_sort_key(tag: str) -> tuple[str, str]:
    """Tags in dictionary order: "IA, relance, Vivatech", capitals and accents aside."""
    return (strip_accents(tag).casefold(), tag)


def sorted_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags in the one order every list and export shows them in."""
    return tuple(sorted(tags, key=tag_sort_key))
