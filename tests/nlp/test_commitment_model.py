"""The French commitment model on a small regression set (spaCy loaded once per session).

Accuracy on the labelled corpus is measured by `make eval` (tools/eval_commitments.py),
not asserted here; these sentences pin behaviour the issue asks for.
"""

from __future__ import annotations

from datetime import date

import pytest

from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.nlp import pipeline
from qe_desktop.nlp.commitments import model, suggest_commitments
from qe_desktop.services.commitments import CommitmentService
from qe_desktop.services.container import Services
from qe_desktop.services.suggestion_cache import SuggestionCache

pytestmark = pytest.mark.real_model

SEED_KEY = "senat-20250130-fabien-genet-p246"


@pytest.fixture(scope="session", autouse=True)
def _loaded() -> None:
    pipeline.french()


def test_the_weights_file_names_known_features_and_three_classes() -> None:
    weights = model()
    assert weights.classes == ("none", "firm", "soft")
    assert len(weights.coef) == 3 and all(len(r) == len(weights.features) for r in weights.coef)


def test_a_passive_future_with_a_deadline_is_a_firm_commitment_explained() -> None:
    text = (
        "Le Gouvernement a engagé une concertation. Le projet de décret sera soumis au "
        "Conseil d'État à l'automne 2008."
    )
    [found] = suggest_commitments(text, date(2008, 3, 4))
    assert found.sentence.startswith("Le projet de décret")
    assert (found.due, found.precision) == (date(2008, 12, 20), DatePrecision.SEASON)
    assert found.kind == "firm"
    assert "futur passif" in found.explanation
    assert "échéance : à l'automne 2008" in found.explanation


def test_description_of_the_law_is_not_suggested() -> None:
    text = (
        "L'honorariat est conféré par le préfet aux anciens maires qui ont exercé des "
        "fonctions municipales pendant au moins dix-huit ans. Rien ne s'oppose toutefois à "
        "ce qu'ils continuent d'exercer celles de conseiller municipal."
    )
    assert suggest_commitments(text, date(2022, 12, 8)) == []


def test_a_hedged_forecast_is_soft() -> None:
    text = "Les nouveaux textes devraient être publiés dans les prochaines semaines."
    [found] = suggest_commitments(text, date(2008, 2, 21))
    assert found.kind == "soft"
    assert found.due == date(2008, 4, 21)


def test_the_seed_june_2025_roadmaps_are_suggested_due_and_overdue(
    sample_services: Services,
) -> None:
    today = date(2026, 11, 29)
    service = CommitmentService(
        sample_services.database,
        sample_services.annotations,
        sample_services.current_user,
        today=lambda: today,
        cache=SuggestionCache(sample_services.database),
    )
    [suggestion] = [
        s for s in service.suggestions(SEED_KEY) if "présenteront d'ici juin 2025" in s.sentence
    ]
    assert (suggestion.due, suggestion.precision) == (date(2025, 6, 30), DatePrecision.MONTH)
    assert suggestion.explanation
    service.accept(SEED_KEY, suggestion)
    [row] = [r for r in service.list() if r.is_overdue]
    assert row.days_overdue == (today - date(2025, 6, 30)).days
