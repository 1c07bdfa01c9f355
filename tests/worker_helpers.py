"""Helpers for tests that run the scheduled worker: run it in a thread, wait for a
condition, reap a worker process, and make a database and a schedule on which the last
period's digest was missed."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from iscg_mailbot.services.app import App
from iscg_mailbot.services.worker import worker_lease
from iscg_mailbot.settings.delivery import DigestConfig
from iscg_mailbot.store.database import connect, session_scope
from iscg_mailbot.store.models_delivery import DigestRun
from iscg_mailbot.worker import Worker
from tests.conftest import migrated_sqlite
from tests.digest_week import make_app


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


@dataclass(frozen=True)
class WorkerProcess:
    """``iscg-mailbot run`` in a process of its own, its configuration folder, and an App
    on its database (to read the worker lease)."""

    process: subprocess.Popen[str]
    config: Path
    app: App


@contextmanager
def worker_process(tmp_path: Path) -> Iterator[WorkerProcess]:
    """``iscg-mailbot run`` on a fresh SQLite database with no mailbox, once it holds the
    worker lease; killed on the way out if it still runs."""
    config = tmp_path / "config"
    config.mkdir()
    database = tmp_path / "worker.db"
    (config / "iscg-mailbot.toml").write_text(
        f'[database]\nurl = "sqlite:///{database}"\n', encoding="utf-8")
    engine = connect(migrated_sqlite(database))
    app = App(settings=make_app(engine, config).settings, engine=engine)
    env = {**os.environ, "ISCG_CONFIG": str(config)}
    env.pop("ISCG_DATABASE_URL", None)
    process = subprocess.Popen([sys.executable, "-m", "iscg_mailbot", "run"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with reaped(process):
            wait_for(lambda: worker_lease(app) is not None or process.poll() is not None, 20)
            assert process.poll() is None, process.communicate()
            yield WorkerProcess(process, config, app)
    finally:
        engine.dispose()


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


def next_run(worker: Worker, job_id: str) -> datetime | None:
    """When the running worker's scheduler runs ``job_id`` next (None: no such job)."""
    assert worker.scheduler is not None
    job = worker.scheduler.get_job(job_id)
    return job.next_run_time if job is not None else None


def period_now(config: DigestConfig, now: datetime) -> str:
    """The key of the last complete period at ``now`` (what a digest run now sends)."""
    return config.period_key(*config.period_ending_by(now))


def missed_schedule(config: DigestConfig, now: datetime, ago: timedelta) -> str:
    """A daily crontab that last fired about ``ago`` before ``now`` (to the minute), and
    after the last complete period ended: that period's digest came due then."""
    _, end = config.period_ending_by(now)
    due = max(now - ago, end).astimezone(config.zone)
    return f"{due.minute} {due.hour} * * *"


def pretend_digest_was_missed(engine: Engine, config: DigestConfig, now: datetime,
                              ago: timedelta, list_key: str) -> DigestConfig:
    """``config`` with a schedule that came due ``ago`` before ``now`` while no worker
    ran, on a database that sent the period before's digest (a finished scheduled run
    is recorded): what a worker down at digest time leaves behind."""
    start, _ = config.period_ending_by(now)
    before = config.period_ending_by(start)
    with session_scope(engine) as session:
        session.add(DigestRun(list_key=list_key, period_key=config.period_key(*before),
                              period_start=before[0], period_end=before[1],
                              trigger="scheduled", started_at=before[1],
                              finished_at=before[1]))
    return config.model_copy(update={"schedule": missed_schedule(config, now, ago)})
