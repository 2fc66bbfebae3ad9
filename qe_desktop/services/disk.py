"""Free space before big writes, and a full disk told apart (for the window and the CLI).

The backup taken before an import alone needs the library's size; the import needs
about the size of what it reads. When the disk obviously lacks that, the user is
warned before anything starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qe_desktop.storage.disk import DiskFullError, free_bytes, is_disk_full, megabytes

__all__ = ["DiskFullError", "describe_failure", "is_disk_full", "space_warning"]


def _size(path: Path) -> int:
    try:
        if path.is_file():
            return path.stat().st_size
        if path.is_dir():
            return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    except OSError:
        return 0
    return 0


def space_warning(
    library: Path | None, inputs: Sequence[Path], free: int | None = None
) -> str | None:
    """A French warning when the library's disk cannot hold a backup and the import."""
    if library is None:  # a team library: the server's disk
        return None
    free = free_bytes(library.parent) if free is None else free
    if free is None:
        return None
    backup = library.stat().st_size if library.exists() else 0
    needed = backup + sum(_size(Path(p)) for p in inputs)
    if free >= needed:
        return None
    return (
        f"espace disque insuffisant : il reste {megabytes(free)} sur le disque de "
        f"{library.parent}, la sauvegarde et l'import demandent environ {megabytes(needed)}. "
        "Libérez de la place avant d'importer."
    )


def describe_failure(error: BaseException) -> str:
    """Why a save failed, in the user's words (the window shows it next to the kept text)."""
    if is_disk_full(error):
        return "disque plein"
    message = str(getattr(error, "orig", None) or error).lower()
    if "locked" in message or "busy" in message:
        return "bibliothèque occupée par un autre programme, réessayez dans un instant"
    if "connection" in message or "server closed" in message or "unable to open" in message:
        return "connexion à la bibliothèque perdue"
    return str(error).splitlines()[0] if str(error) else type(error).__name__
