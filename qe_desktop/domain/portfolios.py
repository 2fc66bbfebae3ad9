"""Ministries grouped by portfolio across governments.

Each government renames its ministries: "Intérieur", "Intérieur et aménagement du
territoire", "Intérieur, de l'outre-mer et des collectivités territoriales" are one
portfolio for whoever follows answer delays over twenty years. The grouping is data
(`resources/portfolios.tsv`, which a user may override), read by `PortfolioMap`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qe_desktop.domain.folding import strip_accents

_CHARGED = re.compile(r",?\s*charg[ée]e?\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+)(.+)$")
_PREFIX = re.compile(
    r"^(?:minist[eè]re|ministre|secr[ée]tariat d'[ée]tat|secr[ée]taire d'[ée]tat)"
    r"(?:\s+d[ée]l[ée]gu[ée]e?)?\s*(?:de la |de l'|du |des |de |à la |à l'|au |aux |à )?",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe, single spaces."""
    plain = strip_accents(text.replace("’", "'"))
    return " ".join(plain.casefold().split())


def short_name(name: str) -> str:
    """Shortens "Ministère de la culture" to "Culture": the name a ministry is listed under."""
    short = _PREFIX.sub("", name.strip()).strip() or name.strip()
    return short[:1].upper() + short[1:]


@dataclass(frozen=True, slots=True)
class PortfolioMap:
    """Ordered (portfolio, words) rules; the word found earliest in a name decides."""

    rules: tuple[tuple[str, tuple[str, ...]], ...] = ()
    _patterns: tuple[tuple[str, re.Pattern[str]], ...] = field(default=(), compare=False)

    @classmethod
    def parse(cls, *texts: str) -> PortfolioMap:
        """Rules from TSV texts (`portfolio<TAB>word, word`; `#` comments), in order."""
        rules: list[tuple[str, tuple[str, ...]]] = []
        for text in texts:
            for line in text.splitlines():
                if not line.strip() or line.lstrip().startswith("#") or "\t" not in line:
                    continue
                portfolio, _, words = line.partition("\t")
                found = tuple(w.strip() for w in words.split(",") if w.strip())
                if portfolio.strip() and found:
                    rules.append((portfolio.strip(), found))
        patterns = tuple(
            (portfolio, re.compile(r"\b(?:" + "|".join(re.escape(fold(w)) for w in words) + r")\b"))
            for portfolio, words in rules
        )
        return cls(tuple(rules), patterns)

    def portfolio_of(self, ministry: str) -> str:
        """The portfolio of a ministry's name; its short name when no rule knows it."""
        if not ministry.strip():
            return ""
        folded = fold(ministry)
        charged = _CHARGED.search(folded)
        for subject in ((charged.group(1),) if charged else ()) + (folded,):
            best: tuple[int, int, str] | None = None
            for order, (portfolio, pattern) in enumerate(self._patterns):
                hit = pattern.search(subject)
                if hit is not None and (best is None or (hit.start(), order) < best[:2]):
                    best = (hit.start(), order, portfolio)
            if best is not None:
                return best[2]
        return short_name(ministry)
