"""Re-anchoring: put a highlight back on a text that changed (DESIGN §4).

Never lose a note, never move one silently. Unlike Hypothesis, which attaches a
note to the best look-alike whatever its score, a candidate place must be
supported by evidence (the quote itself, the text around it, its old position)
and must clearly beat the next best place; otherwise the annotation is flagged
for review or becomes an orphan, which is kept and listed, never deleted.

All comparisons run on a "folded" copy of the text where every whitespace
character is a plain space: folding keeps lengths, so offsets stay valid, and a
paragraph break that became a space (or the reverse) does not count as an edit.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qe_desktop.domain.annotation import CONTEXT_CHARS, AnchorState, AnnotationRecord, Selector
from qe_desktop.domain.text import text_hash

# rapidfuzz is imported where it is used: 60 ms at every start for a re-import's needs.

# How a candidate place is scored (each part in 0..1, the score too).
WEIGHT_QUOTE = 0.5
WEIGHT_CONTEXT = 0.4
WEIGHT_POSITION = 0.1
# The best place must beat the runner-up by this much, or it is ambiguous.
MARGIN = 0.05
# A context side at least this similar to the old one "supports" a place.
SIDE_SUPPORT = 0.75
# Quote similarity required when fewer than two context sides support a place.
STRONG_QUOTE = 0.8
# A quote at least this long is recognisable even where its context changed.
DISTINCT_QUOTE_CHARS = 20
MAX_EDITS = 256  # approximate matches allow min(MAX_EDITS, len(quote) // 2) edits
MAX_HITS = 64  # verbatim hits kept per search, nearest to the old position first
ANCHOR_CHARS = 16  # the end of the prefix / start of the suffix searched verbatim
MIN_ANCHOR_CHARS = 4
FUZZY_WINDOWS = 3  # approximate places of the quote examined when context is lost
_FAST_PARTIAL_CHARS = 64  # rapidfuzz's partial ratio is fastest up to this length

_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)
_FOLD_TABLE = str.maketrans(dict.fromkeys(_WHITESPACE, " "))
# str.translate is fast on ASCII only; on accented text a regex is ten times faster.
_FOLD = re.compile("[" + re.escape(_WHITESPACE) + "]")


@dataclass(frozen=True, slots=True)
class AnchorResult:
    """Where a highlight sits on the new text, and how sure we are.

    `selector` is None for an orphan (the caller keeps the old selector so the
    quote stays visible). `previous_exact` is the old quote when the state is
    REVIEW, so the user can compare old and new text.
    """

    state: AnchorState
    selector: Selector | None
    score: float
    previous_exact: str | None = None


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    quote: float
    prefix: float
    suffix: float
    score: float
    exact: bool  # the old quote, give or take whitespace

    @property
    def supported_sides(self) -> int:
        return (self.prefix >= SIDE_SUPPORT) + (self.suffix >= SIDE_SUPPORT)

    def overlaps(self, other: _Candidate) -> bool:
        return self.start < other.end and other.start < self.end


class _Target:
    """A new text prepared once for many annotations (hash and folded copy)."""

    __slots__ = ("digest", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold_whitespace(text)
        self.digest = text_hash(text)


def fold_whitespace(text: str) -> str:
    """Replace every whitespace character by a space, keeping the length."""
    return text.translate(_FOLD_TABLE) if text.isascii() else _FOLD.sub(" ", text)


def reanchor(selector: Selector, old_hash: str, new_text: str) -> AnchorResult:
    """Place `selector`, made on the text whose hash is `old_hash`, on `new_text`."""
    return _reanchor(selector, old_hash, _Target(new_text))


def reanchor_many(items: Iterable[tuple[Selector, str]], new_text: str) -> list[AnchorResult]:
    """Re-anchor many (selector, old text hash) pairs on one new text."""
    target = _Target(new_text)
    return [_reanchor(selector, old_hash, target) for selector, old_hash in items]


def reanchor_record(record: AnnotationRecord, new_text: str) -> AnnotationRecord:
    """The record placed on `new_text`: new selector, state and text hash.

    An orphan keeps its old selector and hash (its quote stays visible). A note
    already waiting for review stays in review, with its first old quote, even
    when this round finds its quote verbatim: the user has not checked it yet.
    `modified` is left alone: re-anchoring is not an edit by the user.
    """
    return reanchor_records([record], new_text)[0]


def reanchor_records(records: Sequence[AnnotationRecord], new_text: str) -> list[AnnotationRecord]:
    """`reanchor_record` for many records on one new text (prepared once for all)."""
    target = _Target(new_text)
    return [
        _placed(record, _reanchor(record.selector, record.text_hash, target), target.digest)
        for record in records
    ]


def _placed(record: AnnotationRecord, result: AnchorResult, new_hash: str) -> AnnotationRecord:
    if result.selector is None:
        return dataclasses.replace(record, anchor_state=AnchorState.ORPHAN)
    pending = record.anchor_state is AnchorState.REVIEW
    if pending or result.state is AnchorState.REVIEW:
        state = AnchorState.REVIEW
        previous = record.previous_exact if pending else result.previous_exact
    else:
        state, previous = AnchorState.ANCHORED, None
    return dataclasses.replace(
        record,
        selector=result.selector,
        anchor_state=state,
        previous_exact=previous,
        text_hash=new_hash,
    )


def _reanchor(selector: Selector, old_hash: str, target: _Target) -> AnchorResult:
    text, exact = target.text, selector.exact
    in_bounds = 0 <= selector.start <= selector.end <= len(text)
    kept = in_bounds and text[selector.start : selector.end] == exact
    if kept and target.digest == old_hash:
        return AnchorResult(AnchorState.ANCHORED, selector, 1.0)
    if not exact:
        return AnchorResult(AnchorState.ORPHAN, None, 0.0)
    search = _Search(selector, target)
    if kept:
        here = search.candidate(selector.start, selector.end)
        if here is not None and here.supported_sides:
            return AnchorResult(AnchorState.ANCHORED, search.selector(here), here.score)
    return search.decide(kept_here=kept)


class _Search:
    """Step 3 of DESIGN §4: find, score and choose candidate places."""

    def __init__(self, selector: Selector, target: _Target) -> None:
        self.old = selector
        self.target = target
        self.quote = fold_whitespace(selector.exact)
        self.prefix = fold_whitespace(selector.prefix)
        self.suffix = fold_whitespace(selector.suffix)
        self.squashed = "".join(selector.exact.split())
        self.max_edits = min(MAX_EDITS, len(self.quote) // 2)
        self.found: dict[tuple[int, int], _Candidate | None] = {}

    def selector(self, candidate: _Candidate) -> Selector:
        return Selector.from_span(self.target.text, candidate.start, candidate.end)

    def decide(self, *, kept_here: bool) -> AnchorResult:
        """Anchored only for the unchanged quote, in matching context, with no close rival.

        A candidate needs evidence to be considered at all (see `_eligible`).
        The best one is kept for review when it was edited, moved into new
        surroundings, or barely beats another place whose context also matches;
        with no context to tell places apart, it is an orphan, not a guess.
        """
        self._exact_places()
        self._context_places(fuzzy=False)
        if not any(c.supported_sides for c in self._candidates()):
            self._context_places(fuzzy=True)
            if len(self.quote) >= DISTINCT_QUOTE_CHARS:
                self._fuzzy_quote_places()
        old_span = (self.old.start, self.old.end)
        eligible = [
            c
            for c in self._candidates()
            if self._eligible(c) or (kept_here and (c.start, c.end) == old_span)
        ]
        if not eligible:
            return AnchorResult(AnchorState.ORPHAN, None, 0.0)
        ranked = sorted(eligible, key=self._rank, reverse=True)
        best = ranked[0]
        if not best.exact:
            # The unchanged quote beats a wider or narrower span at the same place:
            # what changed there is the context, not the highlighted words.
            best = next((c for c in ranked if c.exact and c.overlaps(best)), best)
        rivals = [c for c in ranked[1:] if not c.overlaps(best)]
        clear = not rivals or best.score - rivals[0].score >= MARGIN
        if not clear and not best.supported_sides:
            return AnchorResult(AnchorState.ORPHAN, None, 0.0)
        if clear and best.exact and best.supported_sides:
            return AnchorResult(AnchorState.ANCHORED, self.selector(best), best.score)
        return AnchorResult(AnchorState.REVIEW, self.selector(best), best.score, self.old.exact)

    def _rank(self, c: _Candidate) -> tuple[float, int, int, int]:
        return (c.score, -abs(c.start - self.old.start), -c.start, -c.end)

    def _eligible(self, c: _Candidate) -> bool:
        """Enough evidence: context on one side, or a quote long enough to speak for itself."""
        sides = c.supported_sides
        distinct = len(self.quote) >= DISTINCT_QUOTE_CHARS
        if c.exact:
            return sides >= 1 or distinct
        if sides == 2:
            return True  # the same place, rewritten within the edit budget
        return c.quote >= STRONG_QUOTE and (sides == 1 or distinct)

    def _candidates(self) -> list[_Candidate]:
        return [c for c in self.found.values() if c is not None]

    # -- scoring ---------------------------------------------------------------

    def candidate(self, start: int, end: int) -> _Candidate | None:
        """Score the span start:end, or None when it is beyond the edit budget."""
        key = (start, end)
        if key in self.found:
            return self.found[key]
        result = self._score(start, end)
        self.found[key] = result
        return result

    def _score(self, start: int, end: int) -> _Candidate | None:
        from rapidfuzz.distance import Levenshtein

        folded = self.target.folded
        if not 0 <= start < end <= len(folded):
            return None
        span = folded[start:end]
        exact = span == self.quote or "".join(span.split()) == self.squashed
        if exact:
            quote = 1.0
        else:
            edits = Levenshtein.distance(self.quote, span, score_cutoff=self.max_edits)
            if edits > self.max_edits:
                return None
            quote = 1.0 - edits / max(len(self.quote), len(span))
        prefix = _side_similarity(self.prefix, _before(folded, start, len(self.prefix)))
        suffix = _side_similarity(self.suffix, _after(folded, end, len(self.suffix)))
        weight_p, weight_s = max(len(self.prefix), 1), max(len(self.suffix), 1)
        context = (prefix * weight_p + suffix * weight_s) / (weight_p + weight_s)
        distance = abs(start - self.old.start) / max(len(folded), 1)
        position = 1.0 - min(1.0, distance)
        score = WEIGHT_QUOTE * quote + WEIGHT_CONTEXT * context + WEIGHT_POSITION * position
        return _Candidate(start, end, quote, prefix, suffix, score, exact)

    # -- finding places --------------------------------------------------------

    def _exact_places(self) -> None:
        size = len(self.quote)
        for hit in _find_all(self.target.folded, self.quote, self.old.start):
            self.candidate(hit, hit + size)

    def _context_places(self, *, fuzzy: bool) -> None:
        """Places between where the old prefix ends and the old suffix starts."""
        if fuzzy:
            prefix_ends = self._fuzzy_context(self.prefix, at_end=True)
            suffix_starts = self._fuzzy_context(self.suffix, at_end=False)
        else:
            prefix_ends, suffix_starts = self._verbatim_context()
        size, slack = len(self.quote), self.max_edits
        paired_ends: set[int] = set()
        paired_starts: set[int] = set()
        for end_of_prefix in prefix_ends:
            for start_of_suffix in suffix_starts:
                gap = start_of_suffix - end_of_prefix
                if gap > 0 and abs(gap - size) <= slack:
                    self.candidate(end_of_prefix, start_of_suffix)
                    paired_ends.add(end_of_prefix)
                    paired_starts.add(start_of_suffix)
        for end_of_prefix in set(prefix_ends) - paired_ends:
            self._aligned(end_of_prefix, end_of_prefix + size + slack)
        for start_of_suffix in set(suffix_starts) - paired_starts:
            self._aligned(start_of_suffix - size - slack, start_of_suffix)

    def _verbatim_context(self) -> tuple[list[int], list[int]]:
        folded, around = self.target.folded, self.old.start
        tail = self.prefix[-ANCHOR_CHARS:]
        head = self.suffix[:ANCHOR_CHARS]
        prefix_ends: list[int] = []
        suffix_starts: list[int] = []
        if len(tail) >= MIN_ANCHOR_CHARS:
            prefix_ends = [h + len(tail) for h in _find_all(folded, tail, around - len(tail))]
        if len(head) >= MIN_ANCHOR_CHARS:
            suffix_starts = _find_all(folded, head, self.old.end)
        return prefix_ends, suffix_starts

    def _fuzzy_context(self, side: str, *, at_end: bool) -> list[int]:
        from rapidfuzz import fuzz

        if len(side) < 2 * MIN_ANCHOR_CHARS or len(side) > len(self.target.folded):
            return []
        cutoff = 100 * SIDE_SUPPORT
        found = fuzz.partial_ratio_alignment(side, self.target.folded, score_cutoff=cutoff)
        if found is None:
            return []
        if at_end:
            return [found.dest_end + len(side) - found.src_end]
        return [found.dest_start - found.src_start]

    def _fuzzy_quote_places(self) -> None:
        """Approximate places of a long quote whose context is gone.

        Only a quote within STRONG_QUOTE similarity can be accepted without its
        context, so weaker look-alikes are not even looked for. Windows of the
        quote's length, a quarter of it apart, are compared with the Indel ratio
        (fast); the best few are then aligned precisely.
        """
        from rapidfuzz import fuzz, process

        folded, size = self.target.folded, len(self.quote)
        cutoff = 100 * STRONG_QUOTE - 15  # the Indel ratio is laxer; windows are misaligned
        if size <= _FAST_PARTIAL_CHARS and len(folded) >= size:
            gate = fuzz.partial_ratio_alignment(self.quote, folded, score_cutoff=cutoff)
            if gate is None:
                return
        step = max(1, size // 4)
        starts = range(0, max(1, len(folded) - size + 1), step)
        windows = [folded[s : s + size] for s in starts]
        best = process.extract(
            self.quote, windows, scorer=fuzz.ratio, limit=FUZZY_WINDOWS * 4, score_cutoff=cutoff
        )
        taken: list[int] = []
        for _window, _similarity, index in best:
            start = starts[index]
            if all(abs(start - other) >= size for other in taken):
                taken.append(start)
                self._aligned(start - step, start + size + step)
            if len(taken) == FUZZY_WINDOWS:
                break

    def _aligned(self, low: int, high: int) -> None:
        """Score the part of folded[low:high] that best aligns with the quote."""
        from rapidfuzz.distance import Levenshtein

        folded = self.target.folded
        low, high = max(0, low), min(len(folded), high)
        if high <= low:
            return
        ops = list(Levenshtein.opcodes(self.quote, folded[low:high]))
        while ops and ops[0].tag == "insert":
            ops.pop(0)
        while ops and ops[-1].tag == "insert":
            ops.pop()
        if ops:
            self.candidate(low + ops[0].dest_start, low + ops[-1].dest_end)


def _find_all(haystack: str, needle: str, around: int) -> list[int]:
    """Start offsets of `needle` (overlapping hits), the MAX_HITS nearest to `around`."""
    hits: list[int] = []
    index = haystack.find(needle)
    while index != -1 and len(hits) < 16 * MAX_HITS:
        hits.append(index)
        index = haystack.find(needle, index + 1)
    if len(hits) > MAX_HITS:
        hits = sorted(hits, key=lambda h: (abs(h - around), h))[:MAX_HITS]
    return hits


def _before(text: str, start: int, old_length: int) -> str:
    """The new prefix to compare with an old one of `old_length` characters.

    An old prefix shorter than CONTEXT_CHARS means the quote was near the start
    of the text: compare it with a full-length new prefix, so that text inserted
    before the quote shows as a change.
    """
    length = max(old_length, CONTEXT_CHARS)
    return text[max(0, start - length) : start]


def _after(text: str, end: int, old_length: int) -> str:
    return text[end : end + max(old_length, CONTEXT_CHARS)]


def _side_similarity(old: str, new: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(old, new))
