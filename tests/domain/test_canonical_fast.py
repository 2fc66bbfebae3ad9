"""Canonical text skips NFC for a Latin-1 text: safe only because NFC leaves any such text alone."""

from __future__ import annotations

import random
import unicodedata

from qe_desktop.domain.text import _canonical_lines, _latin1, canonical_text

LATIN1 = [chr(code) for code in range(256)]


def test_nfc_leaves_every_latin1_character_and_pair_unchanged() -> None:
    """Each character is NFC with combining class 0, and no two of them compose."""
    for char in LATIN1:
        assert unicodedata.normalize("NFC", char) == char
        assert unicodedata.combining(char) == 0
    changed = [
        a + b for a in LATIN1 for b in LATIN1 if unicodedata.normalize("NFC", a + b) != a + b
    ]
    assert changed == []


def test_latin1_test_and_the_texts_it_lets_through() -> None:
    assert _latin1("Élève à l'école, 3 € ?") is None  # the euro sign is U+20AC
    assert _latin1("Élève à l'école, 3 ¤ ?") == "Élève à l'école, 3 ¤ ?".encode("latin-1")
    assert _latin1("") == b""
    # Decomposed text is not Latin-1 (U+0301): it is still composed.
    assert canonical_text("E\u0301le\u0300ve") == "Élève"
    assert canonical_text("<p>l’État</p><p>a&nbsp; b</p>", is_html=True) == "l’État\na b"


def test_a_latin1_text_gets_what_the_line_by_line_rules_give() -> None:
    """The whole-text shortcut (printable, no doubled space) against `_canonical_lines`."""
    rng = random.Random(25)
    alphabet = [
        "a",
        "é",
        "ÿ",
        " ",
        " ",
        "\n",
        "\n",
        "\r",
        "\t",
        "\xa0",
        "\xad",
        "\x85",
        "\x00",
        "¤",
    ]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert canonical_text(text) == _canonical_lines(text), repr(text)
    assert canonical_text(" a \n\n b c \n") == "a\nb c"
