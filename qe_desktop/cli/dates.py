"""Dates as a French user types them: 2025-02-01, 1/2/2025, 01.02.2025, 1er février 2025.

A slash date is read day first, as in France (1/2/2025 is the 1st of February).
"""

from __future__ import annotations

import re
from datetime import date

from qe_desktop.domain.folding import strip_accents
from qe_desktop.exporters.citations import MONTHS

EXPECTED = "attendu : JJ/MM/AAAA, AAAA-MM-JJ ou « 1er février 2025 »"
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_WORDS = re.compile(r"(\d{1,2})(?:er)?\s+([^\W\d_]+)\.?\s+(\d{4})")
_MONTH_NUMBERS = {strip_accents(name): n for n, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update({"fev": 2, "fevr": 2, "janv": 1, "sept": 9, "oct": 10, "nov": 11,
                       "dec": 12, "avr": 4, "juil": 7})  # fmt: skip


class DateError(ValueError):
    """The text is no date; the message says what was expected, in French."""


def parse_day(text: str) -> date:
    """The date `text` names; DateError with a French message otherwise."""
    value = " ".join(text.split())
    try:
        if match := _NUMERIC.fullmatch(value):
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := _WORDS.fullmatch(strip_accents(value.casefold())):
            named = _MONTH_NUMBERS.get(match.group(2))
            if named is not None:
                return date(int(match.group(3)), named, int(match.group(1)))
        return date.fromisoformat(value)
    except ValueError:
        raise DateError(f"date invalide : « {text} » ({EXPECTED})") from None
