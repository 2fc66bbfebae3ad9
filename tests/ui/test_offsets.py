"""Code points <-> UTF-16 positions, whatever the text (emoji and other astral characters)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qe_desktop.ui.reader.offsets import from_qt, to_qt

TEXTS = st.text(alphabet=st.sampled_from(["a", "é", "\n", "\u2028", "😀", "\U00010000"]))


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, data=st.data())
def test_offsets_round_trip_through_utf16_positions(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    position = to_qt(text, offset)
    assert position == _utf16_units(text[:offset])
    assert from_qt(text, position) == offset


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, data=st.data())
def test_a_position_inside_an_emoji_means_after_it(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, _utf16_units(text)))
    offset = from_qt(text, position)
    assert to_qt(text, offset) >= position
    assert to_qt(text, offset) - position <= 1
