"""`search`, `list` and `show` load neither Qt, nor the parsers, nor the writers, nor spaCy.

Starting the interpreter and loading modules is most of what these commands cost on a
large library (#25): what they do not need must stay unloaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from qe_desktop.cli import EXPORT_FORMATS
from qe_desktop.exporters.formats import ExportFormat
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
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
