"""Grab every screen a user opens, at laptop sizes, to PNGs: a visual check before a release.

    .venv/bin/python tools/screen_tour.py /tmp/screens9            # 1366x768, 1280x720, 1920x1080
    .venv/bin/python tools/screen_tour.py /tmp/screens9 1280x720   # one size

Each size runs in its own process on the offscreen platform with a screen of that size, so
that dialogs see the screen a laptop would give them. The library is built from
resources/samples plus highlights, a follow, a held update and a failed import. Besides the
PNGs, `problems.txt` lists what can be measured: a window larger than the screen, a button
outside its window or cut, a label cut or a table header elided.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ["1366x768", "1280x720", "1920x1080"]
SEED_KEY = "senat-20250130-fabien-genet-p246"
SEED = ROOT / "resources" / "samples" / "senat" / "genet-2025-ia-services-publics.txt"
CUT = "Le Gouvernement est pleinement engagé dans le développement"
QUOTES = [
    ("l'ensemble des ministères présenteront d'ici juin 2025", "engagement", "Vérifier à Vivatech"),
    ("6 février 2025", "chiffre", ""),
    ("Chaque ministère élabore actuellement une feuille de route", "relancer", "Calendrier ?"),
]


def run_all(out: Path) -> None:
    for size in SIZES:
        subprocess.run([sys.executable, __file__, str(out), size], check=True)


def _screen_config(folder: Path, width: int, height: int) -> str:
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path = folder / "screen.json"
    path.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
    return f"offscreen:configfile={path}"


def _library(folder: Path):
    from qe_desktop.domain.annotation import Part
    from qe_desktop.domain.follows import FollowKind
    from qe_desktop.services.container import Services
    from qe_desktop.services.library import open_library

    services = Services.build(open_library(folder / "exemple.sqlite"), "Claire")
    services.importing.import_paths([ROOT / "resources" / "samples"])
    answer = services.questions.detail(SEED_KEY).record.answer_text or ""
    for quote, category, note in QUOTES:
        start = answer.index(quote)
        services.commitments.highlight(
            SEED_KEY, Part.ANSWER, start, start + len(quote), category, note=note
        )
    words = [i for i in range(len(answer)) if answer[i] == " "]
    for n, at in enumerate(words[4:160:12]):  # many highlights in the side panel
        category = ("chiffre", "relancer", "engagement")[n % 3]
        note = "Note assez longue pour voir comment le panneau la coupe" if n % 2 else ""
        services.annotations.create(SEED_KEY, Part.ANSWER, at + 1, at + 8, category, note=note)
    services.veille.follow(FollowKind.AUTHOR, "M. Fabien Genet")
    services.veille.follow(FollowKind.MINISTRY, "Santé")
    services.backups.create()
    return services


def _held_and_failed(folder: Path) -> list[Path]:
    page = SEED.read_text(encoding="utf-8")
    cut = folder / "copie.txt"
    cut.write_text(page[: page.index(CUT) + len(CUT)], encoding="utf-8")
    broken = folder / "page-abimee.txt"
    broken.write_text("Ceci n'est pas une question écrite.\n", encoding="utf-8")
    empty = folder / "vide.json"
    empty.write_text("{ pas du json", encoding="utf-8")
    return [cut, broken, empty]


def _problems(name: str, widget, screen) -> list[str]:
    """What a user would notice and a program can measure."""
    from PySide6.QtWidgets import QAbstractButton, QHeaderView, QLabel

    found = []
    area = screen.availableGeometry()
    if widget.width() > area.width() or widget.height() > area.height():
        found.append(f"{name}: {widget.width()}x{widget.height()} larger than the screen")
    top = widget.window()
    for button in widget.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or not button.text():
            continue
        if button.visibleRegion().isEmpty():
            continue
        seen = button.visibleRegion().boundingRect().size()
        if seen.width() < button.width() - 1 or seen.height() < button.height() - 1:
            found.append(f"{name}: button {button.text()!r} partly hidden")
        if button.width() < button.sizeHint().width() - 2:
            found.append(f"{name}: button {button.text()!r} narrower than its text")
    for label in widget.findChildren(QLabel):
        if not label.isVisibleTo(top) or not label.text() or label.visibleRegion().isEmpty():
            continue
        if label.wordWrap() and label.hasHeightForWidth():
            if label.height() < label.heightForWidth(label.width()) - 2:
                found.append(f"{name}: label {label.text()[:50]!r} cut at the bottom")
        elif label.width() < label.minimumSizeHint().width() - 2:
            found.append(f"{name}: label {label.text()[:50]!r} cut on the right")
    for header in widget.findChildren(QHeaderView):
        if header.orientation().name != "Horizontal" or header.visibleRegion().isEmpty():
            continue
        model = header.model()
        if model is None:
            continue
        metrics = header.fontMetrics()
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            text = str(model.headerData(column, header.orientation()) or "")
            need = metrics.horizontalAdvance(text) + 12
            if text and header.sectionSize(column) < need:
                found.append(f"{name}: header {text!r} cut ({header.sectionSize(column)} < {need})")
    return found


def _texts(widget) -> list[str]:
    """Visible texts, to read for English left untranslated."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit

    texts = []
    for kind in (QLabel, QAbstractButton, QGroupBox):
        for child in widget.findChildren(kind):
            if child.isVisibleTo(widget.window()):
                text = child.title() if isinstance(child, QGroupBox) else child.text()
                if text:
                    texts.append(text.replace("\n", " ")[:120])
    for edit in widget.findChildren(QLineEdit):
        if edit.isVisibleTo(widget.window()) and edit.placeholderText():
            texts.append("placeholder: " + edit.placeholderText())
    return texts


def tour(out: Path, size: str) -> list[str]:
    width, height = (int(n) for n in size.split("x"))
    folder = Path(tempfile.mkdtemp(prefix="qe-tour-"))
    os.environ["QT_QPA_PLATFORM"] = _screen_config(folder, width, height)
    os.environ["XDG_CONFIG_HOME"] = str(folder)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from qe_desktop.services.container import Services
    from qe_desktop.services.library import open_library
    from qe_desktop.ui.application import install_translation, make_application
    from qe_desktop.ui.jobs import wait_for_jobs
    from qe_desktop.ui.main_window import MainWindow

    services = _library(folder)
    app = make_application()
    install_translation(app, "fr")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    screen = app.primaryScreen()
    target = out / size
    target.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    texts: dict[str, list[str]] = {}

    def settle() -> None:
        for _ in range(4):
            wait_for_jobs()
            for _ in range(15):
                app.processEvents()

    def shot(name: str, widget: QWidget) -> None:
        settle()
        widget.grab().save(str(target / f"{name}.png"))
        problems.extend(_problems(name, widget, screen))
        texts[name] = _texts(widget)

    def dialog(name: str, make: Callable[[], QWidget]) -> None:
        try:
            shown = make()
            shown.show()
            shot(name, shown)
            shown.close()
        except Exception as error:  # noqa: BLE001 - one screen failing must not hide the rest
            problems.append(f"{name}: could not be shown ({error!r})")

    window.refresh()
    window.show()
    window.size_to_screen()  # as at a first start: the window fits the screen
    window.show_question(SEED_KEY)
    settle()
    shot("01-desk", window)
    window.annotation_tools.panel.select_annotation(
        services.annotations.for_question(SEED_KEY)[0].id
    )
    shot("02-desk-annotation-selected", window)
    window.commitment_tools.show_view()
    shot("03-commitments-dock", window)
    window.veille_tools.show_news()
    shot("04-veille-news", window)

    from qe_desktop.ui.backups_dialog import BackupsDialog
    from qe_desktop.ui.import_history_dialog import ImportHistoryDialog
    from qe_desktop.ui.settings_dialog import SettingsDialog
    from qe_desktop.ui.team_dialog import TeamLibraryDialog
    from qe_desktop.ui.window_extras import ShortcutsDialog, report_box

    dialog("10-export", window.open_export)
    dialog("11-settings", lambda: SettingsDialog(settings, window))
    dialog("12-backups", lambda: BackupsDialog(services.backups.list(), window))
    dialog("14-team-library", lambda: TeamLibraryDialog(settings, window))
    dialog("15-shortcuts", lambda: ShortcutsDialog(window))
    dialog("16-all-annotations", window.annotation_tools.show_all_annotations)
    from qe_desktop.ui.annotations.categories_dialog import CategoriesDialog

    categories = window.annotation_tools.controller.load_categories()
    dialog("17-categories", lambda: CategoriesDialog(categories, window))
    view = window.commitment_tools.view
    if view.model.rowCount():
        view.table.selectRow(0)
        dialog("18-commitment-status", lambda: view.change_status() or QWidget())
        dialog("19-commitment-due", lambda: view.edit_due() or QWidget())
        dialog("20-commitment-follow-up", lambda: view.follow_up() or QWidget())

    report = services.importing.import_paths(_held_and_failed(folder))
    dialog(
        "13-import-history", lambda: ImportHistoryDialog(services.import_history.recent(), window)
    )
    dialog("21-import-report-failed", lambda: report_box(window, report))
    window.show_question(SEED_KEY)
    window.open_question(SEED_KEY)
    shot("22-desk-held-version", window)
    from qe_desktop.domain.annotation import Part

    bar = window.reader.version_bars[Part.ANSWER]
    if bar.pending is not None:
        dialog(
            "23-version-diff", lambda: window.annotation_tools.versions.show_version(bar.pending)
        )
    analyses = window.analyses_tools.show_analyses()
    analyses.resize(min(width, 1366), min(height, 768))
    shot("30-analyses", analyses)
    analyses.close()

    window.close()
    wait_for_jobs()
    empty_services = Services.build(open_library(folder / "vide.sqlite"), "Claire")
    empty = MainWindow(
        empty_services, QSettings(str(folder / "empty.ini"), QSettings.Format.IniFormat)
    )
    empty.refresh()
    empty.show()
    empty.size_to_screen()
    shot("40-welcome-empty-library", empty)
    empty.close()
    wait_for_jobs()
    services.close()
    empty_services.close()
    (target / "problems.txt").write_text("\n".join(problems) + "\n", encoding="utf-8")
    lines = [f"== {name}\n" + "\n".join(f"  {t}" for t in shown) for name, shown in texts.items()]
    (target / "texts.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    QApplication.processEvents()
    return problems


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/screens")
    if len(sys.argv) > 2:
        found = tour(out, sys.argv[2])
        print(f"{sys.argv[2]}: {len(found)} problem(s), PNGs in {out / sys.argv[2]}")
    else:
        run_all(out)


if __name__ == "__main__":
    main()
