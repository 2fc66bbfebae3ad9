"""The briefing document: one model, built from QuestionDetail rows, rendered by every writer.

Markdown, Word and PDF all render this model, so a note reads the same in every
format: a header block per question, the texts cut into runs (highlighted runs
carry their category colour), numbered notes after the paragraph where their
passage ends, and one table of commitments. Nothing here formats a file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from qe_desktop.domain.annotation import (
    COMMITMENT_CATEGORY,
    DEFAULT_CATEGORIES,
    AnchorState,
    AnnotationRecord,
    Category,
    CommitmentStatus,
    Part,
)
from qe_desktop.domain.commitment_tracking import days_overdue
from qe_desktop.domain.coverage import Coverage
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.exporters import citations
from qe_desktop.exporters.commitment_table import HEADERS, CommitmentTable
from qe_desktop.exporters.coverage_table import DemandLine, demand_lines
from qe_desktop.exporters.paragraphs import Highlight, Note, Paragraph, Run, build_paragraphs

__all__ = [
    "COMMITMENT_HEADERS",
    "BriefingDocument",
    "CommitmentLine",
    "DocumentOptions",
    "Field",
    "Highlight",
    "Note",
    "Paragraph",
    "QuestionBlock",
    "Run",
    "Section",
    "build_document",
]

COMMITMENT_HEADERS = HEADERS
UNKNOWN_COLOR = "#d9d9d9"


@dataclass(frozen=True, slots=True)
class DocumentOptions:
    """What the user asked the note to hold (the Export dialog's options)."""

    title: str = ""
    include_question_text: bool = True
    include_answer_text: bool = True
    only_annotated: bool = False  # keep only paragraphs holding a highlight, "[…]" between
    include_commitments: bool = True
    include_coverage: bool = True  # the « Demandes et réponses » table of each answered question


@dataclass(frozen=True, slots=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Section:
    """The question or the answer: a heading, its JO citation, its paragraphs."""

    part: Part
    heading: str
    citation: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class CommitmentLine:
    question: str  # short reference: "QE n° 03038"
    citation: str
    quote: str
    due: str
    ministry: str
    status: str
    next_check: str
    evidence: str = ""
    note_number: int | None = None
    overdue_days: int = 0  # past its due date and still open, on the day of the note

    @property
    def status_cell(self) -> str:
        """ "en cours, en retard de 12 jours" when overdue, else the status alone."""
        if self.overdue_days > 0:
            return f"{self.status}, en retard de {citations.days_label(self.overdue_days)}"
        return self.status

    @property
    def cells(self) -> tuple[str, str, str, str, str, str]:
        """The row of the commitments table, in COMMITMENT_HEADERS order."""
        return (
            self.citation,
            self.quote,
            self.due,
            self.ministry,
            self.status_cell,
            self.next_check,
        )


@dataclass(frozen=True, slots=True)
class QuestionBlock:
    key: str
    heading: str
    citation: str
    link: str | None  # the official page, when known
    fields: tuple[Field, ...]
    sections: tuple[Section, ...]
    free_note: str = ""
    loose_notes: tuple[Note, ...] = ()  # orphans and notes on texts left out of the note
    commitments: tuple[CommitmentLine, ...] = ()
    demands: tuple[DemandLine, ...] | None = None  # « Demandes et réponses »; None: not asked


@dataclass(frozen=True, slots=True)
class BriefingDocument:
    title: str
    subtitle: str
    author: str
    created: datetime
    legend: tuple[Highlight, ...]
    questions: tuple[QuestionBlock, ...]
    include_commitments: bool = True

    @property
    def commitments(self) -> tuple[CommitmentLine, ...]:
        return tuple(line for block in self.questions for line in block.commitments)

    @property
    def commitments_table(self) -> CommitmentTable:
        """The commitments as the table every writer draws."""
        return CommitmentTable.of([line.cells for line in self.commitments])

    @property
    def notes(self) -> tuple[Note, ...]:
        """Every numbered note, in number order."""
        found = [
            note
            for block in self.questions
            for section in block.sections
            for paragraph in section.paragraphs
            for note in paragraph.notes
        ]
        found.extend(note for block in self.questions for note in block.loose_notes)
        return tuple(sorted(found, key=lambda note: note.number))


def heading_of(detail: QuestionDetail) -> str:
    record = detail.record
    subject = record.title or record.analysis or record.rubrique or detail.author_display
    subject = subject.strip()
    reference = citations.short_reference(record)
    return f"{reference} — {subject[:1].upper()}{subject[1:]}" if subject else reference


def default_title(details: Sequence[QuestionDetail]) -> str:
    if len(details) == 1:
        return f"Note de synthèse — {heading_of(details[0])}"
    return f"Note de synthèse — {len(details)} questions écrites"


def header_fields(detail: QuestionDetail) -> tuple[Field, ...]:
    record = detail.record
    chamber = record.chamber.label
    if record.legislature:
        chamber = f"{chamber}, {record.legislature}e législature"
    fields = [
        Field("N°", record.number or "non connu"),
        Field("Chambre", chamber),
        Field("Auteur", citations.author_label(detail)),
    ]
    if record.ministry_asked:
        fields.append(Field("Ministère interrogé", record.ministry_asked))
    if record.ministry_assigned and record.ministry_assigned != record.ministry_asked:
        assigned = record.ministry_assigned
        if record.assigned_on is not None:
            assigned = f"{assigned} (le {citations.day_label(record.assigned_on)})"
        fields.append(Field("Transmise à", assigned))
    if record.rubrique or record.themes:
        fields.append(
            Field("Rubrique", " ; ".join([*filter(None, [record.rubrique]), *record.themes]))
        )
    fields.append(Field("Publiée le", _dated(record.published_on, record.question_page, detail)))
    if record.answered_on is not None or record.answer_text:
        answer = _dated(record.answered_on, record.answer_page, detail)
        if record.answer_ministry:
            answer = f"{answer}, {record.answer_ministry}"
        fields.append(Field("Réponse", answer))
    else:
        fields.append(Field("Réponse", record.answer_note or "pas de réponse publiée"))
    fields.append(Field("Délai", citations.delay_label(detail)))
    fields.append(Field("Statut", detail.status.label))
    fields.append(Field("Lien", detail.uri))
    return tuple(fields)


def _dated(day: date | None, page: str | None, detail: QuestionDetail) -> str:
    label = citations.day_label(day)
    journal = citations.journal(detail.record)
    return f"{label} ({journal}, p. {page})" if page else label


class _Numbering:
    """Hands out note numbers in reading order across the whole document."""

    def __init__(self) -> None:
        self.last = 0

    def __call__(self) -> int:
        self.last += 1
        return self.last


def _highlights(categories: Sequence[Category]) -> dict[str, Highlight]:
    known = categories or DEFAULT_CATEGORIES
    return {c.name: Highlight(c.name, c.label, c.color) for c in known}


def _highlight_of(name: str, highlights: dict[str, Highlight]) -> Highlight:
    return highlights.get(name) or Highlight(name, name, UNKNOWN_COLOR)


def _section_heading(detail: QuestionDetail, part: Part) -> str:
    record = detail.record
    if part is Part.QUESTION:
        return f"Question de {detail.author_display}" if detail.author_display else "Question"
    heading = "Réponse"
    if record.answer_ministry:
        heading = f"{heading} — {record.answer_ministry}"
    if record.answered_on is not None:
        heading = f"{heading}, publiée le {citations.day_label(record.answered_on)}"
    return heading


def _part_text(detail: QuestionDetail, part: Part) -> str:
    record = detail.record
    return record.question_text if part is Part.QUESTION else record.answer_text or ""


def _placeable(annotation: AnnotationRecord, text: str) -> bool:
    start, end = annotation.selector.start, annotation.selector.end
    return (
        annotation.anchor_state is not AnchorState.ORPHAN
        and 0 <= start < end <= len(text)
        and text[start:end] == annotation.selector.exact
    )


def _block(
    detail: QuestionDetail,
    options: DocumentOptions,
    highlights: dict[str, Highlight],
    numbering: _Numbering,
    today: date,
) -> QuestionBlock:
    live = [a for a in detail.annotations if not a.deleted]
    shown = {
        Part.QUESTION: options.include_question_text,
        Part.ANSWER: options.include_answer_text,
    }
    sections: list[Section] = []
    numbers: dict[str, int] = {}
    placed: set[str] = set()
    for part in (Part.QUESTION, Part.ANSWER):
        text = _part_text(detail, part)
        if not text or not shown[part]:
            continue
        mine = [a for a in live if a.part is part and _placeable(a, text)]
        placed.update(a.id for a in mine)
        paragraphs = build_paragraphs(
            text,
            mine,
            lambda a: _highlight_of(a.category, highlights),
            numbering,
            numbers,
            only_annotated=options.only_annotated,
        )
        if paragraphs:
            heading = _section_heading(detail, part)
            sections.append(
                Section(part, heading, citations.citation(detail.record, part), paragraphs)
            )
    loose = []
    for annotation in live:
        if annotation.id in placed:
            continue
        numbers[annotation.id] = numbering()
        loose.append(
            Note.of(
                annotation, numbers[annotation.id], _highlight_of(annotation.category, highlights)
            )
        )
    commitments = _commitments(detail, live, numbers, today) if options.include_commitments else ()
    return QuestionBlock(
        key=detail.key,
        heading=heading_of(detail),
        citation=citations.citation(detail.record),
        link=detail.uri if detail.uri.startswith(("http://", "https://")) else None,
        fields=header_fields(detail),
        sections=tuple(sections),
        free_note=detail.note.strip(),
        loose_notes=tuple(loose),
        commitments=commitments,
    )


def _commitments(
    detail: QuestionDetail,
    annotations: Sequence[AnnotationRecord],
    numbers: dict[str, int],
    today: date,
) -> tuple[CommitmentLine, ...]:
    lines = []
    record = detail.record
    ordered = sorted(annotations, key=lambda a: (a.part is Part.ANSWER, a.selector.start))
    for annotation in ordered:
        commitment = annotation.commitment
        if commitment is None and annotation.category != COMMITMENT_CATEGORY:
            continue
        status = commitment.status if commitment else CommitmentStatus.TO_CHECK
        lines.append(
            CommitmentLine(
                question=citations.short_reference(record),
                citation=citations.citation(record, annotation.part),
                quote=annotation.selector.exact,
                due=citations.due_label(commitment),
                ministry=(commitment.ministry if commitment else "")
                or record.answer_ministry
                or record.ministry_assigned
                or record.ministry_asked
                or "",
                status=status.label,
                next_check=citations.day_label(commitment.next_check if commitment else None),
                evidence=commitment.evidence if commitment else "",
                note_number=numbers.get(annotation.id),
                overdue_days=days_overdue(commitment.due_date, status, today) if commitment else 0,
            )
        )
    return tuple(lines)


def build_document(
    details: Sequence[QuestionDetail],
    options: DocumentOptions | None = None,
    *,
    created: datetime | None = None,
    author: str = "",
    coverage: Mapping[str, Coverage] | None = None,
) -> BriefingDocument:
    """The briefing note for some questions, in the order given (`coverage` by question key)."""
    options = options or DocumentOptions()
    created = created or datetime.now().astimezone()
    categories = next((d.categories for d in details if d.categories), DEFAULT_CATEGORIES)
    highlights = _highlights(categories)
    numbering = _Numbering()
    today = created.date()
    blocks = tuple(_block(detail, options, highlights, numbering, today) for detail in details)
    if coverage is not None and options.include_coverage:
        blocks = tuple(
            dataclasses.replace(block, demands=demand_lines(block.key, coverage[block.key]))
            if block.key in coverage
            else block
            for block in blocks
        )
    used = {a.category for detail in details for a in detail.annotations if not a.deleted}
    legend = tuple(h for name, h in highlights.items() if name in used)
    count = len(details)
    subtitle = f"Établie le {created:%d/%m/%Y} — {count} question{'s' if count > 1 else ''}"
    if author:
        subtitle = f"{subtitle} — {author}"
    return BriefingDocument(
        title=options.title.strip() or default_title(details),
        subtitle=subtitle,
        author=author,
        created=created,
        legend=legend,
        questions=blocks,
        include_commitments=options.include_commitments,
    )
