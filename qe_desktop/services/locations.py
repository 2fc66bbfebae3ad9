"""Where the library is: --db, $QE_DESKTOP_DB or the user data folder.

Apart from `services/library.py` so that finding the library loads no database code:
the command line's light path (`services/quick_read.py`) needs the location first.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "qe-desktop"
DB_ENV = "QE_DESKTOP_DB"


def default_library_path() -> Path:
    """Where the library lives when the user chose no other place."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "bibliotheque.sqlite"


def drafts_folder() -> Path:
    """Where drafts of unsaved notes wait (services/drafts.py)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "brouillons"


def resolve_location(option: str | None) -> str:
    """--db wins, then $QE_DESKTOP_DB, then the default file in the user data folder."""
    return option or os.environ.get(DB_ENV) or str(default_library_path())


def default_user_name() -> str:
    """The login name, to sign annotations until the user sets their own."""
    import getpass  # here: `list` and `search` find the library without loading logging
    import logging

    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes
        logging.getLogger(__name__).info(
            "No login name: the user is called 'utilisateur'", exc_info=True
        )
        return "utilisateur"
