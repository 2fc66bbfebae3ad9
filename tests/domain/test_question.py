"""Official page addresses, derived from a question's number when the file gave none."""

from __future__ import annotations

from datetime import date

from qe_desktop.domain.question import Chamber, QuestionRecord, official_url, question_uri


def test_a_numbered_senat_question_gets_its_senat_page() -> None:
    record = QuestionRecord(
        chamber=Chamber.SENAT, question_text="x", number="3038", published_on=date(2025, 1, 30)
    )
    assert official_url(record) == "https://www.senat.fr/questions/base/2025/qSEQ250103038.html"


def test_an_an_question_gets_its_dyn_page() -> None:
    record = QuestionRecord(chamber=Chamber.AN, question_text="x", legislature=17, number="1234")
    assert official_url(record) == (
        "https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE1234"
    )


def test_the_files_url_wins_and_the_urn_stays_for_the_unknown() -> None:
    given = QuestionRecord(chamber=Chamber.AN, question_text="x", url="https://example.org/q")
    assert official_url(given) == "https://example.org/q"
    unnumbered = QuestionRecord(
        chamber=Chamber.SENAT, question_text="x", published_on=date(2025, 1, 30)
    )
    assert official_url(unnumbered) is None
    assert question_uri("k", official_url(unnumbered)) == "urn:qe:k"
    oral = QuestionRecord(
        chamber=Chamber.SENAT, question_text="x", qtype="QOSD", number="1",
        published_on=date(2025, 1, 30),
    )  # fmt: skip
    assert official_url(oral) is None
