"""What the commitment classifier looks at in one parsed sentence, and how to say it in French.

Every feature is a number in [0, 1] with a name the weights file refers to, so the model
stays readable: the main verb's tense, mood and voice (from spaCy's morphology, the
auxiliaries and the dependency parse), the cue lemma, the agent's class, the deadline
phrase and its precision, negation and hedges. The old rule finder's score is one more
feature (`rules`): its regular expressions still see things the parse misses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from qe_desktop.domain.commitments import assess_sentence
from qe_desktop.domain.due_dates import DueDate, find_due_dates, fold, is_past, pick_due_date
from qe_desktop.domain.verbs import find_verb_cues, tokenize
from qe_desktop.nlp.commitment_clause import (
    FIRST_PERSON,
    agent_class,
    clause_head,
    foreign_clauses,
    is_event,
    morph,
    negated,
    subject_phrase,
    tense,
    verb_group,
)
from qe_desktop.nlp.commitment_spoken import SPEECH, SPOKEN_FEATURES, debate_features
from qe_desktop.nlp.commitment_words import clause_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FEATURES = (
    *("future", "conditional", "passive", "near_future", "present", "past"),
    *("future_elsewhere", "relative", "commit_cue", "scheduled_cue", "intent_cue"),
    *("undertake_cue", "hedge", "possibility", "negation", "agent_government"),
    *("agent_other", "agent_implicit", "deadline_precise", "deadline_vague", "deadline_event"),
    *("deadline_past", "stative", "deontic", "generic", "refusal", "rules"),
    *("first_person", "pledge", "procedure", "speech_act", "objective", "question"),
    *("government_action", "past_dated", "bare_date", "third_party_future"),
    *("action_future", "own_future", "event", "scheduled_dated", "amendment"),
    *("bound_to", "no_forward"),
    *SPOKEN_FEATURES,
)
"""Every feature the code computes; the weights file names the ones its model uses."""

_STATIVE = frozenset(
    (
        *("falloir", "permettre", "nécessiter", "représenter", "coûter", "élever", "atteindre"),
        *("correspondre", "constituer", "concerner", "rester", "demeurer", "suffire"),
        *("sembler", "dépendre", "convenir", "valoir", "paraître", "avoir", "être"),
    )
)
_COMMIT = frozenset({"engager", "engagement", "garantir", "assurer", "promettre"})
_SCHEDULED = frozenset({"prévoir", "fixer", "programmer", "attendre", "planifier", "inscrire"})
_INTENT = frozenset({"entendre", "envisager", "compter", "souhaiter", "proposer", "intention"})
_UNDERTAKE = frozenset({"veiller", "appartenir", "charger", "mobiliser", "saisir"})
_HEDGE_LEMMAS = frozenset({"étudier", "envisager", "réfléchir", "examiner", "vraisemblable"})
_HEDGE_WORDS = re.compile(
    r"(?<![\w-])(?:normalement|en principe|probablement|vraisemblable|sans doute|a priori"
    r"|si possible|le cas echeant|eventuellement|sous reserve)"
)
_DEONTIC = frozenset({"tenir", "astreindre", "obliger", "soumettre", "autoriser", "habiliter"})
# Bound to an act, in any person or tense: "le Gouvernement s'est engagé à maintenir", "je
# m'engage à ce que le décret mentionne", "il est de tout mettre en oeuvre pour".
_BOUND = re.compile(
    r"(?<![\w-])(?:engag(?:e|ee|es|ees|eons|eant|er|ent|ons|ez|erai|erons)\s+a\s"
    r"|tout mettre en (?:oeuvre|œuvre) pour)"
)


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """Feature values by name, the deadline found, and the parts of the explanation."""

    values: dict[str, float]
    due: DueDate | None
    tense_label: str
    agent: str
    words: tuple[str, ...] = ()  # the carrying clause's grammar words (`clause_words`)


def _lemmas(span: Span) -> set[str]:
    return {t.lemma_.lower() for t in span}


def _tense_label(values: dict[str, float], cue: str) -> str:
    if values["near_future"]:
        return "futur proche"
    if values["future"]:
        return "futur passif" if values["passive"] else "futur"
    if values["conditional"]:
        return "conditionnel"
    if cue:
        return f"présent ({cue})"
    return "présent" if values["present"] else "autre temps"


_MAIN_CLAUSE = frozenset({"ROOT", "conj", "ccomp", "parataxis", "xcomp"})


def _verb_cue_kinds(text: str) -> dict[int, str]:
    """Start offset -> kind of each future/conditional form the surface rules recognise.

    spaCy's morphology misses many futures ("regarderont", "rendrai", "ferai"), so the
    domain's suffix rules are asked too; offsets index the sentence, which is its own doc.
    """
    return {cue.start: cue.kind for cue in find_verb_cues(text, tokenize(text))}


def _is_future(token: Token, kinds: dict[int, str]) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    by_morph = "Fut" in morph(token, "Tense") and "Fin" in morph(token, "VerbForm")
    return by_morph or kinds.get(token.idx) in ("action", "stative", "modal")


# "C'est après le 25 mai que nous prendrons notre décision": the "que" clause of a cleft
# sentence is its main clause, not a relative one.
_CLEFT = re.compile(r"^\W*(?:\w+,? ){0,3}?(?:c'est|ce sont|ce sera)\b[^,;:]*? (?:que|qu'|qui) ")
_ALLER_PRESENT = frozenset({"vais", "vas", "va", "allons", "allez", "vont"})


def _near_future(span: Span) -> tuple[Token, Token] | None:
    """Finds "va / vont / allons + infinitive": (the infinitive, the form of "aller").

    Recognised by the surface form: the tagger reads "allons" as an imperfect.
    """
    for token in span:
        if token.lower_ not in _ALLER_PRESENT:
            continue
        if token.dep_ == "aux" and token.head.pos_ == "VERB":
            return token.head, token
        inner = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if inner is not None and inner.pos_ in ("VERB", "AUX"):
            return inner, token
    return None


def _commitment_verb(span: Span, kinds: dict[int, str]) -> tuple[Token, str, Token | None]:
    """The verb that would carry a commitment, and how it was found.

    A future in a main clause first (not the sentence root: "l'examen débute demain, et je
    vous rendrai compte"), then a near future, then the root of the parse.
    """
    futures = [t for t in span if _is_future(t, kinds)]
    cleft = bool(_CLEFT.search(fold(span.text)))
    main = [
        t
        for t in futures
        if clause_head(t).dep_ in _MAIN_CLAUSE or (cleft and clause_head(t).dep_ == "acl:relcl")
    ]
    if main:
        # "Nous pourrons alors faire un diagnostic, puis nous créerons un comité": the act
        # is the other future, not the modal one.
        acts = [t for t in main if t.lemma_ not in _MODALS]
        return (acts or main)[0], "main", None
    near = _near_future(span)
    if near is not None:
        return near[0], "near", near[1]
    if futures:
        return futures[0], "sub", None
    return span.root, "root", None


_SPEAKERS = frozenset({"gouvernement", "ministre"})
_MODALS = frozenset({"pouvoir", "devoir"})


def _own_future(span: Span, kinds: dict[int, str]) -> bool:
    """A future the speaker or the Government will carry out, in any clause.

    "Cette disposition, que je proposerai à l'Assemblée…", "… et le Gouvernement
    demandera une seconde délibération": the carrying verb may sit in a relative or a
    completive clause the main-clause features do not read.
    """
    for token in span:
        if not _is_future(token, kinds) and token.lower_ not in _ALLER_PRESENT:
            continue
        head = clause_head(token)
        if token.lower_ in _ALLER_PRESENT and token.dep_ != "aux":
            head = next((c for c in token.children if c.dep_ == "xcomp"), head)
        main, auxes = verb_group(head)
        if main.lemma_ in SPEECH or main.lemma_ in _STATIVE or negated(main, auxes):
            continue
        group = (main, *auxes)
        if any(t.lemma_ == "pouvoir" for t in group) or any(
            c.lower_ == "peut-être" for t in group for c in t.children
        ):
            continue  # a possibility, not an undertaking
        subjects = [
            c for h in (main, *auxes, token) for c in h.children if c.dep_ in ("nsubj", "expl:subj")
        ]
        if any(c.lower_ in FIRST_PERSON or c.lemma_.lower() in _SPEAKERS for c in subjects):
            return True
    return False


def sentence_features(
    span: Span, answered_on: date | None, text: str | None = None
) -> SentenceFeatures:
    """The features of one parsed sentence (`span`), deadlines against `answered_on`.

    `text` is the whole sentence when spaCy cut it in parts and `span` is the main one.
    """
    text = span.text if text is None else text
    folded = fold(text)
    kinds = _verb_cue_kinds(span.text)
    verb, found_as, aller = _commitment_verb(span, kinds)
    head = clause_head(verb)
    main, auxes = verb_group(head)
    if aller is not None:
        auxes = [*auxes, aller]
    values = dict.fromkeys(FEATURES, 0.0)
    values.update(tense(main, auxes))
    values["future"] = float(found_as == "main")
    values["near_future"] = float(found_as == "near")
    values["future_elsewhere"] = float(found_as == "sub")
    values["relative"] = float(found_as == "sub" and head.dep_ in ("acl:relcl", "acl"))
    if found_as != "root":  # a future was found: the tagger's tense of its group is noise
        values["present"] = values["past"] = 0.0
    kind = kinds.get(verb.idx, "")
    lemmas = _lemmas(span)
    cue = ""
    if lemmas & _COMMIT:
        values["commit_cue"], cue = 1.0, "engagement"
    if lemmas & _SCHEDULED and (values["passive"] or main.pos_ == "ADJ" or "prev" in folded):
        values["scheduled_cue"], cue = 1.0, cue or "prévu"
    if lemmas & _INTENT:
        values["intent_cue"], cue = 1.0, cue or "intention"
    if main.lemma_ in _UNDERTAKE or span.root.lemma_ in _UNDERTAKE:
        values["undertake_cue"] = 1.0
    # The root speaks for the sentence only when no future verb was found elsewhere.
    root = span.root if found_as == "root" else main
    cnd_devoir = root.lemma_ == "devoir" and "Cnd" in morph(root, "Mood")
    values["hedge"] = float(
        cnd_devoir
        or kind == "hedged"
        or bool(lemmas & _HEDGE_LEMMAS)
        or bool(_HEDGE_WORDS.search(folded))
    )
    values["possibility"] = float(
        kind == "modal" or main.lemma_ == "pouvoir" or root.lemma_ == "pouvoir"
    )
    values["negation"] = float(negated(main, auxes) or negated(root, []))
    agent, subject = subject_phrase(main, auxes)
    klass = agent_class(subject, values)
    values["agent_government"] = float(klass == "government")
    values["agent_other"] = float(klass == "other")
    values["agent_implicit"] = float(klass == "implicit")
    foreign = foreign_clauses(span, head)
    found = [
        d
        for d in find_due_dates(text, answered_on)
        if not any(start <= d.start < end for start, end in foreign)
    ]
    upcoming = [d for d in found if not is_past(d, answered_on)]
    due = pick_due_date(upcoming, text)
    if due is not None:
        if not due.is_vague:
            values["deadline_precise"] = 1.0
        elif not due.event:  # a horizon, dated or not (no answer date in most debates)
            values["deadline_vague"] = 1.0
        else:
            values["deadline_event"] = 1.0
    values["deadline_past"] = float(len(upcoming) < len(found))
    values["event"] = float(is_event(main))
    values["stative"] = float(
        not values["event"]
        and (kind == "stative" or (main.lemma_ in _STATIVE and not values["passive"]))
    )
    values["scheduled_dated"] = float(
        bool(lemmas & _SCHEDULED) and bool(upcoming) and not values["past"]
    )
    values["deontic"] = float(
        main.lemma_ in _DEONTIC and any(c.lower_ in ("de", "d'", "à") for c in main.children)
    )
    assessment = assess_sentence(text, answered_on)
    cues = " ".join(assessment.cues)
    values["generic"] = float("formule générale" in cues)
    values["refusal"] = float("refus" in cues)
    values["rules"] = assessment.score
    values["own_future"] = float(_own_future(span, kinds))
    debate_features(values, folded, main, subject, lemmas, text)
    values["bound_to"] = float(bool(_BOUND.search(folded)))
    forward = _near_future(span) is not None or any(
        _is_future(t, kinds) or "Cnd" in morph(t, "Mood") for t in span
    )
    cued = ("pledge", "scheduled_cue", "commit_cue", "bound_to", "scheduled_dated")
    values["no_forward"] = float(not forward and not any(values[n] for n in cued))
    return SentenceFeatures(
        values, due, _tense_label(values, cue), agent, clause_words(head, auxes)
    )


def is_candidate(sentence: str) -> bool:
    """Cheap pre-filter: only sentences with a future form, a cue or a deadline get parsed."""
    folded = fold(sentence)
    if _CANDIDATE_CUES.search(folded):
        return True
    if find_verb_cues(sentence, tokenize(sentence)):
        return True
    return bool(find_due_dates(sentence, None))


_CANDIDATE_CUES = re.compile(
    r"(?<![\w-])(?:prevu|prevoi|engag|entend|envisag|attendu|fixee?s?\b|veill|appartiendr"
    r"|intention|programm|objectif|compte|vont? |allons |sera|seront|devrai|s'apprete|inscrit"
    r"|\w{3,}(?:rai|rons)\b|confirm"
    # short futures and spoken near futures: "il y aura", "il en ira ainsi", "je vais"
    r"|(?:va|vais|vas|allez|ira|iront|aura|auront) |demain)"
)
