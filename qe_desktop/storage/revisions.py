"""The schema revision a library must have, read from the migration files as text.

Standard library only: the command line's read path (`storage/reader.py`) checks a
library is at head without loading SQLAlchemy or Alembic (#25).
"""

from __future__ import annotations

import re
from importlib import resources

__all__ = ["scripted_head"]

_REVISION = re.compile(r"""^revision\s*(?::[^=]*)?=\s*["']([^"']+)["']""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision\s*(?::[^=]*)?=\s*(?:["']([^"']+)["']|(None))\s*$""", re.MULTILINE
)


def scripted_head() -> str | None:
    """The head revision read from the migration files as text (no Alembic import).

    None when it cannot be told for sure (no source files, a merge, a branch): the
    caller then asks Alembic.
    """
    versions = resources.files("qe_desktop.storage") / "migrations" / "versions"
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        scripts = [f for f in versions.iterdir() if f.name.endswith(".py")]
        for script in scripts:
            if script.name == "__init__.py":
                continue
            text = script.read_text(encoding="utf-8")
            revision, parent = _REVISION.search(text), _DOWN_REVISION.search(text)
            if revision is None or parent is None:
                return None
            revisions.add(revision[1])
            if parent[1]:
                parents.add(parent[1])
    except OSError:
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None
