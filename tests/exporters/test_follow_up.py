"""Follow-up question drafts: who asks, whom, which question and answer, what is asked."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from qe_desktop.domain.annotation import (
    AnnotationRecord,
    CommitmentRecord,
    CommitmentStatus,
    DatePrecision,
    Part,
    Selector,
)
from qe_desktop.domain.question import Author, Chamber, QuestionRecord
from qe_desktop.exporters.follow_up import (
    addressee,
    display_name,
    due_phrase,
    follow_up_text,
    minister_of,
)

TODAY = date(2026, 11, 29)
ANSWER = "Le décret sera publié au premier semestre 2027. Il sera accompagné d'une circulaire."
SENAT = QuestionRecord(
    chamber=Chamber.SENAT,
    question_text=(
        "M. Fabien GENET attire l'attention de M. le ministre de l'intérieur sur les maires."
    ),
    legislature=17,
    number="03038",
    author=Author("Fabien GENET", "M."),
    published_on=date(2025, 1, 30),
    question_page="246",
    answer_ministry="Ministère de l'intérieur",
    answered_on=date(2025, 4, 17),
    answer_page="1912",
    answer_text=ANSWER,
)
AN = QuestionRecord(
    chamber=Chamber.AN,
    question_text="Mme Anne Dupont interroge Mme la ministre de la culture au sujet des musées.",
    legislature=17,
    number="1234",
    author=Author("Anne Dupont", "Mme"),
    ministry_asked="Culture",
    published_on=date(2025, 2, 4),
    question_page="710",
    answered_on=date(2025, 5, 6),
    answer_page="3301",
    answer_text=ANSWER,
)
NOW = datetime(2025, 5, 1, tzinfo=UTC)


def _commitment(
    quote: str = "Le décret sera publié au premier semestre 2027",
    due: date | None = date(2027, 6, 30),
    precision: DatePrecision = DatePrecision.SEMESTER,
    status: CommitmentStatus = CommitmentStatus.TO_CHECK,
) -> AnnotationRecord:
    start = ANSWER.index(quote)
    return AnnotationRecord(
        id="x",
        question_key="k",
        part=Part.ANSWER,
        selector=Selector.from_span(ANSWER, start, start + len(quote)),
        category="engagement",
        text_hash="h",
        creator="c",
        created=NOW,
        modified=NOW,
        commitment=CommitmentRecord(due_date=due, precision=precision, status=status),
    )


def test_a_numbered_senat_question_is_cited_with_number_date_and_page() -> None:
    text = follow_up_text(SENAT, _commitment(), TODAY)
    assert text.startswith(
        "M. Fabien Genet rappelle à M. le ministre de l'intérieur les termes de sa question "
        "écrite n° 03038 publiée au Journal officiel du Sénat du 30/01/2025 (p. 246), et la "
        "réponse publiée le 17/04/2025 (p. 1912), dans laquelle le Gouvernement indiquait : "
        "« Le décret sera publié au premier semestre 2027 »."
    )
    assert text.endswith(
        "Il lui demande de bien vouloir lui indiquer l'état d'avancement de la mise en œuvre de "
        "cet engagement, annoncé pour le premier semestre 2027, et de lui confirmer que ce "
        "calendrier sera respecté."
    )


def test_a_question_without_number_is_cited_by_its_publication() -> None:
    text = follow_up_text(dataclasses.replace(SENAT, number=None), _commitment(), TODAY)
    assert (
        "les termes de sa question écrite publiée au Journal officiel du Sénat du 30/01/2025"
        in (text)
    )
    assert "n°" not in text


def test_an_assemblee_question_by_a_deputee() -> None:
    text = follow_up_text(AN, _commitment(), TODAY)
    assert text.startswith("Mme Anne Dupont rappelle à Mme la ministre de la culture les termes")
    assert (
        "n° 1234 publiée au Journal officiel de l'Assemblée nationale du 04/02/2025 (p. 710)"
        in (text)
    )
    assert " Elle lui demande de bien vouloir" in text


def test_an_overdue_commitment_asks_whether_it_was_kept() -> None:
    late = _commitment(due=date(2025, 6, 30), precision=DatePrecision.MONTH)
    text = follow_up_text(SENAT, late, TODAY)
    assert "si cet engagement, dont l'échéance était annoncée pour juin 2025, a bien été tenu" in (
        text
    )
    assert "raisons de ce retard" in text


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (CommitmentStatus.BROKEN, "les raisons pour lesquelles cet engagement"),
        (CommitmentStatus.ABANDONED, "n'a pas été tenu"),
        (CommitmentStatus.PARTLY_KEPT, "qui n'a été que partiellement tenu, sera pleinement"),
        (CommitmentStatus.KEPT, "le bilan de la mise en œuvre de cet engagement"),
    ],
)
def test_the_request_follows_the_status(status: CommitmentStatus, expected: str) -> None:
    assert expected in follow_up_text(SENAT, _commitment(status=status), TODAY)


def test_a_quote_inside_a_sentence_is_introduced_by_que() -> None:
    quote = "sera publié au premier semestre 2027"
    assert "indiquait que « sera publié" in follow_up_text(SENAT, _commitment(quote), TODAY)
    quote = "Il sera accompagné d'une circulaire."
    text = follow_up_text(SENAT, _commitment(quote, due=None), TODAY)
    assert "indiquait : « Il sera accompagné d'une circulaire »." in text
    assert "l'état d'avancement de cet engagement et le calendrier retenu" in text


def test_names_in_capitals_are_written_normally() -> None:
    assert display_name("Jean Louis MASSON") == "Jean Louis Masson"
    assert display_name("Marc Le Fur") == "Marc Le Fur"
    assert display_name("Nicolas DUPONT-AIGNAN") == "Nicolas Dupont-Aignan"


def test_the_minister_comes_from_the_question_text_else_from_the_ministry() -> None:
    genet = dataclasses.replace(
        SENAT,
        question_text=(
            "M. Fabien GENET attire l'attention de Mme la ministre déléguée auprès du ministre "
            "de l'économie, chargée du numérique au sujet de l'IA."
        ),
    )
    assert addressee(genet) == (
        "Mme la ministre déléguée auprès du ministre de l'économie, chargée du numérique"
    )
    silent = dataclasses.replace(SENAT, question_text="Question sans formule d'adresse.")
    assert addressee(silent) == "M. le ministre de l'intérieur"
    assert minister_of("Secrétariat d'État aux Relations avec le Parlement") == (
        "M. le secrétaire d'État aux Relations avec le Parlement"
    )
    assert minister_of("Premier ministre") == "M. le Premier ministre"
    assert minister_of("Intérieur") == "M. le ministre (Intérieur)"


def test_due_phrases_at_each_precision() -> None:
    assert due_phrase(date(2025, 7, 1), DatePrecision.DAY) == "le 1er juillet 2025"
    assert due_phrase(date(2025, 6, 30), DatePrecision.MONTH) == "juin 2025"
    assert due_phrase(date(2026, 9, 30), DatePrecision.QUARTER) == "le troisième trimestre 2026"
    assert due_phrase(date(2026, 12, 31), DatePrecision.SEMESTER) == "le second semestre 2026"
    assert due_phrase(date(2026, 3, 20), DatePrecision.SEASON) == "l'hiver 2025"
    assert due_phrase(date(2026, 9, 22), DatePrecision.SEASON) == "l'été 2026"
    assert due_phrase(date(2030, 12, 31), DatePrecision.YEAR) == "2030"
    assert due_phrase(date(2025, 9, 1), DatePrecision.VAGUE) is None
