"""Word briefing notes, read back with python-docx: texts, shading colours, table, properties."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.run import Run

from qe_desktop.domain.views import QuestionDetail
from qe_desktop.exporters.document import DocumentOptions, build_document
from qe_desktop.exporters.docx_export import write_docx
from tests.conftest import SEED_TITLE
from tests.exporters.library import (
    AN_QUOTE,
    BARE_QUOTE,
    COMMITMENT_NOTE,
    COMMITMENT_QUOTE,
    FREE_NOTE,
    QUESTION_QUOTE,
    TYPOGRAPHY_NOTE,
    markdown_and_overdue_detail,
)

CREATED = datetime(2025, 5, 2, 10, 0, tzinfo=UTC)


def _shading(run: Run) -> str | None:
    properties = run._r.rPr
    if properties is None:
        return None
    shading = properties.find(qn("w:shd"))
    return None if shading is None else shading.get(qn("w:fill"))


def _all_runs(document: DocxDocument) -> list[Run]:
    return [run for paragraph in document.paragraphs for run in paragraph.runs]


@pytest.fixture
def note(tmp_path: Path, details: list[QuestionDetail]) -> DocxDocument:
    path = tmp_path / "note.docx"
    write_docx(build_document(details, created=CREATED, author="Marie"), path)
    return docx.Document(str(path))


def test_highlighted_runs_are_shaded_in_their_category_colour(note: DocxDocument) -> None:
    shaded = {run.text: _shading(run) for run in _all_runs(note) if _shading(run)}
    assert shaded[COMMITMENT_QUOTE] == "F4A261"  # Engagement
    assert shaded[QUESTION_QUOTE] == "B5E48C"  # Important
    assert shaded[BARE_QUOTE] == "E5989B"  # Élusion
    assert shaded[AN_QUOTE] == "8ECAE6"  # Chiffre
    plain = [r for r in _all_runs(note) if r.text.startswith(" détaillant comment")]
    assert plain and _shading(plain[0]) is None


def test_texts_headings_and_numbered_notes(note: DocxDocument) -> None:
    texts = [p.text for p in note.paragraphs]
    styles = {p.text: p.style.name for p in note.paragraphs if p.style is not None}
    assert styles["Note de synthèse — 2 questions écrites"] == "Title"
    assert styles["QE du 30/01/2025 — " + SEED_TITLE] == "Heading 1"
    assert styles["QE n° 26562 — Maires"] == "Heading 1"
    assert any(t.startswith("Réponse — Ministère de l'économie") for t in texts)
    assert "QE du 30/01/2025, JO Sénat du 17/04/2025, p. 1912" in texts
    with_commitment = next(t for t in texts if COMMITMENT_QUOTE in t and t.startswith("Le Gouv"))
    assert f"{COMMITMENT_QUOTE}2 détaillant" in with_commitment  # note call 2 after the passage
    after = texts[texts.index(with_commitment) + 1]
    assert after == f"2. Engagement — « {COMMITMENT_QUOTE} » — {COMMITMENT_NOTE} (par testeur)"
    first_note = next(t for t in texts if t.startswith("1. Important"))
    assert TYPOGRAPHY_NOTE in first_note  # é, « », œ, NBSP and ’ survive
    assert "étiquettes : IA, relance été" in first_note
    assert FREE_NOTE in texts


def test_header_block_and_link(note: DocxDocument) -> None:
    header = note.tables[0]
    rows = {row.cells[0].text: row.cells[1].text for row in header.rows}
    assert rows["Publiée le"] == "30/01/2025 (JO Sénat, p. 246)"
    assert rows["Délai"] == "77 jours, au-delà du délai réglementaire"
    assert rows["Statut"] == "répondue"
    links = [
        rel.target_ref for rel in note.part.rels.values() if rel.reltype.endswith("/hyperlink")
    ]
    assert links == ["https://www.assemblee-nationale.fr/dyn/14/questions/QANR5L14QE26562"]


def test_commitments_table(note: DocxDocument) -> None:
    table = note.tables[-1]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == [
        "Question",
        "Engagement",
        "Échéance",
        "Ministère",
        "Statut",
        "Prochaine vérification",
    ]
    assert cells[1] == [
        "QE du 30/01/2025, JO Sénat du 17/04/2025, p. 1912",
        COMMITMENT_QUOTE,
        "juin 2025",
        "Ministère de l'économie, des finances et de la souveraineté industrielle et numérique",
        "en cours",
        "01/07/2025",
    ]
    assert len(cells) == 2


def test_core_properties_and_a4_pages(note: DocxDocument) -> None:
    properties = note.core_properties
    assert properties.title == "Note de synthèse — 2 questions écrites"
    assert properties.author == "Marie"
    assert properties.language == "fr-FR"
    assert properties.created == CREATED
    section = note.sections[0]
    assert section.page_width is not None and round(section.page_width.mm) == 210
    assert section.page_height is not None and round(section.page_height.mm) == 297


def test_only_annotated_and_without_commitments(
    tmp_path: Path, details: list[QuestionDetail]
) -> None:
    path = tmp_path / "court.docx"
    options = DocumentOptions(title="Court", only_annotated=True, include_commitments=False)
    write_docx(build_document(details[:1], options), path)
    note = docx.Document(str(path))
    texts = [p.text for p in note.paragraphs]
    assert "[…]" in texts
    assert not any(t.startswith("En novembre dernier") for t in texts)
    assert "Engagements" not in texts
    assert len(note.tables) == 1  # the header block only


LATER = datetime(1996, 1, 12, 9, 0, tzinfo=UTC)  # twelve days after the due date


@pytest.fixture
def markdown_note(tmp_path: Path) -> DocxDocument:
    path = tmp_path / "markdown.docx"
    write_docx(build_document([markdown_and_overdue_detail()], created=LATER), path)
    return docx.Document(str(path))


def test_notes_markdown_becomes_bold_italic_lists_and_links(markdown_note: DocxDocument) -> None:
    texts = [p.text for p in markdown_note.paragraphs]
    assert not any("**" in text or "*à suivre*" in text for text in texts)
    note = next(p for p in markdown_note.paragraphs if p.text.startswith("1. Important"))
    assert "Un point daté et à suivre :" in note.text
    assert [r.text for r in note.runs if r.bold and r.text.strip()][-1] == "daté"
    assert any(r.italic and r.text == "à suivre" for r in note.runs)
    assert texts.count("•\tpremier élément") == 2  # the note, then the free note
    assert texts.count("•\tsecond") == 2
    item = next(p for p in markdown_note.paragraphs if p.text == "•\tpremier élément")
    assert any(r.italic and r.text == "élément" for r in item.runs)
    links = [
        rel.target_ref
        for rel in markdown_note.part.rels.values()
        if rel.reltype.endswith("/hyperlink")
    ]
    assert "https://www.senat.fr/" in links
    assert not any("javascript" in link for link in links)
    assert any(text.startswith("Voir la page et ceci.") for text in texts)


def test_commitment_columns_fit_their_words_and_dates(markdown_note: DocxDocument) -> None:
    table = markdown_note.tables[-1]
    header, row = ([c.text for c in r.cells] for r in table.rows)
    assert row[2] == "31/12/1995"
    assert row[4] == "en cours, en retard de 12 jours"
    widths_cm = [column.width.cm for column in table.columns]
    assert abs(sum(widths_cm) - 17) < 0.1
    for index, width in enumerate(widths_cm):
        words = [*header[index].split(), *row[index].split()]
        longest = max(len(word) for word in words)
        assert width >= longest * 0.2, (header[index], width)  # no word cut in two
        for cell in table.columns[index].cells:
            assert abs(cell.width.cm - width) < 0.01
    date_cell = table.rows[1].cells[2]._tc
    assert date_cell.tcPr.find(qn("w:noWrap")) is not None  # dates stay on one line
