"""The portfolio grouping in use: the bundled table, after the user's own lines if any."""

from __future__ import annotations

import contextlib
from importlib import resources
from pathlib import Path

from platformdirs import user_config_dir

from qe_desktop.domain.portfolios import PortfolioMap

FILE_NAME = "portfolios.tsv"


def user_portfolios_file() -> Path:
    """Where a user's own grouping goes (its lines are read before the bundled ones)."""
    return Path(user_config_dir("qe-desktop", appauthor=False)) / FILE_NAME


def load_portfolios(user_file: Path | None = None) -> PortfolioMap:
    """The ministry-to-portfolio table: the user's own file first, then the bundled one."""
    bundled = resources.files("qe_desktop.resources").joinpath(FILE_NAME)
    texts = [bundled.read_text(encoding="utf-8")] if bundled.is_file() else []
    own = user_file if user_file is not None else user_portfolios_file()
    # No own table (the usual case) or an unreadable one: the bundled table alone.
    with contextlib.suppress(OSError, UnicodeDecodeError):
        texts.insert(0, own.read_text(encoding="utf-8"))
    return PortfolioMap.parse(*texts)
