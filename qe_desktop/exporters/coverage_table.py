"""« Demandes et réponses »: each demand of a question, its verdict and the answer's quote.

The same rows feed the Word, Markdown and PDF notes (one table per question) and the
spreadsheets (one row per demand: a second sheet in XLSX, a companion CSV file).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qe_desktop.domain.coverage import VERDICT_LABELS_FR, Coverage

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table
    from openpyxl import Workbook

TITLE = "Demandes et réponses"
HEADERS = ("N°", "Demande", "Réponse", "Passage de la réponse")
SHEET_HEADERS = ("Question", "N°", "Demande", "Réponse", "Passage de la réponse", "Score")
QUOTE_LIMIT = 400


@dataclass(frozen=True, slots=True)
class DemandLine:
    """One demand as printed: number, text, French verdict, evidence quote."""

    question_key: str
    number: int
    demand: str
    verdict: str
    quote: str
    score: float

    @property
    def cells(self) -> tuple[str, str, str, str]:
        return (str(self.number), self.demand, self.verdict, self.quote or "—")


def demand_lines(key: str, coverage: Coverage | None) -> tuple[DemandLine, ...]:
    if coverage is None:
        return ()
    return tuple(
        DemandLine(
            key,
            number,
            item.demand.text,
            VERDICT_LABELS_FR[item.addressed],
            _quote(" ".join(e.text for e in item.evidence)),
            round(item.score, 3),
        )
        for number, item in enumerate(coverage.demands, start=1)
    )


def summary(lines: Sequence[DemandLine]) -> str:
    """« 2 demandes sur 3 traitées (dont 1 partiellement) »."""
    treated = sum(line.verdict != VERDICT_LABELS_FR_NO for line in lines)
    partly = sum(line.verdict == VERDICT_LABELS_FR_PARTLY for line in lines)
    plural = "s" if treated > 1 else ""
    text = f"{treated} demande{plural} sur {len(lines)} traitée{plural}"
    return text + (f" (dont {partly} partiellement)" if partly else "")


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1].rstrip() + "…"


_verdicts = list(VERDICT_LABELS_FR.values())
VERDICT_LABELS_FR_PARTLY = _verdicts[1]
VERDICT_LABELS_FR_NO = _verdicts[2]


# -- Word ---------------------------------------------------------------------------------
def docx_table(document: DocxDocument, lines: Sequence[DemandLine]) -> Table | None:
    from docx.shared import Pt

    from qe_desktop.exporters.docx_export import HEADER_FILL, shade_cell

    document.add_heading(TITLE, level=2)
    if not lines:
        document.add_paragraph("Aucune demande repérée dans la question.")
        return None
    document.add_paragraph(summary(lines))
    table: Table = document.add_table(rows=1 + len(lines), cols=len(HEADERS))
    table.style = document.styles["Table Grid"]
    for cell, header in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.paragraphs[0].add_run(header).bold = True
        shade_cell(cell, HEADER_FILL)
    for row, line in zip(table.rows[1:], lines, strict=True):
        for cell, value in zip(row.cells, line.cells, strict=True):
            cell.paragraphs[0].add_run(value).font.size = Pt(9)
    return table


# -- Markdown -----------------------------------------------------------------------------
def markdown_blocks(lines: Sequence[DemandLine], inline: object) -> list[str]:
    """`inline` escapes a cell the way the Markdown writer does."""
    assert callable(inline)
    blocks = [f"### {TITLE}"]
    if not lines:
        return [*blocks, "Aucune demande repérée dans la question."]
    header = "| " + " | ".join(HEADERS) + " |"
    rule = "|" + "|".join(" --- " for _ in HEADERS) + "|"
    rows = ["| " + " | ".join(inline(cell) or "—" for cell in line.cells) + " |" for line in lines]
    return [*blocks, summary(lines), "\n".join([header, rule, *rows])]


# -- HTML (PDF) ---------------------------------------------------------------------------
def html_block(lines: Sequence[DemandLine], text: object) -> str:
    """`text` escapes HTML the way the PDF writer does."""
    assert callable(text)
    parts = [f"<h3>{TITLE}</h3>"]
    if not lines:
        return parts[0] + "<p>Aucune demande repérée dans la question.</p>"
    parts.append(f"<p>{text(summary(lines))}</p>")
    head = "".join(f"<th>{text(h)}</th>" for h in HEADERS)
    rows = [f"<tr>{head}</tr>"]
    for line in lines:
        rows.append("<tr>" + "".join(f"<td>{text(c)}</td>" for c in line.cells) + "</tr>")
    parts.append(
        '<table border="1" cellspacing="0" cellpadding="3" width="100%" '
        f'style="font-size: 8.5pt; border-color: #999999">{"".join(rows)}</table>'
    )
    return "".join(parts)


# -- spreadsheets -------------------------------------------------------------------------
def _sheet_row(line: DemandLine) -> list[object]:
    return [line.question_key, line.number, line.demand, line.verdict, line.quote, line.score]


def add_sheet(workbook: Workbook, lines: Sequence[DemandLine]) -> None:
    """A « Demandes et réponses » sheet, one row per demand."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    from qe_desktop.exporters.tabular import escape_formula

    sheet = workbook.create_sheet(TITLE)
    sheet.append(list(SHEET_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        values = _sheet_row(line)
        sheet.append(
            [
                escape_formula(ILLEGAL_CHARACTERS_RE.sub("", v)) if isinstance(v, str) else v
                for v in values
            ]
        )
    for column, width in zip("ABCDEF", (34, 5, 60, 14, 80, 7), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"


def render_csv(lines: Sequence[DemandLine], delimiter: str = ";") -> str:
    from qe_desktop.exporters.tabular import escape_formula

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(SHEET_HEADERS)
    for line in lines:
        writer.writerow(
            [
                escape_formula(v) if isinstance(v, str) else str(v).replace(".", ",")
                for v in _sheet_row(line)
            ]
        )
    return buffer.getvalue()


def companion_csv_path(path: Path) -> Path:
    """Where the demands go next to an annotations CSV: « note.csv » -> « note - demandes.csv »."""
    return path.with_name(f"{path.stem} - demandes{path.suffix or '.csv'}")
