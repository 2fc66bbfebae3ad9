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
    assert tuple(data["evidence"]["names"]) == evidence.FEATURES
    assert tuple(data["verdict"]["names"]) == verdict.MODEL_FEATURES
    assert evidence.evidence_model() is not None and verdict.verdict_model() is not None


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
