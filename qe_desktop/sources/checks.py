"""Is a downloaded file what the source promised? Checked before anything is imported."""

from __future__ import annotations

import zipfile
from pathlib import Path

from qe_desktop.sources.errors import SourceError

_HTML_STARTS = (b"<!doctype", b"<html", b"<?xml", b"<head", b"<body")


def check_zip(path: Path, source: str) -> None:
    """A complete, readable zip archive (a truncated one has no central directory)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            broken = archive.testzip()
    except zipfile.BadZipFile as error:
        raise SourceError(source, f"archive zip illisible ou tronquée ({error})") from error
    except OSError as error:
        raise SourceError(source, f"archive zip illisible ({error})") from error
    if broken is not None:
        raise SourceError(source, f"archive zip abîmée (entrée {broken})")
    if not names:
        raise SourceError(source, "archive zip vide")


def check_csv(path: Path, source: str) -> None:
    """A `;`-separated text with a header line, not an HTML error page."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML_STARTS) or b"<html" in start[:1024]:
        raise SourceError(source, "le serveur a envoyé une page web au lieu du fichier CSV")
    first_line = head.split(b"\n", 1)[0]
    if b";" not in first_line:
        raise SourceError(source, "ce n'est pas un fichier CSV séparé par « ; »")
