"""The one error type importers raise: a reason a user can read."""

from __future__ import annotations


class ImportFailure(Exception):
    """A file (or archive entry) that cannot be imported, and why, in French."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source} : {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[ImportFailure], tuple[str, str]]:
        # Rebuilt from its two fields when it crosses a process boundary (large imports).
        return (type(self), (self.source, self.reason))
