"""The one word diff (Analyses' copy-paste answers, the reader's text versions).

It replaced two that disagreed: one matched lone spaces and split a replaced phrase
into words; the other kept spaces with their words and lost the match of a text's last
word once a sentence followed it.
"""

from __future__ import annotations

from qe_desktop.domain.word_diff import DiffKind, DiffPiece, word_diff


def _pieces(first: str, second: str) -> list[tuple[str, str]]:
    return [(p.kind.value, p.text) for p in word_diff(first, second)]


def test_a_replaced_phrase_is_one_piece_each_side() -> None:
    pieces = _pieces(
        "Chaque ministère a élaboré sa feuille de route.",
        "Chaque ministère élabore actuellement sa feuille de route.",
    )
    assert [text for kind, text in pieces if kind == "removed"] == ["a élaboré"]
    assert [text for kind, text in pieces if kind == "added"] == ["élabore actuellement"]


def test_a_sentence_added_after_the_last_word_keeps_that_word() -> None:
    assert _pieces("Le plan est prêt.", "Le plan est prêt. Une phrase ajoutée.") == [
        ("same", "Le plan est prêt."),
        ("added", " Une phrase ajoutée."),
    ]


def test_a_replaced_word_shares_its_space() -> None:
    assert word_diff("Le plan prévoit 10 millions.", "Le plan prévoit 12 millions.") == [
        DiffPiece(DiffKind.SAME, "Le plan prévoit "),
        DiffPiece(DiffKind.REMOVED, "10"),
        DiffPiece(DiffKind.ADDED, "12"),
        DiffPiece(DiffKind.SAME, " millions."),
    ]


def test_spaces_alone_changed_are_shown_and_both_texts_rebuild() -> None:
    first, second = "  a b\nc", "a  b c"
    pieces = word_diff(first, second)
    assert "".join(p.text for p in pieces if p.kind is not DiffKind.ADDED) == first
    assert "".join(p.text for p in pieces if p.kind is not DiffKind.REMOVED) == second
    assert [p.text.strip() for p in pieces if p.kind is DiffKind.SAME] == ["a", "b", "c"]
