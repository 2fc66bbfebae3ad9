"""Iterate in a worker thread, a bounded number of items ahead of the consumer.

A bulk import reads and parses files (Python) while the database indexes the
previous chunk (C code that releases the GIL): with the reading done ahead in a
thread, both run at once on two cores. The worker never touches the database.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator, Iterable
from typing import TypeVar, cast

T = TypeVar("T")

_ITEM, _DONE, _ERROR = range(3)
_POLL_S = 0.05  # how often a blocked worker looks whether the consumer gave up
_JOIN_S = 10.0


def read_ahead[T](source: Iterable[T], depth: int) -> Generator[T, None, None]:
    """The items of `source`, produced by a worker thread at most `depth` items ahead.

    An exception raised by `source` is raised here, in order. When the consumer
    stops early (break, exception, cancel), the worker stops at its next item and
    closes `source`.
    """
    slots: queue.Queue[tuple[int, object]] = queue.Queue(maxsize=max(1, depth))
    stop = threading.Event()

    def hand_over(kind: int, value: object) -> bool:
        while not stop.is_set():
            try:
                slots.put((kind, value), timeout=_POLL_S)
            except queue.Full:
                continue
            return True
        return False

    def work() -> None:
        iterator = iter(source)
        try:
            for item in iterator:
                if not hand_over(_ITEM, item):
                    return
            hand_over(_DONE, None)
        except BaseException as error:  # noqa: BLE001  (handed to the consumer, raised there)
            hand_over(_ERROR, error)
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()

    worker = threading.Thread(target=work, name="qe-read-ahead", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = slots.get()
            if kind == _DONE:
                return
            if kind == _ERROR:
                assert isinstance(value, BaseException)
                raise value
            yield cast(T, value)
    finally:
        stop.set()
        worker.join(_JOIN_S)
