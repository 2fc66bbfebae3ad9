"""Exports never leave half a file: the old file survives a failed write."""

from __future__ import annotations

from pathlib import Path

import pytest

from qe_desktop.exporters.atomic import write_atomically, write_text_atomically


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "note.docx"
    path.write_bytes(b"version precedente")

    def broken(temporary: Path) -> None:
        temporary.write_bytes(b"moitie d'un fich")
        raise RuntimeError("disque plein")

    with pytest.raises(RuntimeError, match="disque plein"):
        write_atomically(path, broken)
    assert path.read_bytes() == b"version precedente"
    assert [p.name for p in tmp_path.iterdir()] == ["note.docx"]


def test_text_is_written_in_utf8(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    write_text_atomically(path, "« œuvre »\u00a0: l’État")
    assert path.read_bytes().decode("utf-8") == "« œuvre »\u00a0: l’État"


def test_a_missing_folder_is_reported_as_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_text_atomically(tmp_path / "absent" / "note.md", "x")
