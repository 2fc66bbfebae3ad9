"""Demand extraction: request sentences only, split where one sentence asks several things."""

from __future__ import annotations

from qe_desktop.nlp.demands import asked_kind, find_demands

CONTEXT = "M. Jean Dupont attire l'attention de M. le ministre de l'intérieur sur les casernes. "


def texts(question: str) -> list[str]:
    return [d.text for d in find_demands(question)]


def test_context_is_not_a_demand_and_spans_index_the_text() -> None:
    question = CONTEXT + "Il lui demande quelles mesures il entend prendre."
    [demand] = find_demands(question)
    assert demand.text == "Il lui demande quelles mesures il entend prendre."
    assert question[demand.start : demand.end] == demand.text


def test_one_sentence_asking_a_date_too_gives_two_demands() -> None:
    question = CONTEXT + "Il lui demande s'il compte rouvrir la caserne et dans quels délais."
    assert texts(question) == [
        "Il lui demande s'il compte rouvrir la caserne",
        "et dans quels délais.",
    ]


def test_named_author_and_ainsi_que() -> None:
    question = (
        "Dans ces conditions, il demande à M. le ministre s'il est en mesure de préciser la date "
        "d'implantation de l'I.U.T. ainsi que les filières retenues."
    )
    found = texts(question)
    assert len(found) == 2
    assert found[1] == "ainsi que les filières retenues."


def test_named_subject_inside_the_sentence() -> None:
    question = (
        CONTEXT + "Aussi, M. le Sénateur appelle le Gouvernement à clarifier ses intentions sur le "
        "sujet et à assurer aux citoyens la bonne prise en compte des retombées."
    )
    found = texts(question)
    assert found[0].startswith("M. le Sénateur appelle le Gouvernement à clarifier")
    assert found[1].startswith("et à assurer aux citoyens")


def test_third_parties_wishes_are_context() -> None:
    question = CONTEXT + "Ils souhaitent vivement une concertation. Il lui demande son avis."
    assert texts(question) == ["Il lui demande son avis."]


def test_entre_x_et_y_is_one_demand() -> None:
    question = CONTEXT + (
        "Il souhaiterait savoir quel est le ratio entre le nombre de questions sans réponse et le "
        "nombre de députés."
    )
    assert len(find_demands(question)) == 1


def test_without_a_request_formula_the_proposal_stands_for_the_demand() -> None:
    question = CONTEXT + "Il serait préférable de les regrouper. Cela ferait des économies."
    assert texts(question) == ["Il serait préférable de les regrouper."]


def test_direct_question() -> None:
    question = CONTEXT + "Le Gouvernement compte-t-il prendre des mesures d'aide ?"
    assert texts(question) == ["Le Gouvernement compte-t-il prendre des mesures d'aide ?"]


def test_what_a_demand_asks_for() -> None:
    assert asked_kind("Elle lui demande à quelle date les décrets paraîtront.") == "date"
    assert asked_kind("et le montant global de l'investissement") == "figure"
    assert asked_kind("il lui indique les raisons d'une telle carence.") == "reasons"
    assert asked_kind("Il lui demande s'il envisage de le faire.") == "yesno"
    assert asked_kind("Il lui demande quelles mesures il entend prendre.") == "open"
