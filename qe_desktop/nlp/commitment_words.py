"""The commitment model's bag of words: TF-IDF of the carrying clause's grammar words.

The hand features see tense, agent and cues; the words around the verb ("nous allons",
"sera pris", "en ce sens", "que je") carry more than a list of features can name. Only
grammar words are kept: nouns and adjectives tell what an answer is about, which changes
from one answer to the next and would not carry to unseen ones. The vectoriser is
scikit-learn's `TfidfVectorizer` defaults (raw counts, smoothed idf, L2 norm) redone in
plain Python, so the app needs no scikit-learn: the vocabulary and idf come from the
weights file written by tools/train_commitments.py.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_GRAMMAR_POS = frozenset({"VERB", "AUX", "ADV", "PRON", "SCONJ", "ADP", "CCONJ", "DET"})
PREFIX = "mot:"
"""Feature names of the words in the weights file: "mot:aller"."""


def clause_words(head: Token, governors: Iterable[Token] = ()) -> tuple[str, ...]:
    """Lemmas of the grammar words of the clause `head` carries, in text order.

    `governors` are verbs the parse puts above `head` though they belong to its group
    ("nous allons publier": "allons" governs "publier"); they and their subjects count.
    """
    tokens = {t.i: t for t in head.subtree}
    for verb in governors:
        if verb.i in tokens:
            continue
        tokens[verb.i] = verb
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj", "advmod"):
                tokens.update((t.i, t) for t in child.subtree)
    ordered = (tokens[i] for i in sorted(tokens))
    return tuple(t.lemma_.lower() for t in ordered if t.pos_ in _GRAMMAR_POS)


def tfidf(
    words: Iterable[str], vocabulary: Mapping[str, int], idf: Sequence[float], scale: float
) -> dict[int, float]:
    """Column -> value of the L2-normalised TF-IDF vector of `words` (unknown words dropped)."""
    counts = Counter(vocabulary[w] for w in words if w in vocabulary)
    raw = {column: n * idf[column] for column, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    if not norm:
        return {}
    return {column: scale * v / norm for column, v in raw.items()}
