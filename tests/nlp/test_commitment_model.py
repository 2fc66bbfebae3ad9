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
    width = len(weights.features) + len(weights.vocabulary)
    assert len(weights.coef) == 3 and all(len(r) == width for r in weights.coef)
    assert weights.vocabulary and len(weights.idf) == len(weights.vocabulary)


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


def _features(sentence: str, answered_on: date | None) -> dict[str, float]:
    from qe_desktop.nlp.commitment_features import sentence_features

    [doc] = pipeline.parse([sentence])
    return sentence_features(max(doc.sents, key=len), answered_on, sentence).values


def test_a_horizon_without_an_answer_date_is_vague_not_an_event() -> None:
    # most debate statements have no publication date: the horizon is still a horizon
    values = _features("Cette discussion aura lieu dans les jours qui viennent.", None)
    assert (values["deadline_vague"], values["deadline_event"]) == (1.0, 0.0)
    values = _features("Le décret sera pris le moment venu.", None)
    assert (values["deadline_vague"], values["deadline_event"]) == (0.0, 1.0)


def test_the_que_clause_of_a_cleft_sentence_is_its_main_clause() -> None:
    values = _features("C'est donc après le 25 mai que nous prendrons notre décision.", None)
    assert values["future"] == 1.0
    assert values["relative"] == 0.0
    assert values["action_future"] == 1.0


def test_a_plain_future_act_whoever_does_it_but_not_a_rule() -> None:
    assert _features("La Première ministre y assistera.", None)["action_future"] == 1.0
    assert _features("Des dispositions seront prises.", None)["action_future"] == 1.0
    rule = _features("Les professionnels seront soumis à l'obligation de formation.", None)
    assert rule["action_future"] == 0.0


def test_a_future_of_the_speaker_in_a_relative_clause_is_his_own() -> None:
    # the main clause is about the measure; the undertaking sits in the relative clause
    sentence = "Cette disposition, que je proposerai en deuxième lecture, renforcera le contrôle."
    assert _features(sentence, None)["own_future"] == 1.0
    assert _features("Les opérateurs publieront leurs tarifs.", None)["own_future"] == 0.0
    assert _features("Nous pourrons alors en parler.", None)["own_future"] == 0.0


def test_the_clause_words_are_the_grammar_words_of_the_carrying_clause() -> None:
    from qe_desktop.nlp.commitment_features import sentence_features

    [doc] = pipeline.parse(["Nous allons publier le décret avant l'été."])
    words = sentence_features(doc[:], None).words
    assert {"nous", "aller", "publier", "avant"} <= set(words)
    assert "décret" not in words and "été" not in words  # nouns say what, not how
