"""What a user typed in the search box, as words and phrases (no engine syntax).

Users type anything ("NEAR", unbalanced quotes, `*`, emoji, 10,000 characters). The
window highlights these words and storage turns them into a query that can never be
invalid; both read the same parse, so it lives here, below both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_CHARS = 1_000
MAX_TERMS = 32
_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """Words and phrases extracted from user input (phrases as word tuples)."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def empty(self) -> bool:
        """Whether the input had nothing to search for."""
        return not self.words and not self.phrases

    @property
    def all_words(self) -> tuple[str, ...]:
        """Every word to highlight, the phrases' words included."""
        return self.words + tuple(word for phrase in self.phrases for word in phrase)


def parse_terms(user_input: str) -> SearchTerms:
    """Split input into quoted phrases and plain words; drop operators and punctuation."""
    text = user_input[:MAX_QUERY_CHARS]
    phrases: list[tuple[str, ...]] = []
    loose: list[str] = []
    for match in _PHRASE.finditer(text):
        phrase_words = tuple(_WORD.findall(match.group(1)))
        if len(phrase_words) > 1:
            phrases.append(phrase_words)
        else:
            loose.extend(phrase_words)
    rest = _PHRASE.sub(" ", text).replace('"', " ")
    words = [word for word in [*_WORD.findall(rest), *loose] if word.strip("_")]
    budget = MAX_TERMS - len(phrases)
    return SearchTerms(words=tuple(words[: max(budget, 0)]), phrases=tuple(phrases[:MAX_TERMS]))
