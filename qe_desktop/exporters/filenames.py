"""Output file names made from a title: safe on Windows, macOS and Linux, accents kept.

A briefing note is named after its title ("Note de synthèse — QE n° 03038 …"),
which may hold anything a question title holds: slashes, colons, quotes, control
characters. The rules below keep the name readable and valid everywhere.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_CHARS = 120
MAX_NAME_BYTES = 240  # most file systems stop at 255 UTF-8 bytes; keep room for temp names
FALLBACK_NAME = "export"

_DANGLING = {"au", "aux", "à", "de", "des", "du", "la", "le", "les", "et", "en", "sur", "pour"}
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"-{2,}")
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
_NUMBERED_DEVICES = re.compile(r"^(?:COM|LPT)[0-9¹²³]$")


def is_reserved_name(stem: str) -> bool:
    """Windows device names (CON, NUL, COM1, LPT¹…) are reserved whatever the extension."""
    base = stem.split(".", 1)[0].strip().upper()
    return base in _DEVICES or bool(_NUMBERED_DEVICES.match(base))


def _clean(title: str) -> str:
    text = unicodedata.normalize("NFC", title)
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text
    )
    text = _FORBIDDEN.sub("-", text)
    text = _DASHES.sub("-", _SPACES.sub(" ", text))
    return text.strip(" .-")


def _cap(stem: str, extension: str, max_chars: int) -> str:
    room = max(1, max_chars - len(extension))
    if len(stem) > room:  # "…services publi.docx" read as a typo: cut between words
        stem = _between_words(stem, room)
    while stem and len((stem + extension).encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem.rstrip(" .-")


def _between_words(text: str, room: int) -> str:
    """The first `room` characters of `text`, back to the last space when that cuts a word
    (unless the word is most of the room)."""
    head = text[:room]
    space = head.rfind(" ")
    if text[room : room + 1] not in ("", " ") and space >= room // 2:
        head = head[:space]
    words = head.split(" ")
    while len(words) > 1 and words[-1].casefold() in _DANGLING:  # "… (IA) au" -> "… (IA)"
        words.pop()
    return " ".join(words).rstrip(" .,;:-—–'’")


def safe_file_name(title: str, extension: str = "", *, max_chars: int = MAX_NAME_CHARS) -> str:
    """A file name (not a path) for `title` with `extension` ("docx" or ".docx").

    No path separator, no character Windows refuses, no control character, no
    reserved device name, no leading or trailing dot or space, at most
    `max_chars` characters; an empty result becomes "export".
    """
    ext = _clean(extension.lstrip(".")).replace(" ", "")
    suffix = f".{ext}" if ext else ""
    stem = _cap(_clean(title), suffix, max_chars) or FALLBACK_NAME
    if is_reserved_name(stem):
        stem = _cap(f"_{stem}", suffix, max_chars)
    return stem + suffix
