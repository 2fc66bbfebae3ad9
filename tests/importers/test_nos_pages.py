"""NosDéputés.fr and NosSénateurs.fr question pages, copied from the browser or saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qe_desktop.domain.question import Chamber, ClosingKind
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.pages import parse_page_bytes, parse_page_text

NOS = Path(__file__).resolve().parents[1] / "data" / "importers" / "nos"


@pytest.mark.parametrize("name", ["nosdeputes-14-26562-copie.txt", "nosdeputes-14-26562.html"])
def test_a_nosdeputes_page_is_the_an_question(name: str) -> None:
    record = parse_page_bytes((NOS / name).read_bytes(), name)
    assert record.chamber is Chamber.AN
    assert (record.legislature, record.number, record.qtype) == (14, "26562", "QE")
    assert record.key == "QANR5L14QE26562"
    assert record.url == "https://www.assemblee-nationale.fr/dyn/14/questions/QANR5L14QE26562"
    assert (record.author.civility, record.author.name) == ("M.", "Marc Le Fur")
    assert record.ministry_asked == "Ministère de l'intérieur"
    assert record.title == "Maires"
    assert record.published_on == date(2013, 5, 21)
    assert record.answered_on == date(2013, 9, 17)
    assert record.question_text.startswith("M. Marc Le Fur attire l'attention")
    assert record.answer_text is not None
    assert record.answer_text.startswith("En application de l'article L. 2122-35")
    assert "commentaire" not in record.answer_text


@pytest.mark.parametrize(
    "name", ["nossenateurs-qSEQ190912357-copie.txt", "nossenateurs-qSEQ190912357.html"]
)
def test_a_nossenateurs_page_is_the_senat_question(name: str) -> None:
    record = parse_page_bytes((NOS / name).read_bytes(), name)
    assert record.chamber is Chamber.SENAT
    assert record.number == "12357"
    assert record.uid == "qSEQ190912357"
    assert record.url == "https://www.senat.fr/questions/base/2019/qSEQ190912357.html"
    assert record.title == (
        "Absence de ministre ou de secrétaire d'État chargé des anciens combattants"
    )
    assert (record.author.civility, record.author.name) == ("Mme", "Isabelle Raimond-Pavero")
    assert record.ministry_asked == "Ministère des armées"
    assert record.published_on == date(2019, 9, 26)
    assert record.answer_text is None and record.closing is None
    assert record.question_text.startswith("Mme Isabelle Raimond-Pavero interroge")
    assert "Cette question" not in record.question_text


def test_a_withdrawn_question_is_closed_with_its_cause() -> None:
    name = "nosdeputes-15-retiree-copie.txt"
    record = parse_page_text((NOS / name).read_text(encoding="utf-8"), name)
    assert (record.legislature, record.number) == (15, "1234")  # from the date asked
    assert record.closing is not None
    assert record.closing.kind is ClosingKind.LAPSED
    assert record.closing.on == date(2018, 6, 19)
    assert record.title == "Archives"


def test_a_nos_page_without_its_number_is_refused_with_a_reason() -> None:
    text = "NosDéputés.fr\nQuestion soumise le 3 octobre 2017\nM. X attire l'attention de Y."
    with pytest.raises(ImportFailure) as raised:
        parse_page_text(text, "copie.txt")
    assert "NosDéputés" in raised.value.reason
