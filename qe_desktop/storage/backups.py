"""Rotating backups of a SQLite library through SQLite's online backup API.

The backup API copies a consistent snapshot even while the library is open and
in WAL mode, unlike a file copy. Backups sit in a `backups/` folder next to the
library, named `<library>-<reason>-<UTC stamp>.sqlite`, and each reason keeps
its own number of copies.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from qe_desktop.storage.disk import DiskFullError, is_disk_full

KEEP = {"quotidienne": 7, "avant-import": 5, "avant-migration": 5, "avant-restauration": 3}
DEFAULT_KEEP = 5
_NAME = re.compile(r"^(?P<reason>[a-z-]+)-(?P<stamp>\d{8}T\d{6}(?:\d{6})?)\.sqlite$")


@dataclass(frozen=True, slots=True)
class Backup:
    """A backup copy found next to the library, with why and when it was taken."""

    path: Path
    reason: str
    taken_at: datetime
    size: int


def backup_dir(library: Path) -> Path:
    """The folder backups are kept in, beside the library so they move with it."""
    return library.parent / "backups"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%f")


def copy_database(source: Path, target: Path) -> None:
    """Copy one SQLite file into another with the backup API (consistent snapshot)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
        partial.replace(target)
    except Exception as error:
        partial.unlink(missing_ok=True)  # never half a backup left behind
        if is_disk_full(error):
            raise DiskFullError(
                f"Disque plein : la sauvegarde n'a pas pu être écrite dans {target.parent} ; "
                "la bibliothèque est intacte."
            ) from error
        raise
    finally:
        src.close()


def make_backup(library: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy the library before a risky step (or daily), keeping only the latest few per reason."""
    now = now or datetime.now(UTC)
    target = backup_dir(library) / f"{library.stem}-{reason}-{_stamp(now)}.sqlite"
    copy_database(library, target)
    rotate(library, reason)
    return target


def list_backups(library: Path) -> list[Backup]:
    """Backups of this library, newest first."""
    folder = backup_dir(library)
    if not folder.is_dir():
        return []
    found = []
    prefix = f"{library.stem}-"
    for path in folder.glob(f"{library.stem}-*.sqlite"):
        match = _NAME.match(path.name.removeprefix(prefix))
        if not match:
            continue
        stamp = match["stamp"]
        fmt = "%Y%m%dT%H%M%S%f" if len(stamp) > 15 else "%Y%m%dT%H%M%S"
        taken = datetime.strptime(stamp, fmt).replace(tzinfo=UTC)
        found.append(Backup(path, match["reason"], taken, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def rotate(library: Path, reason: str) -> None:
    """Delete the oldest backups taken for a reason beyond how many that reason keeps."""
    keep = KEEP.get(reason, DEFAULT_KEEP)
    same = [b for b in list_backups(library) if b.reason == reason]
    for old in same[keep:]:
        old.path.unlink(missing_ok=True)


def has_backup_since(library: Path, reason: str, since: datetime) -> bool:
    """Whether a backup for this reason was already taken, so the daily one runs once a day."""
    return any(b.reason == reason and b.taken_at >= since for b in list_backups(library))


def restore_into(backup: Path, library: Path) -> None:
    """Replace the library's content with a backup's (the library may be open elsewhere).

    The backup is checked first: a damaged backup is refused and nothing changes.
    """
    check = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        result = check.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise ValueError(f"{backup.name} n'est pas une sauvegarde lisible ({error})") from error
    finally:
        check.close()
    if result != [("ok",)]:
        raise ValueError(f"{backup.name} est endommagée ; la bibliothèque n'a pas été modifiée")
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    dst = sqlite3.connect(library, timeout=30)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
