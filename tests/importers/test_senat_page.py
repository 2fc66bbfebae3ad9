"""The Sénat page text parser: the reference page, identity, conventions, odd copies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qe_desktop.domain.question import Chamber, ClosingKind, question_key
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.senat_page import parse_senat_page

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
REAL = DATA / "pages" / "real"
SEED = (REAL / "seed" / "genet-2025-ia-services-publics.txt").read_text(encoding="utf-8")
MIN_ECO = "Ministère de l'économie, des finances et de la souveraineté industrielle et numérique"


def real(folder: str, name: str) -> str:
    return (REAL / folder / name).read_text(encoding="utf-8")


def test_reference_page_gives_every_field_the_brief_asks_for() -> None:
    record = parse_senat_page(SEED, "genet-2025-ia-services-publics.txt")
    assert record.chamber is Chamber.SENAT
    assert record.author.name == "Fabien GENET"
    assert record.author.civility == "M."
    assert record.author.constituency == "Saône-et-Loire"
    assert record.author.group == "Les Républicains-R"
    assert record.published_on == date(2025, 1, 30)
    assert record.question_page == "246"
    assert record.ministry_assigned == MIN_ECO
    assert record.answer_ministry == MIN_ECO
    assert record.answered_on == date(2025, 4, 17)
    assert record.answer_page == "1912"
    assert record.answer_text is not None
    assert record.answer_text.startswith("Le Gouvernement est pleinement engagé")
    assert "l'ensemble des ministères présenteront d'ici juin 2025" in record.answer_text
    assert (record.number, record.legislature, record.uid, record.url) == (None, None, None, None)
    assert record.source == "genet-2025-ia-services-publics.txt"


def test_reference_page_texts_leave_out_page_furniture() -> None:
    record = parse_senat_page(SEED, "seed.txt")
    for text in (record.question_text, record.answer_text or ""):
        assert "- page" not in text
        assert "Page mise à jour" not in text
        assert "Transmise au" not in text
    assert record.question_text.endswith("dans sa mise en oeuvre.")


def test_a_question_copied_before_and_after_its_answer_keeps_one_key() -> None:
    """A number-less question is recognised by author, date and JO page on re-import."""
    before_answer = SEED.split("Transmise au")[0]
    first = parse_senat_page(before_answer, "presse-papiers")
    second = parse_senat_page(SEED, "genet.txt")
    assert first.answer_text is None and second.answer_text is not None
    assert first.key == second.key == "senat-20250130-fabien-genet-p246"


def test_page_id_in_the_file_name_gives_number_and_official_url() -> None:
    record = parse_senat_page(real("senat", "qSEQ020802065.txt"), "C:\\Pages\\qSEQ020802065.txt")
    assert record.uid == "qSEQ020802065"
    assert record.number == "02065"
    assert record.url == "https://www.senat.fr/questions/base/2002/qSEQ020802065.html"
    assert record.legislature is None  # never guessed from the date


@pytest.mark.parametrize(
    ("url", "uid"),
    [
        ("http://www2.senat.fr/questions/base/2013/qSEQ131109488.html", "qSEQ131109488"),
        ("https://senat.fr./questions/base/2022/qSEQ220226749.html", "qSEQ220226749"),
        (
            "https://conferenceconsensuslogement.senat.fr/questions/base/2012/qSEQ120801570.html",
            "qSEQ120801570",
        ),
    ],
)
def test_host_variants_of_the_page_url_give_the_canonical_address(url: str, uid: str) -> None:
    record = parse_senat_page(url + "\n" + SEED, "presse-papiers")
    assert record.uid == uid
    assert record.url == f"https://www.senat.fr/questions/base/20{uid[4:6]}/{uid}.html"


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("M. GENET Fabien (Saône-et-Loire - Les Républicains-R)", "Fabien GENET"),
        ("M. du LUART Roland (Sarthe - U.R.E.I.)", "Roland du LUART"),
        ("M. LE JEUNE Edouard (Finistère - UC)", "Edouard LE JEUNE"),
        ("M. MASSON Jean Louis (Moselle - NI)", "Jean Louis MASSON"),
        ("M. VIGOUROUX Robert-Paul (Bouches-du-Rhône - SOC)", "Robert-Paul VIGOUROUX"),
        ("M.DUPONT Jean (Ain - UC)", "Jean DUPONT"),
    ],
)
def test_author_names_put_given_names_first(header: str, name: str) -> None:
    text = f"Question de {header} publiée le 02/02/2017\nTexte.\n- page 1\n"
    assert parse_senat_page(text, "x").author.name == name


def test_group_with_a_dash_in_its_name_stays_whole() -> None:
    text = (
        "Question de M. DURAND Paul (Français établis hors de France - Les Indépendants - "
        "République et Territoires) publiée le 02/02/2023\nTexte.\n- page 9\n"
    )
    author = parse_senat_page(text, "x").author
    assert author.constituency == "Français établis hors de France"
    assert author.group == "Les Indépendants - République et Territoires"


@pytest.mark.parametrize("marker", ["Réponse. - ", "Réponse. -", "Réponse.- ", "Réponse. — "])
def test_old_answer_marker_is_dropped_but_the_text_kept(marker: str) -> None:
    text = (
        "Question de M. MARTIN Paul (Ain - UC) publiée le 02/02/1989\nTexte.\n- page 1\n"
        "Réponse du ministère : Intérieur publiée le 02/03/1989\n"
        f"{marker}L'étude se poursuit.\n- page 2\n"
    )
    record = parse_senat_page(text, "x")
    assert record.answer_text == "L'étude se poursuit."
    assert record.answer_ministry == "Intérieur"


def test_recalled_number_is_read_from_a_question_de_rappel() -> None:
    record = parse_senat_page(real("senat", "qSEQ221003557.txt"), "qSEQ221003557.txt")
    assert record.recalls == "01751"
    assert parse_senat_page(real("senat", "qSEQ210723812.txt"), "q.txt").recalls is None


@pytest.mark.parametrize("number", ["n°1751", "nº 1751", "no 1751", "n° 01751"])
def test_recalled_number_is_read_whatever_the_number_sign(number: str) -> None:
    text = (
        "Question de M. MARTIN Paul (Ain - UC) publiée le 02/02/1995\n"
        f"M. Paul Martin rappelle à M. le ministre les termes de sa question {number} "
        "posée le 01/10/1994.\n- page 1\n"
    )
    assert parse_senat_page(text, "x").recalls == "01751"


def test_withdrawn_recall_points_to_the_recalled_question() -> None:
    record = parse_senat_page(real("senat", "qSEQ201018049.txt"), "qSEQ201018049.txt")
    assert record.closing is not None
    assert record.closing.kind is ClosingKind.WITHDRAWN
    assert record.recalls == "16698"
    assert record.answer_text is None


def test_end_of_mandate_withdrawal_is_withdrawn_as_the_page_says() -> None:
    record = parse_senat_page(real("senat", "qSEQ230104688.txt"), "q.txt")
    assert record.closing is not None
    assert record.closing.kind is ClosingKind.WITHDRAWN
    assert "fin de mandat" in record.closing.label


def test_question_text_not_in_digital_form_gives_an_empty_text() -> None:
    record = parse_senat_page(real("senat", "qSEQ800433743.txt"), "qSEQ800433743.txt")
    assert record.question_text == ""
    assert record.answer_text is None
    assert record.answered_on == date(1980, 7, 16)
    assert (
        record.answer_note == "Le texte de cette réponse n'est pas disponible en format numérique."
    )


def test_truncated_footer_is_not_taken_for_text() -> None:
    record = parse_senat_page(real("senat", "qSEQ930400063.txt"), "q.txt")
    assert record.answer_text is not None
    assert record.answer_text.endswith("départementale et communale.")
    assert record.question_text.startswith("M. Louis Souvet")  # the leading "- " is dropped


def test_pasted_text_with_leading_junk_and_no_blank_lines_still_parses() -> None:
    text = "Copié depuis le site :\n\n" + real("senat", "qSEQ870204419.txt")
    record = parse_senat_page(text, "presse-papiers")
    assert record.author.name == "Jean MADELAIN"
    assert record.title is not None and record.title.startswith("Nécessité de développer")
    assert "Copié" not in record.title  # a line ending with ":" is no title
    assert record.answer_page == "453"


def test_a_line_above_the_header_is_the_title() -> None:
    text = "Intelligence artificielle dans les services publics\n\n" + SEED
    record = parse_senat_page(text, "presse-papiers")
    assert record.title == "Intelligence artificielle dans les services publics"


def test_a_reference_to_a_jo_page_inside_the_question_is_kept() -> None:
    text = (
        "Question de M. MARTIN Paul (Ain - UC) publiée le 02/02/2021\n"
        "Sa question publiée au JO Sénat du 12/03/2020 - page 1234 est restée sans réponse.\n"
        "- page 88\n"
    )
    record = parse_senat_page(text, "x")
    assert record.question_page == "88"
    assert "- page 1234 est restée" in record.question_text


def test_answer_header_split_over_two_lines_is_one_header() -> None:
    text = (
        "Question écrite n° 00123 de Mme Anne Petit (Ain - UC)\n\n"
        "publiée dans le JO Sénat du 04/01/2024 - page 12\n\nTexte.\n\n"
        "Réponse du Ministère de la culture\n\n"
        "publiée dans le JO Sénat du 07/03/2024 - page 800\n\nLa réponse.\n"
    )
    record = parse_senat_page(text, "x")
    assert (record.number, record.question_page, record.answer_page) == ("00123", "12", "800")
    assert record.answer_ministry == "Ministère de la culture"
    assert record.answer_text == "La réponse."
    assert record.author.name == "Anne Petit"


@pytest.mark.parametrize(
    "text",
    [
        "Réponse du Ministère de l'intérieur publiée le 17/10/2002\nLe bilinguisme…",
        "M. Fabien GENET attire l'attention de Mme la ministre…",
        "Question de M. GENET Fabien publiée le 30/01/2025",  # no (département - groupe)
    ],
)
def test_text_without_a_question_header_is_refused_in_french(text: str) -> None:
    with pytest.raises(ImportFailure) as raised:
        parse_senat_page(text, "collage.txt")
    assert raised.value.source == "collage.txt"
    assert "impossible d'identifier la question" in raised.value.reason


def test_impossible_dates_are_left_empty_rather_than_invented() -> None:
    text = "Question de M. MARTIN Paul (Ain - UC) publiée le 31/02/2021\nTexte.\n- page 8\n"
    assert parse_senat_page(text, "x").published_on is None


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("qSEQ141113855.txt", "Droit local de la chasse applicable en Moselle"),
        ("qSEQ260107244.txt", "Transfert des licences IV"),  # "au sujet du…"
        ("qSEQ100915268.txt", "Conditions d'attribution de la médaille d'honneur régionale, "
         "départementale et communale"),  # "concernant…"
        ("qSEQ221003557.txt", "Honorariat des maires"),  # a recall quotes the title
        ("qSEQ131109488.txt", "Certaines communes aménagent des lieux prestigieux distincts de "
         "l'hôtel de ville pour…"),  # "expose … le fait que…"
    ],
)  # fmt: skip
def test_a_page_without_title_gets_one_from_its_subject_never_the_salutation(
    name: str, title: str
) -> None:
    record = parse_senat_page(real("senat", name), name)
    assert record.title == title
    assert not record.title.startswith(("M. ", "Mme "))


def test_the_page_title_wins_over_the_subject_clause() -> None:
    record = parse_senat_page(real("senat", "qSEQ190912357.txt"), "qSEQ190912357.txt")
    assert record.title == (
        "Absence de ministre ou de secrétaire d'État chargé des anciens combattants"
    )


def test_no_subject_clause_gives_no_title_rather_than_the_salutation() -> None:
    from qe_desktop.importers.senat_title import derived_title

    text = "M. Jean Grandon a constaté avec une grande satisfaction le dévouement des militaires."
    assert derived_title(text) is None
    assert derived_title(text, "Défense") == "Défense"


def _numbered_page(number: str) -> str:
    return (
        f"Question écrite n° {number} - 17e législature\n"
        "Titre de la question\n"
        "Question de Mme PETIT Anne (Rhône - NI) publiée le 10/11/2017\n\n"
        "Mme Anne Petit attire l'attention de M. le ministre sur la question posée.\n"
    )


def test_a_six_digit_number_is_read_whole_not_cut_to_five() -> None:
    """Cut to five digits, q 101941 took the key of q 10194 and replaced its text."""
    long_one = parse_senat_page(_numbered_page("101941"), "q17-101941.txt")
    short_one = parse_senat_page(_numbered_page("10194"), "q17-010194.txt")
    assert long_one.number == "101941"
    assert short_one.number == "10194"
    assert question_key(long_one) != question_key(short_one)


def test_glued_markers_are_found_as_without_the_first_letter_test() -> None:
    """Each marker starts with one of the letters tested first: the pattern splits every
    page (real ones, each marker glued to a word) where the pattern without it does."""
    import re
    from pathlib import Path

    from qe_desktop.importers import senat_page

    pattern = senat_page._GLUED_MARKER.pattern
    assert pattern.startswith("(?=[CELPQRTV])")
    plain = re.compile(pattern.removeprefix("(?=[CELPQRTV])"))
    markers = [
        "Question de Mme X", "Question écrite n° 1", "Transmise au ministre",
        "Réponse du ministère", "Réponse de la ministre",
        "Réponse des services", "Réponse apportée", "Page mise à jour",
        "La question est caduque", "La question a été retirée", "Cette question de rappel",
        "En attente de réponse", "Le texte de cette", "Voir la réponse", "Erratum",
    ]  # fmt: skip
    glued = "".join(f"mot{marker} " for marker in markers)
    pages = [glued] + [
        path.read_text(encoding="utf-8", errors="replace")
        for path in (Path(__file__).parents[1] / "data/importers").rglob("*")
        if path.is_file() and path.suffix in (".txt", ".html", ".htm", "")
    ]
    assert senat_page._GLUED_MARKER.sub("\n", glued).count("\n") == len(markers)
    for page in pages:
        assert senat_page._GLUED_MARKER.sub("\n", page) == plain.sub("\n", page)
