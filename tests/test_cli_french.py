"""The command line speaks French: argparse's headings, help lines and errors (exit code 2)."""

from __future__ import annotations

import argparse

import pytest

from qe_desktop import cli
from qe_desktop.app import main

ENGLISH = (
    "usage:",
    "positional arguments",
    "show this help message and exit",
    "show program's version number and exit",
    "error:",
    "unrecognized arguments",
    "invalid choice",
    "the following arguments are required",
    "expected one argument",
)


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every parser under `parser`, sub-commands of sub-commands included."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found.extend(_subparsers(child))
    return found


def test_every_help_is_french() -> None:
    parsers = _subparsers(cli.build_parser())
    assert len(parsers) > 20
    for parser in parsers:
        text = parser.format_help()
        assert text.startswith("usage : "), parser.prog
        assert "afficher cette aide et quitter" in text
        for word in ENGLISH:
            assert word not in text, (parser.prog, word)
    assert "afficher la version et quitter" in parsers[0].format_help()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--bogus"], "qe-desktop : erreur : arguments non reconnus : --bogus"),
        (["expor"], "choix invalide : 'expor'"),
        (["export"], "arguments obligatoires manquants : -o/--output"),
        (["export", "-o", "x", "--format", "odt"], "argument --format : choix invalide : 'odt'"),
        (["follow", "remove", "abc"], "argument ID : valeur invalide : 'abc'"),
        (["follow", "add"], "il faut l'un de ces arguments : --author"),
        (["follow", "add", "--author", "a", "--theme", "b"], "incompatible avec l'argument"),
        (["inbox", "--mark-seen"], "il faut au moins une valeur"),
        (["show"], "arguments obligatoires manquants : key"),
    ],
)
def test_usage_errors_are_french_and_exit_two(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert said in err
    assert err.startswith("usage : qe-desktop")
    for word in ENGLISH:
        assert word not in err, word


def test_help_and_version_exit_zero_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage : qe-desktop") and "options:" in out
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out.startswith("qe-desktop ")


def test_other_parsers_keep_their_words() -> None:
    """The French words are lent while a parser of ours works, not installed for good."""
    cli.build_parser().format_help()
    plain = argparse.ArgumentParser(prog="outil")
    assert plain.format_help().startswith("usage: outil")
    assert "show this help message and exit" in plain.format_help()
