"""Hostile text in the reader: shown as text, never executed, nothing fetched."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from qe_desktop.ui.reader.text_pane import TextPane

HOSTILE = (
    "<script>alert('x')</script><img src='http://tracker.example/p.png'>"
    "<link rel=stylesheet href='https://evil.example/s.css'>Texte"
)


def test_markup_in_a_text_is_displayed_literally_and_fetches_nothing(qtbot) -> None:
    pane = TextPane()
    qtbot.addWidget(pane)
    requested: list[str] = []
    original = pane.loadResource

    def spy(kind: int, name: QUrl) -> object:
        requested.append(name.toString() if isinstance(name, QUrl) else str(name))
        return original(kind, name)

    pane.loadResource = spy  # type: ignore[method-assign]
    pane.show_text(HOSTILE)
    with qtbot.waitExposed(pane):
        pane.show()
    pane.viewport().repaint()  # laid out and painted now: any image would be asked for
    assert pane.toPlainText() == HOSTILE  # canonical text is plain text, not HTML
    assert requested == []


def test_the_pane_refuses_every_resource_request(qtbot) -> None:
    pane = TextPane()
    qtbot.addWidget(pane)
    for url in ("http://tracker.example/p.png", "https://evil.example/s.css", "file:///etc/passwd"):
        kind = int(QTextDocument.ResourceType.ImageResource.value)
        assert pane.loadResource(kind, QUrl(url)) is None
    assert pane.openLinks() is False
