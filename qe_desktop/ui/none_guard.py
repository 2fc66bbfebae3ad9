"""Work around PySide6 6.12 on Python 3.11: every call of a Qt method that returns
nothing takes one reference from `None` without giving it back.

From Python 3.12 `None` is immortal and the missing reference does not matter; on
3.11 its count reaches zero after a few thousand calls and the interpreter aborts
("none_dealloc: deallocating None") — painting the library list while scrolling
through 100,000 questions was enough. Until the binding is fixed (or Python 3.12 is
required), `None` gets the same treatment as on 3.12: a reference count so large
that no number of calls can bring it to zero.
"""

from __future__ import annotations

import ctypes
import sys

IMMORTAL_REFERENCES = 1 << 40  # a million million calls before it could matter


def none_is_fragile() -> bool:
    """Whether this interpreter can free `None` (before Python 3.12)."""
    return sys.version_info < (3, 12)


def keep_none_alive() -> None:
    """Give `None` enough references to outlive any number of faulty calls (idempotent)."""
    if not none_is_fragile() or sys.implementation.name != "cpython":
        return
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the object's first field
    if count.value < IMMORTAL_REFERENCES:
        count.value += IMMORTAL_REFERENCES
