"""Refuse DTDs and entity declarations before any XML parser sees the bytes.

The AN's XML files never carry a `<!DOCTYPE`; one that does is either damaged or hostile
(billion laughs, external entities reading local files). lxml has its own defences, but
they change between releases (6.x stops a billion-laughs file with an "amplification
factor" error of its own), so the reason a user reads would depend on the installed
lxml. We read the prolog ourselves and refuse with our own stable French reason.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import IO

DTD_REFUSED = (
    "déclaration DOCTYPE ou d'entités refusée : un fichier de l'AN n'en contient pas "
    "(protection contre les entités malveillantes)"
)
PROLOG_TOO_LONG = "début du fichier illisible : aucun élément XML dans les {kb} premiers Ko"

# The prolog (XML declaration, comments, processing instructions) must end within this.
HEAD_BYTES = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NAME_START = re.compile(r"[^\s<>!?/]")


def prolog_refusal(head: bytes, complete: bool) -> str | None:
    """Why the document starting with `head` is refused, or None when its prolog is clean.

    `complete` says `head` is the whole document (a short file may have no root at all:
    the parser reports that). Any markup declaration (`<!DOCTYPE`, `<!ENTITY`, `<![`…)
    before the root element is refused, whatever its case or the file's encoding.
    """
    text = _decode(head)
    position = 0
    while True:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        rest = text[position : position + 4]
        if rest.startswith("<!--"):
            end = text.find("-->", position + 4)
            if end < 0:
                break
            position = end + 3
        elif rest.startswith("<?"):
            end = text.find("?>", position + 2)
            if end < 0:
                break
            position = end + 2
        elif rest.startswith("<!"):
            return DTD_REFUSED
        elif rest.startswith("<") and _NAME_START.match(text, position + 1):
            return None  # the root element: the prolog is over
        else:
            return None  # not XML at all: the parser gives its own reason
    if complete:
        return None
    return PROLOG_TOO_LONG.format(kb=HEAD_BYTES // 1024)


def guarded_stream(data: bytes | IO[bytes]) -> tuple[IO[bytes], str | None]:
    """The stream to parse (the head read for the check put back in front) and any refusal."""
    if isinstance(data, bytes):
        head = data[:HEAD_BYTES]
        return io.BytesIO(data), prolog_refusal(head, complete=len(data) <= HEAD_BYTES)
    head = _read_head(data)
    refusal = prolog_refusal(head, complete=len(head) < HEAD_BYTES)
    return io.BufferedReader(_Prefixed(head, data)), refusal


def _read_head(stream: IO[bytes]) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < HEAD_BYTES:
        chunk = stream.read(HEAD_BYTES - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _decode(head: bytes) -> str:
    """Enough of the text to read the prolog: BOMs and BOM-less UTF-16 are honoured.

    Every other encoding an XML file may declare is ASCII-compatible for the markup
    characters we look at, so Latin-1 reads them byte for byte.
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="replace")
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", errors="replace")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", errors="replace")
    return head.decode("latin-1")


class _Prefixed(io.RawIOBase):
    """A stream that first replays bytes already read, then reads on from the source."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            count = min(len(buffer), self._head.nbytes)
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)
