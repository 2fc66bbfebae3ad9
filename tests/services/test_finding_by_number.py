"""Finding a question by the number a user was given, and numbers sorted as numbers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import update

from qe_desktop.domain.number_search import number_reference
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.importers.senat_page import parse_senat_page
from qe_desktop.services.container import Services
from qe_desktop.storage.models import Question

PAGES = Path(__file__).resolve().parents[1] / "data" / "new_user"


@pytest.fixture
def library(services: Services) -> Services:
    report = services.importing.import_paths([PAGES])
    assert report.failed == 0 and report.imported == 4
    return services


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("02580", "senat-qSEQ241202580"),
        ("2580", "senat-qSEQ241202580"),
        ("S 02580", "senat-qSEQ241202580"),
        ("n° 2580", "senat-qSEQ241202580"),
        ("qSEQ241202580", "senat-qSEQ241202580"),
        ("5537", "QANR5L9QE5537"),
        ("QE 5537", "QANR5L9QE5537"),
        ("N°5537", "QANR5L9QE5537"),
        ("QANR5L14QE46830", "QANR5L14QE46830"),
        ("AN 46830", "QANR5L14QE46830"),
    ],
)
def test_a_number_goes_straight_to_its_question(library: Services, typed: str, key: str) -> None:
    rows = library.questions.rows(QuestionFilter(text=typed), Sort("rank"))
    assert [row.key for row in rows] == [key]
    assert library.questions.count(QuestionFilter(text=typed)) == 1
    assert library.questions.search(typed)[0].key == key  # `qe-desktop search` too


def test_a_number_of_the_other_chamber_finds_nothing_by_number(library: Services) -> None:
    assert library.questions.keys_by_number("AN 02580") == []
    assert library.questions.keys_by_number("S 5537") == []


def test_words_are_no_number_reference() -> None:
    for text in ("intérieur", "loi 2025 finances", "QE", "", "n°"):
        assert number_reference(text) is None
    ref = number_reference("QANR5L16QE1234")
    assert ref is not None and (ref.chamber, ref.legislature) == ("an", 16)
    assert "01234" in ref.numbers and "1234" in ref.numbers


def test_numbers_sort_as_numbers(library: Services) -> None:
    rows = library.questions.rows(QuestionFilter(), Sort("number", descending=False))
    numbers = [int(row.number or 0) for row in rows]
    assert numbers == sorted(numbers)  # 2580 (as 02580), 5537, 13855, 46830
    key = "QANR5L9QE5537"
    assert library.questions.position(QuestionFilter(), Sort("number", False), key) == 1


def test_a_reimport_gives_old_senat_questions_their_title(library: Services) -> None:
    key = "senat-qSEQ141113855"
    page = PAGES / "qSEQ141113855.txt"
    untitled = replace(parse_senat_page(page.read_text(encoding="utf-8"), page.name), title=None)
    with library.database.write() as session:  # as imported before titles were derived
        session.execute(
            update(Question)
            .where(Question.key == key)
            .values(title=None, content_hash=untitled.content_hash)
        )
    library.importing.import_paths([PAGES / "qSEQ141113855.txt"])
    title = library.questions.detail(key).record.title
    assert title == "Droit local de la chasse applicable en Moselle"


def test_tags_sort_without_regard_to_capitals_or_accents(library: Services) -> None:
    from qe_desktop.domain.annotation import Part, sorted_tags

    assert sorted_tags(["relance", "Vivatech", "IA", "élus", "Budget"]) == (
        "Budget",
        "élus",
        "IA",
        "relance",
        "Vivatech",
    )
    key = "senat-qSEQ141113855"
    created = library.annotations.create(
        key, Part.QUESTION, 0, 10, "chiffre", tags=("Vivatech", "relance", "IA", "élus")
    )
    stored = next(a for a in library.questions.detail(key).annotations if a.id == created.id)
    assert stored.tags == ("élus", "IA", "relance", "Vivatech")
    assert library.questions.tags() == ["élus", "IA", "relance", "Vivatech"]
    assert library.annotations.tags() == ["élus", "IA", "relance", "Vivatech"]
