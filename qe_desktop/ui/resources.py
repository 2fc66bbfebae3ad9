"""Bundled resources (samples, translations, styles), shipped inside the package."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    node: Traversable = resources.files("qe_desktop.resources")
    for part in parts:
        node = node / part
    return node
