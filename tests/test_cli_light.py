"""`search`, `list` and `show` load neither Qt, nor SQLAlchemy, nor the parsers, nor the
writers, nor spaCy, and say the same on their light path as on the services.

Starting the interpreter and loading modules is most of what these commands cost on a
large library (#25): what they do not need must stay unloaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qe_desktop import cli
from qe_desktop.cli import EXPORT_FORMATS
from qe_desktop.domain.annotation import Part
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.exporters.formats import ExportFormat
from qe_desktop.services.container import Services
from qe_desktop.services.quick_read import quick_services
from qe_desktop.storage.backups import make_backup
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "sqlalchemy",
    "PySide6",
    "shiboken6",
    "spacy",
    "alembic",
    "lxml",
    "docx",
    "openpyxl",
    "qe_desktop.ui",
    "qe_desktop.importers",
    "qe_desktop.exporters",
    "qe_desktop.nlp",
    "qe_desktop.services.importing",
    "qe_desktop.services.exporting",
    "qe_desktop.services.container",
    "qe_desktop.domain.commitments",
)
PROBE = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from qe_desktop.app import main
    with contextlib.redirect_stdout(io.StringIO()):
        codes = [main(["--db", sys.argv[1], *args]) for args in json.loads(sys.argv[2])]
    heavy = tuple(json.loads(sys.argv[3]))
    print(json.dumps({"codes": codes, "loaded": sorted(m for m in sys.modules
                                                       if m.startswith(heavy))}))
    """
)


def test_search_list_and_show_load_nothing_heavy(tmp_path: Path) -> None:
    db = tmp_path / "light.sqlite"
    subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), "import", str(SEED)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    listed = subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), "list", "--json"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    key = json.loads(listed.stdout)[0]["key"]
    commands = [
        ["search", "santé"],
        ["search", "santé", "--json"],
        ["list"],
        ["list", "--status", "overdue", "--json"],
        ["show", key],
    ]
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, str(db), json.dumps(commands), json.dumps(HEAVY)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(probe.stdout.strip().splitlines()[-1])
    assert result["codes"] == [0] * len(commands)
    assert result["loaded"] == []


def test_the_command_line_offers_every_export_format() -> None:
    assert [f.value for f in ExportFormat] == EXPORT_FORMATS


def test_the_light_path_prints_what_the_services_print(
    sample_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    services = sample_services
    key = services.questions.rows(QuestionFilter(chamber="an"), Sort("number"))[0].key
    made = services.annotations.create(key, Part.QUESTION, 0, 20, "chiffre", note="vu", tags=("t",))
    assert services.database.path is not None
    make_backup(services.database.path, "quotidienne")
    light = quick_services(str(services.database.path))
    assert light is not None
    commands = [
        ["list"],
        ["list", "--json"],
        ["list", "--status", "answered", "--chamber", "an", "--limit", "3"],
        ["search", "intelligence artificielle"],
        ["search", "santé", "--json", "--limit", "2"],
        ["search", key],
        ["show", key],
        ["show", made.question_key],
        ["show", "inconnue"],
    ]
    for argv in commands:
        args = cli.parse(["--db", str(services.database.path), *argv])
        assert cli.reads_only(args)
        code = cli.run(args, services)
        full = capsys.readouterr()
        assert cli.run_reading(args, light) == code
        assert capsys.readouterr() == full, argv
    light.close()
    assert not cli.reads_only(cli.parse(["show", key, "--json"]))  # similar texts, coverage
