"""``digest status``: the worker's lease, the next digest, recent runs, outbox problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from iscg_mailbot.services.app import App
from iscg_mailbot.services.schedule import next_digest
from iscg_mailbot.store.locks import WORKER_LOCK, lock_info
from iscg_mailbot.store.models_delivery import DigestRun
from iscg_mailbot.store.outbox import count_by_status, problem_entries
from iscg_mailbot.store.types import utcnow


@dataclass(frozen=True)
class OutboxProblem:
    member: str
    period_key: str
    status: str
    attempts: int
    last_error: str | None
    updated_at: datetime


@dataclass(frozen=True)
class RunSummary:
    list_key: str
    period_key: str
    trigger: str
    started_at: datetime
    finished_at: datetime | None
    sent: int
    deferred: int
    failed: int
    uncertain: int
    skipped_empty: bool
    error: str | None


@dataclass(frozen=True)
class DigestStatus:
    """For ``status``: the worker's lease, the next digest, recent runs, outbox problems."""

    worker: str | None
    worker_alive: bool
    next_runs: dict[str, datetime | None]
    current_period: str
    outbox: dict[str, int]
    runs: list[RunSummary]
    problems: list[OutboxProblem]


def digest_status(app: App, now: datetime | None = None) -> DigestStatus:
    """The worker's lease, the next digest, the last digest runs and outbox problems."""
    now = now or utcnow()
    config = app.settings.digest
    period_key = config.period_key(*config.period_ending_by(now))
    # The schedule is configuration, not state: the next digest follows from it.
    next_runs = {"digest": next_digest(config, now)} if config.enabled else {}
    with app.session() as session:
        lock = lock_info(session, WORKER_LOCK)
        runs = [RunSummary(r.list_key, r.period_key, r.trigger, r.started_at, r.finished_at,
                           r.sent, r.deferred, r.failed, r.uncertain, r.skipped_empty, r.error)
                for r in session.scalars(select(DigestRun).order_by(DigestRun.id.desc())
                                         .limit(10))]
        problems = [OutboxProblem(e.member_address, e.period_key, e.status, e.attempts,
                                  e.last_error, e.updated_at) for e in problem_entries(session)]
        return DigestStatus(
            worker=lock.holder if lock else None,
            worker_alive=lock is not None and lock.expires_at > now,
            next_runs=next_runs, current_period=period_key,
            outbox=count_by_status(session, period_key), runs=runs, problems=problems)
