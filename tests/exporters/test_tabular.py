"""CSV and XLSX: one row per annotation, read back; formulas never run."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.views import QuestionDetail
from qe_desktop.exporters.tabular import (
    COLUMNS,
    annotation_lines,
    escape_formula,
    write_csv,
    write_xlsx,
)
from qe_desktop.services.container import Services
from tests.exporters.library import (
    AN_KEY,
    BARE_QUOTE,
    COMMITMENT_NOTE,
    COMMITMENT_QUOTE,
    QUESTION_QUOTE,
    SEED_KEY,
    TYPOGRAPHY_NOTE,
    Annotated,
    highlight,
)

HOSTILE_NOTES = ['=HYPERLINK("http://x")', "+33 6 12", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";"))


def test_csv_has_a_bom_a_header_and_one_row_per_annotation(
    tmp_path: Path, details: list[QuestionDetail], annotated: Annotated
) -> None:
    path = tmp_path / "annotations.csv"
    write_csv(annotation_lines(details), path)
    rows = _csv_rows(path)
    assert rows[0] == list(COLUMNS)
    body = rows[1:]
    assert [(r[0], r[1], r[2]) for r in body] == [
        (SEED_KEY, "question", "Important"),
        (SEED_KEY, "réponse", "Élusion"),
        (SEED_KEY, "réponse", "Engagement"),
        (AN_KEY, "réponse", "Chiffre"),
    ]
    typography = body[0]
    assert typography[3] == QUESTION_QUOTE
    assert typography[4] == TYPOGRAPHY_NOTE  # é, « », œ, NBSP, ’
    assert typography[5] == "IA, relance été"
    assert typography[6] == "testeur"
    created = annotated.typography.created.astimezone().strftime("%Y-%m-%d %H:%M")
    assert typography[7] == created
    commitment = body[2]
    assert commitment[3] == COMMITMENT_QUOTE
    assert commitment[4] == COMMITMENT_NOTE
    assert commitment[9:] == ["2025-06-30", "en cours"]
    assert body[1][3:5] == [BARE_QUOTE, ""]


def test_xlsx_cells_read_back(tmp_path: Path, details: list[QuestionDetail]) -> None:
    path = tmp_path / "annotations.xlsx"
    write_xlsx(annotation_lines(details), path, title="Annotations IA")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Annotations"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert rows[1][:7] == (
        SEED_KEY,
        "question",
        "Important",
        QUESTION_QUOTE,
        TYPOGRAPHY_NOTE,
        "IA, relance été",
        "testeur",
    )
    commitment = rows[3]
    assert commitment[3] == COMMITMENT_QUOTE
    assert commitment[9] is not None and commitment[9].date() == date(2025, 6, 30)
    assert commitment[10] == "en cours"
    assert sheet.freeze_panes == "A2"
    assert workbook.properties.title == "Annotations IA"


@pytest.fixture
def hostile(sample_services: Services) -> list[QuestionDetail]:
    for index, note in enumerate(HOSTILE_NOTES):
        highlight(
            sample_services,
            SEED_KEY,
            Part.ANSWER,
            "Le Gouvernement",
            "important",
            note=note,
            tags=(f"=cmd{index}",),
        )
    return [sample_services.questions.detail(SEED_KEY)]


def test_formula_injection_is_escaped_in_csv(tmp_path: Path, hostile: list[QuestionDetail]) -> None:
    path = tmp_path / "annotations.csv"
    write_csv(annotation_lines(hostile), path)
    notes = sorted(row[4] for row in _csv_rows(path)[1:])
    assert notes == sorted(f"'{note}" for note in HOSTILE_NOTES)
    tags = {row[5] for row in _csv_rows(path)[1:]}
    assert tags == {f"'=cmd{i}" for i in range(len(HOSTILE_NOTES))}


def test_formula_injection_is_escaped_in_xlsx(
    tmp_path: Path, hostile: list[QuestionDetail]
) -> None:
    path = tmp_path / "annotations.xlsx"
    write_xlsx(annotation_lines(hostile), path)
    sheet = openpyxl.load_workbook(path)["Annotations"]
    cells = [row[4] for row in sheet.iter_rows(min_row=2)]
    assert sorted(str(c.value) for c in cells) == sorted(HOSTILE_NOTES)  # exact, no apostrophe
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells)  # Excel's own "text, not formula" mark
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
        styles_xml = archive.read("xl/styles.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # no formula stored at all
    assert 'quotePrefix="1"' in styles_xml


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("1 = 1", "1 = 1"),
        ("« œuvre »", "« œuvre »"),
        ("", ""),
    ],
)
def test_escape_formula(value: str, expected: str) -> None:
    assert escape_formula(value) == expected


def test_a_comma_separated_csv_on_request(tmp_path: Path, details: list[QuestionDetail]) -> None:
    path = tmp_path / "annotations.csv"
    write_csv(annotation_lines(details), path, delimiter=",")
    text = path.read_bytes()[3:].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 5
