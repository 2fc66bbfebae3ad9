"""A short title for a Sénat question whose page carries none.

Most senat.fr pages copied as text start at the header: no title, and the list
would show the salutation ("M. Jean Louis Masson attire l'attention de…") for
every question. The subject is in the opening sentence, after the minister
addressed: "… sur le droit local de la chasse", "… au sujet du transfert des
licences IV", "… concernant les conditions d'attribution…". A question recalling
an earlier one quotes its title ("sous le titre : " Honorariat des maires "").
"""

from __future__ import annotations

import re

MAX_TITLE = 90
_QUOTED_TITLE = re.compile(r"sous le titre\s*:?\s*[\"«“]\s*(?P<title>[^\"»”]{3,200}?)\s*[\"»”]")
_ADDRESSEE = re.compile(
    r"\b(?:M\.|Mme|Monsieur|Madame)\s+(?:le|la)\s+(?:Premier\s+ministre|ministre|"
    r"secr[ée]taire\s+d'[ÉE]tat|garde\s+des\s+sceaux|haut[e]?[- ]commissaire)",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"(?:,\s*|\s)(?:sur\s|au\s+sujet\s+(?=d)|concernant\s|à\s+propos\s+(?=d)|quant\s+(?=à))"
    r"(?P<rest>\s*.+)",
    re.IGNORECASE | re.DOTALL,
)
_THAT_CLAUSE = re.compile(r"\s(?P<rest>que\s.+|qu'.+)", re.IGNORECASE | re.DOTALL)
_ASKS_TO = re.compile(r"\bde (?:lui|bien vouloir)\b", re.IGNORECASE)  # a "que" further on
_LEADING = re.compile(
    r"^(?:de\s+|du\s+|des\s+|d'|à\s+)?(?:le\s+fait\s*,?\s*qu(?:e\s*,?\s*|')|"
    r"la\s+|le\s+|les\s+|l'|un\s+|une\s+)?",
    re.IGNORECASE,
)
_NOT_A_SUBJECT = re.compile(r"^(?:points?|questions?|problèmes?|situations?)\s+suivante?s?$", re.I)
_SENTENCE_END = re.compile(r"(?<![\s(.][A-Z])(?<!\bMme)(?<!\bn°)[.;?!](?:\s|$)")


def derived_title(question_text: str, rubrique: str | None = None) -> str | None:
    """A title from the question's subject clause, else its rubrique; never the salutation."""
    first = question_text.split("\n", 1)[0] if question_text else ""
    if quoted := _QUOTED_TITLE.search(first):
        return _shorten(quoted["title"])
    addressee = _ADDRESSEE.search(first)
    if addressee is not None:
        sentence = _first_sentence(first[addressee.end() :])
        subject = _SUBJECT.search(sentence)
        if subject is not None:
            title = _shorten(_LEADING.sub("", subject["rest"].strip(), count=1))
            return None if title is None or _NOT_A_SUBJECT.match(title) else title
        that = _THAT_CLAUSE.search(sentence)
        if that is not None and not _ASKS_TO.search(sentence[: that.start()]):
            clause = re.sub(r"^qu(?:e\s*,?\s*|')", "", that["rest"].strip(), flags=re.I)
            return _shorten(clause)
    rubrique = (rubrique or "").strip()
    return rubrique[0].upper() + rubrique[1:] if rubrique else None


def _first_sentence(text: str) -> str:
    end = _SENTENCE_END.search(text)
    return text[: end.start()] if end else text


def _shorten(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,:;-")
    if len(text) < 3:
        return None
    if len(text) > MAX_TITLE:
        cut = text[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(" ,;:(")
        text = cut + "…"
    return text[0].upper() + text[1:]
