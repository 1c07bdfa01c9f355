"""Analysis after ingest: topics and action items for threads that received mail.

Ingest marks every thread it touches ``needs_analysis``; :func:`analyse_pending`
analyses those threads and clears the mark in the same transaction, so analysis that
is interrupted (a crash, a kill) is simply picked up by the next run. Each part is
idempotent: analysing a thread twice changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select, update

from iscg_mailbot.services import actions as actions_service
from iscg_mailbot.services import topics as topics_service
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models import Message, Thread

CHUNK_THREADS = 200


@dataclass
class AnalysisReport:
    """What one call of :func:`analyse_pending` did."""

    threads: int = 0
    messages: int = 0
    actions_added: int = 0
    actions_closed: int = 0
    topics_added: Counter[str] = field(default_factory=Counter)

    @property
    def tagged_threads(self) -> int:
        return sum(self.topics_added.values())


def analyse_pending(
    app: App, on_progress: Callable[[int], None] | None = None
) -> AnalysisReport:
    """Analyse every thread marked ``needs_analysis``, a chunk of threads per transaction."""
    report = AnalysisReport()
    context = actions_service.load_context(app)
    while True:
        with app.session() as session:
            thread_ids = list(
                session.scalars(
                    select(Thread.id)
                    .where(Thread.needs_analysis)
                    .order_by(Thread.id)
                    .limit(CHUNK_THREADS)
                )
            )
            if not thread_ids:
                return report
            message_ids = list(
                session.scalars(select(Message.id).where(Message.thread_id.in_(thread_ids)))
            )
            found = actions_service.analyse_messages(session, message_ids, context, index=False)
            tagged = topics_service.tag_threads_in_session(app, session, thread_ids)
            session.execute(
                update(Thread).where(Thread.id.in_(thread_ids)).values(needs_analysis=False)
            )
        report.threads += len(thread_ids)
        report.messages += len(message_ids)
        report.actions_added += found.added
        report.actions_closed += found.closed
        for topic, added, _removed in tagged.changes():
            report.topics_added[topic] += added
        if on_progress is not None:
            on_progress(len(thread_ids))


def pending_threads(app: App) -> int:
    """How many threads wait for analysis."""
    with app.session() as session:
        return session.scalar(select(func.count()).where(Thread.needs_analysis)) or 0
