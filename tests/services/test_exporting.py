"""The export use case: scopes, formats, progress, cancel, errors a user can read."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import docx
import pytest

from qe_desktop.domain.status import Status
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.services.exporting import (
    ICS_UNAVAILABLE,
    ExportError,
    ExportFormat,
    ExportOptions,
    ExportService,
)
from qe_desktop.services.questions import QuestionNotFound
from tests.conftest import SAMPLES, SEED_TITLE
from tests.exporters.library import (
    AN_KEY,
    COMMITMENT_QUOTE,
    SEED_KEY,
    annotate_samples,
)


@pytest.fixture
def library(sample_services: Services) -> Services:
    annotate_samples(sample_services)
    return sample_services


def _csv_keys(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig")
    return [row[0] for row in list(csv.reader(io.StringIO(text), delimiter=";"))[1:]]


# The title cut between words to fit 120 characters: never "…services publi.docx".
CUT_TITLE = SEED_TITLE.removesuffix(" publics")


def test_explicit_keys_in_the_order_given(library: Services, tmp_path: Path) -> None:
    path = tmp_path / "deux.md"
    result = library.exporting.export([AN_KEY, SEED_KEY], "md", path)
    text = path.read_text(encoding="utf-8")
    assert text.index("## QE n° 26562") < text.index("## QE du 30/01/2025")
    assert (result.questions, result.annotations, result.commitments) == (2, 4, 1)
    assert result.format is ExportFormat.MARKDOWN and not result.cancelled
    assert str(path) in result.summary()


def test_a_filter_exports_its_result_only(library: Services, tmp_path: Path) -> None:
    answered = QuestionFilter(statuses=frozenset({Status.ANSWERED}))
    path = tmp_path / "repondues.docx"
    result = library.exporting.export(answered, ExportFormat.DOCX, path)
    headings = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]
    assert result.questions == library.questions.count(answered) == 4
    assert len([h for h in headings if h.startswith("QE ")]) == 4


def test_everything_when_no_scope(library: Services, tmp_path: Path) -> None:
    path = tmp_path / "tout.csv"
    result = library.exporting.export(None, "csv", path)
    assert result.questions == library.questions.total() == 10
    assert sorted(set(_csv_keys(path))) == sorted([AN_KEY, SEED_KEY])


def test_options_reach_the_document(library: Services, tmp_path: Path) -> None:
    path = tmp_path / "court.md"
    options = ExportOptions(title="Point IA", include_question_text=False, only_annotated=True)
    library.exporting.export([SEED_KEY], "md", path, options)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Point IA\n")
    assert "### Question de" not in text
    assert "### Notes hors du texte reproduit" in text  # the question's highlight is kept
    assert COMMITMENT_QUOTE in text


def test_progress_is_reported_per_question(library: Services, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    library.exporting.export(
        [SEED_KEY, AN_KEY], "xlsx", tmp_path / "a.xlsx", progress=lambda *a: seen.append(a)
    )
    assert seen[:2] == [(0, 2, SEED_KEY), (1, 2, AN_KEY)]
    assert seen[-1] == (2, 2, "a.xlsx")


def test_cancel_writes_nothing(library: Services, tmp_path: Path) -> None:
    path = tmp_path / "annule.docx"
    calls = iter([False, True])
    result = library.exporting.export(None, "docx", path, cancelled=lambda: next(calls, True))
    assert result.cancelled
    assert not path.exists()
    assert list(tmp_path.glob(".*.tmp")) == []


def test_pdf_without_a_writer_is_a_clear_error(library: Services, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="PDF"):
        library.exporting.export([SEED_KEY], "pdf", tmp_path / "x.pdf")
    assert ExportFormat.PDF not in library.exporting.available_formats()


def test_pdf_goes_through_the_injected_writer(library: Services, tmp_path: Path) -> None:
    written: list[tuple[str, Path]] = []
    service = ExportService(library.questions, lambda html, path: written.append((html, path)))
    service.export([SEED_KEY], "pdf", tmp_path / "x.pdf")
    html, path = written[0]
    assert path == tmp_path / "x.pdf"
    assert "<title>Note de synthèse — QE du 30/01/2025 — Implémentation de l" in html
    assert 'background-color:#f4a261">' + COMMITMENT_QUOTE.replace("'", "&#x27;") in html


def test_ics_delegates_to_the_commitments_calendar(library: Services, tmp_path: Path) -> None:
    path = tmp_path / "engagements.ics"
    result = library.exporting.export(None, "ics", path)
    text = path.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == result.commitments == 1
    assert "DTSTART;VALUE=DATE:20250630" in text


def test_ics_without_the_calendar_feature_says_so(
    library: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "qe_desktop.exporters.calendar", None)
    assert ExportFormat.ICS not in library.exporting.available_formats()
    with pytest.raises(ExportError, match=ICS_UNAVAILABLE):
        library.exporting.export([SEED_KEY], "ics", tmp_path / "x.ics")
    assert not (tmp_path / "x.ics").exists()


def test_unknown_key(library: Services, tmp_path: Path) -> None:
    with pytest.raises(QuestionNotFound):
        library.exporting.export(["nope"], "md", tmp_path / "x.md")


def test_unwritable_folder_is_reported_in_french(library: Services, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Impossible d'écrire"):
        library.exporting.export([SEED_KEY], "docx", tmp_path / "absent" / "x.docx")


def test_default_file_names(library: Services) -> None:
    exporting = library.exporting
    assert (
        exporting.default_file_name([SEED_KEY], ExportFormat.DOCX)
        == f"Note de synthèse — QE du 30-01-2025 — {CUT_TITLE}.docx"
    )
    assert (
        exporting.default_file_name([SEED_KEY], ExportFormat.CSV)
        == "Annotations — QE du 30-01-2025 — " + SEED_TITLE + ".csv"
    )
    assert (
        exporting.default_file_name(None, ExportFormat.PDF)
        == "Note de synthèse — 10 questions écrites.pdf"
    )
    assert exporting.default_file_name([SEED_KEY], ExportFormat.MARKDOWN, "Point : IA") == (
        "Point - IA.md"
    )


def test_formats_from_file_names() -> None:
    assert ExportFormat.from_path(Path("note.DOCX")) is ExportFormat.DOCX
    assert ExportFormat.from_path(Path("note.markdown")) is ExportFormat.MARKDOWN
    assert ExportFormat.from_path(Path("note.txt")) is None


def test_citations_link_to_the_official_page_when_the_number_gives_it(
    sample_services: Services, tmp_path: Path
) -> None:
    genet = SAMPLES / "senat" / "genet-2025-ia-services-publics.txt"
    copy = tmp_path / "copie.txt"
    copy.write_text(
        "Question écrite n° 03038 - 17e législature\n" + genet.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    report = sample_services.importing.import_paths([copy])
    assert report.ok
    key = next(
        r.key
        for r in sample_services.questions.rows(
            QuestionFilter(), Sort("published_on", True), limit=100
        )
        if sample_services.questions.detail(r.key).record.number == "03038"
    )
    url = "https://www.senat.fr/questions/base/2025/qSEQ250103038.html"
    assert sample_services.questions.detail(key).uri == url
    path = tmp_path / "note.md"
    sample_services.exporting.export([key], "md", path)
    text = path.read_text(encoding="utf-8")
    assert f"*[QE n° 03038, JO Sénat du 17/04/2025, p. 1912](<{url}>)*" in text
    assert "urn:qe:" not in text
