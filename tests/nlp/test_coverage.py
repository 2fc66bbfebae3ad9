"""Coverage of a question by its answer, with the real French model (loaded once)."""

from __future__ import annotations

import time

from qe_desktop.domain.coverage import Addressed, coverage_from_payload, coverage_to_payload
from qe_desktop.nlp.alignment import judge
from qe_desktop.nlp.coverage import analyze_coverage

QUESTION = (
    "M. Roland Courteau expose à M. le ministre de la défense que la ville de Narbonne sera dotée "
    "d'une nouvelle caserne de gendarmerie. Il lui demande de lui fournir toutes précisions utiles "
    "sur l'état d'avancement des travaux et le montant global de l'investissement réalisé et la "
    "date précise du retour de l'escadron."
)
ANSWER = (
    "L'avancement du chantier de la caserne de Narbonne conduit à envisager la livraison du "
    "nouvel ensemble immobilier en septembre 1987. Ce casernement, d'un coût de 90,27 millions de "
    "francs, comprend les locaux et les logements de l'escadron. Il est prévu de recréer "
    "l'escadron de Narbonne le 15 septembre 1987."
)


def test_each_demand_gets_its_own_evidence_in_answer_order() -> None:
    coverage = analyze_coverage(QUESTION, ANSWER)
    assert len(coverage.demands) == 3
    for item in coverage.demands:
        assert QUESTION[item.demand.start : item.demand.end] == item.demand.text
        for evidence in item.evidence:
            assert ANSWER[evidence.start : evidence.end] == evidence.text
    amount = coverage.demands[1]
    assert amount.asks == "figure"
    assert any("90,27 millions" in e.text for e in amount.evidence)
    assert amount.addressed is Addressed.YES
    assert coverage.demands[2].asks == "date"
    assert coverage.demands[2].addressed is Addressed.YES


def test_no_answer_means_no_coverage() -> None:
    assert analyze_coverage(QUESTION, None).demands == ()
    assert analyze_coverage(QUESTION, "").share is None


def test_payload_round_trip() -> None:
    coverage = analyze_coverage(QUESTION, ANSWER)
    assert coverage_from_payload(coverage_to_payload(coverage)) == coverage


def test_a_date_asked_but_not_given_is_partly_answered() -> None:
    verdict, kind, reason = judge(
        "Elle lui demande à quelle date les décrets paraîtront.",
        ["Un groupe de travail chargé de la rédaction du décret sera mis en place."],
    )
    assert (verdict, kind, reason) == (Addressed.PARTLY, "date", "no-date")
    assert judge("Il lui demande quelles mesures il compte prendre.", [])[0] is Addressed.NO


def test_under_300_ms_per_question_once_the_model_is_loaded() -> None:
    analyze_coverage(QUESTION, ANSWER)  # the model is in memory from here on
    started = time.perf_counter()
    analyze_coverage(QUESTION + " ", ANSWER)
    assert time.perf_counter() - started < 0.3 * 3  # 300 ms target, slack for a busy machine
