"""Turn the bytes of a saved page into text, or say in French why they are not a page.

Pages arrive as UTF-8 (with or without BOM), as Windows cp1252 or latin-1
(older browsers, Windows Notepad), sometimes as UTF-16 with a BOM. A file that
is not text at all (a PDF, an image, a zip, random bytes) or is too big to be
one question page is refused with an ImportFailure naming the file.
"""

from __future__ import annotations

import codecs
import re

from qe_desktop.importers.errors import ImportFailure

MAX_PAGE_BYTES = 5 * 1024 * 1024  # a question page is a few kB; 5 MB leaves room for saved HTML

# Share of control characters above which data is binary, not a page.
_MAX_CONTROL_RATIO = 0.01
_TEXT_CONTROLS = frozenset("\t\n\r\x0c\x0b")
_BYTE_CONTROLS = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D}
_BYTE_CONTROL_BYTES = bytes(sorted(_BYTE_CONTROLS))
# The characters of categories Cc, Cs and Co but `_TEXT_CONTROLS`, as one class: counted
# by the regex engine, not one `unicodedata.category` call per character (that was 40 %
# of the CPU of reading a Sénat page). A test checks it against `unicodedata`, code
# point by code point.
_CONTROL_TEXT = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)

_MAGIC_REASONS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "c'est un fichier PDF, pas une page de question (texte ou HTML)"),
    (b"PK\x03\x04", "c'est une archive ou un document bureautique, pas une page de question"),
    (b"\xd0\xcf\x11\xe0", "c'est un ancien document Office, pas une page de question"),
    (b"\x89PNG", "c'est une image, pas une page de question"),
    (b"\xff\xd8\xff", "c'est une image, pas une page de question"),
    (b"GIF8", "c'est une image, pas une page de question"),
    (b"\x1f\x8b", "c'est un fichier compressé, pas une page de question"),
)

# Byte sequences that are valid UTF-8 for characters French pages use (é, à, œ, ’, «, €…).
# Their presence in a file that is not fully valid UTF-8 means "mostly UTF-8 with a few
# stray cp1252 bytes", not "cp1252 throughout".
_FRENCH_UTF8 = re.compile(
    rb"[\xc2\xc3][\x80-\xbf]|\xc5[\x92\x93\xb8]|\xe2\x80[\x93-\xa6]|\xe2\x82\xac"
)

_FALLBACK_HANDLER = "qe_desktop.cp1252_fallback"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return bytes(chunk).decode("cp1252", errors="replace").replace("\ufffd", ""), error.end


codecs.register_error(_FALLBACK_HANDLER, _cp1252_fallback)


def decode_text(data: bytes, source: str) -> str:
    """Decode a page file; raise ImportFailure(source, reason) when it is not one."""
    if len(data) > MAX_PAGE_BYTES:
        size_mb = len(data) / (1024 * 1024)
        limit_mb = MAX_PAGE_BYTES // (1024 * 1024)
        raise ImportFailure(
            source,
            f"fichier trop volumineux pour une page de question ({size_mb:.1f} Mo, "
            f"maximum {limit_mb} Mo)",
        )
    if not data.strip():
        raise ImportFailure(source, "le fichier est vide")
    text = _decode_utf16(data, source)
    if text is None:
        _reject_binary_bytes(data, source)
        text = _decode_8bit(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    _reject_control_text(text, source)
    if not text.strip():
        raise ImportFailure(source, "le fichier ne contient aucun texte")
    return text


def check_text_size(text: str, source: str) -> None:
    """The same size limit for text pasted from the clipboard."""
    if len(text) > MAX_PAGE_BYTES:
        raise ImportFailure(source, "texte trop long pour une page de question")


def _decode_utf16(data: bytes, source: str) -> str | None:
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise ImportFailure(source, "fichier UTF-16 illisible (octets invalides)") from exc


def _reject_binary_bytes(data: bytes, source: str) -> None:
    for magic, reason in _MAGIC_REASONS:
        if data.startswith(magic):
            raise ImportFailure(source, reason)
    sample = data[: 64 * 1024]
    controls = len(sample) - len(sample.translate(None, _BYTE_CONTROL_BYTES))
    if controls > len(sample) * _MAX_CONTROL_RATIO:
        raise ImportFailure(
            source, "fichier binaire (octets nuls ou de contrôle) : ce n'est pas une page de texte"
        )


def _decode_8bit(data: bytes) -> str:
    """UTF-8 when valid; mostly-UTF-8 with stray cp1252 bytes; else cp1252, else latin-1."""
    raw = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _FRENCH_UTF8.search(raw):
        return raw.decode("utf-8", errors=_FALLBACK_HANDLER)
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _reject_control_text(text: str, source: str) -> None:
    sample = text[: 64 * 1024]
    controls = len(_CONTROL_TEXT.findall(sample))
    if controls > len(sample) * _MAX_CONTROL_RATIO:
        raise ImportFailure(
            source, "fichier binaire (caractères de contrôle) : ce n'est pas une page de texte"
        )
