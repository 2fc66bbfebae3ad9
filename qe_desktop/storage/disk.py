"""A full disk told apart from other failures, and free space measured before big writes.

SQLite says "database or disk is full" (SQLITE_FULL), the file system ENOSPC,
PostgreSQL SQLSTATE 53100: each must end in a French message, never a traceback.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

DISK_FULL_CODES = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_SQLITE_FULL = "database or disk is full"
_POSTGRES_DISK_FULL = "53100"


class DiskFullError(OSError):
    """Writing stopped because the disk is full; what was written before is intact."""

    def __init__(self, message: str) -> None:
        super().__init__(errno.ENOSPC, message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def is_disk_full(error: BaseException | None) -> bool:
    """Whether `error` (or the error it wraps) means the disk or the database is full."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, DiskFullError):
            return True
        if isinstance(error, OSError) and error.errno in DISK_FULL_CODES:
            return True
        if _SQLITE_FULL in str(error).lower():
            return True
        if getattr(error, "sqlstate", None) == _POSTGRES_DISK_FULL:
            return True
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return False


def free_bytes(folder: Path) -> int | None:
    """Free space on the disk holding `folder` (None when it cannot be told)."""
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


def megabytes(size: int) -> str:
    """A size in French units for messages ("12 Mo", "800 ko")."""
    return f"{max(size, 0) / 1_000_000:.0f} Mo" if size >= 1_000_000 else f"{size // 1000} ko"
