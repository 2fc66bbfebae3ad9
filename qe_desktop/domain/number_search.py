"""Reading a question number typed in the search box ("11177", "n° 11177", "S 03038").

Users look a question up by the number they were given on the phone or in a mail;
the full-text index holds words, not numbers, so "11177" alone finds nothing there.
A typed reference is turned into the stored forms of the number instead: AN numbers
are stored as written (`11177`), Sénat numbers on five digits (`03038`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UID = re.compile(r"^QANR5L(?P<leg>\d{1,2})(?P<type>Q[A-Z]{1,3})(?P<num>\d{1,6})$", re.IGNORECASE)
_SENAT_UID = re.compile(r"^qSEQ\d{4}(?P<num>\d{4,5}[A-Z]?)$", re.IGNORECASE)
_TYPED = re.compile(
    r"^(?:(?P<chamber>AN|S|S[ÉE]NAT)\s*)?"  # "S 03038", "AN 1234"
    r"(?:(?:QE|QG|QOSD|QUESTION(?:\s+[ÉE]CRITE)?)\s*)?"  # "QE 11177", "question écrite"
    r"(?:N\s*[°º o]\.?\s*|NO\.?\s+|N\.\s*|#\s*)?"  # "n° 11177", "no 11177", "#11177"
    r"(?P<num>\d{1,6})$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberReference:
    """A question number as typed: the forms it may be stored in, and what narrows it."""

    numbers: tuple[str, ...]
    chamber: str | None = None  # "an" | "senat" when the reference says so
    legislature: int | None = None
    uid: str | None = None  # "QANR5L16QE1234", "qSEQ241202580": the official identifier


def number_reference(text: str) -> NumberReference | None:
    """The question number `text` designates, None when it is not only a number reference."""
    typed = " ".join(text.split())
    if not typed or len(typed) > 40:
        return None
    if (uid := _UID.match(typed)) is not None:
        return NumberReference(_forms(uid["num"]), "an", int(uid["leg"]), uid=typed.upper())
    if (senat := _SENAT_UID.match(typed)) is not None:
        return NumberReference(_forms(senat["num"]), "senat", uid="qSEQ" + typed[4:].upper())
    found = _TYPED.match(typed)
    if found is None:
        return None
    chamber_word = (found["chamber"] or "").upper()
    chamber = "an" if chamber_word == "AN" else "senat" if chamber_word else None
    return NumberReference(_forms(found["num"]), chamber)


def _forms(number: str) -> tuple[str, ...]:
    """Every way a number is stored: as typed, without zeros in front, on five digits."""
    bare = number.lstrip("0") or "0"
    forms = [number, bare, bare.zfill(5)]
    return tuple(dict.fromkeys(forms))
