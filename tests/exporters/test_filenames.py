"""File names from titles: valid on every system, readable, accents kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qe_desktop.exporters.filenames import (
    MAX_NAME_BYTES,
    MAX_NAME_CHARS,
    is_reserved_name,
    safe_file_name,
)

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


@pytest.mark.parametrize(
    ("title", "extension", "expected"),
    [
        (
            "Note de synthèse — QE n° 03038 : l'IA",
            "docx",
            "Note de synthèse — QE n° 03038 - l'IA.docx",
        ),
        ("Rapport 2025/2026", ".md", "Rapport 2025-2026.md"),
        ("../../etc/passwd", "csv", "etc-passwd.csv"),
        ("  « Énergie »  \n\t ", "pdf", "« Énergie ».pdf"),
        ("CON", "docx", "_CON.docx"),
        ("lpt1", "xlsx", "_lpt1.xlsx"),
        ("nul.backup", "md", "_nul.backup.md"),
        ("Fin...", "docx", "Fin.docx"),
        ("", "docx", "export.docx"),
        ("???", "docx", "export.docx"),
        ("Consultation", "docx", "Consultation.docx"),
    ],
)
def test_examples(title: str, extension: str, expected: str) -> None:
    assert safe_file_name(title, extension) == expected


def test_long_titles_are_cut_but_keep_their_extension() -> None:
    name = safe_file_name("Œuvre é" * 100, "docx")
    assert name.endswith(".docx")
    assert len(name) <= MAX_NAME_CHARS
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES


def test_a_long_title_is_cut_between_words() -> None:
    """The export dialog offered "…au sein des services publi.docx", as if misspelt."""
    title = (
        "Note de synthèse — Sénat — QE n° 03038 du 30 janvier 2025 - Implémentation de "
        "l'intelligence artificielle (IA) au sein des services publics"
    )
    name = safe_file_name(title, "docx")
    assert name == (
        "Note de synthèse — Sénat — QE n° 03038 du 30 janvier 2025 - Implémentation de "
        "l'intelligence artificielle (IA).docx"
    )
    assert len(name) <= MAX_NAME_CHARS


def test_reserved_names() -> None:
    assert is_reserved_name("COM1") and is_reserved_name("aux.txt") and is_reserved_name("Com²")
    assert not is_reserved_name("COM10") and not is_reserved_name("console")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=st.text(max_size=400), extension=st.sampled_from(["docx", "md", "pdf", ""]))
def test_any_title_gives_a_valid_name(tmp_path: Path, title: str, extension: str) -> None:
    name = safe_file_name(title, extension)
    assert name and name not in (".", "..")
    assert not WINDOWS_FORBIDDEN & set(name)
    assert all(ord(ch) >= 32 and ch not in "\x7f\u2028\u2029" for ch in name)
    assert name == name.strip() and not name.endswith(".") and not name.startswith(".")
    assert not is_reserved_name(name)
    assert len(name) <= MAX_NAME_CHARS and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    if extension:
        assert name.endswith(f".{extension}")
    target = tmp_path / name
    target.write_bytes(b"ok")  # the system accepts it (the folder is shared: unlink after)
    assert target.read_bytes() == b"ok"
    target.unlink()
