"""Body-only copies (no page header) and the addressee of a question's first sentence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qe_desktop.domain.question import Chamber
from qe_desktop.importers.addressee import author_in_text, ministry_from_addressee
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.pages import parse_page_text
from qe_desktop.importers.senat_page import parse_senat_page

REAL = Path(__file__).resolve().parents[1] / "data" / "importers" / "pages" / "real"


def _body_of(path: Path, start: str, end: str | None = None) -> str:
    text = path.read_text(encoding="utf-8")
    body = text[text.index(start) :]
    return body[: body.index(end)] if end else body


def test_a_senat_body_only_copy_takes_its_author_from_the_first_sentence() -> None:
    body = _body_of(REAL / "senat" / "qSEQ190912357.txt", "Mme Isabelle Raimond-Pavero interroge")
    record = parse_page_text(body, "qSEQ190912357.txt")
    assert record.chamber is Chamber.SENAT
    assert (record.author.civility, record.author.name) == ("Mme", "Isabelle Raimond-Pavero")
    assert record.number == "12357"
    assert record.ministry_asked == "Ministère des armées"
    assert record.url == "https://www.senat.fr/questions/base/2019/qSEQ190912357.html"
    assert record.question_text.startswith("Mme Isabelle Raimond-Pavero interroge")


def test_an_an_body_only_copy_splits_question_and_answer() -> None:
    page = REAL / "an" / "14-26562QE.txt"
    body = _body_of(page, "M. Marc Le Fur attire").replace("Texte de la réponse", "")
    body = body.replace(
        "En application de l'article",
        "Réponse publiée le 17 septembre 2013\nEn application de l'article",
    )
    record = parse_page_text(body, "14-26562QE.txt")
    assert (record.author.civility, record.author.name) == ("M.", "Marc Le Fur")
    assert (record.legislature, record.number) == (14, "26562")
    assert record.answered_on == date(2013, 9, 17)
    assert record.answer_text is not None and record.answer_text.startswith("En application")
    assert "Réponse publiée" not in record.question_text


def test_an_fiche_without_its_header_names_the_author_from_the_text() -> None:
    page = REAL / "an" / "14-26562QE.txt"
    body = _body_of(page, "Texte de la question")
    record = parse_page_text(body, "14-26562QE.txt")
    assert (record.author.civility, record.author.name) == ("M.", "Marc Le Fur")


def test_a_body_only_copy_nobody_can_identify_is_still_refused() -> None:
    body = _body_of(REAL / "senat" / "qSEQ190912357.txt", "Mme Isabelle Raimond-Pavero interroge")
    with pytest.raises(ImportFailure):
        parse_page_text(body, "presse-papiers")
    with pytest.raises(ImportFailure):
        parse_page_text("Un texte quelconque sans auteur.", "qSEQ190912357.txt")


def test_senat_ministry_asked_comes_from_the_addressee() -> None:
    seed = (REAL / "seed" / "genet-2025-ia-services-publics.txt").read_text(encoding="utf-8")
    record = parse_senat_page(seed, "genet.txt")
    assert record.ministry_asked == (
        "Ministère auprès du ministre de l'économie, des finances et de la souveraineté "
        "industrielle et numérique, chargé de l'intelligence artificielle et du numérique"
    )


@pytest.mark.parametrize(
    ("sentence", "ministry"),
    [
        ("M. X attire l'attention de M. le Premier ministre sur", "Premier ministre"),
        (
            "M. X attire l'attention de M. le secrétaire d'Etat aux anciens combattants "
            "la déception des anciens combattants",
            "Secrétariat d'État aux anciens combattants",
        ),
        (
            "M. X rappelle à M. le ministre de l'intérieur les termes de sa question",
            "Ministère de l'intérieur",
        ),
        (
            "M. X demande à M. le ministre délégué à l'industrie s'il",
            "Ministère délégué à l'industrie",
        ),
        (
            "Mme Y attire l'attention de M. le garde des sceaux, ministre de la justice, sur",
            "Ministère de la justice",
        ),
        ("Le Gouvernement a répondu.", None),
    ],
)
def test_ministry_from_addressee(sentence: str, ministry: str | None) -> None:
    assert ministry_from_addressee(sentence) == ministry


def test_author_in_text() -> None:
    assert author_in_text("M. Fabien GENET attire l'attention") == ("M.", "Fabien GENET")
    assert author_in_text("Mme Marie-Christine Dalloz interroge") == (
        "Mme",
        "Marie-Christine Dalloz",
    )
    assert author_in_text("Le ministre indique") == ("", "")
