"""argparse in French: its headings, its help line and its error messages.

argparse looks every word it prints up with `gettext` (the module-level `_` and
`ngettext` it imported). `FrenchParser` swaps those two for the French table below
while it builds, parses, prints help or reports an error, and puts them back
afterwards: other parsers in the same process (pytest's, the tools') keep their words.
Sub-parsers are built with the parent's class, so every sub-command speaks French too.

Outside the `cli` package: `quick_cli` builds the light parser with it (#25).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from typing import Any, NoReturn

FRENCH: dict[str, str] = {
    "usage: ": "usage : ",
    "positional arguments": "arguments",
    "options": "options",
    "subcommands": "sous-commandes",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "one of the arguments %s is required": "il faut l'un de ces arguments : %s",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "ignored explicit argument %r": "valeur %r inattendue",
    "expected one argument": "il faut une valeur",
    "expected at most one argument": "il faut au plus une valeur",
    "expected at least one argument": "il faut au moins une valeur",
    "expected %s argument": "il faut %s valeur",
    "expected %s arguments": "il faut %s valeurs",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "unexpected option string: %s": "option inattendue : %s",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (au choix : %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "sous-commande inconnue : %(parser_name)r (au choix : %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "cannot have multiple subparser arguments": "une seule sous-commande à la fois",
}


def french(message: str) -> str:
    """`message` in French when the table has it, else as it is."""
    return FRENCH.get(message, message)


def french_plural(singular: str, plural: str, count: int) -> str:
    """`ngettext`'s part: the French of the form `count` calls for."""
    return french(singular if count == 1 else plural)


@contextlib.contextmanager
def speaking_french() -> Iterator[None]:
    """Argparse's words in French for the duration of the block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = french  # type: ignore[attr-defined]
    argparse.ngettext = french_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose headings, help and errors are in French (exit code 2 kept)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with speaking_french():  # the -h option's help is written here
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """The --version option gets a French help line."""
        if kwargs.get("action") == "version":
            kwargs.setdefault("help", french("show program's version number and exit"))
        with speaking_french():
            return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Sub-parsers are made of this class: French all the way down."""
        with speaking_french():
            return super().add_subparsers(**kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Any = None, namespace: Any = None
    ) -> argparse.Namespace:
        """Parse in French ("unrecognized arguments" is said here)."""
        with speaking_french():
            parsed: argparse.Namespace = super().parse_args(args, namespace)
        return parsed

    def parse_known_args(  # type: ignore[override]
        self, args: Any = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse in French (type and choice errors are written here)."""
        with speaking_french():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        """The usage line, in French."""
        with speaking_french():
            return super().format_usage()

    def format_help(self) -> str:
        """The whole help, in French."""
        with speaking_french():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        """The usage and the error in French on stderr; exit code 2."""
        with speaking_french():
            super().error(message)
        raise AssertionError("unreachable")  # pragma: no cover - error() exits
