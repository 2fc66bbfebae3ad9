"""The page entry point: which parser a page goes to, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from qe_desktop.domain.question import Chamber
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.pages import detect_chamber, parse_page_bytes, parse_page_text

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
REAL = DATA / "pages" / "real"
SEED_TEXT = (REAL / "seed" / "genet-2025-ia-services-publics.txt").read_text(encoding="utf-8")


def test_pasted_text_and_the_saved_file_give_the_same_record() -> None:
    from_file = parse_page_bytes(SEED_TEXT.encode("utf-8"), "presse-papiers")
    assert parse_page_text(SEED_TEXT, "presse-papiers") == from_file


def test_pasted_html_goes_through_the_html_reader() -> None:
    html = (DATA / "senat_html" / "with_answer" / "input.html").read_text(encoding="utf-8")
    record = parse_page_text(html, "presse-papiers")
    assert record.uid == "qSEQ250103038"
    assert "<" not in record.question_text


def test_an_page_saved_as_html_is_read_as_an_an_page() -> None:
    text = (REAL / "an" / "QANR5L11QE40127.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    html = (
        '<!DOCTYPE html><html><head><link rel="canonical" '
        'href="https://www.assemblee-nationale.fr/dyn/11/questions/QANR5L11QE40127">'
        f"</head><body><script>var x = 1;</script>{paragraphs}</body></html>"
    )
    record = parse_page_text(html, "question.html")
    assert record.chamber is Chamber.AN
    assert record.uid == "QANR5L11QE40127"


@pytest.mark.parametrize(
    ("folder", "name", "chamber"),
    [
        ("senat", "qSEQ190912357.txt", Chamber.SENAT),
        ("senat", "qSEQ870204419.txt", Chamber.SENAT),
        ("an", "10-34804QE.txt", Chamber.AN),
        ("an", "11-73828QE.txt", Chamber.AN),
        ("an", "14-26562QE.txt", Chamber.AN),
        ("an", "QANR5L9QE5537.txt", Chamber.AN),
    ],
)
def test_layout_tells_the_chamber_whatever_the_file_is_called(
    folder: str, name: str, chamber: Chamber
) -> None:
    text = (REAL / folder / name).read_text(encoding="utf-8")
    assert detect_chamber(text, "sans-nom.txt") is chamber


@pytest.mark.parametrize(
    "text",
    [
        "Compte rendu de la réunion du 12 mars.\nOrdre du jour : budget.",
        "<html><body><p>Accueil</p><p>Actualités</p><div>Contact</div></body></html>",
        "Question écrite sans en-tête\nM. X demande au ministre…",
    ],
)
def test_unknown_layout_is_refused_with_a_clear_french_reason(text: str) -> None:
    with pytest.raises(ImportFailure) as raised:
        parse_page_bytes(text.encode("utf-8"), "notes/reunion.txt")
    assert raised.value.source == "notes/reunion.txt"
    assert raised.value.reason.startswith("mise en page inconnue")


def test_senat_file_name_without_a_header_says_what_is_missing() -> None:
    with pytest.raises(ImportFailure) as raised:
        parse_page_bytes("Texte sans en-tête.".encode(), "qSEQ250103038.txt")
    assert "Question de M./Mme" in raised.value.reason


def test_empty_pasted_text_is_refused() -> None:
    with pytest.raises(ImportFailure) as raised:
        parse_page_text(" \n\t", "presse-papiers")
    assert "vide" in raised.value.reason
