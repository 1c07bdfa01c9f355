"""Analysis after ingest: topics and action items for threads that received mail.

Ingest marks every thread it touches ``needs_analysis``; :func:`analyse_pending`
analyses those threads and clears the mark in the same transaction. Transactions are
small (about :data:`TARGET_SECONDS` of work each, the number of threads adapting to
how long the last ones took), so analysis that is interrupted (a crash, a kill, a
deploy) keeps what it did and the next run picks up the rest. Each part is
idempotent: analysing a thread twice changes nothing.

One thread never blocks the others: each message is read up to
``settings.analysis_max_chars`` characters (the whole message stays stored and
searchable), and a thread whose analysis raises is recorded in ``analysis_failures``
with the reason, left marked, and retried after an exponential back-off
(:data:`RETRY_BASE` doubling up to :data:`RETRY_MAX`) while the rest goes on.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from iscg_mailbot.services import actions as actions_service
from iscg_mailbot.services import topics as topics_service
from iscg_mailbot.services.app import DATABASE_UNAVAILABLE, App
from iscg_mailbot.store.models import AnalysisFailure, Message, Thread
from iscg_mailbot.store.types import utcnow

log = logging.getLogger(__name__)

#: Work per transaction, in seconds: what a kill can cost at most.
TARGET_SECONDS = 1.0
#: Most threads in one transaction. The first transaction of a run takes one thread;
#: later ones take as many messages as the last ones analysed in about TARGET_SECONDS.
MAX_CHUNK = 200
MAX_MESSAGES = 5000
#: Back-off of a thread whose analysis failed: 5 min, 10, 20, ... at most a day.
RETRY_BASE = timedelta(minutes=5)
RETRY_MAX = timedelta(hours=24)
#: Longest failure reason kept.
MAX_REASON = 500


@dataclass
class AnalysisReport:
    """What one call of :func:`analyse_pending` did.

    ``failed`` lists (thread id, reason) of threads whose analysis raised; they are
    retried later (see ``status``).
    """

    threads: int = 0
    messages: int = 0
    actions_added: int = 0
    actions_closed: int = 0
    topics_added: Counter[str] = field(default_factory=Counter)
    transactions: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)

    @property
    def tagged_threads(self) -> int:
        return sum(self.topics_added.values())


def retry_delay(attempts: int) -> timedelta:
    """How long a thread that failed ``attempts`` times waits before the next try.

    >>> retry_delay(1), retry_delay(3), retry_delay(30) == RETRY_MAX
    (datetime.timedelta(seconds=300), datetime.timedelta(seconds=1200), True)
    """
    doublings: int = max(min(attempts, 20) - 1, 0)
    return min(RETRY_BASE * (1 << doublings), RETRY_MAX)


def analyse_pending(
    app: App,
    on_progress: Callable[[int], None] | None = None,
    now: datetime | None = None,
    *,
    target_seconds: float = TARGET_SECONDS,
) -> AnalysisReport:
    """Analyse every thread marked ``needs_analysis`` and due, in small transactions.

    Threads whose earlier analysis failed wait for their ``retry_after``. ``now`` fixes
    the clock (tests); ``target_seconds`` is the work per transaction.
    """
    report = AnalysisReport()
    context = actions_service.load_context(app)
    if topics_service.topics_file(app).exists():
        topics_service.tagger_for(app)  # built before the first transaction is timed
    budget = 0  # messages per transaction; 0: one thread (nothing measured yet)
    after = 0  # thread ids in order: a thread that fails is not tried twice in one run
    while True:
        when = now or utcnow()
        with app.session() as session:
            chunk = _take(_due_threads(session, when, after), budget)
        if not chunk:
            return report
        thread_ids = [thread_id for thread_id, _ in chunk]
        messages = sum(count for _, count in chunk)
        after = thread_ids[-1]
        started = time.monotonic()
        try:
            _analyse_chunk(app, context, thread_ids, report)
        except DATABASE_UNAVAILABLE:
            raise
        except Exception:  # noqa: BLE001 - one thread's fault must not stop the rest
            # The chunk was rolled back: find the culprit by taking its threads one by one.
            for thread_id in thread_ids:
                _analyse_alone(app, context, thread_id, when, report)
        budget = _next_budget(budget, messages, time.monotonic() - started, target_seconds)
        if on_progress is not None:
            on_progress(len(thread_ids))


def _due_threads(session: Session, now: datetime, after: int) -> list[tuple[int, int]]:
    """(thread id, message count) of the next threads to analyse, in id order."""
    waiting = select(AnalysisFailure.thread_id).where(AnalysisFailure.retry_after > now)
    rows = session.execute(
        select(Thread.id, Thread.message_count)
        .where(Thread.needs_analysis, Thread.id > after, Thread.id.not_in(waiting))
        .order_by(Thread.id)
        .limit(MAX_CHUNK)
    )
    return [(thread_id, count or 1) for thread_id, count in rows]


def _take(due: list[tuple[int, int]], budget: int) -> list[tuple[int, int]]:
    """The first threads whose messages fit the budget; always at least one thread."""
    taken: list[tuple[int, int]] = []
    total = 0
    for thread_id, count in due:
        if taken and total + count > budget:
            break
        taken.append((thread_id, count))
        total += count
    return taken


def _next_budget(budget: int, messages: int, elapsed: float, target: float) -> int:
    """Messages for the next transaction so that it takes about ``target`` seconds.

    Messages, not threads, measure the work: a thread may hold one message or three
    hundred. The budget grows at most fourfold at a time (the first measure includes
    loading the tagger; fast short threads may be followed by long ones).
    """
    wanted = int(messages * target / elapsed) if elapsed > 0 else messages * 4
    return max(1, min(wanted, max(budget, messages) * 4, MAX_MESSAGES))


def _analyse_chunk(
    app: App, context: actions_service.Context, thread_ids: Sequence[int], report: AnalysisReport
) -> None:
    """Analyse threads in one transaction, clearing their mark and their failures."""
    with app.session() as session:
        message_ids = list(
            session.scalars(select(Message.id).where(Message.thread_id.in_(thread_ids)))
        )
        found = actions_service.analyse_messages(session, message_ids, context, index=False)
        tagged = topics_service.tag_threads_in_session(app, session, thread_ids)
        session.execute(
            update(Thread).where(Thread.id.in_(thread_ids)).values(needs_analysis=False)
        )
        session.execute(delete(AnalysisFailure).where(AnalysisFailure.thread_id.in_(thread_ids)))
    report.transactions += 1
    report.threads += len(thread_ids)
    report.messages += len(message_ids)
    report.actions_added += found.added
    report.actions_closed += found.closed
    for topic, added, _removed in tagged.changes():
        report.topics_added[topic] += added


def _analyse_alone(
    app: App,
    context: actions_service.Context,
    thread_id: int,
    now: datetime,
    report: AnalysisReport,
) -> None:
    try:
        _analyse_chunk(app, context, [thread_id], report)
    except DATABASE_UNAVAILABLE:
        raise
    except Exception as exc:  # noqa: BLE001 - recorded, retried later
        reason = _reason(exc)
        log.warning("analysis of thread %d failed (%s); retried later", thread_id, reason)
        _record_failure(app, thread_id, reason, now)
        report.failed.append((thread_id, reason))


def _reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return text[:MAX_REASON]


def _record_failure(app: App, thread_id: int, reason: str, now: datetime) -> None:
    with app.session() as session:
        if session.get(Thread, thread_id) is None:
            return  # merged into another thread meanwhile: that one carries the mark
        row = session.get(AnalysisFailure, thread_id)
        if row is None:
            row = AnalysisFailure(thread_id=thread_id, attempts=0, first_failed_at=now)
            session.add(row)
        row.attempts += 1
        row.reason = reason
        row.last_failed_at = now
        row.retry_after = now + retry_delay(row.attempts)


def pending_threads(app: App) -> int:
    """How many threads wait for analysis (those waiting to retry a failure included)."""
    with app.session() as session:
        return session.scalar(select(func.count()).where(Thread.needs_analysis)) or 0
