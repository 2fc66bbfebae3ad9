"""A job is over for whoever hears its result, even while its thread is still winding down."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from qe_desktop.ui.jobs import Job, JobContext


class _SlowToSet(threading.Event):
    """The thread's "finished" arrives late, as it can on a busy machine."""

    def set(self) -> None:
        time.sleep(0.3)
        super().set()


def _succeeds(_context: JobContext) -> int:
    return 3


def _fails(_context: JobContext) -> int:
    raise ValueError("fichier illisible")


@pytest.mark.parametrize(("work", "signal"), [(_succeeds, "succeeded"), (_fails, "failed")])
def test_a_job_is_not_running_when_its_outcome_arrives(qtbot: Any, work: Any, signal: str) -> None:
    job = Job("slow-end", work)
    job._done = _SlowToSet()  # the worker thread sets it after the outcome is queued
    seen: list[bool] = []
    getattr(job, signal).connect(lambda _outcome: seen.append(job.running))
    with qtbot.waitSignal(job.finished, timeout=5_000):
        job.start()
    assert seen == [False]
    assert job.wait(5_000)
