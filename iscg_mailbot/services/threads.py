"""Thread queries for the shells (a session each)."""

from __future__ import annotations

from datetime import datetime

from iscg_mailbot.report.threads import ThreadDetail, ThreadSummary, list_threads, thread_detail
from iscg_mailbot.services.app import App


def threads(
    app: App,
    *,
    since: datetime | None = None,
    participant: str | None = None,
    limit: int | None = None,
) -> list[ThreadSummary]:
    """Threads by most recent activity; ``participant`` is a name or address that wrote."""
    with app.session() as session:
        return list_threads(session, since=since, participant=participant, limit=limit)


def thread(app: App, thread_id: int) -> ThreadDetail:
    """One thread with its messages in reply order; NotFound for an unknown id."""
    with app.session() as session:
        return thread_detail(session, thread_id)
