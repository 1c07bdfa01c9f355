"""Helpers for tests that run the scheduled worker: run it in a thread, wait for a
condition, reap a worker process, and make the stored digest job look missed."""

from __future__ import annotations

import pickle
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from iscg_mailbot.store.database import session_scope
from iscg_mailbot.store.models_delivery import SchedulerJob
from iscg_mailbot.worker import JOB_DIGEST, Worker


def wait_for(condition: Callable[[], bool], timeout: float = 15.0,
             what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@contextmanager
def reaped(process: subprocess.Popen[Any]) -> Iterator[subprocess.Popen[Any]]:
    """``process``, killed and waited for on the way out if it still runs (a failed
    assertion must not leave a worker behind)."""
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@contextmanager
def running(worker: Worker) -> Iterator[threading.Thread]:
    failure: list[BaseException] = []

    def target() -> None:
        try:
            worker.run()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test thread
            failure.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    wait_for(lambda: worker.started.is_set() or bool(failure), 10)
    try:
        yield thread
    finally:
        worker.stop()
        thread.join(20)
        assert not thread.is_alive(), "the worker did not stop"
    if failure:
        raise failure[0]


def pretend_digest_was_missed(engine: Engine, when: datetime) -> None:
    """Move the stored digest job's next run into the past, as if the worker had been
    down at the scheduled time: the row and its pickled state, as the job store writes them."""
    with session_scope(engine) as session:
        job = session.get(SchedulerJob, JOB_DIGEST)
        assert job is not None
        state = pickle.loads(job.job_state)
        state["next_run_time"] = when
        job.job_state = pickle.dumps(state, pickle.HIGHEST_PROTOCOL)
        job.next_run_time = when.timestamp()
