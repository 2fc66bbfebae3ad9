"""Who asks and who is asked, read from a question's first sentence.

Every written question opens the same way: "M. Fabien GENET attire l'attention de Mme
la ministre déléguée auprès du ministre de l'économie, …, chargée de l'intelligence
artificielle et du numérique au sujet de …". When a page gives no header (a body-only
copy) the author comes from there, and the ministry asked always can: the addressee
turned into the Sénat's own naming ("Ministère auprès du ministre de l'économie, …,
chargé de …", "Secrétariat d'État chargé de …", "Ministère des armées").
"""

from __future__ import annotations

import re

from qe_desktop.importers.page_common import strip_accents

_CIVILITY = r"(?P<civ>M\.|Mme|Mlle|Monsieur|Madame)"
_VERBS = (
    r"attire|appelle|interroge|alerte|questionne|sollicite|interpelle|souhaite|demande|"
    r"expose|rappelle|signale|fait|s['’]inquiète|s['’]interroge|souligne|informe|porte"
)
_AUTHOR = re.compile(
    rf"^\s*{_CIVILITY}\s+(?P<name>[A-ZÀ-Ý][\w'’.\-]*(?:\s+(?:[\w'’.\-]+)){{0,5}}?)\s+(?:{_VERBS})\b"
)
_ADDRESSEE = re.compile(
    r"(?:attention\s+d[eu]|interroge|alerte|questionne|interpelle|sollicite|"
    r"(?:demande|expose|rappelle|signale)\s+à)\s+"
    r"(?P<who>(?:M\.|Mme|Madame|Monsieur)\s+(?:le|la|l['’])\s*.+?)"
    r"(?=\s+(?:sur|au\s+sujet|à\s+propos|concernant|quant|s['’]agissant|en\s+ce\s+qui|"
    r"le\s+fait|les\s+termes|de\s+lui|s['’]ils?|si|quel(?:le)?s?|comment|pourquoi|"
    r"comme\s+suite|de\s+bien\s+vouloir|afin|que|d(?:e\s+|['’])(?!Etat|État)\w+(?:er|ir))\b|"
    r"\s+qu['’]|[.;:?!(]|$)",
    re.DOTALL,
)
_TITLE = re.compile(r"^(?:M\.|Mme|Madame|Monsieur)\s+(?:le|la|l['’])\s*", re.IGNORECASE)
_SEALS = re.compile(r"^garde\s+des\s+sceaux,\s*", re.IGNORECASE)


def author_in_text(question_text: str) -> tuple[str, str]:
    """("M.", "Marc Le Fur") from "M. Marc Le Fur attire…"; ("", "") when it does not open so."""
    match = _AUTHOR.match(question_text[:300])
    if match is None:
        return "", ""
    civility = {"Monsieur": "M.", "Madame": "Mme"}.get(match.group("civ"), match.group("civ"))
    return civility, " ".join(match.group("name").split())


def addressee_in_text(question_text: str) -> str | None:
    """ "Mme la ministre des armées" as the first sentence names it, else None."""
    first = question_text[:600]
    match = _ADDRESSEE.search(first)
    if match is None:
        return None
    who = _up_to_a_stray_article(" ".join(match.group("who").split())).rstrip(" ,")
    return who if len(who) <= 300 else None


_ARTICLES = frozenset({"la", "le", "les", "un", "une", "sa", "son", "ses"})
_LINKS = frozenset(
    {"de", "à", "et", "sur", "pour", "avec", "en", "par", "entre", "auprès", "chargé", "chargée"}
)


def _up_to_a_stray_article(who: str) -> str:
    """Cut "…aux anciens combattants la déception…": in a ministry's name an article
    only follows a preposition ("de la culture"), never a noun."""
    words = who.split(" ")
    for index in range(3, len(words)):
        if words[index].lower() in _ARTICLES and words[index - 1].lower() not in _LINKS:
            return " ".join(words[:index])
    return who


def ministry_from_addressee(question_text: str) -> str | None:
    """The ministry asked, in the Sénat's naming, from the question's addressee."""
    who = addressee_in_text(question_text)
    if who is None:
        return None
    title = _SEALS.sub("", _TITLE.sub("", who))
    folded = strip_accents(title.lower()).replace("’", "'")
    if folded.startswith("premier ministre"):
        return "Premier ministre"
    for prefix, office in _OFFICES:
        if folded.startswith(prefix):
            rest = title[len(prefix) :].lstrip(" ,")
            return f"{office} {re.sub(r'\bchargée\b', 'chargé', rest)}"
    return title[:1].upper() + title[1:]


# Folded (no accent, lowercase) openings of an addressee, and the office the Sénat names.
_OFFICES = (
    ("ministre deleguee aupres", "Ministère auprès"),
    ("ministre delegue aupres", "Ministère auprès"),
    ("ministre, aupres", "Ministère auprès"),
    ("ministre aupres", "Ministère auprès"),
    ("ministre deleguee", "Ministère délégué"),
    ("ministre delegue", "Ministère délégué"),
    ("secretaire d'etat", "Secrétariat d'État"),
    ("ministre d'etat, ministre", "Ministère"),
    ("ministre", "Ministère"),
)
