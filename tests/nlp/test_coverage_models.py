"""The coverage evidence and verdict models: committed weights, competition for sentences."""

from __future__ import annotations

import json

from qe_desktop.domain.coverage import Addressed
from qe_desktop.nlp import evidence, verdict
from qe_desktop.nlp.alignment import judge
from qe_desktop.nlp.logistic import WEIGHTS, Logistic


def _model(threshold: float, also: float, floor: float) -> evidence.EvidenceModel:
    return evidence.EvidenceModel(Logistic((), (), (), (), 0.0), threshold, also, floor)


def test_committed_weights_name_the_features_the_code_computes() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert tuple(data["evidence"]["names"]) in evidence.CANDIDATE_FEATURES.values()
    assert evidence.evidence_model() is not None
    # The regression over the declared cues is written either way; "method" says what runs.
    assert tuple(data["verdict"]["names"]) in verdict.CANDIDATE_FEATURES.values()
    if data["verdict"]["method"] == "model":
        assert verdict.verdict_model() is not None
    else:
        assert data["verdict"]["method"] in ("guide9", "kinds8", "kinds", "rules")
        assert verdict.verdict_model() is None
    assert verdict.verdict_method() == data["verdict"]["method"]


def test_a_sentence_goes_to_its_most_likely_demand_only() -> None:
    # Sentence 0 serves demand 0, sentence 1 demand 1; the old selector gave both to both.
    chosen = evidence.assign([[0.8, 0.4], [0.5, 0.7]], _model(0.3, 0.9, 0.0))
    assert chosen == [[0], [1]]


def test_a_sure_sentence_serves_two_demands_and_a_weak_demand_gets_nothing() -> None:
    chosen = evidence.assign([[0.95, 0.2], [0.92, 0.1], [0.05, 0.05]], _model(0.3, 0.9, 0.1))
    assert chosen == [[0], [0], []]
    assert judge("Il lui demande s'il envisage de la réformer.", [])[0] is Addressed.NO


def test_framing_and_first_sentences_weigh_against_citing() -> None:
    model = evidence.evidence_model()
    assert model is not None
    rows = evidence.pair_features(
        [0.4, 0.4],
        [[0.3, 0.3]],
        [[0.0, 0.0]],
        [
            "La question posée par l'honorable parlementaire appelle les observations suivantes.",
            "Le Gouvernement a décidé de porter cette aide à 500 euros dès le 1er janvier.",
        ],
    )
    assert rows[0][0]["framing"] == 1.0 and rows[0][0]["first"] == 1.0
    p_framing, p_content = (model.logistic.probability(v) for v in rows[0])
    assert p_framing < p_content


def test_the_verdict_model_reads_a_refusal_as_an_answer_and_a_study_as_partial() -> None:
    refusal = judge(
        "Il lui demande s'il envisage de modifier ce régime.",
        ["Il n'est pas envisagé de modifier ce régime, qui a fait ses preuves."],
    )
    study = judge(
        "Il lui demande quelles mesures il compte prendre.",
        ["Une réflexion est engagée ; il est trop tôt pour en préjuger les conclusions."],
    )
    assert refusal[0] is Addressed.YES
    assert study[0] is Addressed.PARTLY


def test_a_neighbour_of_a_cited_sentence_joins_it_above_near() -> None:
    # Sentence 1 continues sentence 0 ("Il s'agit de Gex, Castellane…"); sentence 3 is too weak.
    model = evidence.EvidenceModel(Logistic((), (), (), (), 0.0), 0.6, 0.9, 0.2, near=0.3)
    assert evidence.assign([[0.9, 0.35, 0.1, 0.25]], model) == [[0, 1]]
    off = evidence.EvidenceModel(Logistic((), (), (), (), 0.0), 0.6, 0.9, 0.2)
    assert evidence.assign([[0.9, 0.35, 0.1, 0.25]], off) == [[0]]


def test_not_needed_and_not_on_the_agenda_are_refusals_and_settle_a_yes_no() -> None:
    # Session 6: refusals the dev errors showed the list missed.
    for sentence in (
        "La situation ne nécessite pas à ce stade de revenir à la vaccination systématique.",
        "La dissolution de ces brigades n'est pas, pour l'heure, à l'ordre du jour.",
        "L'octroi de prestations à ces familles est peu envisageable dans la situation actuelle.",
    ):
        item = verdict.VerdictInput("s'il envisage de la rétablir", "yesno", (sentence,))
        values = verdict.features(item)
        assert values["refusal"] == 1.0 and values["settled"] == 1.0, sentence


def test_an_act_settles_and_a_study_does_not() -> None:
    act = verdict.VerdictInput("quelles mesures", "open", ("Un fonds a été créé en 1991.",))
    study = verdict.VerdictInput("quelles mesures", "open", ("Un projet est à l'étude.",))
    assert verdict.features(act)["settled"] == 1.0
    assert verdict.features(study)["settled"] == 0.0


def test_a_demand_left_alone_keeps_only_a_sentence_it_shares_something_with() -> None:
    # Demand 2 (the gendarmes' housing) shares no word with sentence 1 (the works' cost), which
    # serves demand 1: it stays "sans réponse" (an Élusion) instead of borrowing it.
    probabilities = [[0.9, 0.1], [0.1, 0.9], [0.05, 0.3]]
    model = _model(0.3, 0.95, 0.2)
    assert evidence.assign(probabilities, model)[2] == [1]
    links = [[True, True], [True, True], [True, False]]
    assert evidence.assign(probabilities, model, links) == [[0], [1], []]
    rows = [[{"specific": 0.0}, {"specific": 0.0}], [{"specific": 0.2}, {"specific": 0.0}]]
    assert evidence.linked(rows) == [[True, True], [True, False]]
