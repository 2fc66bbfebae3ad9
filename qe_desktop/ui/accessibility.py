"""What a screen reader announces on the reading desk, the Tab order, high contrast.

Half of the desk's focusable widgets had no name a screen reader could say (the
question and answer panes, the library table, the filter drop-downs, the note
editors, the annotation list, the tab bar). Names are given here, in one place, so
the panels stay free of it; the panes announce the open question's number.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from qe_desktop.domain.views import QuestionDetail
from qe_desktop.ui.host import HostWindow
from qe_desktop.ui.reader.reader_panel import ReaderPanel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def spoken_name(widget: QWidget) -> str:
    """The name assistive technologies get for a widget (its own, its text, its label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return name or widget.accessibleName()


def _name(widget: QWidget | None, name: str, description: str = "") -> None:
    if widget is not None:
        widget.setAccessibleName(name)
        if description:
            widget.setAccessibleDescription(description)


def _fallback(widget: QWidget) -> str:
    """A name from what a sighted user reads near the widget."""
    owner = widget.parentWidget()
    if owner is not None and owner.accessibleName() and isinstance(widget, QLineEdit):
        return owner.accessibleName()  # a date field's or a combo box's own text field
    if isinstance(widget, QLineEdit | QPlainTextEdit) and widget.placeholderText():
        return str(widget.placeholderText())
    if widget.toolTip():
        return widget.toolTip().split("\n")[0]
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title()
        if isinstance(parent, QDockWidget):
            return parent.windowTitle()
        parent = parent.parentWidget()
    return ""


def name_unnamed(root: QWidget) -> None:
    """Give every focusable widget under `root` that has no spoken name one."""
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or spoken_name(widget):
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            continue
        fallback = _fallback(widget)
        if fallback:
            widget.setAccessibleName(fallback)


def name_desk(window: HostWindow) -> None:
    """Names (and descriptions where useful) for the reading desk's widgets, in French."""
    library, reader = window.library, window.reader
    _name(
        library.search,
        translate("Accessibility", "Search the library"),
        translate("Accessibility", "Words, a phrase in quotes, or a question number"),
    )
    _name(
        library.table,
        translate("Accessibility", "Questions of the library"),
        translate("Accessibility", "Enter opens the selected question; F6 goes to its text"),
    )
    filters = library.filters
    for combo, label in (
        (filters.chamber, translate("Accessibility", "Chamber filter")),
        (filters.legislature, translate("Accessibility", "Legislature filter")),
        (filters.ministry, translate("Accessibility", "Ministry filter")),
        (filters.group, translate("Accessibility", "Group filter")),
        (filters.author, translate("Accessibility", "Author filter")),
        (filters.category, translate("Accessibility", "Highlight category filter")),
        (filters.tag, translate("Accessibility", "Tag filter")),
        (filters.published_from, translate("Accessibility", "Published from")),
        (filters.published_to, translate("Accessibility", "Published until")),
    ):
        _name(combo, label)
    announce(reader, reader.detail)
    tools = getattr(window, "annotation_tools", None)
    if tools is not None:
        panel = tools.panel
        _name(panel.question_note, translate("Accessibility", "Note on the question"))
        _name(panel.search, translate("Accessibility", "Filter the highlights"))
        _name(panel.category_filter, translate("Accessibility", "Highlight category filter"))
        _name(panel.tag_filter, translate("Accessibility", "Highlight tag filter"))
        _name(panel.state_filter, translate("Accessibility", "Highlight state filter"))
        _name(panel.list, translate("Accessibility", "Highlights of the question"))
        _name(panel.category_combo, translate("Accessibility", "Category of the highlight"))
        _name(panel.tags_edit, translate("Accessibility", "Tags of the highlight"))
        _name(
            panel.note_edit.editor, translate("Accessibility", "Note on the highlight (Markdown)")
        )
        _name(panel.note_edit.preview, translate("Accessibility", "Preview of the note"))
        _name(panel.note_edit.tabBar(), translate("Accessibility", "Write or preview the note"))
    commitments = getattr(window, "commitment_tools", None)
    if commitments is not None:
        view = commitments.view
        _name(view.table, translate("Accessibility", "Commitments"))
        _name(view.ministry_combo, translate("Accessibility", "Commitment ministry filter"))
        _name(view.status_combo, translate("Accessibility", "Commitment status filter"))
    for bar in window.findChildren(QTabBar):
        if not spoken_name(bar):
            _name(bar, translate("Accessibility", "Side panels"))
    name_unnamed(window)


def announce(reader: ReaderPanel, detail: QuestionDetail | None) -> None:
    """The panes say which question they hold: "Question n° 02580", "Réponse n° 02580"."""
    if detail is None:
        _name(reader.question_pane, translate("Accessibility", "Question"))
        _name(reader.answer_pane, translate("Accessibility", "Answer"))
        return
    record = detail.record
    if record.number:
        question = translate("Accessibility", "Question No. %1").replace("%1", record.number)
        answer = translate("Accessibility", "Answer No. %1").replace("%1", record.number)
    else:  # a pasted Sénat page may have no number: its date says which one it is
        day = record.published_on.strftime("%d/%m/%Y") if record.published_on else detail.key
        question = translate("Accessibility", "Question of %1").replace("%1", day)
        answer = translate("Accessibility", "Answer to the question of %1").replace("%1", day)
    _name(reader.question_pane, question, record.title or "")
    _name(reader.answer_pane, answer, record.answer_ministry or "")


def set_tab_order(window: HostWindow) -> None:
    """Tab goes search → list → question → answer → side panel, in reading order."""
    chain: list[QWidget] = [
        window.library.search,
        window.library.filters.more_button,
        window.library.filters.clear_button,
        window.library.table,
        window.reader.question_pane,
        window.reader.answer_pane,
    ]
    tools = getattr(window, "annotation_tools", None)
    if tools is not None:
        panel = tools.panel
        chain += [
            panel.question_note,
            panel.search,
            panel.category_filter,
            panel.tag_filter,
            panel.state_filter,
            panel.list,
            panel.category_combo,
            panel.tags_edit,
            panel.note_edit.editor,
            panel.delete_button,
            panel.save_button,
        ]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


HIGH_CONTRAST_PROPERTY = "highContrast"


def follow_contrast(window: QWidget) -> None:
    """In high contrast, fixed greys and colours give way to the system's palette."""
    style_hints = QGuiApplication.styleHints()  # kept: the accessibility hints belong to it
    hints = style_hints.accessibility()
    high = hints.contrastPreference() == Qt.ContrastPreference.HighContrast
    apply_contrast(window, high)
    hints.contrastPreferenceChanged.connect(
        lambda preference: apply_contrast(window, preference == Qt.ContrastPreference.HighContrast)
    )


def apply_contrast(window: QWidget, high: bool) -> None:
    window.setProperty(HIGH_CONTRAST_PROPERTY, high)
    if not high:
        return
    for widget in window.findChildren(QWidget):
        sheet = widget.styleSheet()
        if "color" in sheet and not isinstance(widget, QComboBox | QTabBar):
            widget.setStyleSheet("")  # the palette's own text colour, readable on its base


class DeskAccessibility(QObject):
    """Keeps the panes' announced names in step with the open question."""

    def __init__(self, window: HostWindow) -> None:
        super().__init__(window)
        name_desk(window)
        set_tab_order(window)
        follow_contrast(window)
        window.reader.detail_shown.connect(lambda detail: announce(window.reader, detail))
