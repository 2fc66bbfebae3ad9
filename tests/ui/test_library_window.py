"""The library list at legislature scale: every row counted at once, pages read when shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from qe_desktop.domain.views import QuestionFilter, Sort
from qe_desktop.services.container import Services
from qe_desktop.ui import library_model
from qe_desktop.ui.library_model import LibraryModel


class CountingService:
    """The question service, counting the pages of rows asked for."""

    def __init__(self, service) -> None:
        self._service = service
        self.pages: list[int] = []

    def rows(self, flt, sort, offset=0, limit=200):
        self.pages.append(offset // limit)
        return self._service.rows(flt, sort, offset, limit)

    def __getattr__(self, name: str):
        return getattr(self._service, name)


@pytest.fixture
def big(services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Services:
    monkeypatch.setattr(library_model, "PAGE_SIZE", 10)
    monkeypatch.setattr(library_model, "MAX_PAGES", 4)
    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 120, seed=3)
    assert services.importing.import_paths([corpus]).imported == 120
    return services


def test_the_end_of_the_list_is_read_without_the_rows_before(big: Services, qtmodeltester) -> None:
    service = CountingService(big.questions)
    model = LibraryModel(service)  # type: ignore[arg-type]
    model.reload()
    assert model.rowCount() == model.total == 120
    everything = big.questions.rows(QuestionFilter(), Sort(), 0, 1_000)
    assert model.row_at(119) == everything[-1]
    assert model.row_at(55) == everything[55]
    assert service.pages == [0, 11, 5]
    for row in range(120):  # scrolling through: old pages are let go, read again if needed
        assert model.row_at(row) == everything[row]
    assert len(model._pages) <= 4
    qtmodeltester.check(model)


def test_a_deep_question_is_found_and_the_filter_respected(big: Services) -> None:
    model = LibraryModel(big.questions)
    model.reload()
    everything = big.questions.rows(QuestionFilter(), Sort(), 0, 1_000)
    deep = everything[97]
    assert model.row_of_key(deep.key) == 97
    model.set_filter(QuestionFilter(ministry=deep.ministry))
    listed = big.questions.rows(QuestionFilter(ministry=deep.ministry), Sort(), 0, 1_000)
    assert model.row_of_key(deep.key) == listed.index(deep)
    other = next(row for row in everything if row.ministry != deep.ministry)
    assert model.row_of_key(other.key) == -1


def _restored_after_sort(window, key: str, within: int, monkeypatch: pytest.MonkeyPatch):
    """Select `key`, sort by number, and say which rows are selected afterwards."""
    from PySide6.QtCore import Qt

    from qe_desktop.ui import library_panel

    monkeypatch.setattr(library_panel, "RESTORE_WITHIN", within)
    monkeypatch.setattr(library_model, "PAGE_SIZE", 2)  # the rest is read when shown
    panel = window.library
    assert panel.select_key(key)
    panel.table.sortByColumn(panel.model.column_of("number"), Qt.SortOrder.AscendingOrder)
    return panel.selected_keys()


def test_a_question_far_down_the_new_order_stays_open_but_unselected(
    sample_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Placing it would count the rows around it (#25): the list shows its top instead."""
    model = sample_window.library.model
    by_number = sample_window.services.questions.rows(
        QuestionFilter(), Sort("number", descending=False), 0, 1_000
    )
    middle = by_number[len(by_number) // 2]
    assert len(by_number) >= 5
    assert _restored_after_sort(sample_window, middle.key, 1, monkeypatch) == []
    assert sample_window.reader.detail is not None
    assert sample_window.reader.detail.key == middle.key  # still open, not the first row
    assert sample_window.library.table.verticalScrollBar().value() == 0
    model.set_sort(Sort())
    assert _restored_after_sort(sample_window, middle.key, 10_000, monkeypatch) == [middle.key]
    first = by_number[0]  # near an end: selected again, whatever the limit
    model.set_sort(Sort())
    assert _restored_after_sort(sample_window, first.key, 1, monkeypatch) == [first.key]


def test_the_library_total_is_counted_once_per_reload(sample_window) -> None:
    """Each filter change counted the whole library again (37 ms at 1,000,000, #25)."""
    from qe_desktop.domain.status import Status

    panel = sample_window.library
    calls: list[int] = []
    service = panel._service
    total = service.total

    def counted() -> int:
        calls.append(1)
        return total()

    service.total = counted  # type: ignore[method-assign]
    try:
        for status in (Status.ANSWERED, Status.PENDING, Status.ANSWERED):
            panel.filters.status_chips[status].setChecked(True)
            panel.filters.status_chips[status].setChecked(False)
        assert len(calls) <= 1
        assert str(total()) in panel.count_label.text() or panel.filters.active_count() == 0
        panel.reload()
        panel.filters.status_chips[Status.ANSWERED].setChecked(True)
        assert len(calls) == 2 and str(total()) in panel.count_label.text()
    finally:
        del service.total
