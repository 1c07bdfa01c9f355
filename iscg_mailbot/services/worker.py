"""Services the scheduled worker needs besides sync and digests: its lease and the
analysis steps that follow a sync (what is due at start-up: services/schedule.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from iscg_mailbot.services.analysis_report import AnalysisReport
from iscg_mailbot.services.app import App
from iscg_mailbot.store.locks import (
    WORKER_LOCK,
    acquire_lock,
    lock_info,
    release_lock,
    renew_lock,
)
from iscg_mailbot.store.locks import new_holder as _new_lock_holder
from iscg_mailbot.store.types import utcnow


@dataclass(frozen=True)
class WorkerLease:
    """Who holds the worker lease of this database, and until when."""

    holder: str
    heartbeat_at: datetime
    expires_at: datetime

    def alive(self, now: datetime) -> bool:
        return self.expires_at > now


def new_holder() -> str:
    """A lease-holder identity for this worker process: host, pid and a random suffix."""
    return _new_lock_holder()


def take_worker_lease(app: App, holder: str, lease: timedelta) -> bool:
    """Become the database's one worker (or renew); False when another live worker holds it."""
    return acquire_lock(app.engine, WORKER_LOCK, holder, lease, utcnow())


def renew_worker_lease(app: App, holder: str, lease: timedelta) -> bool:
    """Extend our lease; False when it was lost (it expired and another worker took it)."""
    return renew_lock(app.engine, WORKER_LOCK, holder, lease, utcnow())


def drop_worker_lease(app: App, holder: str) -> None:
    release_lock(app.engine, WORKER_LOCK, holder)


def worker_lease(app: App) -> WorkerLease | None:
    """The current lease row (possibly expired), or None."""
    with app.session() as session:
        row = lock_info(session, WORKER_LOCK)
        return WorkerLease(row.holder, row.heartbeat_at, row.expires_at) if row else None


def after_sync(app: App) -> AnalysisReport:
    """Analyse the threads the sync touched (action items, topics)."""
    from iscg_mailbot.services import analysis_pool

    return analysis_pool.analyse_pending(app, processes=app.settings.parse_processes_effective)
