"""Decoding page files: the encodings browsers and editors write, and what is not a page."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from qe_desktop.importers.encoding import MAX_PAGE_BYTES, decode_text
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.pages import parse_page_bytes

REAL = Path(__file__).resolve().parents[1] / "data" / "importers" / "pages" / "real"
SEED = REAL / "seed" / "genet-2025-ia-services-publics.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
# A page with typographic apostrophes, œ and € exists only in cp1252, not in latin-1.
CP1252_ONLY = "L’État a mobilisé 12 M€ pour le cœur de ville — « enfin »."


def test_utf8_with_and_without_bom_give_the_same_text() -> None:
    data = SEED_TEXT.encode("utf-8")
    assert decode_text(data, "a.txt") == decode_text(codecs.BOM_UTF8 + data, "b.txt") == SEED_TEXT


def test_cp1252_page_decodes_like_the_original() -> None:
    text = SEED_TEXT + "\n" + CP1252_ONLY
    assert decode_text(text.encode("cp1252"), "page.txt") == text


def test_latin1_page_decodes_like_the_original() -> None:
    text = (REAL / "senat" / "qSEQ891006526.txt").read_text(encoding="utf-8")
    assert decode_text(text.encode("latin-1"), "page.txt") == text


def test_utf16_page_saved_by_notepad_decodes() -> None:
    data = codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le")
    assert decode_text(data, "page.txt") == SEED_TEXT


def test_mostly_utf8_page_with_a_stray_cp1252_byte_keeps_both() -> None:
    data = "Réponse de l'État".encode() + " l\x92avis".encode("latin-1")
    assert decode_text(data, "page.txt") == "Réponse de l'État l’avis"


def test_cp1252_and_latin1_pages_import_like_the_utf8_page() -> None:
    expected = parse_page_bytes(SEED.read_bytes(), "genet.txt")
    for encoding in ("cp1252", "latin-1"):
        record = parse_page_bytes(SEED_TEXT.encode(encoding), "genet.txt")
        assert record == expected


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "vide"),
        (b"   \r\n\t\n", "vide"),
        (codecs.BOM_UTF8 + b"  \n", "aucun texte"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "archive"),
        (b"\x00\x01\x02\x03binary\x00\x00\x00\x10\x11", "binaire"),
        (bytes(range(256)) * 4, "binaire"),
        (b"Question de M. X\x00\x00\x00\x00\x00\x00\x00\x00 (A - B)", "binaire"),
    ],
)
def test_what_is_not_a_page_is_refused_with_a_french_reason(data: bytes, words: str) -> None:
    with pytest.raises(ImportFailure) as raised:
        decode_text(data, "dossier/fichier.txt")
    assert raised.value.source == "dossier/fichier.txt"
    assert words in raised.value.reason
    assert str(raised.value).startswith("dossier/fichier.txt : ")


def test_oversize_file_is_refused_before_decoding() -> None:
    data = b"a" * (MAX_PAGE_BYTES + 1)
    with pytest.raises(ImportFailure) as raised:
        decode_text(data, "enorme.txt")
    assert "trop volumineux" in raised.value.reason
    assert "5 Mo" in raised.value.reason


def test_a_single_stray_control_character_does_not_reject_a_real_page() -> None:
    text = SEED_TEXT.replace("Lors de sa", "Lors\x00 de sa", 1)
    decoded = decode_text(text.encode("utf-8"), "page.txt")
    assert "\x00" in decoded  # kept here; canonical texts drop control characters
    record = parse_page_bytes(text.encode("utf-8"), "page.txt")
    assert "\x00" not in record.question_text


def test_control_characters_are_those_of_their_unicode_categories() -> None:
    """The class counted in a page is categories Cc, Cs and Co less tab, newlines and
    form feeds, for every code point (and the same bytes in a file not decoded yet)."""
    from qe_desktop.importers import encoding

    for point in range(0x110000):
        char = chr(point)
        expected = char not in encoding._TEXT_CONTROLS and unicodedata.category(char) in (
            "Cc",
            "Cs",
            "Co",
        )
        assert bool(encoding._CONTROL_TEXT.fullmatch(char)) is expected, hex(point)
    every_byte = bytes(range(256))
    kept = every_byte.translate(None, encoding._BYTE_CONTROL_BYTES)
    assert {b for b in every_byte if b not in kept} == encoding._BYTE_CONTROLS
