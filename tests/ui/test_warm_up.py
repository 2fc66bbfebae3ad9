"""Language analyses wait until the window has settled after its start (#25)."""

from __future__ import annotations

import pytest

from qe_desktop.ui import warm_up


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm_up, "GRACE_MS", 50)
    monkeypatch.setattr(warm_up, "_released", False)
    monkeypatch.setattr(warm_up, "_counting", False)
    monkeypatch.setattr(warm_up, "_held", [])


def test_work_waits_for_the_grace_after_the_window_is_shown(qtbot, held: None) -> None:
    done: list[str] = []
    warm_up.after_start(lambda: done.append("coverage"))
    warm_up.after_start(lambda: done.append("suggestions"))
    qtbot.wait(100)
    assert done == []  # the window is not shown yet: nothing starts
    warm_up.window_shown()
    assert done == []
    qtbot.waitUntil(lambda: done == ["coverage", "suggestions"], timeout=2_000)
    warm_up.after_start(lambda: done.append("later"))
    assert done[-1] == "later"  # settled: at once


def test_without_grace_work_runs_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm_up, "GRACE_MS", 0)
    monkeypatch.setattr(warm_up, "_released", False)
    done: list[int] = []
    warm_up.after_start(lambda: done.append(1))
    assert done == [1]
