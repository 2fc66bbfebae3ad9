"""« Demandes et réponses » in every export: Word/Markdown/PDF tables, XLSX sheet, CSV companion."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import openpyxl
import pytest

from qe_desktop.services.container import Services
from qe_desktop.services.exporting import ExportOptions
from tests.exporters.library import SEED_KEY


@pytest.fixture
def coverage(sample_services: Services):
    return sample_services.coverage.compute(SEED_KEY)


def test_word_note_has_the_demands_table_of_the_reference_question(
    sample_services: Services, coverage, tmp_path: Path
) -> None:
    path = tmp_path / "note.docx"
    sample_services.exporting.export([SEED_KEY], "docx", path)
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Demandes et réponses" in headings
    table = next(
        t for t in document.tables if len(t.columns) == 4 and t.rows[0].cells[1].text == "Demande"
    )
    assert [c.text for c in table.rows[0].cells] == [
        "N°",
        "Demande",
        "Réponse",
        "Passage de la réponse",
    ]
    assert len(table.rows) == 1 + len(coverage.demands)
    first = coverage.demands[0]
    row = [c.text for c in table.rows[1].cells]
    assert row[0] == "1"
    assert row[1] == first.demand.text
    assert row[2] in ("répondue", "partiellement", "sans réponse")
    if first.evidence:
        assert row[3].startswith(first.evidence[0].text[:50])


def test_markdown_and_pdf_html_carry_the_same_table(
    sample_services: Services, coverage, tmp_path: Path
) -> None:
    path = tmp_path / "note.md"
    sample_services.exporting.export([SEED_KEY], "md", path)
    text = path.read_text(encoding="utf-8")
    assert "### Demandes et réponses" in text
    assert "| N° | Demande | Réponse | Passage de la réponse |" in text
    assert text.count("\n| 1 | ") == 1


def test_spreadsheets_get_a_row_per_demand(
    sample_services: Services, coverage, tmp_path: Path
) -> None:
    xlsx = tmp_path / "a.xlsx"
    sample_services.exporting.export([SEED_KEY], "xlsx", xlsx)
    workbook = openpyxl.load_workbook(xlsx)
    sheet = workbook["Demandes et réponses"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Question", "N°", "Demande", "Réponse")
    assert len(rows) == 1 + len(coverage.demands)
    assert rows[1][0] == SEED_KEY
    path = tmp_path / "a.csv"
    sample_services.exporting.export([SEED_KEY], "csv", path, ExportOptions(csv_delimiter=";"))
    companion = tmp_path / "a - demandes.csv"
    with companion.open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.reader(stream, delimiter=";"))
    assert lines[0][:3] == ["Question", "N°", "Demande"]
    assert len(lines) == 1 + len(coverage.demands)
