"""One HTML rendering of a word diff for the Analyses and the reader's versions."""

from __future__ import annotations

from qe_desktop.domain.word_diff import word_diff
from qe_desktop.ui.diff_html import ADDED_STYLE, REMOVED_STYLE, diff_html


def test_a_replaced_word_reads_old_then_new_with_a_space() -> None:
    html = diff_html(
        word_diff("le ministère présentera sa feuille", "le ministère publiera sa feuille")
    )
    assert html == (
        f"le ministère <span style='{REMOVED_STYLE}'>présentera</span> "
        f"<span style='{ADDED_STYLE}'>publiera</span> sa feuille"
    )


def test_line_breaks_and_markup_are_kept_as_text() -> None:
    html = diff_html(word_diff("a <b>\nc", "a <b>\nd"))
    assert html.startswith("a &lt;b&gt;<br>")
