"""The AN page text parser: identity, names, closures and the odd old layouts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qe_desktop.domain.question import Chamber, ClosingKind
from qe_desktop.importers.an_fields import closing_from_cause, name_in_text_order
from qe_desktop.importers.an_page import parse_an_page
from qe_desktop.importers.errors import ImportFailure

REAL = Path(__file__).resolve().parents[1] / "data" / "importers" / "pages" / "real"


def real(name: str) -> str:
    return (REAL / "an" / name).read_text(encoding="utf-8")


def test_dyn_page_identity_comes_from_the_page_itself() -> None:
    record = parse_an_page(real("QANR5L11QE40127.txt"), "copie.txt")
    assert record.chamber is Chamber.AN
    assert (record.legislature, record.number, record.qtype) == (11, "40127", "QE")
    assert record.uid == "QANR5L11QE40127" == record.key
    assert record.url == "https://www.assemblee-nationale.fr/dyn/11/questions/QANR5L11QE40127"


def test_page_without_number_takes_its_identity_from_the_file_name() -> None:
    record = parse_an_page(real("14-94365QE.txt"), "/home/moi/pages/14-94365QE.txt")
    assert record.uid == "QANR5L14QE94365"
    assert record.answered_on == date(2016, 5, 24)
    assert record.answer_ministry is None  # the page does not say who answered


def test_page_without_any_identity_is_refused() -> None:
    with pytest.raises(ImportFailure) as raised:
        parse_an_page(real("14-94365QE.txt"), "presse-papiers")
    assert raised.value.source == "presse-papiers"
    assert "sans numéro" in raised.value.reason


def test_fragment_with_only_the_answer_cell_still_imports() -> None:
    record = parse_an_page(real("13-32945QE.txt"), "13-32945QE.txt")
    assert record.question_text == ""
    assert record.answer_text is not None
    assert "|" not in record.answer_text


def test_empty_old_fiche_keeps_its_metadata_and_drops_the_table_codes() -> None:
    record = parse_an_page(real("7-15167QE.txt"), "7-15167QE.txt")
    assert record.question_text == ""
    assert record.answer_text is None
    assert record.author.name == "Jean-Pierre Worms"
    assert record.ministry_asked == "Intérieur"
    assert record.ministry_assigned == "Éducation nationale"
    assert record.published_on == date(1982, 5, 31)


def test_unaccented_old_text_is_kept_as_written() -> None:
    record = parse_an_page(real("QANR5L8QE37848.txt"), "QANR5L8QE37848.txt")
    assert "secretaire d'Etat" in record.question_text
    assert record.ministry_asked == "Anciens combattants"
    assert record.ministry_assigned == "Défense"
    assert record.answered_on is None and record.answer_ministry is None


def test_answer_listed_in_the_dates_but_not_retrieved_still_counts_as_answered() -> None:
    record = parse_an_page(real("QANR5L11QE2257.txt"), "QANR5L11QE2257.txt")
    assert record.answered_on == date(1997, 10, 20)
    assert record.answer_text is None
    assert record.answer_ministry == "Justice"


def test_closures_keep_their_cause_and_date() -> None:
    withdrawn = parse_an_page(real("QANR5L12QE65446.txt"), "QANR5L12QE65446.txt").closing
    lapsed = parse_an_page(real("QANR5L14QE46830.txt"), "QANR5L14QE46830.txt").closing
    assert withdrawn is not None and lapsed is not None
    assert (withdrawn.kind, withdrawn.on) == (ClosingKind.WITHDRAWN, date(2005, 5, 24))
    assert (lapsed.kind, lapsed.label, lapsed.on) == (
        ClosingKind.LAPSED,
        "Fin de mandat",
        date(2016, 2, 2),
    )


def test_closure_date_with_its_cause_on_the_next_line() -> None:
    text = (
        "Question de : M. Jean Test\nAin (1re circonscription) - Horizons\n\nTexte.\n\n"
        "Données clés\nDate :\nQuestion publiée le 3 mars 2005\n\n"
        "Date de clôture : 24 mai 2005\nRetrait à l'initiative de l'auteur\n\npartager\n"
    )
    closing = parse_an_page(text, "QANR5L12QE1.txt").closing
    assert closing is not None
    assert (closing.kind, closing.on) == (ClosingKind.WITHDRAWN, date(2005, 5, 24))
    assert closing.label == "Retrait à l'initiative de l'auteur"


@pytest.mark.parametrize(
    ("cause", "kind"),
    [
        ("Fin de mandat", ClosingKind.LAPSED),
        ("fin de mandat", ClosingKind.LAPSED),
        ("Fin de législature", ClosingKind.LAPSED),
        ("Décès", ClosingKind.LAPSED),
        ("Retrait à l'initiative de l'auteur", ClosingKind.WITHDRAWN),
        ("Question retirée par l'auteur", ClosingKind.WITHDRAWN),
        ("Changement de gouvernement", ClosingKind.OTHER),
    ],
)
def test_closing_causes_map_to_kinds(cause: str, kind: ClosingKind) -> None:
    closing = closing_from_cause(cause, date(2020, 1, 1))
    assert closing.kind is kind
    assert closing.label[0].isupper()


@pytest.mark.parametrize(
    ("name", "text", "surname_first", "expected"),
    [
        ("Verwaerde Yves", "M. Yves Verwaerde attire", True, "Yves Verwaerde"),
        ("Masson Jean-Louis", "M. Jean-Louis Masson expose", False, "Jean-Louis Masson"),
        ("Le Fur Marc", "M. Marc Le Fur attire", True, "Marc Le Fur"),
        ("Jean Louis Masson", "M. Jean-Louis Masson attire", False, "Jean Louis Masson"),
        ("Worms Jean-Pierre", "", True, "Jean-Pierre Worms"),
        ("Masson Jean Louis", "", True, "Masson Jean Louis"),  # ambiguous: kept
        ("Lenoir Jean-Claude", "", False, "Lenoir Jean-Claude"),
    ],
)
def test_names_follow_the_order_of_the_question_text(
    name: str, text: str, surname_first: bool, expected: str
) -> None:
    assert name_in_text_order(name, text, surname_first=surname_first) == expected


def test_jo_heading_in_front_of_the_question_is_removed() -> None:
    text = (
        "Question écrite n° 13382 :\nTitre\n\n17e Législature\n\n"
        "Question de : M. Jean Test\nAin (1re circonscription) - Horizons\n\n"
        "13382. — 10 mars 2026. — M. Jean Test attire l'attention du ministre.\n"
    )
    record = parse_an_page(text, "x")
    assert record.question_text == "M. Jean Test attire l'attention du ministre."
    assert record.author.group == "Horizons"


def test_question_au_gouvernement_keeps_its_type_in_the_uid() -> None:
    text = (
        "Question au Gouvernement n° 12 :\nMayotte\n\n17e Législature\n\n"
        "Question de : Mme Anne Test\nMayotte (1re circonscription) - RN\n\nTexte.\n"
    )
    record = parse_an_page(text, "x")
    assert (record.qtype, record.uid) == ("QG", "QANR5L17QG12")


def test_text_that_is_no_known_an_layout_is_refused() -> None:
    with pytest.raises(ImportFailure) as raised:
        parse_an_page("Bonjour,\nvoici la réponse du ministre.", "mail.txt")
    assert "non reconnue" in raised.value.reason


WORMS_TEXT = (
    "M. Jean-Pierre Worms attire l'attention de M. le ministre de l'intérieur "
    "sur le logement des instituteurs."
)


@pytest.mark.parametrize(
    "codes",
    [
        "SOC 7 FL Bourgogne N",  # the cells copied on one line
        "| SOC | 7 | FL | Bourgogne | N |",  # with the table's bars
        "SOC\t7\tFL\tBourgogne\tN",  # tab-separated, as a browser copies a row
    ],
)
def test_an_empty_answer_cell_with_layout_codes_is_no_answer(codes: str) -> None:
    page = real("7-15167QE.txt").replace("SOC\n7\nFL\nBourgogne\nN", codes)
    page = page.replace(
        "Texte de la QUESTION :",
        f"Question retirée le : 14/02/1983 (retrait)\nTexte de la QUESTION :\n{WORMS_TEXT}",
    )
    record = parse_an_page(page, "7-15167QE.txt")
    assert record.answer_text is None
    assert record.answered_on is None
    assert record.closing is not None and record.closing.kind is ClosingKind.WITHDRAWN
    assert record.question_text == WORMS_TEXT


def test_a_closing_line_after_the_text_cells_decides_the_status() -> None:
    page = real("7-15167QE.txt").replace(
        "SOC\n7\nFL\nBourgogne\nN", "SOC\t7\tFL\tBourgogne\tN\nQuestion retirée le : 14/02/1983"
    )
    record = parse_an_page(page, "7-15167QE.txt")
    assert record.answer_text is None
    assert record.closing is not None and record.closing.on == date(1983, 2, 14)


def test_a_short_real_answer_is_kept() -> None:
    page = real("7-15167QE.txt").replace("SOC\n7\nFL\nBourgogne\nN", "Réponse en cours.")
    assert parse_an_page(page, "7-15167QE.txt").answer_text == "Réponse en cours."


@pytest.mark.parametrize(
    "closure",
    [
        "Date de cloture : 2 février 2016\nFin de mandat",  # no accent
        "Date de clôture : 2 février 2016 Fin de mandat",  # one line
        "Date de clôture :\n2 février 2016\nFin de mandat",  # the date below the label
        "Date de cloture : 2 fevrier 2016 (Fin de mandat)",  # no accent anywhere
        "Date de clôture : 02/02/2016\n\nFin de mandat",
    ],
)
def test_dyn_closing_date_with_fin_de_mandat_is_lapsed(closure: str) -> None:
    page = real("QANR5L14QE46830.txt")
    page = page.replace("Question clôturée le 2 février 2016\nCause : Fin de mandat\n", "")
    page = page.replace("Date de clôture : 2 février 2016\nFin de mandat", closure)
    assert "Question clôturée" not in page and "retirée" not in page
    record = parse_an_page(page, "QANR5L14QE46830.txt")
    assert record.closing is not None
    assert record.closing.kind is ClosingKind.LAPSED
    assert record.closing.on == date(2016, 2, 2)
    assert "Fin de mandat" not in record.question_text
