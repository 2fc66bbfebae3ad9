"""`qe-desktop export` (DESIGN §6), through the real entry point, files read back."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import docx
import icalendar
import openpyxl
import pytest
from pypdf import PdfReader

from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from tests.cli_support import run, sample_library
from tests.conftest import SAMPLES, SEED_TITLE
from tests.exporters.library import (
    AN_KEY,
    COMMITMENT_QUOTE,
    SEED_KEY,
    TYPOGRAPHY_NOTE,
    add_undated_commitment,
    annotate_samples,
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_library(tmp_path_factory, "cli-export", annotate_samples)


def test_markdown_of_one_question(library: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "note.md"
    code, stdout, _ = run(capsys, library, "export", "--format", "md", "-o", str(out),
                          "--question", SEED_KEY)  # fmt: skip
    assert code == 0
    assert "1 question(s), 3 annotation(s) et 1 engagement(s)" in stdout
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Note de synthèse — QE du 30/01/2025 — " + SEED_TITLE)
    assert TYPOGRAPHY_NOTE in text
    assert AN_KEY not in text


def test_docx_of_two_questions_with_repeated_flags(library: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "note.docx"
    code, _, _ = run(capsys, library, "export", "--format", "docx", "-o", str(out),
                     "--question", AN_KEY, "--question", SEED_KEY)  # fmt: skip
    assert code == 0
    note = docx.Document(str(out))
    headings = [
        p.text for p in note.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert headings[:2] == ["QE n° 26562 — Maires", "QE du 30/01/2025 — " + SEED_TITLE]
    assert note.tables[-1].rows[1].cells[1].text == COMMITMENT_QUOTE


def test_csv_of_the_whole_library(library: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "annotations.csv"
    code, stdout, _ = run(capsys, library, "export", "--format", "csv", "-o", str(out))
    assert code == 0
    assert "10 question(s), 4 annotation(s)" in stdout
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r[0] for r in rows[1:]].count(SEED_KEY) == 3
    assert TYPOGRAPHY_NOTE in {r[4] for r in rows}


def test_format_taken_from_the_file_name(library: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "annotations.xlsx"
    code, _, _ = run(capsys, library, "export", "-o", str(out), "--question", AN_KEY)
    assert code == 0
    rows = list(openpyxl.load_workbook(out)["Annotations"].iter_rows(values_only=True))
    assert rows[1][0] == AN_KEY


def test_pdf(library: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "note.pdf"
    code, _, err = run(capsys, library, "export", "--format", "pdf", "-o", str(out),
                       "--question", SEED_KEY)  # fmt: skip
    assert code == 0, err
    text = " ".join(p.extract_text() for p in PdfReader(str(out)).pages).replace("\t", " ")
    assert "QE du 30/01/2025, JO Sénat du 17/04/2025, p. 1912" in text


def test_ics_of_the_commitments(library: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "engagements.ics"
    code, _, err = run(capsys, library, "export", "--format", "ics", "-o", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "DTSTART;VALUE=DATE:20250630" in text


def test_ics_counts_what_it_wrote_and_what_it_left_out(tmp_path: Path, capsys) -> None:
    db = tmp_path / "undated.sqlite"
    services = Services.build(open_library(db), "Marie")
    assert services.importing.import_paths([SAMPLES]).ok
    annotate_samples(services)
    add_undated_commitment(services)
    services.database.close()
    out = tmp_path / "engagements.ics"
    code, stdout, err = run(capsys, db, "export", "--format", "ics", "-o", str(out))
    assert code == 0, err
    assert "1 engagement(s) exporté(s), 1 sans échéance ignoré(s)" in stdout
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert events[0].decoded("DTSTART") == date(2025, 6, 30)


def test_unknown_question_and_unknown_format(library: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(
        capsys, library, "export", "-o", str(tmp_path / "x.md"), "--question", "nope"
    )
    assert code == 2 and "nope" in err
    code, _, err = run(capsys, library, "export", "-o", str(tmp_path / "x.txt"))
    assert code == 2 and "--format" in err
