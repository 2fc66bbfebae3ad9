"""Near-duplicate texts: copy-paste answers, questions asked by several MPs, related questions.

Ministers often answer many questions with the same text, and MPs often table the same
question (a template from an interest group). Comparing every pair of 100,000 answers is
out of reach, so each text gets a small fingerprint once, stored with the library:

1. `words`: case, accents, punctuation and whitespace are folded away.
2. `shingle_hashes`: every run of `SHINGLE_WORDS` consecutive words, hashed with
   CRC-32 (zlib): deterministic across runs and machines, unlike Python's salted
   `hash()`. Measured on 1,200 edited answer pairs, MinHash estimates from CRC-32 are as
   good as with an extra universal remix (bias 0.002, s.d. 0.056) for two thirds of
   the cost, and hashing is most of the cost.
3. `signature`: a one-permutation MinHash (the smallest hash in each of `SIGNATURE_BINS`
   bins), with empty bins filled from a fixed probe order ("densification") so that
   short texts get full signatures too.
4. `band_keys`: LSH banding, `BANDS` bands of `ROWS_PER_BAND` bins, each band hashed to
   one 63-bit key. Two texts sharing a band key are candidates.
5. The exact Jaccard index of the two shingle sets confirms (or drops) each candidate.

With 16 bands of 4 rows, a pair at Jaccard 0.8 is a candidate with probability 0.9998,
at 0.7 with 0.988, at 0.3 with 0.12: the exact check removes those.

Thresholds (Jaccard index of word 5-gram sets):
- `IDENTICAL` (0.95): the same text, give or take a word or a date;
- `NEAR_IDENTICAL` (0.7): the same text with a sentence or a paragraph changed (a
  different opening naming the MP, a changed figure). One edited word changes up to
  five shingles, so a 250-word answer with a new 40-word first paragraph scores ~0.7.

Related questions need a looser measure (same subject, other words): TF-IDF cosine over
content words, plus small boosts for the same rubrique and the same ministry.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
import zlib
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

SCHEME = 1  # bump when anything below changes: stored fingerprints are then recomputed
SHINGLE_WORDS = 5
MIN_WORDS = 8  # shorter texts ("Voir la réponse…") are not compared
SIGNATURE_BINS = 64
BANDS = 16
ROWS_PER_BAND = 4
IDENTICAL = 0.95
NEAR_IDENTICAL = 0.7

_BIN_MASK = SIGNATURE_BINS - 1  # SIGNATURE_BINS is a power of two
assert SIGNATURE_BINS & _BIN_MASK == 0 and BANDS * ROWS_PER_BAND <= SIGNATURE_BINS

# Typographic punctuation that NFKD would not turn into ASCII (it separates words) and
# ligatures it would drop. Replaced one by one: `str.replace` is much faster than a
# `str.translate` table on long texts.
_REPLACEMENTS = (
    *((ch, " ") for ch in "’‘‛«»“”„–—―…€°·•§×"),
    ("œ", "oe"),
    ("Œ", "OE"),
    ("æ", "ae"),
    ("Æ", "AE"),
    ("ß", "ss"),
)
_ASCII_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256)
)


def _word_bytes(text: str) -> list[bytes]:
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
    return ascii_text.translate(_ASCII_FOLD).split()


def words(text: str) -> list[str]:
    """Lower-case ASCII words: accents, case and punctuation folded away."""
    return [w.decode("ascii") for w in _word_bytes(text)]


def _shingles_of(tokens: list[bytes], size: int) -> frozenset[int]:
    if not tokens:
        return frozenset()
    if len(tokens) < size:
        runs: Iterable[bytes] = [b" ".join(tokens)]
    else:
        runs = map(b" ".join, zip(*(tokens[i:] for i in range(size)), strict=False))
    return frozenset(map(zlib.crc32, runs))


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of every run of `size` consecutive words (the whole text if shorter)."""
    return _shingles_of(_word_bytes(text), size)


def _probe_order(bin_index: int) -> tuple[int, ...]:
    """A fixed pseudo-random order of the other bins, to fill an empty bin from."""
    others = [b for b in range(SIGNATURE_BINS) if b != bin_index]
    return tuple(
        sorted(
            others,
            key=lambda b: hashlib.blake2b(f"{bin_index}:{b}".encode(), digest_size=8).digest(),
        )
    )


_PROBES = tuple(_probe_order(i) for i in range(SIGNATURE_BINS))


def signature(shingles: Iterable[int]) -> tuple[int, ...]:
    """One-permutation MinHash with densification; empty for an empty set."""
    descending = sorted(shingles, reverse=True)
    if not descending:
        return ()
    # Assigning in descending order leaves the smallest value of each bin.
    minima = dict(zip(map(_BIN_MASK.__and__, descending), descending, strict=True))
    values = list(map(minima.get, range(SIGNATURE_BINS)))
    if len(minima) < SIGNATURE_BINS:
        for index, value in enumerate(values):
            if value is None:
                donor = next(b for b in _PROBES[index] if b in minima)
                values[index] = minima[donor]
    return tuple(v for v in values if v is not None)


def band_keys(sig: Sequence[int]) -> tuple[int, ...]:
    """One 63-bit key per LSH band (fits a signed 64-bit database integer)."""
    if len(sig) < BANDS * ROWS_PER_BAND:
        return ()
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
        payload = band.to_bytes(1, "little") + b"".join(v.to_bytes(8, "little") for v in rows)
        digest = hashlib.blake2b(payload, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return tuple(keys)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the comparison needs about one text: its shingles and its LSH band keys."""

    shingles: frozenset[int]
    bands: tuple[int, ...]

    @property
    def comparable(self) -> bool:
        """Whether the text is long enough to be compared at all."""
        return bool(self.bands)


EMPTY = Fingerprint(frozenset(), ())


def fingerprint(text: str) -> Fingerprint:
    """Fingerprint of a canonical text; texts under `MIN_WORDS` words get no bands."""
    tokens = _word_bytes(text)
    if len(tokens) < MIN_WORDS:
        return EMPTY
    shingles = _shingles_of(tokens, SHINGLE_WORDS)
    return Fingerprint(shingles, band_keys(signature(shingles)))


def band_keys_of(texts: Sequence[str]) -> list[tuple[int, ...]]:
    """Band keys of many texts (what a worker process computes for a batch)."""
    return [fingerprint(text).bands for text in texts]


def jaccard(a: frozenset[int] | set[int], b: frozenset[int] | set[int]) -> float:
    """Overlap of two shingle sets: 1.0 for the same text, 0.0 for nothing in common."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


class Likeness(StrEnum):
    """How alike two texts are, once similar enough to be worth pointing out."""

    IDENTICAL = "identical"
    NEAR_IDENTICAL = "near_identical"


def likeness(similarity: float) -> Likeness | None:
    """The likeness a similarity score earns, or None when the texts are merely related."""
    if similarity >= IDENTICAL:
        return Likeness.IDENTICAL
    if similarity >= NEAR_IDENTICAL:
        return Likeness.NEAR_IDENTICAL
    return None


K = TypeVar("K", bound=Hashable)


def candidate_pairs[K: Hashable](bands: Mapping[K, Sequence[int]]) -> set[tuple[K, K]]:
    """Pairs of items sharing at least one band key (each pair once, in sorted order)."""
    buckets: dict[int, list[K]] = {}
    for item, keys in bands.items():
        for key in keys:
            buckets.setdefault(key, []).append(item)
    pairs: set[tuple[K, K]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        ordered = sorted(members, key=repr)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1 :]:
                pairs.add((first, second))
    return pairs


def similar_pairs[K: Hashable](
    fingerprints: Mapping[K, Fingerprint], threshold: float = NEAR_IDENTICAL
) -> list[tuple[K, K, float]]:
    """Every pair at or above `threshold`, found through LSH and confirmed exactly."""
    bands = {item: fp.bands for item, fp in fingerprints.items() if fp.comparable}
    found = []
    for first, second in candidate_pairs(bands):
        score = jaccard(fingerprints[first].shingles, fingerprints[second].shingles)
        if score >= threshold:
            found.append((first, second, score))
    found.sort(key=lambda pair: (-pair[2], repr(pair[0]), repr(pair[1])))
    return found


def group_pairs[K: Hashable](pairs: Iterable[tuple[K, K, float]]) -> list[list[K]]:
    """Connected groups of items (union-find); biggest group first."""
    parent: dict[K, K] = {}

    def root(item: K) -> K:
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first, second, _score in pairs:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b, key=repr)] = min(a, b, key=repr)
    groups: dict[K, list[K]] = {}
    for item in parent:
        groups.setdefault(root(item), []).append(item)
    result = [sorted(members, key=repr) for members in groups.values() if len(members) > 1]
    result.sort(key=lambda members: (-len(members), repr(members[0])))
    return result


# -- related questions -------------------------------------------------------------------------

# French function words and the formulas every written question uses: they say nothing
# about the subject. Unaccented, as `words` produces them.
_STOPWORD_TEXT = (
    "a afin ainsi alors appelle attention attire au aussi autre autres aux avec avoir "
    "bien car cas ce cela celle celui ces cet cette ceux chaque ci comme compte "
    "concernant connaitre dans de deja demande depuis dernier derniere des deux "
    "dispositions donc dont du effet egalement egard elle elles en enfin entend entre "
    "envisage est et etait etat ete etre eu faire fait fin gouvernement ici il ils "
    "indiquer intentions interroge je la le les leur leurs lieu lors lui m ma madame mais "
    "me meme mes mesures ministere ministre ministres mm mme moi moins mon monsieur ne "
    "nos notamment notre nous on ont ou par particulier pas peu peut peuvent plus pour "
    "pourrait preciser prendre qu que quel quelle quelles quels question questions qui sa "
    "sans savoir se secretaire selon sera seront ses si situation soit son sont souhaite "
    "souhaiterait sujet sur ta te tes toi ton tous tout toute toutes tres trois tu un une "
    "vos votre vous y"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
MIN_TERM_LENGTH = 3
RUBRIQUE_BOOST = 0.15
MINISTRY_BOOST = 0.05
MIN_RELATED_SCORE = 0.12


def content_words(text: str) -> list[str]:
    """The words that carry the subject: no function words, no question formulas."""
    return [
        w
        for w in words(text)
        if len(w) >= MIN_TERM_LENGTH and w not in STOPWORDS and not w.isdigit()
    ]


def distinctive_terms(text: str, limit: int = 24) -> list[str]:
    """The words to look candidates up with: frequent in the text, long rather than short."""
    counts = Counter(content_words(text))
    ranked = sorted(counts, key=lambda w: (-counts[w], -len(w), w))
    return ranked[:limit]


@dataclass(frozen=True, slots=True)
class TopicText:
    """A question as the related-questions ranking sees it."""

    key: str
    text: str
    ministry: str = ""
    rubrique: str = ""


@dataclass(frozen=True, slots=True)
class Scored:
    """A related question and how related it is."""

    key: str
    score: float


def _tfidf(counts: Counter[str], idf: Mapping[str, float]) -> dict[str, float]:
    vector = {w: (1 + math.log(n)) * idf[w] for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def rank_related(
    target: TopicText, candidates: Sequence[TopicText], limit: int = 5
) -> list[Scored]:
    """The `limit` candidates closest to `target`: TF-IDF cosine plus rubrique/ministry boosts.

    Document frequencies come from the candidates themselves (they were found by a
    search on the target's words), smoothed so that a shared word always counts a little.
    """
    pool = [c for c in candidates if c.key != target.key]
    bags = [Counter(content_words(c.text)) for c in pool]
    target_bag = Counter(content_words(target.text))
    documents = len(pool) + 1
    frequency: Counter[str] = Counter(target_bag.keys())
    for bag in bags:
        frequency.update(bag.keys())
    idf = {w: math.log((1 + documents) / (1 + n)) + 1 for w, n in frequency.items()}
    target_vector = _tfidf(target_bag, idf)
    scored = []
    for candidate, bag in zip(pool, bags, strict=True):
        vector = _tfidf(bag, idf)
        cosine = sum(weight * vector.get(w, 0.0) for w, weight in target_vector.items())
        score = cosine
        if target.rubrique and candidate.rubrique.casefold() == target.rubrique.casefold():
            score += RUBRIQUE_BOOST
        if target.ministry and candidate.ministry == target.ministry:
            score += MINISTRY_BOOST
        if score >= MIN_RELATED_SCORE:
            scored.append(Scored(candidate.key, round(score, 4)))
    scored.sort(key=lambda s: (-s.score, s.key))
    return scored[:limit]
