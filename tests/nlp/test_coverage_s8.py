"""Session 8: a demand's evidence as one passage, and whether the precise thing asked is given."""

from __future__ import annotations

from qe_desktop.domain.coverage import Addressed
from qe_desktop.nlp import evidence, verdict
from qe_desktop.nlp.demands import asked_kind
from qe_desktop.nlp.logistic import Logistic


def _model(passage: int) -> evidence.EvidenceModel:
    return evidence.EvidenceModel(Logistic((), (), (), (), 0.0), 0.2, 0.95, 0.2, passage=passage)


def test_the_passage_rule_keeps_the_run_around_the_likeliest_sentence() -> None:
    row = [[0.9, 0.1, 0.6, 0.1, 0.1, 0.7]]
    assert evidence.assign(row, _model(0)) == [[0, 2, 5]]
    # Sentence 5 is three sentences after the run 0-2 that holds the best one: another point.
    assert evidence.assign(row, _model(2)) == [[0, 2]]
    assert evidence.assign(row, _model(3)) == [[0, 2, 5]]


def test_history_definitions_and_quoted_rules_are_marked() -> None:
    texts = [
        "Ce dispositif a été créé par la loi du 3 janvier 1985.",
        "On entend par zone rurale une commune de moins de 2 000 habitants.",
        "L'article 12 du décret dispose que le maire est compétent.",
        "Le taux sera porté à 5 % au 1er janvier.",
    ]
    rows = evidence.pair_features([0.3] * 4, [[0.3] * 4], [[0.0] * 4], texts)
    assert [v["history"] for v in rows[0]] == [1.0, 0.0, 0.0, 0.0]
    assert [v["definition"] for v in rows[0]] == [0.0, 1.0, 0.0, 0.0]
    assert [v["quotes_rule"] for v in rows[0]] == [0.0, 0.0, 1.0, 0.0]
    assert set(evidence.FEATURES8) - set(evidence.FEATURES) == {
        "history",
        "definition",
        "quotes_rule",
    }


def _kinds8(demand: str, *evidence_text: str, cut: bool = False) -> Addressed:
    kind = asked_kind(demand)
    item = verdict.VerdictInput(demand=demand, kind=kind, evidence=evidence_text, cut=cut)
    return verdict.by_kind8(verdict.demand_kind(demand, kind), verdict.features(item))


def test_a_yes_no_given_or_refused_answers_even_beside_a_study_or_a_cut() -> None:
    asked = "Il lui demande si une commune peut se dispenser d'installer deux séries de panneaux."
    allowed = "Il est loisible au maire de n'installer qu'une série de panneaux lorsque"
    assert _kinds8(asked, allowed, cut=True) is Addressed.YES
    derogation = "Il lui demande s'il ne serait pas possible de déroger à cette règle."
    refused = (
        "En l'état actuel des textes, il n'est donc pas possible d'y déroger. "
        "Le Gouvernement n'est cependant pas opposé à engager une réflexion."
    )
    assert _kinds8(derogation, refused) is Addressed.YES
    # Session 7's list read the study as hedging the refusal.
    item = verdict.VerdictInput(demand=derogation, kind="yesno", evidence=(refused,))
    assert verdict.by_kind("yesno", verdict.features(item)) is Addressed.PARTLY


def test_a_study_with_nothing_settled_is_partial_even_beside_a_future() -> None:
    asked = "Il lui demande s'il ne conviendrait pas d'étendre cette déduction aux associations."
    study = (
        "Une réforme des conditions de déduction des dons est actuellement à l'étude. "
        "La suggestion de l'honorable parlementaire fera l'objet d'un examen attentif."
    )
    assert _kinds8(asked, study) is Addressed.PARTLY
    decided = "La déduction sera étendue aux associations d'intérêt général au 1er janvier."
    assert _kinds8(asked, decided) is Addressed.YES
    # A date asked is judged as before: none given is partial.
    when = "Il lui demande dans quels délais ce décret sera publié."
    assert _kinds8(when, "Le décret est en cours d'élaboration.") is Addressed.PARTLY
