"""Session 7: fewer evidence sentences per demand, and the verdict by kind of demand."""

from __future__ import annotations

from qe_desktop.domain.coverage import Addressed
from qe_desktop.nlp import evidence, verdict
from qe_desktop.nlp.demands import asked_kind
from qe_desktop.nlp.logistic import Logistic


def _model(**options: float) -> evidence.EvidenceModel:
    return evidence.EvidenceModel(Logistic((), (), (), (), 0.0), 0.2, 0.95, 0.2, **options)  # type: ignore[arg-type]


def test_a_relative_threshold_and_a_cap_keep_a_demand_s_likeliest_sentences() -> None:
    row = [[0.9, 0.6, 0.5, 0.3]]
    assert evidence.assign(row, _model()) == [[0, 1, 2, 3]]
    # Each kept sentence at least 0.6 times as likely as the best (0.54 here).
    assert evidence.assign(row, _model(relative=0.6)) == [[0, 1]]
    # At most two, in the answer's order.
    assert evidence.assign([[0.5, 0.9, 0.6, 0.3]], _model(top_k=2)) == [[1, 2]]


def test_a_neighbour_joins_only_when_it_goes_on_with_the_same_point() -> None:
    probabilities = [[0.9, 0.1, 0.25, 0.05]]
    model = evidence.EvidenceModel(Logistic((), (), (), (), 0.0), 0.6, 0.95, 0.2, near=0.2)
    # Sentence 1 is too weak; sentence 2 is not next to a cited one.
    assert evidence.assign(probabilities, model, None, [False, True, True, False]) == [[0]]
    going_on = [[0.9, 0.25, 0.1, 0.05]]
    assert evidence.assign(going_on, model, None, [False, True, False, False]) == [[0, 1]]
    # The same sentence opening another point ("Par ailleurs, …") stays out.
    assert evidence.assign(going_on, model, None, [False, False, False, False]) == [[0]]


def test_sentences_that_go_on_with_the_point_before_are_marked() -> None:
    rows = evidence.pair_features(
        [0.3, 0.3, 0.3],
        [[0.3, 0.3, 0.3]],
        [[0.0, 0.0, 0.0]],
        [
            "Seize sous-préfectures ne sont pas le siège d'un tribunal d'instance.",
            "Il s'agit de Gex, Castellane et Istres.",
            "Par ailleurs, la carte judiciaire sera revue.",
        ],
    )
    assert [v["continues"] for v in rows[0]] == [0.0, 1.0, 0.0]
    assert "continues" not in evidence.FEATURES  # read by the neighbour rule, not the regression


def _kind(demand: str) -> str:
    return verdict.demand_kind(demand, asked_kind(demand))


def test_the_kind_of_thing_asked() -> None:
    assert _kind("Il lui demande quelles mesures il compte prendre pour y remédier.") == "measures"
    assert _kind("Il souhaiterait connaître sa position sur ce projet.") == "opinion"
    assert _kind("Il lui demande selon quelles modalités ce transfert sera opéré.") == "how"
    assert _kind("Il lui demande s'il envisage de modifier ce régime.") == "yesno"
    # A comma after "si" still opens a yes/no question.
    assert _kind("Il lui demande si, a contrario, la commune peut refuser.") == "yesno"
    assert _kind("Il lui demande de bien vouloir faire le point sur ce dossier.") == "other"


def _by_kind(demand: str, *evidence_text: str) -> Addressed:
    kind = asked_kind(demand)
    item = verdict.VerdictInput(demand=demand, kind=kind, evidence=evidence_text)
    return verdict.by_kind(verdict.demand_kind(demand, kind), verdict.features(item))


def test_a_study_alone_is_partial_a_study_beside_an_act_answers_a_yes_no() -> None:
    asked = "Il lui demande s'il envisage de revaloriser cette indemnité."
    assert _by_kind(asked, "Une réflexion est engagée sur ce sujet.") is Addressed.PARTLY
    acted = "Une réflexion est engagée ; l'indemnité sera revalorisée de 5 % au 1er janvier."
    assert _by_kind(asked, acted) is Addressed.YES
    refused = "Il n'est pas envisagé de revaloriser cette indemnité."
    assert _by_kind(asked, refused) is Addressed.YES


def test_measures_or_a_position_asked_need_an_act_a_procedure_its_legal_route() -> None:
    measures = "Il lui demande quelles mesures il compte prendre pour y remédier."
    assert _by_kind(measures, "Le Gouvernement est attentif à cette situation.") is Addressed.PARTLY
    assert _by_kind(measures, "Un fonds de 3 millions d'euros a été créé.") is Addressed.YES
    how = "Il lui demande selon quelles modalités ce transfert peut être opéré."
    route = (
        "Conformément à l'article L. 5211-17 du code général des collectivités territoriales, "
        "le transfert est décidé par délibérations concordantes."
    )
    assert _by_kind(how, route) is Addressed.YES


def test_an_opening_that_restates_the_question_or_only_quotes_the_law_is_left_out() -> None:
    texts = [
        "L'honorable parlementaire a souhaité être informé sur la publication de ces décrets.",
        "Le décret sera publié au Journal officiel en juin.",
    ]
    rows = evidence.pair_features([0.4, 0.4], [[0.5, 0.5]], [[0.0, 0.0]], texts)
    assert evidence.opening(rows) == [1, 0]
    legal = [
        "L'article L. 2122-35 du code général des collectivités territoriales dispose que "
        "l'honorariat est conféré par le préfet.",
        "Ainsi, la commune ne peut pas le refuser.",
    ]
    rows = evidence.pair_features([0.4, 0.4], [[0.5, 0.5]], [[0.0, 0.0]], legal)
    assert evidence.opening(rows) == [2, 0]
    both = [[0.9, 0.8]]
    off = _model()
    assert evidence.assign(both, off, None, None, [2, 0]) == [[0, 1]]
    restating_only = evidence.EvidenceModel(
        Logistic((), (), (), (), 0.0), 0.2, 0.95, 0.2, opening=1
    )
    assert evidence.assign(both, restating_only, None, None, [2, 0]) == [[0, 1]]
    assert evidence.assign(both, restating_only, None, None, [1, 0]) == [[1]]
    with_law = evidence.EvidenceModel(Logistic((), (), (), (), 0.0), 0.2, 0.95, 0.2, opening=2)
    assert evidence.assign(both, with_law, None, None, [2, 0]) == [[1]]
