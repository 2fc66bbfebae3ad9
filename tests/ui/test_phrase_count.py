"""A phrase search is counted a step at a time; the list grows as it is scrolled (#25).

Counting every match of a phrase walks its words' positions in every question holding
both (150 ms at 1,000,000 questions): the list counts COUNT_STEP matches, says "more
than …" ("plus de …"), and counts one step more when the view reaches its end (Qt's fetchMore).
"""

from __future__ import annotations

import pytest

from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.ui import library_model


def test_a_phrase_search_says_more_than_and_grows_to_every_match(
    sample_window, monkeypatch: pytest.MonkeyPatch, qtmodeltester
) -> None:
    monkeypatch.setattr(library_model, "COUNT_STEP", 3)
    panel = sample_window.library
    panel.search.setText('"de la"')  # 8 of the 10 sample questions
    panel._apply_search()
    model = panel.model
    assert model.rowCount() == 3 and not model.counted_all
    assert panel.count_label.text() == "more than 3 question(s) out of 10"
    assert "[[de la]]" in model.row_at(0).snippet.lower()
    table = panel.table
    while model.canFetchMore(table.rootIndex()):
        model.fetchMore(table.rootIndex())
    assert model.rowCount() == 8 and model.counted_all
    assert panel.count_label.text() == "8 question(s) out of 10"
    expected = panel._service.rows(QuestionFilter(text='"de la"'), Sort("rank"), 0, 100)
    assert [model.row_at(row) for row in range(8)] == expected
    qtmodeltester.check(model)


def test_a_word_search_is_counted_whole(sample_window, monkeypatch) -> None:
    monkeypatch.setattr(library_model, "COUNT_STEP", 1)
    panel = sample_window.library
    panel.search.setText("de")
    panel._apply_search()
    assert panel.model.counted_all and not panel.model.canFetchMore(panel.table.rootIndex())
    assert panel.count_label.text().endswith("question(s) out of 10")
