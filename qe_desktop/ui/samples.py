"""The sample questions bundled in resources/samples."""

from __future__ import annotations

from importlib.resources.abc import Traversable

from qe_desktop.importers.sources import SourceItem
from qe_desktop.ui.resources import resource


def _walk(node: Traversable, prefix: str) -> list[SourceItem]:
    items: list[SourceItem] = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        name = f"{prefix}/{child.name}"
        if child.is_dir():
            items.extend(_walk(child, name))
        elif not child.name.startswith((".", "_")):
            items.append(SourceItem(name=name, data=child.read_bytes()))
    return items


def sample_items() -> list[SourceItem]:
    return _walk(resource("samples"), "exemples")
