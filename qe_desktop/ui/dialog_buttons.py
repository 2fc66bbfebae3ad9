"""The Ok/Cancel button row every small dialog ends with, wired to accept/reject."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QVBoxLayout


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Ok and Cancel, connected to `dialog.accept` and `dialog.reject`."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def body_and_buttons(dialog: QDialog, body: QLayout) -> QVBoxLayout:
    """The dialog's layout: `body` above the Ok/Cancel row."""
    layout = QVBoxLayout(dialog)
    layout.addLayout(body)
    layout.addWidget(ok_cancel_buttons(dialog))
    return layout
