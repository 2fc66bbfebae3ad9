"""Atomic file writes: a reader never sees half a file, a failure leaves the old one intact.

The new content is written to a temporary file in the same folder (so that the
final rename stays on one file system) and moved over the target with os.replace.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary_path)`, then move the result over `path`.

    The temporary file is created empty with the usual permissions (umask
    applied); `write` may reopen or replace it. On any error it is removed and
    `path` is left as it was.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
    os.close(descriptor)
    try:
        write(temporary)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_bytes_atomically(path: Path, data: bytes) -> None:
    def write(temporary: Path) -> None:
        temporary.write_bytes(data)

    write_atomically(path, write)


def write_text_atomically(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Text with "\\n" line ends on every system (Markdown, CSV handle their own)."""
    write_bytes_atomically(path, text.encode(encoding))
