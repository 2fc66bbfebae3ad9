"""Markdown briefing notes: blockquotes, highlights with their category, footnotes, links."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from qe_desktop.domain.views import QuestionDetail
from qe_desktop.exporters.document import build_document
from qe_desktop.exporters.markdown import escape, render_markdown, write_markdown
from qe_desktop.exporters.note_markup import safe_markdown
from tests.exporters.library import (
    COMMITMENT_NOTE,
    COMMITMENT_QUOTE,
    FREE_NOTE,
    QUESTION_QUOTE,
    TYPOGRAPHY_NOTE,
    note_on,
    overdue_status,
    synthetic_detail,
)


@pytest.fixture
def written(tmp_path: Path, details: list[QuestionDetail]) -> str:
    path = tmp_path / "note.md"
    write_markdown(build_document(details, author="Marie"), path)
    return path.read_text(encoding="utf-8")


def test_texts_are_blockquotes_with_highlights_and_their_category(written: str) -> None:
    assert (
        "==l'ensemble des ministères présenteront d'ici juin 2025, à l'occasion du salon" in written
    )
    assert "leur feuille de route== *(Engagement)*[^" in written
    assert (
        "> ==Le Gouvernement est pleinement engagé== *(Élusion)* dans le développement" in written
    )
    assert f"=={QUESTION_QUOTE}== *(Important)*[^1]" in written
    quoted = [line for line in written.splitlines() if line.startswith("> ")]
    assert any(line.startswith("> M. Fabien GENET attire l") for line in quoted)


def test_notes_are_footnotes_defined_after_their_paragraph(written: str) -> None:
    numbers = re.findall(r"\[\^(\d+)\]:", written)
    assert numbers == ["1", "2", "3"]
    first = written.index("[^1]:")
    assert written.index(f"=={QUESTION_QUOTE}==") < first
    assert written.index("> En novembre dernier") > first  # right after its paragraph
    definition = written[first:].splitlines()[0]
    assert TYPOGRAPHY_NOTE in definition  # é, « », œ, NBSP, ’ kept as typed
    assert "\u00a0" in definition
    assert f"« {COMMITMENT_QUOTE} » — {COMMITMENT_NOTE}" in written
    assert "*étiquettes : IA, relance été ; par testeur*" in written


def test_header_block_citation_link_and_free_note(written: str) -> None:
    assert written.startswith("# Note de synthèse — 2 questions écrites\n")
    assert "*QE du 30/01/2025, JO Sénat du 17/04/2025, p. 1912*" in written
    assert "- **Délai** : 77 jours, au-delà du délai réglementaire" in written
    url = "https://www.assemblee-nationale.fr/dyn/14/questions/QANR5L14QE26562"
    assert f"- **Lien** : [{url}](<{url}>)" in written
    assert "## QE n° 26562 — Maires" in written
    assert f"### Note sur la question\n\n{FREE_NOTE}" in written


def test_commitments_table(written: str) -> None:
    table = written[written.index("## Engagements") :]
    rows = [line for line in table.splitlines() if line.startswith("|")]
    assert rows[0] == (
        "| Question | Engagement | Échéance | Ministère | Statut | Prochaine vérification |"
    )
    cells = [cell.strip() for cell in rows[2].strip("|").split("|")]
    assert cells[1] == COMMITMENT_QUOTE
    assert cells[2:] == [
        "juin 2025",
        "Ministère de l'économie, des finances et de la souveraineté industrielle et numérique",
        overdue_status(),
        "01/07/2025",
    ]


def test_question_text_cannot_inject_markdown() -> None:
    answer = "# Pas un titre\n- pas une liste\nTaux *réduit* de 5 % [voir](x) <b>gras</b> == | a"
    markdown = render_markdown(build_document([synthetic_detail("Question ?", answer)]))
    assert "> \\# Pas un titre" in markdown
    assert "> \\- pas une liste" in markdown
    assert "Taux \\*réduit\\* de 5 % \\[voir\\](x) \\<b\\>gras\\</b\\> \\=\\= \\| a" in markdown


def test_escape_keeps_french_typography() -> None:
    text = "« L’État » : cœur\u00a0; 12 % — été"
    assert escape(text) == text


def test_pipes_and_line_breaks_stay_inside_a_table_cell() -> None:
    answer = "Nous ferons | peut-être\nle nécessaire."
    commitment = note_on(answer, "ferons | peut-être\nle nécessaire")
    detail = synthetic_detail("Question ?", answer, (commitment,))
    markdown = render_markdown(build_document([detail]))
    row = next(line for line in markdown.splitlines() if "ferons" in line and line[0] == "|")
    assert "ferons \\| peut-être le nécessaire" in row
    assert row.count(" | ") == 5  # six cells, not more


def test_an_existing_file_is_replaced_whole(tmp_path: Path, details: list[QuestionDetail]) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    path = folder / "note.md"
    path.write_text("ancienne note " * 10_000, encoding="utf-8")
    write_markdown(build_document(details[:1]), path)
    assert path.read_text(encoding="utf-8").startswith("# Note de synthèse — QE du 30/01/2025")
    assert "ancienne note" not in path.read_text(encoding="utf-8")
    assert [p.name for p in folder.iterdir()] == ["note.md"]  # no temporary file left


HOSTILE_NOTE = (
    "Voir **ceci** <script>alert(1)</script> et <img src=x onerror=alert(2)>\n\n"
    "[clic](javascript:alert(3)) [aussi](JaVaScRiPt&#58;alert(4)) "
    "[données](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(5)>\n\n"
    "[ref]: vbscript:msgbox(6)\n\n[lien sûr](https://www.senat.fr) [ref]"
)


def _hostile_markdown() -> str:
    answer = "Nous ferons le nécessaire."
    annotation = note_on(answer, "ferons", category="important", note=HOSTILE_NOTE)
    detail = dataclasses.replace(
        synthetic_detail("Question ?", answer, (annotation,)), note=HOSTILE_NOTE
    )
    return render_markdown(build_document([detail]))


def _renderers() -> list[MarkdownIt]:
    """markdown-it as shipped (raw HTML on), and a lax one that validates no link at all."""
    lax = MarkdownIt("commonmark")
    lax.validateLink = lambda url: True  # type: ignore[method-assign]
    return [MarkdownIt("commonmark"), MarkdownIt("gfm-like", {"linkify": False}), lax]


@pytest.mark.parametrize("renderer", _renderers(), ids=["commonmark", "gfm-like", "lax"])
def test_notes_cannot_inject_html_or_unsafe_links(renderer: MarkdownIt) -> None:
    rendered = renderer.render(_hostile_markdown())
    lowered = rendered.lower()
    assert "<script" not in lowered and "<img" not in lowered
    hrefs = re.findall(r'href="([^"]*)"', rendered)
    assert "https://www.senat.fr" in hrefs  # safe links survive
    for href in hrefs:
        assert href.split(":", 1)[0].lower() in {"http", "https", "mailto", "#"} or ":" not in href
    assert "javascript" not in " ".join(hrefs).lower()
    assert "vbscript" not in " ".join(hrefs).lower() and "data:" not in " ".join(hrefs)
    assert "<strong>ceci</strong>" in rendered  # the note's own Markdown is kept
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered  # shown as text, not run


def test_safe_markdown_keeps_text_and_safe_links() -> None:
    assert safe_markdown("[clic](javascript:alert(1)) **gras**").startswith("clic")
    assert safe_markdown("[a](https://x.fr) [b](mailto:a@b.fr) [c](#n)") == (
        "[a](https://x.fr) [b](mailto:a@b.fr) [c](#n)"
    )
    assert safe_markdown("a < b") == "a &lt; b"
