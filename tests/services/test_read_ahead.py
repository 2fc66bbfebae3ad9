"""Reading ahead in a thread: same items, same order, errors where they happened, clean stop."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from qe_desktop.services.read_ahead import read_ahead


def test_items_come_in_order_whatever_the_depth() -> None:
    for depth in (1, 3, 1000):
        assert list(read_ahead(range(500), depth)) == list(range(500))


def test_an_error_of_the_source_is_raised_after_the_items_before_it() -> None:
    def source() -> Iterator[int]:
        yield 1
        yield 2
        raise OSError("disque débranché")

    seen = []
    with pytest.raises(OSError, match="disque débranché"):
        for item in read_ahead(source(), 10):
            seen.append(item)
    assert seen == [1, 2]


def test_stopping_early_stops_the_worker_and_closes_the_source() -> None:
    closed = threading.Event()

    def endless() -> Iterator[int]:
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.set()

    for item in read_ahead(endless(), 4):
        if item == 10:
            break
    assert closed.wait(5)
    assert not [t for t in threading.enumerate() if t.name == "qe-read-ahead"]
