"""What does the question actually ask? Request sentences, split where one asks several things.

Written questions follow a fixed rhetoric: context ("attire l'attention… sur…"), then a
request formula ("Il lui demande…", "souhaiterait savoir…", "prie… de bien vouloir…", a
direct question ending in "?"). Only the request is a demand; the context is not. One
request sentence often bundles several asks ("… et dans quels délais", "ainsi que…",
"d'une part… d'autre part"): each becomes its own demand, so each can get its own verdict.
The formulas are a closed, conventional set, so cue patterns find them reliably without a
parse; the parse is kept for alignment, where wording varies freely.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from qe_desktop.domain.coverage import Span
from qe_desktop.domain.sentences import Sentence, split_sentences

_PRONOUN = r"(?:(?:il|elle)\s+(?:lui\s+|leur\s+|l['’]\s*|le\s+|la\s+)?(?:en\s+)?)"
# Request verbs, with what may follow them; matched case-insensitively inside a sentence.
_REQUEST = re.compile(
    r"(?P<subject>" + _PRONOUN + r")?"
    r"(?P<verb>"
    r"demande(?:nt|rait)?(?:[-‑]t[-‑](?:il|elle))?|est\s+demandé|souhaite(?:rait|raient|nt)?|voudrait|"
    r"aimerait|désire(?:rait)?|interroge(?:rait)?|prie|remercie(?:rait)?|"
    r"appelle\s+(?:le\s+gouvernement|les?\s+pouvoirs\s+publics)\s+à|"
    r"s['’]inquiète\s+auprès\s+d['’]\w+\s+de\s+savoir|invite|s['’]interroge(?:ait)?\s+sur"
    r")\b",
    re.IGNORECASE,
)
# Verbs that only introduce context ("demande" as a noun is handled by the subject test).
_CONTEXT_ONLY = re.compile(r"\b(?:attire|appelle)\s+l['’]\s*attention\b", re.IGNORECASE)
# A request sentence must carry one of these after the verb, or be a direct question.
_REQUEST_OBJECT = re.compile(
    r"\b(?:savoir|connaître|conna[iî]tre|indiquer|préciser|lui\s+faire\s+conna[iî]tre|"
    r"si|s['’]il|s['’]ils|quel(?:le)?s?|quand|comment|pourquoi|combien|où|"
    r"dans\s+quel|de\s+bien\s+vouloir|bien\s+vouloir|de\s+lui|l['’]éclairer|afin\s+de|"
    r"à\s+\w+|ce\s+qu|les\s+raisons|la\s+position|les\s+intentions|son\s+avis|que\s|"
    r"d['’]\s*\w+(?:er|ir|re)\b|de\s+\w+(?:er|ir|re)\b|des\s+précisions|obtenir)",
    re.IGNORECASE,
)
# Where a second ask starts inside a request sentence.
_SPLIT = re.compile(
    r"(?:,\s*|\s+)(?P<cut>(?:et|ou)\s*,?\s+(?:sinon\s*,?\s+|surtout\s+|le\s+cas\s+échéant\s*,?\s+|"
    r"dans\s+l['’]affirmative\s*,?\s+|en\s+particulier\s*,?\s+)?"
    r"(?=(?:dans\s+quel|sous\s+quel|à\s+quel|à\s+[a-zé]+(?:er|ir|re)\s|sur\s+(?:les|la|le|l['’]|celles?\b|ceux\b)|quant|de\s+quel|"
    r"quel|quelle|s['’]il|si\s|comment|pourquoi|combien|quand|qu['’](?:il|elle)s?\s|"
    r"les\s+(?:éventuel|mesures|raisons|moyens|délais|perspectives|solutions)|la\s+date|le\s+montant|"
    r"le\s+calendrier|le\s+nombre|savoir|souhaite|[a-zé]+er\s+(?:le|la|les|l['’]|un|une|des)\s)))"
    r"|(?:,\s*|\s+)(?P<also>ainsi\s+que\s+(?!celles?\b|ceux\b|pour\b|de\b|d['’]))"
    r"|(?:,\s*|\s+)(?P<other>d['’]autre\s+part|enfin\s*,?\s+(?=quel|les\s|la\s|le\s|s['’]il|si\s|comment|combien))"
    r"|;\s*(?P<purpose>(?:et\s+)?pour\s+(?:que|qu['’]|\w+er\s|\w+ir\s|\w+re\s))"
    r"|(?:,\s*|\s+)(?P<parallel>et\s+à\s+(?:la|le|l['’]|les)\s)",
    re.IGNORECASE,
)
# A question with no request formula: its proposal or recall sentence stands for the demand.
_PROPOSAL = re.compile(
    r"\b(?:il\s+(?:serait|conviendrait|apparaît|paraît|semble)|(?:serait|pourrait)[-‑]il|"
    r"ne\s+(?:serait|pourrait)[-‑]il|rappelle\s+.{0,80}termes\s+de\s+sa\s+question)",
    re.IGNORECASE,
)
_MIN_PART = 12
_LEAD = re.compile(r"(?:aussi|donc|en\s+conséquence)\s*,?\s*(lui\s+)?$", re.IGNORECASE)
# Verbs that ask by themselves, whatever follows them.
_ALWAYS_ASKS = (
    *("prie", "invite", "appelle"),
    *("s'inquiète", "s’inquiète", "s'interroge", "s’interroge"),
)
_NAMED_SUBJECT = re.compile(
    r"(?:M\.|Mme|Mlle)\s*(?:le\s+|la\s+)?[\wÀ-ÿ'’.-]+(?:\s+[\wÀ-ÿ'’.-]+){0,3}\s*$"
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    sentence: Sentence
    start: int  # where the request formula starts (absolute offset)


def find_demands(question_text: str) -> list[Span]:
    """Spans of `question_text` that ask something, in order."""
    sentences = split_sentences(question_text)
    candidates = [c for s in sentences if (c := _request(question_text, s)) is not None]
    if not candidates:
        fallback = _fallback(sentences)
        return [] if fallback is None else _split(question_text, fallback.start, fallback.end)
    spans: list[Span] = []
    for candidate in candidates:
        spans.extend(_split(question_text, candidate.start, candidate.sentence.end))
    return spans


def _request(text: str, sentence: Sentence) -> _Candidate | None:
    body = sentence.text
    if body.rstrip().endswith("?"):
        return _Candidate(sentence, _question_start(text, sentence))
    for m in _REQUEST.finditer(body):
        if not _is_request(body, m):
            continue
        if m.group("subject"):
            return _Candidate(sentence, sentence.start + m.start())
        # "M. Dupont demande à M. le ministre…": the subject is the sentence opening.
        before = body[: m.start()]
        if _opens_with_name(before) or not before.strip() or before.rstrip().endswith(","):
            start = m.start() if before.rstrip().endswith(",") else 0
            return _Candidate(sentence, sentence.start + start)
        lead = _LEAD.search(before)
        if lead:  # "Aussi lui demande-t-il…": the formula starts at "lui"
            at = lead.start(1) if lead.group(1) else m.start()
            return _Candidate(sentence, sentence.start + at)
        named = _NAMED_SUBJECT.search(before)
        if named:  # "Aussi, M. le Sénateur appelle le Gouvernement à…"
            return _Candidate(sentence, sentence.start + named.start())
    return None


def _is_request(body: str, m: re.Match[str]) -> bool:
    verb = m.group("verb").lower()
    if verb.startswith("demande") and not m.group("subject"):
        # "la demande de…" is a noun: the verb needs a subject or a name before it.
        before = body[: m.start()].rstrip().lower()
        if before.endswith(("la", "une", "cette", "leur", "sa", "de", "des", "les", "en")):
            return False
    tail = body[m.end() : m.end() + 60]
    if verb.startswith(_ALWAYS_ASKS):
        return True
    if verb.startswith("remercie") and not re.match(r"\s+(?:\w+\s+){0,3}de\s", tail):
        return False
    return bool(_REQUEST_OBJECT.search(tail)) and not _CONTEXT_ONLY.search(body[: m.start()][-25:])


def _opens_with_name(before: str) -> bool:
    return bool(re.match(r"\s*(?:M\.|Mme|Mlle|MM\.|Mmes)\s*\S", before)) and len(before) < 80


def _question_start(text: str, sentence: Sentence) -> int:
    """A direct question starts after a leading circumstance ("Le recours… étant compromis, …")."""
    body = sentence.text
    inversion = re.search(
        r"[,;:]\s+((?:[\wÀ-ÿ'’-]+\s+){0,4}[\wÀ-ÿ'’]+[-‑](?:t[-‑])?(?:il|elle|ils|elles|on)\b)", body
    )
    if inversion and inversion.start(1) > len(body) // 3:
        return sentence.start + inversion.start(1)
    return sentence.start


def _split(text: str, start: int, end: int) -> list[Span]:
    cuts = [start]
    for m in _SPLIT.finditer(text, start, end):
        if m.group("parallel") and not re.search(
            r"\bquant\s+à\b", text[cuts[-1] : m.start()], re.I
        ):
            continue  # "et à la…" continues a noun phrase unless it mirrors a "quant à"
        if not m.group("purpose") and re.search(
            r"\bentre\b", text[max(cuts[-1], m.start() - 80) : m.start()], re.I
        ):
            continue  # "entre X et Y" names one relation
        name = next(g for g in ("cut", "also", "other", "purpose", "parallel") if m.group(g))
        cut = m.start(name)
        if cut - cuts[-1] >= _MIN_PART and end - cut >= _MIN_PART:
            cuts.append(cut)
    bounds = [*cuts, end]
    spans = []
    for a, b in itertools.pairwise(bounds):
        piece = text[a:b]
        stripped = piece.rstrip(" ,;")
        lead = len(piece) - len(piece.lstrip())
        spans.append(Span(a + lead, a + len(stripped), text[a + lead : a + len(stripped)]))
    return [s for s in spans if s.end > s.start]


def _fallback(sentences: list[Sentence]) -> Sentence | None:
    for sentence in reversed(sentences):
        if _PROPOSAL.search(sentence.text):
            return sentence
    # No proposal either: the recall ("attire l'attention… sur la nécessité de…") says it.
    for sentence in sentences:
        if _CONTEXT_ONLY.search(sentence.text):
            return sentence
    return sentences[-1] if sentences else None


_ASKS = (
    (
        "figure",
        re.compile(
            r"(?:\bcombien|\bquel\w*\s+(?:est|sont|était|étaient|serait|sera|seront)\b.{0,120}\b(?:nombre|montant|ratio|coût|taux)\b|"
            r"\bquel\w*\s+(?:nombre|montant|ratio|coût|taux)|^(?:et\s+)?(?:le|la)\s+(?:montant|nombre|coût|taux)\b)",
            re.I,
        ),
    ),
    (
        "date",
        re.compile(
            r"(?:\bquelle\s+date|\bquand\b|\bquels?\s+délais?|\bcalendrier|\béchéances?|\béchéancier|"
            r"\bà\s+quel\s+moment|(?<!à\s)\bla\s+date\b|\bdate\s+(?:de|d['’]\w+)\s+(?:sortie|parution|publication|retour|implantation|mise))",
            re.I,
        ),
    ),
    ("reasons", re.compile(r"\b(?:raisons?|pourquoi|motifs?|finalité)\b", re.I)),
    (
        "yesno",
        re.compile(
            r"(?:\bs['’]il\b|\bs['’]ils\b|\bsi[\s,]|(?<!demande)[-‑]t[-‑](?:il|elle)|\bpourrait[-‑]il|\?$)",
            re.I,
        ),
    ),
)


def asked_kind(demand_text: str) -> str:
    """What kind of reply the demand calls for: date, figure, reasons, yesno, or open."""
    for kind, pattern in _ASKS:
        if pattern.search(demand_text):
            return kind
    return "open"
