"""A library chosen with --db (or $QE_DESKTOP_DB) that cannot be what the user meant.

Opening a path creates a library there: right for `import` into a new file, wrong for
`list` after a typo in the path (an empty list, a stray file, exit code 0). An empty
--db (an unset variable in a script) fell back on the default library without a word.
Checked before anything is opened or created; light (no SQLAlchemy): `list` runs it.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path

from qe_desktop.services.locations import DB_ENV

# Commands that only read or change what a library already holds: on a library that
# does not exist they would answer about an empty one just created. (`screenshot` may
# render an empty library: tests/ui/test_system_libraries.py.)
NEEDS_EXISTING = {
    "list", "show", "search", "stats", "export", "commitments", "versions", "coverage",
    "imports", "inbox", "annotate", "suggestions",
}  # fmt: skip
NEEDS_EXISTING_ACTIONS = {("annotations", "export"), ("annotations", "list"),
                          ("annotations", "delete"), ("backups", "list")}  # fmt: skip
SCHEMES = ("sqlite", "postgresql", "postgres")
TEXT_PROBE = 4096


class LibraryChoiceError(Exception):
    """What is wrong with the library named, in French; `code` is the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def check_library_choice(args: argparse.Namespace, environ: Mapping[str, str]) -> None:
    """Raise LibraryChoiceError when the library named on purpose cannot be meant."""
    chosen = args.db if args.db is not None else (environ.get(DB_ENV) or None)
    where = "--db" if args.db is not None else DB_ENV
    if chosen is None:
        return  # the default library: the first start creates it
    action = getattr(args, "action", None)
    must_exist = args.command in NEEDS_EXISTING or (args.command, action) in NEEDS_EXISTING_ACTIONS
    _check(chosen, where, must_exist=must_exist)


def check_peer(peer: str) -> bool:
    """`sync --with`: raise for what cannot be a library; True when the other library is a
    file that does not exist yet (the sync creates it: a copy on a USB key, or a typo the
    command then says)."""
    _check(peer, "--with", must_exist=False)
    return "://" not in peer and not Path(peer).expanduser().exists()


def _check(chosen: str, where: str, *, must_exist: bool) -> None:
    if not chosen.strip():
        raise LibraryChoiceError(f"{where} : chemin vide (une variable non définie ?)", 2)
    if "://" in chosen:
        scheme = chosen.split("://", 1)[0].split("+", 1)[0].lower()
        if scheme not in SCHEMES:
            raise LibraryChoiceError(
                f"{where} : « {scheme} » n'est pas pris en charge "
                "(un fichier SQLite, ou une URL postgresql://)",
                2,
            )
        return
    path = Path(chosen).expanduser()
    if path.is_dir():
        raise LibraryChoiceError(
            f"{path} est un dossier : donnez le fichier de la bibliothèque "
            f"(par exemple {path / 'bibliotheque.sqlite'})",
            2,
        )
    if path.is_file():
        if _is_text(path):
            raise LibraryChoiceError(
                f"{path} n'est pas une bibliothèque qe-desktop (c'est un fichier texte) ; "
                "rien n'y a été écrit",
                2,
            )
        return
    if must_exist:
        raise LibraryChoiceError(
            f"bibliothèque introuvable : {path} (vérifiez le chemin ; une nouvelle "
            f"bibliothèque se crée avec « qe-desktop --db {path} import FICHIERS »)",
            2,
        )


def _is_text(path: Path) -> bool:
    """Plain text, not a (possibly damaged) SQLite file: a library always holds NULs."""
    try:
        with path.open("rb") as handle:
            head = handle.read(TEXT_PROBE)
    except OSError:
        return False  # the opening says why
    if not head or b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
