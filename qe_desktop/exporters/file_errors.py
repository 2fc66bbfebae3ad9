"""Why a file could not be read or written, in French and naming what to fix.

`OSError.strerror` comes from the C library in English ("No such file or directory");
the messages of the command line and the window must say it in French.
"""

from __future__ import annotations

import errno
from pathlib import Path

_REASONS = {
    errno.EACCES: "accès refusé (droits insuffisants)",
    errno.EPERM: "accès refusé (opération non permise)",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EROFS: "support en lecture seule",
    errno.ENOSPC: "disque plein",
    getattr(errno, "EDQUOT", -1): "quota disque dépassé",  # not on Windows
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EEXIST: "un fichier du même nom existe déjà",
    errno.EBUSY: "fichier occupé par un autre programme",
}


def french_reason(error: OSError, *, writing: bool = False) -> str:
    """The reason of `error`, in French; a missing file or folder says which."""
    if error.errno == errno.ENOENT:
        if writing and error.filename:
            return f"le dossier {Path(str(error.filename)).parent} n'existe pas"
        return "fichier ou dossier introuvable"
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return error.strerror or str(error)


def output_problem(path: Path) -> str | None:
    """Why `path` cannot receive a new file, before any work is done; None when it can."""
    if not str(path).strip() or path.name in ("", ".", ".."):
        return "chemin vide : donnez un nom de fichier"
    if path.is_dir():
        return "c'est un dossier : donnez un nom de fichier dans ce dossier"
    folder = path.parent
    if not folder.exists():
        return f"le dossier {folder} n'existe pas"
    if not folder.is_dir():
        return f"{folder} n'est pas un dossier"
    return None
