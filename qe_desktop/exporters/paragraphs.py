"""Cutting a canonical text into paragraphs of runs, with highlights and numbered notes.

Offsets are those of the canonical text (DESIGN §3): paragraphs are the lines of
the text, highlights may cross paragraph ends, and overlapping highlights show
the innermost one. A note is numbered, and listed, where its passage ends.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from qe_desktop.domain.annotation import AnchorState, AnnotationRecord

GAP_TEXT = "[…]"


@dataclass(frozen=True, slots=True)
class Highlight:
    category: str  # Category.name
    label: str
    color: str  # "#rrggbb"


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    highlight: Highlight | None = None
    note_refs: tuple[int, ...] = ()  # numbers of the notes whose passage ends here


@dataclass(frozen=True, slots=True)
class Note:
    """A numbered note, printed after the paragraph where its passage ends."""

    number: int
    label: str  # category label
    color: str
    quote: str
    text: str  # the annotation's note, Markdown as the user typed it
    tags: tuple[str, ...] = ()
    author: str = ""
    to_review: bool = False  # re-attached with edits: the user has not checked it yet
    orphan: bool = False  # its passage is no longer in the text

    @classmethod
    def of(cls, annotation: AnnotationRecord, number: int, highlight: Highlight) -> Note:
        return cls(
            number=number,
            label=highlight.label,
            color=highlight.color,
            quote=annotation.selector.exact,
            text=annotation.note.strip(),
            tags=annotation.tags,
            author=annotation.creator,
            to_review=annotation.anchor_state is AnchorState.REVIEW,
            orphan=annotation.anchor_state is AnchorState.ORPHAN,
        )

    @property
    def remarks(self) -> str:
        """Tags, author and state in one short French line: "étiquettes : x ; par Marie"."""
        pieces = []
        if self.tags:
            pieces.append(f"étiquettes : {', '.join(self.tags)}")
        if self.author:
            pieces.append(f"par {self.author}")
        if self.to_review:
            pieces.append("passage rattaché à un texte modifié, à vérifier")
        if self.orphan:
            pieces.append("passage absent du texte actuel")
        return " ; ".join(pieces)


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Run, ...]
    notes: tuple[Note, ...] = ()
    gap: bool = False  # stands for paragraphs left out of the note

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


GAP = Paragraph((Run(GAP_TEXT),), gap=True)


def has_something_to_say(annotation: AnnotationRecord) -> bool:
    """Highlights with a note, tags or a doubt get a numbered note; bare ones only a colour."""
    return bool(
        annotation.note.strip()
        or annotation.tags
        or annotation.anchor_state is not AnchorState.ANCHORED
    )


def _spans(text: str) -> list[tuple[int, int]]:
    spans = []
    offset = 0
    for line in text.split("\n"):
        spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _innermost(covering: list[AnnotationRecord]) -> AnnotationRecord | None:
    if not covering:
        return None
    return max(
        covering,
        key=lambda a: (a.selector.start, a.selector.start - a.selector.end, a.modified),
    )


def _paragraph(
    text: str,
    span: tuple[int, int],
    inside: list[AnnotationRecord],
    highlight_of: Callable[[AnnotationRecord], Highlight],
    numbering: Callable[[], int],
    numbers: dict[str, int],
) -> Paragraph:
    start, end = span
    ending = sorted(
        (a for a in inside if a.selector.end <= end + 1),
        key=lambda a: (a.selector.end, a.selector.start),
    )
    for annotation in ending:
        if has_something_to_say(annotation):
            numbers[annotation.id] = numbering()
    cuts = {start, end}
    for annotation in inside:
        cuts.add(min(max(annotation.selector.start, start), end))
        cuts.add(min(max(annotation.selector.end, start), end))
    ordered = sorted(cuts)
    runs = []
    for left, right in pairwise(ordered):
        covering = [a for a in inside if a.selector.start <= left and a.selector.end >= right]
        top = _innermost(covering)
        refs = tuple(
            numbers[a.id] for a in ending if a.id in numbers and min(a.selector.end, end) == right
        )
        runs.append(Run(text[left:right], highlight_of(top) if top else None, refs))
    notes = tuple(Note.of(a, numbers[a.id], highlight_of(a)) for a in ending if a.id in numbers)
    return Paragraph(tuple(runs), notes)


def build_paragraphs(
    text: str,
    annotations: Sequence[AnnotationRecord],
    highlight_of: Callable[[AnnotationRecord], Highlight],
    numbering: Callable[[], int],
    numbers: dict[str, int],
    *,
    only_annotated: bool = False,
) -> tuple[Paragraph, ...]:
    """The paragraphs of `text` with `annotations` (already checked to fit the text).

    `numbering` hands out the next note number; `numbers` receives the number
    given to each annotation, so that the commitments table can refer to it.
    With `only_annotated`, paragraphs without a highlight become one "[…]".
    """
    result: list[Paragraph] = []
    skipped = False
    for start, end in _spans(text):
        if start == end:
            continue
        inside = [a for a in annotations if a.selector.start < end and a.selector.end > start]
        if only_annotated and not inside:
            skipped = True
            continue
        if skipped:
            result.append(GAP)
            skipped = False
        result.append(_paragraph(text, (start, end), inside, highlight_of, numbering, numbers))
    if skipped and result:
        result.append(GAP)
    return tuple(result)
