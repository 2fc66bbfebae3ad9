"""Suggest the commitments in a minister's answer, with due dates and the reasons why.

A commitment is a sentence where the administration announces a checkable future action
("l'ensemble des ministères présenteront d'ici juin 2025 … leur feuille de route").
Each sentence gets a score from linguistic cues, each cue explained in French so the
assistant sees *why* a sentence was suggested:

- an action in the future: future tense of an action verb ("présenteront", "sera publié",
  "aura lieu"), "va/vont" + infinitive, "il est prévu de", "est prévue au printemps",
  "s'engage à"; softer intentions ("entend", "a l'intention de", "prévoit", "envisage");
  a reported decision ("a décidé", "a annoncé") or a purpose ("afin de prendre") only
  counts when a deadline to come is stated; "devrait" + infinitive is a hedged action;
- a deadline to come (see `due_dates`), which strengthens any action cue;
- against: a possibility ("pourra", "pourrait") in the main clause, reservations
  ("le cas échéant"), generic assurances ("sera examinée avec attention", "veillera à"),
  negations and refusals ("ne prévoit pas", "n'est pas à l'ordre du jour").

Future forms that describe a state, an amount, a perception or a rule for others
("nécessiteront", "s'élèvera", "sera conforme", "verront", "seront tenus de", "devront")
are not actions; a future inside a relative clause ("qui sera publié") counts less than
one in the main clause. Weights are constants below, the threshold is SUGGESTION_THRESHOLD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.domain.due_dates import DueDate, find_due_dates, fold, is_past, pick_due_date
from qe_desktop.domain.sentences import split_sentences
from qe_desktop.domain.verbs import Token, VerbCue, find_verb_cues, tokenize

SUGGESTION_THRESHOLD = 0.5

ACTION_WEIGHT = 0.5
SOFT_INTENTION_WEIGHT = 0.4
HEDGED_WEIGHT = 0.3
RELATIVE_WEIGHT = 0.3
PURPOSE_WEIGHT = 0.3
PRECISE_DEADLINE_BONUS = 0.35
VAGUE_DEADLINE_BONUS = 0.25
EVENT_BONUS = 0.1
DELIVERABLE_BONUS = 0.1
MODAL_PENALTY = 0.15
RESERVATION_PENALTY = 0.2
GENERIC_PENALTY = 0.4
REFUSAL_PENALTY = 0.6


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A sentence of the answer that looks like a commitment (span in code points)."""

    start: int
    end: int
    sentence: str
    due: date | None
    precision: DatePrecision
    confidence: float
    cues: tuple[str, ...]
    kind: str = "firm"  # firm | soft (the French model tells them apart; the rules do not)
    explanation: str = ""  # why, in French, for the tooltip ("futur passif, agent : …")


@dataclass(frozen=True, slots=True)
class Assessment:
    """Why a sentence scores what it scores."""

    score: float
    cues: tuple[str, ...]
    due: DueDate | None

    @property
    def is_commitment(self) -> bool:
        """Whether the score is high enough to suggest the sentence as a commitment."""
        return self.score >= SUGGESTION_THRESHOLD


_W = r"(?<![\w-])"


def _any(*alternatives: str) -> re.Pattern[str]:
    """One pattern matching any alternative, starting at a word boundary (on folded text)."""
    return re.compile(_W + "(?:" + "|".join(alternatives) + ")")


_LEGAL_REFERENCE = (
    r"(?!(?:a|au|aux|par|dans|en) (?:l'|la |le |les )?(?:article|alinea|code|loi|decret|arrete"
    r"|titre|sens|reglement|texte|cadre|[ivx]+\b))"
)
_STRONG = (
    (
        "engagement",
        _any(r"s'engagen?t? a\b", r"s'(?:est|sont) engagee?s? a\b", r"prend(?:ra)? l'engagement d"),
    ),
    (
        "prévu",
        _any(
            r"(?:est|sont) (?:(?:desormais|actuellement|donc|ainsi|bien|deja|egalement) )*"
            r"prevue?s? "
            + _LEGAL_REFERENCE
            + r"(?:pour|en|au|aux|d'ici|des|le|avant|courant|dans les|dans un|a (?:compter|partir"
            r"|la rentree|la fin|l'horizon|l'issue|l'automne|l'ete|l'hiver))\b",
            r"il est (?:(?:desormais|donc|egalement|aussi) )?prevu (?:de|d'|que)",
        ),
    ),
    (
        "futur proche",
        _any(
            r"(?:va|vont) (?:(?:\w+ment|donc|ainsi|bientot|desormais|tres) )*(?:etre|\w+(?:er|ir"
            r"|re|oir))\b"
        ),
    ),
)
_SOFT = (
    (
        "intention",
        _any(
            r"entendent|entend\b",
            r"a l'intention d|ont l'intention d",
            r"envisagen?t? d|est envisagee? d|envisager",
            r"se proposen?t? d",
            r"compten?t?(?= \w+(?:er|ir|re)\b)",
        ),
    ),
    ("prévision", _any(r"prevoi(?:t|ent)\b(?! que\b)")),
)
# "n'est prévue", "ne prévoit", "n'entend": a cue right after a negation particle.
_NEGATED_BEFORE = re.compile(r"(?<![\w-])(?:n'|ne )(?:(?:se|s'|lui|leur|y|en) ?)?$")
_DECISION = _any(
    r"(?:a|ont) (?:(?:donc|ainsi|deja|egalement) )?(?:decide|annonce|confirme|arrete|retenu"
    r"|programme|demande)\b",
    r"a ete (?:decide|annonce|programme|demande)\b",
)
_PURPOSE = _any(r"(?:afin d[e']|en vue d[e']|pour) ?\w+(?:er|ir|re)\b")
_DELIVERABLE = _any(
    r"decrets?|circulaires?|ordonnances?|projet de (?:loi|decret)|proposition de loi",
    r"rapports?|mission|groupe de travail|feuilles? de route|textes?|reunion|concertation",
    r"consultation|appel a projets|bilan|etude|evaluation|plan\b",
)
_RESERVATION = _any(
    r"le cas echeant|eventuellement|si necessaire|si besoin|s'il y a lieu",
    r"en tant que de besoin|sous reserve|peut-etre",
)
_FUTURE_ENDING = r"(?:a|ont|ai|ons)"  # the person endings of the future
_GENERIC = _any(
    r"avec (?:toute |la plus grande |le plus grand |un grand |beaucoup d'|une (?:grande |(?:toute"
    r" )?particuliere )?)?(?:attention|interet|soin|vigilance|bienveillance)",
    r"(?:examen|etude) (?:attentif|attentive|approfondie?|bienveillante?)",
    r"(?:rester|demeurer)" + _FUTURE_ENDING + r" (?:\w+ )?(?:attenti|vigilant|mobilise)",
    r"ne manquer" + _FUTURE_ENDING + r" pas d",
    r"veiller" + _FUTURE_ENDING + r" (?:\w+ )?(?:a|au|aux)\b",
    r"suivr" + _FUTURE_ENDING + r" (?:\w+ )?(?:attentivement|avec)",
    r"continuer" + _FUTURE_ENDING + r" (?:a|d)",
    r"poursuivr"
    + _FUTURE_ENDING
    + r" (?:ses|son|sa|leurs?|les|mes|nos) (?:efforts|action|travail)",
)
_REFUSAL = _any(
    r"(?:n'est|ne sont|n'etait) pas (?:\w+ )?(?:envisagee?s?|prevue?s?|d'actualite|question)",
    r"pas,? (?:(?:pour l'heure|pour le moment|actuellement|a ce jour),? )?a l'ordre du jour",
    r"ne prevoi(?:t|ent) pas|n'envisagen?t? pas|n'est pas envisageable",
    r"il n'est pas (?:prevu|envisage|question)",
    r"rien ne (?:milite|justifie)",
)


def assess_sentence(sentence: str, answered_on: date | None) -> Assessment:
    """Score one sentence and list the cues behind the score."""
    folded = fold(sentence)
    tokens = tokenize(sentence)
    deadlines = [d for d in find_due_dates(sentence, answered_on) if not is_past(d, answered_on)]
    due = pick_due_date(deadlines, sentence)
    cues: list[str] = []
    action, kind = _action(sentence, folded, tokens, due, cues)
    score = action
    if action > 0 and due is not None:
        score += _deadline_bonus(due, cues)
    if action > 0 and kind == "intention" and (m := _DELIVERABLE.search(folded)):
        score += DELIVERABLE_BONUS
        cues.append(f"livrable : « {sentence[m.start() : m.end()]} »")
    score -= _penalties(sentence, folded, tokens, cues)
    return Assessment(round(max(0.0, min(1.0, score)), 3), tuple(cues), due)


def _quote(sentence: str, start: int, end: int) -> str:
    return f"« {sentence[start:end]} »"


def _action(
    sentence: str, folded: str, tokens: list[Token], due: DueDate | None, cues: list[str]
) -> tuple[float, str]:
    """The strongest action cue of the sentence: (weight, kind)."""
    found: list[tuple[float, str, str]] = []
    for cue in find_verb_cues(sentence, tokens):
        if cue.negated:
            cues.append(f"négation : {_quote(sentence, cue.start, cue.end)}")
            continue
        weight = _verb_weight(cue)
        if weight > 0:
            found.append((weight, "verb", f"{cue.label} : {_quote(sentence, cue.start, cue.end)}"))
    for weight, kind, patterns in (
        (ACTION_WEIGHT, "strong", _STRONG),
        (SOFT_INTENTION_WEIGHT, "intention", _SOFT),
    ):
        for label, pattern in patterns:
            for m in pattern.finditer(folded):
                if _NEGATED_BEFORE.search(folded, 0, m.start()):
                    cues.append(f"négation : {_quote(sentence, *m.span())}")
                    continue
                found.append((weight, kind, f"{label} : {_quote(sentence, *m.span())}"))
    upcoming = due is not None and (due.due is not None or not due.is_vague)
    if upcoming:
        for m in _DECISION.finditer(folded):
            text = f"décision annoncée : {_quote(sentence, *m.span())}"
            found.append((ACTION_WEIGHT, "decision", text))
        for m in _PURPOSE.finditer(folded):
            text = f"but avec échéance : {_quote(sentence, *m.span())}"
            found.append((PURPOSE_WEIGHT, "purpose", text))
    if not found:
        return 0.0, ""
    weight, kind, text = max(found, key=lambda item: item[0])
    cues.append(text)
    return weight, kind


def _verb_weight(cue: VerbCue) -> float:
    if cue.kind == "action":
        return RELATIVE_WEIGHT if cue.in_relative else ACTION_WEIGHT
    if cue.kind == "hedged" and not cue.in_relative:
        return HEDGED_WEIGHT
    return 0.0


def _deadline_bonus(due: DueDate, cues: list[str]) -> float:
    if not due.is_vague:
        cues.append(f"échéance : « {due.phrase} »")
        return PRECISE_DEADLINE_BONUS
    if due.due is not None:
        cues.append(f"échéance vague : « {due.phrase} »")
        return VAGUE_DEADLINE_BONUS
    cues.append(f"échéance sans date : « {due.phrase} »")
    return EVENT_BONUS


def _penalties(sentence: str, folded: str, tokens: list[Token], cues: list[str]) -> float:
    penalty = 0.0
    modal = next(
        (c for c in find_verb_cues(sentence, tokens) if c.kind == "modal" and not c.in_relative),
        None,
    )
    if modal is not None:
        penalty += MODAL_PENALTY
        cues.append(f"possibilité : {_quote(sentence, modal.start, modal.end)}")
    checks = (
        (_RESERVATION, RESERVATION_PENALTY, "réserve"),
        (_GENERIC, GENERIC_PENALTY, "formule générale"),
        (_REFUSAL, REFUSAL_PENALTY, "refus"),
    )
    for pattern, weight, label in checks:
        if m := pattern.search(folded):
            penalty += weight
            cues.append(f"{label} : {_quote(sentence, *m.span())}")
    return penalty


def suggest_commitments(answer_text: str, answered_on: date | None) -> list[Suggestion]:
    """The sentences of `answer_text` that look like commitments, in text order.

    Due dates are resolved against `answered_on` (the answer's publication date);
    without it, relative deadlines ("d'ici trois mois") stay undated.
    """
    suggestions: list[Suggestion] = []
    for sentence in split_sentences(answer_text):
        assessment = assess_sentence(sentence.text, answered_on)
        if not assessment.is_commitment:
            continue
        due = assessment.due
        suggestions.append(
            Suggestion(
                start=sentence.start,
                end=sentence.end,
                sentence=sentence.text,
                due=due.due if due else None,
                precision=due.precision if due else DatePrecision.VAGUE,
                confidence=assessment.score,
                cues=assessment.cues,
            )
        )
    return suggestions
