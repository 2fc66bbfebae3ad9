"""`search`, `list` and `show` parsed by `quick_cli` before the command line loads (#25):
the same options, the same help and error messages, the same output, and in a fresh
process neither the command line's package nor the log file's modules are loaded.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from qe_desktop import cli, quick_cli
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.storage.backups import make_backup
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parents[1]

PARSED = [
    ["list"],
    ["--db", "x.sqlite", "list", "--status", "overdue"],
    ["--db=x.sqlite", "list", "--status", "answered", "--chamber", "an", "--limit", "3"],
    ["list", "--stat", "overdue", "--json"],  # an abbreviated option, as argparse allows
    ["show", "KEY"],
    ["show", "KEY", "--json"],
    ["search", "santé publique", "--limit", "5"],
    ["search", "--json", '"numérique responsable"'],
]
DECLINED = [  # the full parser answers these, in its own words
    [],
    ["--help"],
    ["list", "--help"],
    ["search", "-h"],
    ["--version"],
    ["list", "--status", "late"],
    ["list", "--bogus"],
    ["list", "--limit", "many"],
    ["show"],
    ["search"],
    ["lst"],
    ["stats"],
    ["--db"],
    ["--d", "x.sqlite", "list"],
]


@pytest.mark.parametrize("argv", PARSED)
def test_a_reading_command_parses_as_the_full_parser_parses_it(argv: list[str]) -> None:
    assert quick_cli.parse_reading(argv) == cli.build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", DECLINED)
def test_help_versions_and_mistakes_are_left_to_the_full_parser(argv: list[str]) -> None:
    assert quick_cli.parse_reading(argv) is None


def _said(argv: list[str]) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", "absente.sqlite", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return done.returncode, done.stdout, done.stderr


def test_help_and_errors_read_as_they_always_did() -> None:
    """The sub-command parsers `cli.build_parser` builds are `quick_cli`'s: one source."""
    full = cli.build_parser()
    for name in quick_cli.READING_PARSERS:
        sub = _subparser(full, name)
        code, out, _ = _said([name, "--help"])
        assert code == 0 and out == sub.format_help()
    code, out, _ = _said(["--help"])
    assert code == 0 and out == full.format_help()
    code, _, err = _said(["list", "--status", "late"])
    assert code == 2 and "argument --status : choix invalide : 'late'" in err
    assert err.startswith("usage : qe-desktop list [-h]")
    code, _, err = _said(["list", "--bogus"])
    assert code == 2 and err.startswith(full.format_usage())
    assert err.endswith("qe-desktop : erreur : arguments non reconnus : --bogus\n")


def _subparser(parser: object, name: str) -> object:
    import argparse

    assert isinstance(parser, argparse.ArgumentParser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]
    raise AssertionError(name)


def test_the_quick_answer_is_the_services_answer(
    sample_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    services = sample_services
    key = services.questions.rows(QuestionFilter(chamber="an"), Sort("number"))[0].key
    assert services.database.path is not None
    db = str(services.database.path)
    make_backup(services.database.path, "quotidienne")
    for argv in (
        ["list"],
        ["list", "--status", "answered", "--limit", "2"],
        ["search", "intelligence artificielle"],
        ["show", key],
    ):
        out = io.StringIO()
        assert quick_cli.answer_quickly(["--db", db, *argv], out) == 0
        assert cli.run(cli.parse(["--db", db, *argv]), services) == 0
        assert out.getvalue() == capsys.readouterr().out, argv
    assert quick_cli.answer_quickly(["--db", db, "show", key, "--json"]) is None
    assert quick_cli.answer_quickly(["--db", db, "stats"]) is None


PROBE = """
import contextlib, io, json, sys
from qe_desktop.__main__ import main
sys.argv = ["qe-desktop", "--db", sys.argv[1], *json.loads(sys.argv[2])]
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main()
loaded = sorted(m for m in sys.modules if m in ("qe_desktop.cli", "logging", "qe_desktop.app"))
print(json.dumps({"code": code, "lines": out.getvalue().count("\\n"), "loaded": loaded}))
"""


def test_a_fresh_list_loads_neither_the_command_line_nor_the_log(tmp_path: Path) -> None:
    db = tmp_path / "quick.sqlite"
    subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), "import", str(SEED)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    make_backup(db, "quotidienne")
    for argv in (["list", "--status", "answered"], ["search", "santé"]):
        probe = subprocess.run(
            [sys.executable, "-c", PROBE, str(db), json.dumps(argv)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(probe.stdout.strip().splitlines()[-1])
        assert result["code"] == 0 and result["lines"] > 0, argv
        assert result["loaded"] == [], argv
