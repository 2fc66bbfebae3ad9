"""A crafted library whose figures and duplicate answers are known in advance.

Texts are drawn from a fixed vocabulary with a seeded generator, so every run builds
the same library. Clusters of answers:
- "copy": 4 answers with exactly the same text;
- "edited": 3 answers, the same text with a few words changed and a sentence added;
- "opening": 2 answers with the same body but their own opening paragraph;
- 14 unrelated answers, two of which open with the same 40-word paragraph
  (alike on the surface, not the same answer).
Two questions are the same template tabled by two MPs (near-identical questions).

Figures (ministries, dates) are in `EXPECTED`; the questions are old enough that
every unanswered one is overdue whatever day the tests run, except `PENDING_KEY`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from qe_desktop.domain.question import Author, Chamber, Closing, ClosingKind, QuestionRecord
from qe_desktop.services.container import Services
from qe_desktop.storage.questions import upsert_question

SANTE = "Ministère de la santé"
INTERIEUR = "Ministère de l'intérieur"
CULTURE = "Ministère de la culture"
# The Analyses and `stats` group ministries by portfolio (resources/portfolios.tsv).
PORTFOLIO = {SANTE: "Santé et solidarités", INTERIEUR: "Intérieur", CULTURE: "Culture"}


def _words(text: str) -> list[str]:
    return text.split()


_VOCABULARY = _words(
    "accès soins hôpital médecin territoire rural département commune école enseignant élève "
    "retraite pension agriculteur exploitation récolte eau assainissement réseau ferroviaire "
    "gare train ligne route sécurité police gendarmerie brigade effectifs budget crédits "
    "dotation financement collectivité région emploi formation apprentissage entreprise "
    "artisan commerce centre-ville logement loyer bailleur énergie électricité chauffage "
    "carburant prix inflation pouvoir achat famille enfant handicap accompagnement aidant "
    "numérique fibre couverture mobile antenne culture patrimoine musée bibliothèque "
    "spectacle association bénévole sport équipement piscine gymnase forêt incendie "
    "sécheresse inondation prévention risque climat biodiversité pollinisateur pesticide "
    "contrôle inspection rapport évaluation dispositif réforme décret arrêté circulaire "
    "concertation calendrier expérimentation généralisation plan stratégie programme"
)
_GLUE = _words("le la les des du de un une et pour dans sur avec par au aux est sont a ont")
HEALTH = _words(
    "hôpital médecin soins urgences infirmier pharmacie désert médical patient consultation "
    "généraliste maternité"
)
TRAINS = _words("gare train ligne ferroviaire voyageurs horaires quai billet TER correspondance")


def _text(rng: random.Random, words: int, vocabulary: list[str] = _VOCABULARY) -> str:
    out = []
    for i in range(words):
        out.append(rng.choice(vocabulary) if i % 3 else rng.choice(_GLUE))
    sentences = [" ".join(out[i : i + 18]).capitalize() + "." for i in range(0, len(out), 18)]
    return " ".join(sentences)


def _edit(rng: random.Random, text: str, changes: int) -> str:
    words = text.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = rng.choice(_VOCABULARY)
    return " ".join(words)


@dataclass(frozen=True)
class Planned:
    key: str
    ministry: str
    published_on: date
    answered_on: date | None
    answer: str | None
    question: str
    rubrique: str = ""
    closing: ClosingKind | None = None


def _plan() -> list[Planned]:
    rng = random.Random(20260101)
    copy = _text(rng, 160)
    edited = _text(rng, 200)
    body = _text(rng, 220)
    boiler = _text(rng, 40)
    plans: list[Planned] = []
    n = 0

    def add(
        ministry: str, published: date, delay: int | None, answer: str | None, **kw: object
    ) -> str:
        nonlocal n
        n += 1
        key = f"QANR5L17QE{n}"
        answered = published + timedelta(days=delay) if delay is not None else None
        question = str(kw.pop("question", "")) or _text(rng, 60)
        plans.append(
            Planned(key, ministry, published, answered, answer, question, **kw)  # type: ignore[arg-type]
        )
        return key

    # Santé: delays 30, 50, 70, 100, 200 (median 70); 2 answered within two months.
    for day, delay in ((10, 30), (11, 50), (12, 70), (13, 100), (14, 200)):
        add(
            SANTE,
            date(2024, 1, day),
            delay,
            copy,
            rubrique="santé",
            question=_text(rng, 60, HEALTH),
        )
    # Intérieur: delays 10 and 400 (median 205), 2 overdue, 1 withdrawn.
    add(INTERIEUR, date(2024, 2, 1), 10, _edit(rng, edited, 3) + " Une phrase ajoutée ici.")
    add(INTERIEUR, date(2024, 2, 2), 400, _edit(rng, edited, 4))
    add(INTERIEUR, date(2024, 2, 3), None, None)
    add(INTERIEUR, date(2024, 2, 4), None, None)
    add(INTERIEUR, date(2024, 2, 5), None, None, closing=ClosingKind.WITHDRAWN)
    # Culture: one answer after 61 days (on time: the deadline is 2 months = 60 days here).
    add(CULTURE, date(2024, 3, 1), 60, edited)
    for i in range(2):
        opening = _text(rng, 35)
        add(CULTURE, date(2024, 3, 2 + i), 90, opening + "\n" + body)
    for i in range(12):
        topic = HEALTH if i == 0 else TRAINS if i in (1, 2, 3) else _VOCABULARY
        question = _text(rng, 60, topic)
        add(CULTURE, date(2024, 4, 1 + i), 45, _text(rng, 150 + 10 * i), question=question)
    for i in range(2):
        add(CULTURE, date(2024, 4, 20 + i), 45, boiler + " " + _text(rng, 150))
    template = _text(rng, 80)
    add(CULTURE, date(2024, 4, 25), None, None, question="M. Un député. " + template)
    add(CULTURE, date(2024, 4, 26), None, None, question="Mme Une députée. " + template)
    return plans


PLAN = _plan()
KEYS = [p.key for p in PLAN]
COPY = KEYS[0:5]  # Santé's five answers share the same text (the "copy" cluster + 1)
EDITED = [KEYS[5], KEYS[6], KEYS[10]]
OPENING = KEYS[11:13]
TEMPLATE_QUESTIONS = KEYS[-2:]
BOILERPLATE = KEYS[25:27]
HEALTH_IN_CULTURE = KEYS[13]  # a health question asked to the culture ministry
HEALTH_QUESTIONS = KEYS[0:5]
TRAIN_QUESTIONS = KEYS[14:17]
TRUE_CLUSTERS = [COPY, EDITED, OPENING]
PENDING_KEY = "QANR5L17QE9999"


def _record(plan: Planned) -> QuestionRecord:
    return QuestionRecord(
        chamber=Chamber.AN,
        uid=plan.key,
        legislature=17,
        number=plan.key.removeprefix("QANR5L17QE"),
        question_text=plan.question,
        title=plan.question[:40],
        rubrique=plan.rubrique or None,
        author=Author(name="Député Test", group="GRP"),
        ministry_asked=plan.ministry,
        published_on=plan.published_on,
        answered_on=plan.answered_on,
        answer_ministry=plan.ministry if plan.answer else None,
        answer_text=plan.answer,
        closing=Closing(plan.closing, "Retirée", plan.published_on) if plan.closing else None,
    )


def build(services: Services) -> None:
    """Store the crafted questions, plus one still inside its deadline."""
    recent = date.today() - timedelta(days=5)
    pending = QuestionRecord(
        chamber=Chamber.AN,
        uid=PENDING_KEY,
        legislature=17,
        number="9999",
        question_text="Une question récente qui attend encore sa réponse dans le délai.",
        ministry_asked=SANTE,
        published_on=recent,
    )
    with services.database.write() as session:
        for plan in PLAN:
            upsert_question(session, _record(plan))
        upsert_question(session, pending)


EXPECTED = {
    SANTE: {"questions": 6, "answered": 5, "median": 70, "due": 5, "in_time": 2, "overdue": 0},
    INTERIEUR: {"questions": 5, "answered": 2, "median": 205, "due": 4, "in_time": 1, "overdue": 2},
}
