"""PDF briefing notes drawn by Qt, read back with pypdf: the text, not just a file."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from qe_desktop.exporters.document import build_document
from qe_desktop.exporters.html_document import render_html
from qe_desktop.services.container import Services
from qe_desktop.services.exporting import ExportService
from qe_desktop.ui.application import make_application
from qe_desktop.ui.pdf_export import write_pdf
from tests.exporters.library import (
    AN_KEY,
    COMMITMENT_NOTE,
    SEED_KEY,
    TYPOGRAPHY_NOTE,
    annotate_samples,
    markdown_and_overdue_detail,
)


def _text(path: Path) -> str:
    reader = PdfReader(str(path))
    raw = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"[ \t\n]+", " ", raw)  # pypdf puts tabs and breaks where lines wrap


@pytest.fixture
def pdf(sample_services: Services, tmp_path: Path) -> Path:
    make_application()
    annotate_samples(sample_services)
    service = ExportService(sample_services.questions, write_pdf, lambda: "Marie")
    path = tmp_path / "note.pdf"
    result = service.export([SEED_KEY, AN_KEY], "pdf", path)
    assert result.questions == 2
    return path


def test_the_pdf_holds_headers_texts_notes_and_commitments(pdf: Path) -> None:
    text = _text(pdf)
    assert "Note de synthèse — 2 questions écrites" in text
    assert "QE du 30/01/2025, JO Sénat du 17/04/2025, p. 1912" in text
    assert "77 jours, au-delà du délai réglementaire" in text
    assert "Le Gouvernement est pleinement engagé" in text
    assert COMMITMENT_NOTE in text
    assert "Engagements" in text and "juin 2025" in text and "en cours" in text
    assert "QE n° 26562 — Maires" in text


def test_french_typography_survives(pdf: Path) -> None:
    text = _text(pdf)
    assert TYPOGRAPHY_NOTE in text  # é, « », œ, the no-break space and ’


def test_a4_pages_and_title(pdf: Path) -> None:
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 2  # one question per page
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata is not None
    assert reader.metadata.title == "Note de synthèse — 2 questions écrites"


def test_a_failed_pdf_keeps_the_previous_file(tmp_path: Path) -> None:
    make_application()
    path = tmp_path / "note.pdf"
    write_pdf("<h1>Première</h1>", path)
    with pytest.raises(OSError):
        write_pdf("<h1>Seconde</h1>", tmp_path / "absent" / "note.pdf")
    assert "Première" in _text(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.pdf"]


def test_notes_markdown_and_the_commitments_table_in_the_pdf(tmp_path: Path) -> None:
    make_application()
    created = datetime(1996, 1, 12, 9, 0, tzinfo=UTC)
    html = render_html(build_document([markdown_and_overdue_detail()], created=created))
    assert "<b>daté</b>" in html and "<i>à suivre</i>" in html
    assert '<a href="https://www.senat.fr/">la page</a>' in html
    assert "javascript" not in html
    path = tmp_path / "markdown.pdf"
    write_pdf(html, path)
    text = _text(path)
    assert "**" not in text and "*à suivre*" not in text
    assert "Un point daté et à suivre" in text
    assert "• premier élément" in text and "• second" in text
    raw = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    for whole in ("31/12/1995", "Engagement", "vérification", "Vérification", "31/03/1996"):
        assert whole in raw.replace("\t", " "), whole  # no word nor date cut by the column
    assert "en retard de 12 jours" in text
