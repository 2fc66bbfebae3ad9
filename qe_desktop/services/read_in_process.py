"""The reading half of a large import, in a separate process.

Parsing and preparing a question (JSON walking, canonical text, hashes) is Python
work that holds the GIL: in a thread it only takes turns with the writer. A
legislature of 100,000 questions is parsed here in a child process, on the second
core, while this process writes the previous chunks. Batches of parsed records
travel through a bounded queue, so the child stays a few batches ahead and memory
stays flat. The child never opens the database.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from collections.abc import Generator, Mapping, Sequence
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from qe_desktop.domain.deputy import DeputyRecord
from qe_desktop.importers.sources import iter_sources
from qe_desktop.services.import_reading import Read, read_inputs

BATCH = 200  # reads per message: large enough that pickling dominates the queue's cost
DEPTH = 10  # batches the child may run ahead of the writer
_POLL_S = 0.5  # how often a waiting consumer checks that the child is still alive
_JOIN_S = 5.0
_ITEMS, _DONE, _ERROR = range(3)


class ReaderDied(RuntimeError):
    """The reading process ended without saying so (killed, out of memory)."""


def read_in_process(
    paths: Sequence[Path], deputies: Mapping[str, DeputyRecord], batch: int = BATCH
) -> Generator[Read, None, None]:
    """What `read_inputs(iter_sources(paths), deputies)` yields, read by a child process.

    An exception raised while reading is raised here. When the consumer stops early
    (break, exception, cancel) the child is terminated.
    """
    context = multiprocessing.get_context("spawn")  # never fork a process running Qt threads
    channel: Any = context.Queue(maxsize=DEPTH)
    child = context.Process(
        target=_produce,
        args=([str(p) for p in paths], dict(deputies), channel, batch),
        name="qe-import-reader",
        daemon=True,
    )
    child.start()
    try:
        while True:
            try:
                kind, payload = channel.get(timeout=_POLL_S)
            except queue.Empty:
                if not child.is_alive():
                    raise ReaderDied(
                        f"la lecture des fichiers s'est arrêtée (code {child.exitcode})"
                    ) from None
                continue
            if kind == _DONE:
                return
            if kind == _ERROR:
                raise payload
            yield from payload
    finally:
        if child.is_alive():
            child.terminate()
        child.join(_JOIN_S)
        channel.close()
        channel.cancel_join_thread()


def _produce(paths: list[str], deputies: dict[str, DeputyRecord], channel: Any, batch: int) -> None:
    """The child's work: read everything, hand it over in batches, then say done."""
    _end_with_parent()
    pending: list[Read] = []
    try:
        for read in read_inputs(iter_sources([Path(p) for p in paths]), deputies):
            pending.append(read)
            if len(pending) >= batch:
                channel.put((_ITEMS, pending))
                pending = []
        if pending:
            channel.put((_ITEMS, pending))
        channel.put((_DONE, None))
    except Exception as error:  # noqa: BLE001  (raised again in the consumer, in order)
        channel.put((_ERROR, _picklable(error)))
    channel.close()
    channel.join_thread()


def _end_with_parent() -> None:
    """Exit as soon as the importing process is gone (killed, crashed).

    Otherwise this child would wait for ever on a full queue that nobody reads: it
    holds the pipe's reading end too, so its writes never fail.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="qe-import-parent-watch", daemon=True).start()


def _picklable(error: Exception) -> Exception:
    import pickle

    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001  (the error is passed on, as text)
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
