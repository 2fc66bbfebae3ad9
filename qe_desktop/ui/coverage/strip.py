"""The "Couverture" strip above the reader's panes: how many demands the answer treats.

One chip per demand, coloured by verdict; clicking a chip selects the demand (its
evidence lights up in the answer). A demand left without answer carries a menu to mark
it as an Élusion or dismiss the suggestion.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from qe_desktop.domain.coverage import Addressed, Coverage, DemandCoverage

VERDICT_COLORS = {Addressed.YES: "#2a9d8f", Addressed.PARTLY: "#d4a017", Addressed.NO: "#e63946"}
VERDICT_SIGNS = {Addressed.YES: "✓", Addressed.PARTLY: "½", Addressed.NO: "✗"}


class CoverageStrip(QFrame):
    demand_clicked = Signal(int)
    elusion_accepted = Signal(int)
    elusion_dismissed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Never widen the reader: chips that do not fit are clipped, the summary says it all.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("#coverageStrip { background: #f6f7f9; border-radius: 4px; }")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 3, 8, 3)
        self._layout.setSpacing(6)
        caption = self.tr("Coverage")
        self.title = QLabel(f"<b>{caption}</b>")
        self.summary = QLabel()
        self.summary.setObjectName("coverageSummary")
        # A narrow reader (1280×720) cut "(dont 1 partiellement)": the summary wraps instead.
        self.summary.setWordWrap(True)
        self.summary.setMinimumWidth(80)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.summary, 1)
        self.chips: list[QToolButton] = []
        self._layout.addStretch(0)  # the room goes to the summary, chips to the right
        self.hide()

    def show_pending(self) -> None:
        self._clear_chips()
        self.summary.setText(self.tr("analysing the answer…"))
        self.show()

    def show_message(self, text: str) -> None:
        self._clear_chips()
        self.summary.setText(text)
        self.show()

    def show_coverage(
        self, coverage: Coverage, suggested: frozenset[int] = frozenset(), active: int | None = None
    ) -> None:
        """Summary and chips; `suggested` are the demands offered as Élusions."""
        self._clear_chips()
        total = len(coverage.demands)
        if not total:
            self.summary.setText(self.tr("no request found in the question"))
            self.show()
            return
        text = self.tr("%1 of %2 demands addressed").replace("%1", str(coverage.treated))
        text = text.replace("%2", str(total))
        if coverage.treated and coverage.answered < coverage.treated:
            partly = coverage.treated - coverage.answered
            text += " " + self.tr("(%1 partly)").replace("%1", str(partly))
        self.summary.setText(text)
        for index, item in enumerate(coverage.demands):
            chip = self._chip(index, item, index in suggested, index == active)
            self._layout.insertWidget(self._layout.count() - 1, chip)
            self.chips.append(chip)
        self.show()

    def verdict_label(self, verdict: Addressed) -> str:
        return {
            Addressed.YES: self.tr("answered"),
            Addressed.PARTLY: self.tr("partly answered"),
            Addressed.NO: self.tr("not answered"),
        }[verdict]

    def _chip(self, index: int, item: DemandCoverage, suggested: bool, active: bool) -> QToolButton:
        chip = QToolButton()
        chip.setObjectName(f"coverageChip{index}")
        chip.setText(f"{index + 1} {VERDICT_SIGNS[item.addressed]}")
        chip.setCheckable(True)
        chip.setChecked(active)
        chip.setCursor(Qt.CursorShape.PointingHandCursor)
        color = VERDICT_COLORS[item.addressed]
        border = "dashed" if suggested else "solid"
        chip.setStyleSheet(
            f"QToolButton {{ color: {color}; border: 1px {border} {color}; border-radius: 8px;"
            f" padding: 0 6px; font-weight: bold; background: white; }}"
            f"QToolButton:checked {{ background: {color}; color: white; }}"
        )
        tip = f"<b>{escape(self.verdict_label(item.addressed))}</b><br>{escape(item.demand.text)}"
        if suggested:
            tip += (
                "<br><i>"
                + escape(self.tr("Suggested Élusion: click the arrow to accept or dismiss."))
                + "</i>"
            )
        chip.setToolTip(tip)
        chip.clicked.connect(lambda _checked=False, i=index: self.demand_clicked.emit(i))
        if suggested:
            menu = QMenu(chip)
            accept = menu.addAction(self.tr("Mark as an Élusion"))
            accept.triggered.connect(lambda _checked=False, i=index: self.elusion_accepted.emit(i))
            dismiss = menu.addAction(self.tr("Dismiss the suggestion"))
            dismiss.triggered.connect(
                lambda _checked=False, i=index: self.elusion_dismissed.emit(i)
            )
            chip.setMenu(menu)
            chip.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        return chip

    def set_active(self, active: int | None) -> None:
        for index, chip in enumerate(self.chips):
            chip.setChecked(index == active)

    def _clear_chips(self) -> None:
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
