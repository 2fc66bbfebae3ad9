"""Demand splitting and verdict rules on short real-looking cases (no model needed).

Each case is a pattern the first version got wrong on the dev corpus: an inverted formula
("Aussi lui demande-t-il"), asks chained by "; pour que… ; et pour…" or "enfin,", a
refusal read as a hedge, "trop tôt pour établir un bilan" read as an answer.
"""

from __future__ import annotations

from qe_desktop.domain.coverage import Addressed
from qe_desktop.nlp.alignment import judge
from qe_desktop.nlp.demands import asked_kind, find_demands


def _texts(question: str) -> list[str]:
    return [span.text for span in find_demands(question)]


def test_inverted_formula_is_a_demand_and_not_a_yes_no() -> None:
    question = (
        "M. Vidal attire l'attention de M. le ministre sur la situation des rapatriés. "
        "Aussi lui demande-t-il quelle est sa position sur cette question et s'il est "
        "favorable à l'organisation d'un débat parlementaire."
    )
    assert _texts(question) == [
        "lui demande-t-il quelle est sa position sur cette question",
        "et s'il est favorable à l'organisation d'un débat parlementaire.",
    ]
    assert asked_kind(_texts(question)[0]) == "open"


def test_passive_formula_and_request_to_confirm() -> None:
    assert _texts(
        "M. X appelle l'attention sur la fièvre aphteuse. Il lui est demandé de "
        "bien vouloir indiquer les mesures envisagées."
    ) == ["Il lui est demandé de bien vouloir indiquer les mesures envisagées."]
    assert _texts(
        "M. X attire l'attention sur les écoles. Il lui demande en particulier de "
        "confirmer cette décision de non-fermeture."
    ) == ["Il lui demande en particulier de confirmer cette décision de non-fermeture."]


def test_asks_chained_by_semicolons_and_enfin_are_split() -> None:
    question = (
        "M. X attire l'attention sur le rail. Il lui demande quelles mesures le Gouvernement "
        "compte prendre pour assurer une liaison correcte entre Chalons et Verdun ; pour que "
        "le TGV-Est ne nuise pas au réseau ; et pour maintenir le service public du rail."
    )
    assert len(find_demands(question)) == 3
    question = (
        "M. X rappelle le plan d'urgence. Il lui demande de bien vouloir lui communiquer, "
        "d'une part le montant des besoins par académie ; d'autre part, l'affectation des "
        "crédits par académie ; enfin, quelles positions ont adoptées les régions."
    )
    assert len(find_demands(question)) == 3


def test_a_recall_sentence_stands_for_a_question_without_formula() -> None:
    question = (
        "M. Voilquin attire l'attention de M. le ministre sur la nécessité de ne pas laisser "
        "vendre la maison de Maurice Barrès. Il s'agit là d'une mesure de sauvegarde."
    )
    assert _texts(question)[0].startswith("M. Voilquin attire l'attention")


def test_a_refusal_answers_and_too_early_does_not() -> None:
    refusal = judge(
        "il lui demande s'il envisage également d'assurer aux départements cette dotation.",
        ["Aucune aide du même type n'est actuellement envisagée pour les départements."],
    )
    assert refusal[0] is Addressed.YES
    early = judge(
        "Le Gouvernement peut-il dresser un bilan complet, région par région ?",
        [
            "La circulaire du 4 juin 1999 est parue au Journal officiel du 23 juin 1999.",
            "A l'heure actuelle, il est trop tôt pour établir un bilan de cette opération.",
        ],
    )
    assert early[:1] == (Addressed.PARTLY,) and early[2] == "undecided"


def test_an_excerpt_cut_inside_the_evidence_is_not_an_answer_to_a_position() -> None:
    verdict, _, _ = judge(
        "Il lui demande en consequence quelle est sa position a l'egard de ce probleme.",
        [
            "Le Conseil superieur de l'audiovisuel a decide de retirer son autorisation en "
            "s'appuyant sur de multiples cons"
        ],
        cut=True,
    )
    assert verdict is Addressed.PARTLY
