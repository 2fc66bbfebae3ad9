"""CoverageService: cached per text version, filled in the background, gaps offered as Élusions."""

from __future__ import annotations

from pathlib import Path

import pytest

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.coverage import Addressed
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.storage.models import CoverageCache

PAGE = (
    "Question écrite n° 01234 - 17e législature\n"
    "Question de M. DUPONT Jean (Nord - Les Républicains) publiée le 02/02/2025 - page 100\n"
    "M. Jean Dupont attire l'attention de M. le ministre de l'intérieur sur la caserne de "
    "gendarmerie de Bailleul. Il lui demande s'il entend rénover la caserne de Bailleul et quel "
    "sera le montant des travaux. Il lui demande également comment seront relogés les gendarmes "
    "pendant le chantier.\n"
    "Réponse du Ministère de l'intérieur publiée le 03/04/2025 - page 200\n"
    "La rénovation de la caserne de gendarmerie de Bailleul sera engagée en 2026. Le montant des "
    "travaux est estimé à 4,2 millions d'euros.\n"
)


@pytest.fixture
def library(services: Services, tmp_path: Path) -> tuple[Services, str]:
    page = tmp_path / "q.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert services.importing.import_paths([page]).ok
    [row] = services.questions.rows(QuestionFilter(), Sort(), limit=5)
    return services, row.key


def test_computed_once_then_read_from_the_cache(library) -> None:
    services, key = library
    assert services.coverage.cached(key) is None
    assert services.coverage.pending() == 1
    coverage = services.coverage.compute(key)
    assert [d.addressed for d in coverage.demands][:2] == [Addressed.YES, Addressed.YES]
    assert coverage.demands[-1].addressed is Addressed.NO  # nothing on the gendarmes' housing
    assert services.coverage.cached(key) == coverage
    assert services.coverage.pending() == 0
    with services.database.read() as session:
        assert session.query(CoverageCache).count() == 1


def test_a_changed_answer_is_analysed_again(library, tmp_path: Path) -> None:
    services, key = library
    services.coverage.compute(key)
    page = tmp_path / "q.txt"
    page.write_text(
        PAGE.rstrip() + " Les gendarmes seront relogés dans des bâtiments modulaires.\n",
        encoding="utf-8",
    )
    assert services.importing.import_paths([page]).ok
    assert services.coverage.cached(key) is None  # new text version: the old result never shows
    assert services.coverage.fill() == 1
    assert services.coverage.cached(key).demands[-1].addressed is not Addressed.NO


def test_library_column_sort_and_incomplete_filter(library) -> None:
    services, key = library
    [row] = services.questions.rows(QuestionFilter(), Sort("coverage"), limit=5)
    assert row.coverage is None  # not analysed yet
    assert services.questions.count(QuestionFilter(incomplete_answers=True)) == 0
    services.coverage.fill()
    [row] = services.questions.rows(QuestionFilter(), Sort("coverage"), limit=5)
    assert row.coverage is not None and 0 < row.coverage < 1
    assert services.questions.count(QuestionFilter(incomplete_answers=True)) == 1
    [line] = services.coverage.lines()
    assert (line.key, line.demands) == (key, 3)
    [ministry] = services.coverage.share_by_ministry()
    assert (ministry.demands, ministry.answered) == (3, 2)
    [year] = services.coverage.share_by_year()
    assert year.label == "2025"


def test_an_unanswered_demand_is_offered_as_an_elusion(library) -> None:
    services, key = library
    coverage = services.coverage.compute(key)
    [gap] = services.coverage.elusions(key, coverage)
    record = services.coverage.accept_elusion(key, gap)
    assert record.part is Part.QUESTION and record.category == "elusion"
    assert record.selector.exact == gap.demand.text
    assert services.coverage.elusions(key, coverage) == []  # already highlighted


def test_a_dismissed_elusion_stays_dismissed(library) -> None:
    services, key = library
    coverage = services.coverage.compute(key)
    [gap] = services.coverage.elusions(key, coverage)
    assert services.coverage.dismiss_elusion(key, gap)
    assert services.coverage.elusions(key, coverage) == []
