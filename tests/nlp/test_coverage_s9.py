"""Session 9: the verdict says "répondue" unless a general fact of the guide says otherwise."""

from __future__ import annotations

from qe_desktop.domain.coverage import Addressed
from qe_desktop.nlp import verdict
from qe_desktop.nlp.alignment import judge
from qe_desktop.nlp.demands import asked_kind


def _guide9(demand: str, *evidence_text: str, cut: bool = False) -> Addressed:
    kind = asked_kind(demand)
    item = verdict.VerdictInput(demand=demand, kind=kind, evidence=evidence_text, cut=cut)
    return verdict.by_guide9(verdict.demand_kind(demand, kind), verdict.features(item))


def test_the_shipped_method_is_session_9s_list() -> None:
    assert verdict.verdict_method() == "guide9"


def test_an_answer_that_treats_the_subject_without_an_act_is_answered() -> None:
    # Session 8's list asked every open demand for a decision, a future or a thing done: this
    # explanation, the thing asked, was "partiellement".
    asked = "Il lui demande de lui préciser la situation des jardiniers au regard de la taxe."
    treated = (
        "Les jardins familiaux relèvent du régime des terrains d'agrément.",
        "Leurs occupants acquittent la taxe foncière dans les conditions du droit commun.",
    )
    assert _guide9(asked, *treated) is Addressed.YES


def test_measures_asked_and_only_the_current_rule_restated_is_partial() -> None:
    asked = "Il lui demande quelles mesures il entend prendre pour aider ces familles."
    rule = "Les familles concernées perçoivent l'allocation dans les conditions du droit commun."
    assert _guide9(asked, rule) is Addressed.PARTLY
    decided = "Le Gouvernement a décidé de porter cette allocation à 500 euros."
    assert _guide9(asked, rule, decided) is Addressed.YES


def test_a_date_asked_and_none_given_a_study_or_a_cut_excerpt_are_partial() -> None:
    when = "Il lui demande dans quels délais le décret sera publié."
    assert _guide9(when, "Le décret est en préparation.") is Addressed.PARTLY
    assert _guide9(when, "Le décret sera publié en mars 2027.") is Addressed.YES
    asked = "Il lui demande s'il envisage de modifier ce régime."
    assert (
        _guide9(asked, "Cette question fait l'objet d'une réflexion engagée.") is Addressed.PARTLY
    )
    assert _guide9(asked, "Le régime actuel prévoit que les communes") is Addressed.YES
    assert _guide9(asked, "Le régime actuel prévoit que les communes", cut=True) is Addressed.PARTLY


def test_a_refusal_answers_even_beside_a_study() -> None:
    asked = "Il lui demande s'il envisage de modifier ce régime."
    refused = (
        "Une réflexion est engagée sur ces régimes.",
        "Il n'est donc pas envisagé de modifier le régime des jardins familiaux.",
    )
    assert _guide9(asked, *refused) is Addressed.YES
    # Through the app's entry point, with no evidence: "sans réponse" first.
    assert judge(asked, [])[0] is Addressed.NO
    assert judge(asked, list(refused))[0] is Addressed.YES
