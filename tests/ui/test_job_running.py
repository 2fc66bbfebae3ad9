"""A job is over for whoever hears its result, even while its thread is still winding down."""

from __future__ import annotations

import threading
import time
from typing import Any

from qe_desktop.ui.jobs import Job, JobContext


class _SlowToSet(threading.Event):
    """The thread's "finished" arrives late, as it can on a busy machine."""

    def set(self) -> None:
        time.sleep(0.3)
        super().set()


def test_a_job_is_not_running_when_its_result_arrives(qtbot: Any) -> None:
    def work(_context: JobContext) -> int:
        return 3

    job = Job("slow-end", work)
    job._done = _SlowToSet()  # the worker thread sets it after `succeeded` is queued
    seen: list[bool] = []
    job.succeeded.connect(lambda _result: seen.append(job.running))
    with qtbot.waitSignal(job.finished, timeout=5_000):
        job.start()
    assert seen == [False]
    assert job.wait(5_000)


def test_a_failed_job_is_not_running_when_its_error_arrives(qtbot: Any) -> None:
    def work(_context: JobContext) -> int:
        raise ValueError("fichier illisible")

    job = Job("slow-fail", work)
    job._done = _SlowToSet()
    seen: list[bool] = []
    job.failed.connect(lambda _message: seen.append(job.running))
    with qtbot.waitSignal(job.finished, timeout=5_000):
        job.start()
    assert seen == [False]
    assert job.wait(5_000)
