"""The reading half of a large import, in a separate process.

Parsing and preparing a question (JSON walking, canonical text, hashes) is Python
work that holds the GIL: in a thread it only takes turns with the writer. A
legislature of 100,000 questions is parsed here in a child process, on the second
core, while this process writes the previous chunks. On machines with more than
two cores, two children share the inputs, block by block. Batches of
parsed records travel through bounded queues, so the children stay a few batches
ahead and memory stays flat. The children never open the database.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import queue
import sys
import threading
from collections.abc import Generator, Iterator, Mapping, Sequence
from multiprocessing.connection import wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the parsers load in the child (`_produce`), never in the writer
    from qe_desktop.domain.deputy import DeputyRecord
    from qe_desktop.importers.entries import KnownEntries
    from qe_desktop.services.import_reading import Read

BATCH = 200  # inputs per block: large enough that pickling dominates the queue's cost
DEPTH = 10  # messages a child may run ahead of the writer
# Parsing costs about what writing does (20,000 questions: 9.5 s of CPU each): on two
# cores one reader keeps the writer busy, and a second one only takes turns with it
# (measured: 26-28 s with one, 29-31 s with two). With more cores, two readers.
READERS = 1 if (os.cpu_count() or 1) <= 2 else 2
_POLL_S = 0.5  # how often a waiting consumer checks that the child is still alive
_JOIN_S = 5.0
_BLOCK, _PART, _DONE, _ERROR = range(4)


class ReaderDied(RuntimeError):
    """The reading process ended without saying so (killed, out of memory)."""


def read_in_process(
    paths: Sequence[Path],
    deputies: Mapping[str, DeputyRecord],
    batch: int = BATCH,
    readers: int = READERS,
    known: KnownEntries | None = None,
) -> ReadingProcesses:
    """What `read_inputs(iter_sources(paths), deputies)` yields, read by child processes
    started at once (before the first read is asked for: they parse while the caller
    gets ready).

    The inputs are dealt in blocks of `batch`: block b goes to child b % readers,
    and the blocks are handed over in order, so the result is the same whatever
    the number of readers. An exception raised while reading is raised here. When
    the consumer stops early (break, exception, cancel, `close`) the children are
    terminated.
    """
    context: Any = multiprocessing.get_context(_start_method())
    readers = max(1, readers)
    channels: list[Any] = [context.Queue(maxsize=DEPTH) for _ in range(readers)]
    children = [
        context.Process(
            target=_produce,
            args=(
                [str(p) for p in paths],
                dict(deputies),
                channel,
                batch,
                index,
                readers,
                dict(known or {}),
            ),
            name=f"qe-import-reader-{index}",
            daemon=True,
        )
        for index, channel in enumerate(channels)
    ]
    for child in children:
        child.start()
    return ReadingProcesses(channels, children)


class ReadingProcesses:
    """The reads of started children, in order; `close` ends the children."""

    def __init__(self, channels: list[Any], children: list[Any]) -> None:
        self._channels = channels
        self._children = children
        self._closed = False
        self._reads: Iterator[Read] | None = None

    def __iter__(self) -> ReadingProcesses:
        return self

    def __next__(self) -> Read:
        if self._closed:
            raise StopIteration
        if self._reads is None:
            self._reads = self._read()
        return next(self._reads)

    def _read(self) -> Iterator[Read]:
        channels, children = self._channels, self._children
        readers = len(children)
        try:
            block = 0
            while True:
                turn = block % readers
                kind, payload = _next(channels[turn], children[turn])
                if kind == _DONE:  # this reader had no block left: nobody has
                    return
                if kind == _ERROR:
                    raise payload
                yield from payload
                if kind == _BLOCK:
                    block += 1
        finally:
            self._end()

    def close(self) -> None:
        """Stop reading: terminate the children still reading, let go of their queues."""
        if isinstance(self._reads, Generator):
            self._reads.close()  # its `finally` ends the children
        self._end()

    def _end(self) -> None:
        if self._closed:
            return
        self._closed = True
        for child in self._children:
            if child.is_alive():
                child.terminate()
        for child, channel in zip(self._children, self._channels, strict=True):
            child.join(_JOIN_S)
            channel.close()
            channel.cancel_join_thread()


def _start_method() -> str:
    """Fork where it is safe (the command line: one thread, no Qt), else spawn.

    A spawned reader imports the parsers again before its first file (about a second
    of CPU: half the import of 2,000 questions); a forked one starts with them loaded.
    Never fork a process running Qt or other threads.
    """
    if (
        "fork" in multiprocessing.get_all_start_methods()
        and sys.platform == "linux"
        and threading.active_count() == 1
        and not any(name.startswith("PySide6") for name in sys.modules)
    ):
        return "fork"
    return "spawn"


def _next(channel: Any, child: Any) -> tuple[int, Any]:
    """The next message of one child; a child gone silent is an error."""
    while True:
        try:
            return channel.get(timeout=_POLL_S)  # type: ignore[no-any-return]
        except queue.Empty:
            if not child.is_alive():
                raise ReaderDied(
                    f"la lecture des fichiers s'est arrêtée (code {child.exitcode})"
                ) from None


def _produce(
    paths: list[str],
    deputies: dict[str, DeputyRecord],
    channel: Any,
    batch: int,
    index: int = 0,
    readers: int = 1,
    known: KnownEntries | None = None,
) -> None:
    """One child's work: read its blocks of inputs, hand each over, then say done.

    A block that yields many records (one file holding a legislature) goes in
    parts of `batch` reads, so memory stays flat. The parsers are imported here: a
    child forked first thing (`import_start.start_early`) loads them while the
    writing process loads its own modules, on the other core.
    """
    _end_with_parent()
    gc.enable()  # forked from a command line still starting up, collector off (__main__)
    _log_when_needed()
    from qe_desktop.importers.sources import iter_sources_share
    from qe_desktop.services.import_reading import Input, read_inputs

    def mine(position: int) -> bool:
        return (position // batch) % readers == index

    pending: list[Read] = []
    current = -1
    try:
        items = iter_sources_share([Path(p) for p in paths], mine, known)
        for read in read_inputs(items, deputies):
            if isinstance(read, Input):
                block = (read.done - 1) // batch
                if block != current:
                    if current >= 0:
                        channel.put((_BLOCK, pending))
                        pending = []
                    current = block
            pending.append(read)
            if len(pending) >= 4 * batch:
                channel.put((_PART, pending))
                pending = []
        if current >= 0:
            channel.put((_BLOCK, pending))
        channel.put((_DONE, None))
    except Exception as error:  # noqa: BLE001  (raised again in the consumer, in order)
        channel.put((_ERROR, _picklable(error)))
    channel.close()
    channel.join_thread()


def _log_when_needed() -> None:
    """A child forked before the log file was set up writes to it at its first record.

    Setting the file up loads its modules at once; a parse that goes well logs nothing.
    """
    package = logging.getLogger("qe_desktop")  # services.logs.logger

    if package.handlers:
        return

    class FirstRecord(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            from qe_desktop.services.logs import configure_logging

            package.removeHandler(self)
            configure_logging()
            package.handle(record)

    package.addHandler(FirstRecord())


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
