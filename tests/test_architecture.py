"""The layer rules of DESIGN §2, checked on every run."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "qe_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", ["domain", "importers", "exporters"])
def test_pure_layers_import_neither_qt_nor_sqlalchemy(layer: str) -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(found)
        for path in (PACKAGE / layer).rglob("*.py")
        if (found := _imports(path) & {"PySide6", "shiboken6", "sqlalchemy", "alembic"})
    }
    assert offenders == {}


def test_only_the_ui_package_imports_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and _imports(path) & {"PySide6", "shiboken6"}
    ]
    assert offenders == []


def test_import_linter_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports)], cwd=PACKAGE.parent, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")
