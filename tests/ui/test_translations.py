"""The interface is French: every string is translated and the catalogue really loads.

These tests run lupdate/lrelease themselves (into a temporary folder), so they do not
depend on `make` having compiled the .qm files.
"""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator

from qe_desktop.domain.status import Status
from qe_desktop.services.container import Services
from qe_desktop.ui.application import make_application
from qe_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "qe_desktop" / "ui"
FRENCH = ROOT / "resources" / "translations" / "qe_desktop_fr.ts"
ENGLISH = ROOT / "resources" / "translations" / "qe_desktop_en.ts"
TRANSLATING_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP"}


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


tool = load_tool()


@pytest.fixture(scope="module")
def fresh_french(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The French catalogue merged with the strings the code holds today."""
    ts_file = tmp_path_factory.mktemp("ts") / FRENCH.name
    shutil.copyfile(FRENCH, ts_file)
    tool.run_lupdate(ts_file)
    return ts_file


def test_every_interface_string_has_a_french_translation(fresh_french: Path) -> None:
    missing = tool.unfinished(fresh_french)
    assert not missing, (
        "untranslated strings (run `python tools/update_translations.py` and fill them in "
        "resources/translations/qe_desktop_fr.ts):\n" + "\n".join(map(str, missing))
    )


def test_english_catalogue_has_its_plural_forms(tmp_path: Path) -> None:
    ts_file = tmp_path / ENGLISH.name
    shutil.copyfile(ENGLISH, ts_file)
    tool.run_lupdate(ts_file)
    assert not tool.unfinished(ts_file)


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _messages_in(path: Path) -> Iterator[tuple[str, str, int]]:
    """(context, source, line) of every tr/translate call with literal text in a module."""

    def visit(node: ast.AST, owner: str) -> Iterator[tuple[str, str, int]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                yield from visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and child.args:
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name == "tr" and (text := _literal(child.args[0])):
                    # obj.tr() in a class: lupdate files it under that class. A bare tr()
                    # helper gets a context lupdate cannot know: always reported.
                    method = isinstance(func, ast.Attribute) and owner
                    yield (owner if method else "<a bare tr() helper>"), text, child.lineno
                elif name in TRANSLATING_CALLS - {"tr"} and len(child.args) >= 2:
                    context, text = _literal(child.args[0]), _literal(child.args[1])
                    if context and text:
                        yield context, text, child.lineno
            yield from visit(child, owner)

    yield from visit(ast.parse(path.read_text(encoding="utf-8")), "")


def test_lupdate_sees_every_translatable_string(fresh_french: Path) -> None:
    """A tr() lupdate cannot read (inside an f-string, a confusing construct) stays English."""
    known = {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in ET.parse(fresh_french).getroot().iter("context")
        for message in context.iter("message")
    }
    unseen = [
        f"{path.relative_to(ROOT)}:{line} [{context}] {text!r}"
        for path in sorted(UI.rglob("*.py"))
        for context, text, line in _messages_in(path)
        if (context, text) not in known
    ]
    assert not unseen, "lupdate does not extract:\n" + "\n".join(unseen)


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """Install a freshly compiled catalogue for one test, then remove it."""
    translators: list[QTranslator] = []

    def install(ts_source: Path) -> None:
        qm = tmp_path / ts_source.with_suffix(".qm").name
        tool.run_lupdate(shutil.copyfile(ts_source, tmp_path / ts_source.name))
        tool.run_lrelease(tmp_path / ts_source.name, qm)
        translator = QTranslator()
        assert translator.load(str(qm))
        QCoreApplication.installTranslator(translator)
        translators.append(translator)

    make_application()
    yield install
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_french_catalogue_makes_the_window_french(
    qtbot, installed, sample_services: Services, settings: QSettings
) -> None:
    installed(FRENCH)
    window = MainWindow(sample_services, settings)
    qtbot.addWidget(window)
    window.refresh()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "&Fichier"
    assert "&Affichage" in menus
    library = window.library
    headers = {
        name: library.model.headerData(column, Qt.Orientation.Horizontal)
        for column, (name, _) in enumerate(library.model.COLUMNS)
    }
    assert headers["number"] == "N°"
    assert headers["status"] == "Statut"
    assert headers["delay_days"] == "Délai (j)"
    assert library.filters.status_chips[Status.OVERDUE].text() == "en retard"
    assert library.search.placeholderText().startswith("Rechercher")
    total = sample_services.questions.total()
    assert library.count_label.text() == f"{total} questions"
    assert window.welcome.samples_button.text() == "Charger les questions d'exemple"


def test_english_catalogue_gives_proper_plurals(
    qtbot, installed, sample_services: Services, settings: QSettings
) -> None:
    installed(ENGLISH)
    window = MainWindow(sample_services, settings)
    qtbot.addWidget(window)
    window.refresh()
    total = sample_services.questions.total()
    assert window.library.count_label.text() == f"{total} questions"
    assert window.menuBar().actions()[0].text() == "&File"


def test_french_counts_agree_in_number_instead_of_writing_s_in_brackets() -> None:
    """ "1 engagement suggéré", "3 engagements suggérés": counts go through Qt's %n plurals."""
    translations = ["".join(t.itertext()) for t in ET.parse(FRENCH).getroot().iter("translation")]
    lazy = [text for text in translations if "(s)" in text]
    assert lazy == []
