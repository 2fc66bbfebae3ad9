"""Small helpers shared by the page parsers (Sénat and AN, text and HTML).

Dates, page-id and file-name identities, and the light clean-up every page
needs before its lines are read. Kept apart so each parser stays short.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from qe_desktop.domain.folding import strip_accents as strip_accents  # re-exported
from qe_desktop.domain.question import Chamber

# Spaces a browser copy may leave in a page: NBSP, narrow NBSP, thin spaces, ideographic.
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\ufeff]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ud800-\udfff]")  # and lone surrogates


def line_starting_with(*phrases: str) -> re.Pattern[str]:
    """A line that starts with one of `phrases` (any case): page furniture such as footers.

    Phrases are written as the page shows them; a space stands for any run of spaces
    (a copy turns them into NBSP or line breaks); the rest is a regular expression.
    """
    alternatives = "|".join(r"\s+".join(phrase.split(" ")) for phrase in phrases)
    return re.compile(rf"^(?:{alternatives})", re.IGNORECASE)


_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
MONTH_PATTERN = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre"
)
LONG_DATE_PATTERN = rf"\d{{1,2}}(?:er)?\s+(?:{MONTH_PATTERN})\s+\d{{4}}"
_LONG_DATE = re.compile(rf"(\d{{1,2}})(?:er)?\s+({MONTH_PATTERN})\s+(\d{{4}})", re.IGNORECASE)
# A date as pages write it ("3/06/2024", "1er juin 2024"): what parse_any_date reads.
ANY_DATE_PATTERN = r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}(?:er)?\s+\S+\s+\d{4}"
# A legislature as the chambers' pages name it: "17e législature", "14ème législature".
LEGISLATURE = re.compile(r"\b(\d{1,2})\s*(?:e|è|ème|eme)\s+législature\b", re.IGNORECASE)

# Sénat page id: qSEQ + yymm + five characters (digits, sometimes a final letter: qSEQ91030286S).
SENAT_UID = re.compile(r"qSEQ(\d{2})(\d{2})(\d{4}[0-9A-Z])(?![0-9A-Za-z])")
_AN_UID = re.compile(r"QANR5L(\d{1,2})(QE|QG|QOSD)(\d{1,6})(?!\d)")
_AN_OLD_NAME = re.compile(r"(?<![0-9])(\d{1,2})-(\d{1,6})(QE|QG|QOSD)(?![A-Za-z0-9])")
_SENAT_URL = re.compile(
    r"https?://[A-Za-z0-9.-]*senat\.fr\.?/(?:questions/base/\d{4}/|basile/visio\.do\?id=)"
    r"(qSEQ\d{8}[0-9A-Z])(?![0-9A-Za-z])",
)


def clean_page_text(text: str) -> str:
    """NFC, LF line ends, odd spaces made plain, zero-width characters dropped.

    Canonical texts collapse these anyway; doing it first lets the layout
    patterns match what a human sees.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x0c", "\n")
    text = _ZERO_WIDTH.sub("", text)
    return _ODD_SPACES.sub(" ", text)


def parse_numeric_date(value: str) -> date | None:
    """`30/01/2025` -> date; None when absent or impossible (31/02)."""
    match = _NUMERIC_DATE.search(value)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    return safe_date(year, month, day)


def parse_long_date(value: str) -> date | None:
    """`1er octobre 2001`, `16 septembre 2025` (accents optional) -> date."""
    match = _LONG_DATE.search(value)
    if match is None:
        return None
    month_name = strip_accents(match.group(2).lower())
    return safe_date(int(match.group(3)), _MONTHS[month_name], int(match.group(1)))


def parse_any_date(value: str) -> date | None:
    return parse_numeric_date(value) or parse_long_date(value)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def capitalize_first(value: str) -> str:
    """`intérieur` -> `Intérieur`; the rest is kept as written."""
    value = value.strip()
    return value[:1].upper() + value[1:]


def one_line(value: str) -> str:
    return " ".join(value.split())


@dataclass(frozen=True, slots=True)
class NameIdentity:
    """What a file name or URL tells about a question."""

    chamber: Chamber
    qtype: str = "QE"
    legislature: int | None = None
    number: str | None = None
    uid: str | None = None


def senat_number_from_uid(uid: str) -> str:
    """`qSEQ250103038` -> `03038` (the Sénat writes numbers on five digits)."""
    return uid[8:]


def senat_url(uid: str) -> str:
    """Official page of a Sénat question: `…/questions/base/2025/qSEQ250103038.html`."""
    year_2 = int(uid[4:6])
    year = 1900 + year_2 if year_2 >= 50 else 2000 + year_2
    return f"https://www.senat.fr/questions/base/{year}/{uid}.html"


def an_uid(legislature: int, qtype: str, number: str) -> str:
    return f"QANR5L{legislature}{qtype}{number}"


def an_url(legislature: int, qtype: str, number: str) -> str:
    uid = an_uid(legislature, qtype, number)
    return f"https://www.assemblee-nationale.fr/dyn/{legislature}/questions/{uid}"


def senat_uid_in(value: str) -> str | None:
    """The last Sénat page id in a file name, path or URL."""
    matches = SENAT_UID.findall(value)
    if not matches:
        return None
    year, month, rest = matches[-1]
    return f"qSEQ{year}{month}{rest}"


def senat_uid_in_url(value: str) -> str | None:
    """The page id of a senat.fr question URL (any host alias: www2, senat.fr., mirrors)."""
    match = _SENAT_URL.search(value)
    return match.group(1) if match else None


def identity_from_name(name: str) -> NameIdentity | None:
    """Read chamber, legislature and number from a file name, path or URL.

    Knows `qSEQ250103038`, `QANR5L17QE1234` and the old AN `14-26562QE`.
    """
    base = re.split(r"[\\/]", name)[-1] or name
    for candidate in (base, name):
        uid = senat_uid_in(candidate)
        if uid:
            return NameIdentity(Chamber.SENAT, number=senat_number_from_uid(uid), uid=uid)
        match = _AN_UID.search(candidate)
        if match:
            legislature, qtype, number = int(match.group(1)), match.group(2), match.group(3)
            return NameIdentity(
                Chamber.AN, qtype, legislature, number, an_uid(legislature, qtype, number)
            )
        match = _AN_OLD_NAME.search(candidate)
        if match:
            legislature, number, qtype = int(match.group(1)), match.group(2), match.group(3)
            return NameIdentity(
                Chamber.AN, qtype, legislature, number, an_uid(legislature, qtype, number)
            )
    return None


def split_affiliation(value: str, *, constituency_last: bool) -> tuple[str, str]:
    """Split `Moselle - NI` / `Socialiste - Saône-et-Loire` into (constituency, group).

    Department names never hold " - " but group names may, hence the side to split on.
    """
    value = one_line(value)
    if value.startswith("(") and value.endswith(")"):
        value = value[1:-1].strip()
    parts = re.split(r"\s+[-–]\s+|^[-–]\s+", value)
    parts = [part.strip() for part in parts]
    if len(parts) == 1:
        return ("", parts[0]) if not constituency_last else (parts[0], "")
    if constituency_last:
        return parts[-1], " - ".join(p for p in parts[:-1] if p)
    return parts[0], " - ".join(p for p in parts[1:] if p)


def normalise_civility(value: str) -> str:
    value = value.strip().rstrip(".")
    if value.lower() == "m":
        return "M."
    return value[:1].upper() + value[1:].lower()
