"""Errors of the online sources: a French reason that names the source."""

from __future__ import annotations


class SourceError(Exception):
    """A source that could not be read, and why, in French (e.g. « Sénat : délai dépassé »)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source} : {reason}")
        self.source = source
        self.reason = reason


class SourceCancelled(SourceError):
    """The user pressed Cancel; a partial download is kept to be resumed."""

    def __init__(self, source: str) -> None:
        super().__init__(source, "mise à jour annulée")
