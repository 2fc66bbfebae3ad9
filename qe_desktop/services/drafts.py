"""Drafts of unsaved notes, kept in the user data folder until their save succeeds.

A note typed in the window is written here as the user types (and before each save);
the draft is dropped only once the library has the text. After a crash, a failed
save or a switch of question while the library was locked, the draft is offered back.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from qe_desktop.exporters.atomic import write_text_atomically

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Draft:
    """Text typed for a note (`note:KEY` or `annotation:ID`) and the version it started from."""

    text: str
    version: int = 0


class DraftStore:
    """One JSON file per library; every change is written atomically at once."""

    def __init__(self, folder: Path | None, library: str) -> None:
        digest = hashlib.sha256(library.encode("utf-8")).hexdigest()[:16]
        self.path = folder / f"brouillons-{digest}.json" if folder is not None else None
        self._drafts: dict[str, Draft] | None = None

    def _load(self) -> dict[str, Draft]:
        if self._drafts is None:
            self._drafts = {}
            if self.path is not None and self.path.exists():
                try:
                    raw = json.loads(self.path.read_text(encoding="utf-8"))
                    self._drafts = {k: Draft(**v) for k, v in raw.items()}
                except (OSError, ValueError, TypeError):
                    log.warning("unreadable drafts file %s", self.path, exc_info=True)
        return self._drafts

    def _write(self) -> None:
        if self.path is None:
            return
        data = {k: asdict(v) for k, v in self._load().items()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1))
        except OSError:  # a full disk: the draft stays in memory for this session
            log.warning("could not write the drafts file %s", self.path, exc_info=True)

    def put(self, name: str, text: str, version: int = 0) -> None:
        """Keep what is typed, so a crash or a failed save never loses it."""
        drafts = self._load()
        if drafts.get(name) != Draft(text, version):
            drafts[name] = Draft(text, version)
            self._write()

    def get(self, name: str) -> Draft | None:
        """The draft kept under this name, if any."""
        return self._load().get(name)

    def drop(self, name: str) -> None:
        """Forget a draft once its text is safely saved."""
        if self._load().pop(name, None) is not None:
            self._write()

    def names(self) -> list[str]:
        """Every draft left, to offer back after a crash."""
        return sorted(self._load())


def note_draft(key: str) -> str:
    """The draft name of a question's free note."""
    return f"note:{key}"


def annotation_draft(annotation_id: str) -> str:
    """The draft name of a highlight's note."""
    return f"annotation:{annotation_id}"
