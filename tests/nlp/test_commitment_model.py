"""The French commitment model on a small regression set (spaCy loaded once per session).

Accuracy on the labelled corpus is measured by `make eval` (tools/eval_commitments.py),
not asserted here; these sentences pin behaviour the issue asks for.
"""

from __future__ import annotations

from datetime import date

import pytest

from qe_desktop.domain import commitments as rules
from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.nlp import pipeline
from qe_desktop.nlp.commitments import model, model_suggestions, suggest_commitments
from qe_desktop.services.commitments import CommitmentService
from qe_desktop.services.container import Services
from qe_desktop.services.suggestion_cache import SuggestionCache

pytestmark = pytest.mark.real_model

SEED_KEY = "senat-20250130-fabien-genet-p246"


@pytest.fixture(scope="session", autouse=True)
def _loaded() -> None:
    pipeline.french()


def test_the_weights_file_names_known_features_a_commit_model_and_a_kind_model() -> None:
    weights = model()
    assert weights.classes == ("none", "commit")
    width = len(weights.features) + len(weights.vocabulary)
    assert len(weights.coef) == 2 and all(len(r) == width for r in weights.coef)
    assert len(weights.idf) == len(weights.vocabulary)
    assert len(weights.kind_coef) == len(weights.features)
    probabilities = weights.probabilities({"hedge": 1.0, "future": 1.0})
    assert set(probabilities) == {"none", "firm", "soft"}
    assert sum(probabilities.values()) == pytest.approx(1.0)


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


def _due(sentence: str, answered_on: date | None = date(2026, 12, 1)) -> date | None:
    from qe_desktop.nlp.commitment_features import sentence_features

    [doc] = pipeline.parse([sentence])
    found = sentence_features(max(doc.sents, key=len), answered_on, sentence).due
    return found.due if found else None


def test_the_date_of_someone_elses_relative_clause_is_not_the_due_date() -> None:
    # the deputies examine the bill "in a few days"; the minister's act has no date
    assert (
        _due(
            "Nous nous y emploierons avec le projet de loi que vous allez examiner "
            "dans quelques jours."
        )
        is None
    )
    assert _due("Nous présenterons le plan que les associations signeront en janvier 2027.") is None
    assert _due(
        "Nous présenterons le plan en juin 2027, que les associations signeront en janvier 2027."
    ) == date(2027, 6, 30)
    # a passive relative clause without agent is the administration's own act
    assert _due("Le décret, qui sera publié en juin 2027, précisera les modalités.") == date(
        2027, 6, 30
    )
    # and the undertaking itself may sit in the relative clause
    assert _due("Les crédits, qui seront reconduits en 2027, ont augmenté en 2025.") == date(
        2027, 12, 31
    )


def test_events_schedules_and_later_steps_of_the_procedure() -> None:
    event = _features("Le 5 juin prochain aura lieu la restitution des travaux.", None)
    assert (event["event"], event["stative"]) == (1.0, 0.0)
    assert _features("Un débat se tiendra au printemps.", None)["event"] == 1.0
    assert _features("Le coût sera élevé.", None)["event"] == 0.0
    scheduled = _features(
        "Le projet de décret prévoit, à compter du 1er janvier 2027, une revalorisation.",
        date(2026, 12, 1),
    )
    assert scheduled["scheduled_dated"] == 1.0
    second = _features("Le Gouvernement demandera une seconde délibération sur l'amendement.", None)
    assert (second["procedure"], second["amendment"]) == (0.0, 1.0)
    assert _features("À défaut, l'avis sera défavorable.", None)["procedure"] == 1.0
    assert _features("Je m'engage aussi en ce sens.", None)["present"] == 0.0


def test_bound_to_an_act_and_nothing_forward() -> None:
    bound = _features("Le Gouvernement s'est engagé à maintenir les deux lignes existantes.", None)
    assert (bound["bound_to"], bound["no_forward"]) == (1.0, 0.0)
    past = _features("Dans un premier temps, cette mesure concernait les commandes d'avril.", None)
    assert (past["bound_to"], past["no_forward"]) == (0.0, 1.0)
    assert _features("Nous publierons le décret.", None)["no_forward"] == 0.0


def test_a_horizon_in_a_relative_clause_of_time_stays_the_deadline() -> None:
    # "qui viennent" qualifies the weeks: the horizon is the deadline, not someone's act
    assert _due("Le plan vous sera présenté dans les semaines qui viennent.") is not None
    assert (
        _due(
            "Nous étudierons les conclusions de la commission d'enquête du Sénat, dont le "
            "rapport sera remis le 25 mai 2027."
        )
        is None
    )


def _whole(sentence: str, answered_on: date | None = None) -> dict[str, float]:
    from qe_desktop.nlp.commitment_features import sentence_features

    [doc] = pipeline.parse([sentence], whole=True)
    return sentence_features(doc[:], answered_on, sentence).values


def test_a_sentence_is_parsed_whole_so_the_promise_after_a_semicolon_is_read() -> None:
    sentence = (
        "Un certain nombre de personnes les attendaient manifestement dès le mois "
        "d'octobre, ce que je peux comprendre ; nous allons accélérer."
    )
    [doc] = pipeline.parse([sentence], whole=True)
    assert len(list(doc.sents)) == 1
    assert _whole(sentence)["near_future"] == 1.0
    [found] = suggest_commitments(f"Je vous remercie. {sentence}", None)
    assert found.sentence == sentence


def test_avis_is_procedure_only_as_the_opinion_given_in_the_vote() -> None:
    assert _whole("Même avis, pour les mêmes raisons.")["procedure"] == 1.0
    assert _whole("J'émets un avis favorable.")["procedure"] == 1.0
    taken = _whole("L'arrêté sera pris lorsqu'elles auront donné leur avis.")
    assert taken["procedure"] == 0.0


def test_a_modal_future_yields_to_the_act_beside_it() -> None:
    values = _whole("Nous pourrons alors faire un diagnostic, puis nous créerons un comité.")
    assert (values["possibility"], values["future"]) == (0.0, 1.0)
    assert _whole("Ensuite, nous pourrons prendre des décisions.")["possibility"] == 1.0


def test_spoken_talk_the_vote_the_speech_and_generic_resolve() -> None:
    assert _whole("Néanmoins, nous soutiendrons son amendement.")["vote"] == 1.0
    assert _whole("Nous soutiendrons les communes.")["vote"] == 0.0
    assert _whole("Je reviendrai sur les sous-consommations.")["speech_topic"] == 1.0
    assert _whole("Je reviendrai vers vous avec des propositions.")["speech_topic"] == 0.0
    vague = _whole("Nous continuerons ce travail avec vous.")
    assert (vague["vague_act"], vague["government_action"]) == (1.0, 0.0)
    assert _whole("Nous continuerons ce travail jusqu'en juin 2027.")["vague_act"] == 0.0
    assert _whole("Nous ne baisserons pas les dotations.")["government_action"] == 0.0
    assert _whole("Nous publierons le décret.")["government_action"] == 1.0


def test_short_and_spoken_futures_pass_the_cheap_filter() -> None:
    from qe_desktop.nlp.commitment_features import is_candidate

    assert is_candidate("Il y aura une plateforme unique.")
    assert is_candidate("Je vais repasser le message auprès du ministère.")
    assert is_candidate("J'entame dès demain une concertation.")
    assert not is_candidate("Je vous remercie de votre question.")


def test_a_promise_under_a_condition_is_not_the_speakers_plain_act() -> None:
    values = _whole("Sinon, l'État dira aux préfets ce qu'ils doivent faire.")
    assert (values["if_clause"], values["government_action"]) == (1.0, 0.0)
    assert _whole("Si vous le souhaitez, je serai chaque fois au rendez-vous.")["if_clause"] == 1.0
    assert _whole("L'inspection nous dira si la réforme a atteint ses buts.")["if_clause"] == 0.0
    assert _whole("Nous nous engageons dans les énergies renouvelables.")["pledge"] == 0.0
    assert _whole("Nous nous engageons à publier le décret.")["pledge"] == 1.0


def test_one_line_makes_the_rules_the_default_finder_with_their_own_cache_version(
    monkeypatch: pytest.MonkeyPatch, sample_services: Services
) -> None:
    # DECISION_s8.md may ship the rules: `FINDER = "rules"` is the whole switch
    from qe_desktop.nlp import commitments

    model_version = commitments.model_version()
    monkeypatch.setattr(commitments, "FINDER", "rules")
    assert commitments.model_version() == commitments.RULES_VERSION != model_version
    text = "Le décret sera publié d'ici juin 2025. Le décret a été publié."
    [found] = suggest_commitments(text, date(2024, 11, 2))
    assert (found.due, found.precision) == (date(2025, 6, 30), DatePrecision.MONTH)
    assert found.explanation.startswith("règles : ")
    today = date(2026, 11, 29)
    service = CommitmentService(
        sample_services.database,
        sample_services.annotations,
        sample_services.current_user,
        today=lambda: today,
        cache=SuggestionCache(sample_services.database),
    )
    assert any("présenteront d'ici juin 2025" in s.sentence for s in service.suggestions(SEED_KEY))


def test_a_forecast_or_an_opinion_is_no_plain_act() -> None:
    # "je pense que …", "gageons que …", "sans doute": what will happen, not who will do it
    for sentence in (
        "Je pense que beaucoup des problèmes que vous évoquez y seront traités.",
        "Ils seront sans doute réparés d'ici à ce soir.",
        "Vous demandez si la capacité d'intervention sera renforcée.",
    ):
        values = _features(sentence, date(2024, 3, 1))
        assert values["belief"] == 1.0, sentence
        assert values["action_future"] == values["government_action"] == 0.0, sentence
    values = _features("Le Gouvernement publiera le décret avant l'été.", date(2024, 3, 1))
    assert values["belief"] == 0.0
    assert values["action_future"] == 1.0


def test_the_tooltip_names_the_rules_score_the_weights_blend_in() -> None:
    text = "Le décret d'application sera publié d'ici juin 2025."
    [found] = model_suggestions(text, date(2024, 3, 1))
    score = rules.assess_sentence(found.sentence, date(2024, 3, 1)).score
    assert model().rules_blend > 0 and score > 0
    assert f"règles : {score:.2f}" in found.explanation
    assert found.explanation.startswith("futur passif")
