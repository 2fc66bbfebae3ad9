"""Follows and inbox items of the veille: what the user watches, and what is new.

Matching a follow against a question is plain Python over a few fields, so that the
same rule serves every database: names and labels compared without accents, case or
civility ("M. Fabien Genet" follows "Fabien GENET"), ministries and themes by the
words they contain. A saved search is matched by the full-text index (storage).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from qe_desktop.domain.labelled import LabelledEnum


class FollowKind(LabelledEnum):
    """What a follow watches: a deputy, a ministry, a theme, a saved search or one question."""

    AUTHOR = "author", "Auteur"
    MINISTRY = "ministry", "Ministère"
    THEME = "theme", "Thème"
    SEARCH = "search", "Recherche"
    QUESTION = "question", "Question"


class EventKind(LabelledEnum):
    """Why a question lands in the inbox of a follow."""

    NEW_QUESTION = "new_question", "Nouvelle question"
    NEW_ANSWER = "new_answer", "Nouvelle réponse"
    OVERDUE_COMMITMENT = "overdue_commitment", "Engagement en retard"
    DEADLINE_PASSED = "deadline_passed", "Délai de réponse dépassé"


@dataclass(frozen=True, slots=True)
class FollowRow:
    """One follow, with its inbox counts for the current user."""

    id: int
    kind: FollowKind
    value: str
    created_at: datetime
    unseen: int = 0
    total: int = 0

    @property
    def display(self) -> str:
        """The follow as one line of the Veille list: "Député : …"."""
        return f"{self.kind.label} : {self.value}"


@dataclass(frozen=True, slots=True)
class InboxItem:
    """One line of Nouveautés."""

    id: int
    kind: EventKind
    question_key: str
    title: str
    author: str
    ministry: str
    at: datetime
    follow: str | None  # the first follow it matched ("Auteur : Fabien Genet"), None: one's own
    seen: bool


@dataclass(frozen=True, slots=True)
class QuestionFacts:
    """What follows look at in a question (read in bulk by storage)."""

    id: int
    key: str
    uid: str
    author_name: str
    author_ref: str
    ministries: tuple[str, ...]
    themes: tuple[str, ...]


_CIVILITIES = frozenset({"m", "mme", "mlle", "monsieur", "madame", "mademoiselle"})


def fold(value: str) -> str:
    """Lower case, no accents, one space between words."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain.lower()).split())


def name_words(value: str) -> frozenset[str]:
    """A name as a set of folded words without civilities, so "M. Jean Dupont" matches "Dupont"."""
    return frozenset(w for w in fold(value).split() if w not in _CIVILITIES)


def normalise_value(kind: FollowKind, value: str) -> str:
    """How a follow is stored: trimmed, one space between words (case kept for display)."""
    cleaned = " ".join(value.split())
    if kind is FollowKind.AUTHOR:
        cleaned = re.sub(r"^(?:M\.|Mme|Mlle|Monsieur|Madame)\s+", "", cleaned, flags=re.I)
    return cleaned


@dataclass(frozen=True, slots=True)
class FoldedFacts:
    """A question's facts folded once, to be matched against many follows."""

    id: int
    key: str
    uid: str
    author_ref: str
    author_words: frozenset[str]
    ministries: str
    themes: str

    @classmethod
    def of(cls, facts: QuestionFacts) -> FoldedFacts:
        """Fold a question's facts once before matching them against every follow."""
        return cls(
            facts.id,
            facts.key,
            facts.uid,
            facts.author_ref,
            name_words(facts.author_name),
            "\n".join(fold(m) for m in facts.ministries if m),
            "\n".join(fold(t) for t in facts.themes if t),
        )


@dataclass(frozen=True, slots=True)
class Matcher:
    """A follow (other than a saved search) ready to test many questions quickly."""

    kind: FollowKind
    value: str
    words: frozenset[str]
    needle: str

    @classmethod
    def of(cls, kind: FollowKind, value: str) -> Matcher:
        """Fold a follow's value once before testing it against many questions."""
        return cls(kind, value, name_words(value), fold(value))

    def __call__(self, facts: FoldedFacts) -> bool:
        """Whether the question falls under this follow."""
        if self.kind is FollowKind.QUESTION:
            return self.value in (facts.key, facts.uid)
        if self.kind is FollowKind.AUTHOR:
            if facts.author_ref and self.value == facts.author_ref:
                return True
            return bool(self.words) and self.words <= facts.author_words
        if not self.needle:
            return False
        text = facts.ministries if self.kind is FollowKind.MINISTRY else facts.themes
        return self.needle in text


def matches(kind: FollowKind, value: str, facts: QuestionFacts) -> bool:
    """Whether a follow (other than a saved search) covers a question."""
    if kind is FollowKind.QUESTION:
        return value in (facts.key, facts.uid)
    if kind is FollowKind.AUTHOR:
        if facts.author_ref and value == facts.author_ref:
            return True
        wanted = name_words(value)
        return bool(wanted) and wanted <= name_words(facts.author_name)
    needle = fold(value)
    if not needle:
        return False
    haystack = facts.ministries if kind is FollowKind.MINISTRY else facts.themes
    return any(needle in fold(text) for text in haystack if text)
