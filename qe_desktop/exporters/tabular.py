"""Annotations as spreadsheets: CSV (UTF-8 with BOM) and XLSX, one row per annotation.

CSV uses ";" by default: that is what Excel expects in a French locale, and the
BOM makes it read UTF-8 (accents, « », œ). Any text cell that a spreadsheet
would take for a formula (starting with =, +, -, @, tab or CR) is prefixed with
an apostrophe in CSV (the only defence a text file has). XLSX stores the exact
text as a string cell, never a formula: a formula-like text gets the cell style
"quote prefix" (what Excel sets when one types '=1), so no apostrophe is added
to the value and none is shown.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from qe_desktop.domain.annotation import DEFAULT_CATEGORIES, AnnotationRecord, Part
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.exporters.atomic import write_atomically, write_bytes_atomically

if TYPE_CHECKING:  # openpyxl takes a third of a second to import: only when writing XLSX
    from openpyxl import Workbook

COLUMNS = (
    "Question",
    "Partie",
    "Catégorie",
    "Passage",
    "Note",
    "Étiquettes",
    "Auteur",
    "Créée",
    "Modifiée",
    "Échéance",
    "Statut",
)
WIDTHS = (30, 10, 14, 60, 50, 20, 16, 17, 17, 12, 18)
PART_LABELS = {Part.QUESTION: "question", Part.ANSWER: "réponse"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATETIME_FORMAT = "%Y-%m-%d %H:%M"
HEADER_FILL = "D9E2F3"

Cell = str | date | datetime | None


def escape_formula(value: str) -> str:
    """'=1+1 for =1+1: a spreadsheet shows the text instead of running it."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


@dataclass(frozen=True, slots=True)
class AnnotationLine:
    """One spreadsheet row, in COLUMNS order; dates stay dates until written."""

    question: str
    part: str
    category: str
    quote: str
    note: str
    tags: str
    author: str
    created: datetime
    modified: datetime
    due: date | None
    status: str

    def cells(self) -> tuple[Cell, ...]:
        return (
            self.question,
            self.part,
            self.category,
            self.quote,
            self.note,
            self.tags,
            self.author,
            self.created,
            self.modified,
            self.due,
            self.status,
        )


def _local(moment: datetime) -> datetime:
    """Local wall-clock time without zone: spreadsheets know no time zones."""
    return moment.astimezone().replace(tzinfo=None, microsecond=0)


def annotation_lines(details: Sequence[QuestionDetail]) -> list[AnnotationLine]:
    lines: list[AnnotationLine] = []
    for detail in details:
        labels = {c.name: c.label for c in detail.categories or DEFAULT_CATEGORIES}
        ordered = sorted(
            (a for a in detail.annotations if not a.deleted),
            key=lambda a: (a.part is Part.ANSWER, a.selector.start, a.created),
        )
        lines.extend(_line(detail.key, a, labels) for a in ordered)
    return lines


def _line(key: str, annotation: AnnotationRecord, labels: dict[str, str]) -> AnnotationLine:
    commitment = annotation.commitment
    return AnnotationLine(
        question=key,
        part=PART_LABELS[annotation.part],
        category=labels.get(annotation.category, annotation.category),
        quote=annotation.selector.exact,
        note=annotation.note,
        tags=", ".join(annotation.tags),
        author=annotation.creator,
        created=_local(annotation.created),
        modified=_local(annotation.modified),
        due=commitment.due_date if commitment else None,
        status=commitment.status.label if commitment else "",
    )


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, date):
        return value.isoformat()
    return escape_formula(value)


def render_csv(lines: Sequence[AnnotationLine], delimiter: str = ";") -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for line in lines:
        writer.writerow([_csv_text(value) for value in line.cells()])
    return buffer.getvalue()


def write_csv(lines: Sequence[AnnotationLine], path: Path, delimiter: str = ";") -> None:
    """UTF-8 with a BOM ("utf-8-sig"), so that Excel reads the accents right."""
    write_bytes_atomically(path, render_csv(lines, delimiter).encode("utf-8-sig"))


def build_workbook(lines: Sequence[AnnotationLine], title: str = "") -> Workbook:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Annotations"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for row_index, line in enumerate(lines, start=2):
        for column_index, value in enumerate(line.cells(), start=1):
            cell = sheet.cell(row=row_index, column=column_index)
            if isinstance(value, str):
                text = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.value = text
                cell.data_type = "s"  # never a formula, whatever the text
                if text.startswith(FORMULA_STARTS):
                    cell.quotePrefix = True  # shown and re-entered as text, value untouched
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif isinstance(value, datetime):
                cell.value = value
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(value, date):
                cell.value = value
                cell.number_format = "dd/mm/yyyy"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(1, len(lines) + 1)}"
    workbook.properties.title = title or "Annotations"
    workbook.properties.creator = "qe-desktop"
    workbook.properties.language = "fr-FR"
    return workbook


def write_xlsx(lines: Sequence[AnnotationLine], path: Path, title: str = "") -> None:
    workbook = build_workbook(lines, title)
    write_atomically(path, lambda temporary: workbook.save(temporary))
