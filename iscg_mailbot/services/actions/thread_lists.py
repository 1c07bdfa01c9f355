"""The chair's thread lists as services: threads with open work, stalled threads
(``threads list --open``/``--stalled``, the website's thread lists).

Each runs on a Core connection (:meth:`App.connection`) over the Core tables
(``report/thread_lists.py``), so that the command imports no ORM: ``sqlalchemy.orm``,
the mapped classes and their mappers were about a quarter of its process's CPU (issue
17; ``tests/test_cli_startup.py`` keeps it so). A topic filter still takes a session
(on the same connection): the topic service reads mapped classes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from iscg_mailbot.report import thread_lists as report
from iscg_mailbot.report.bounded import DEFAULT_LIMIT, SHOWN_BY_DEFAULT, Page
from iscg_mailbot.report.thread_lists import OpenThreadRow
from iscg_mailbot.services.actions.context import list_today
from iscg_mailbot.services.app import App
from iscg_mailbot.services.participants import participant_filter
from iscg_mailbot.store.types import utcnow

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

__all__ = [
    "OpenThreadRow",
    "open_threads",
    "open_threads_page",
    "stalled_threads",
    "stalled_threads_page",
    "topic_thread_ids",
]


def topic_thread_ids(app: App, reader: Session | Connection, topic: str | None) -> set[int] | None:
    """The threads carrying ``topic`` (None: no topic filter), read in ``reader``'s
    transaction."""
    if topic is None:
        return None
    # Only with --topic: the topic service (the topic list's models, the tagger's modules,
    # ~0.15 s of imports) and the ORM are not needed by the other queries.
    from sqlalchemy.orm import Session

    from iscg_mailbot.services.topics import thread_ids_with_topic

    if isinstance(reader, Session):
        return thread_ids_with_topic(app, reader, topic)
    with Session(bind=reader) as session:  # joins the connection's transaction
        return thread_ids_with_topic(app, session, topic)


def open_threads_page(
    app: App,
    *,
    topic: str | None = None,
    since: datetime | None = None,
    participant: str | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    now: datetime | None = None,
    offset: int = 0,
) -> Page[OpenThreadRow]:
    """:func:`open_threads` and how many threads match in all (``threads list --open``)."""
    config = app.config.actions()
    with app.connection() as connection:
        return report.open_threads_page(
            connection, today=list_today(config, now), since=since,
            participant=participant_filter(app, participant),
            thread_ids=topic_thread_ids(app, connection, topic),
            include_questions=config.questions, limit=limit, offset=offset,
        )


def stalled_threads_page(
    app: App,
    older_than: timedelta | None = None,
    *,
    topic: str | None = None,
    participant: str | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    now: datetime | None = None,
    offset: int = 0,
) -> Page[OpenThreadRow]:
    """:func:`stalled_threads` and how many threads match in all (``--stalled``)."""
    config = app.config.actions()
    age = older_than or timedelta(days=config.stalled_after_days)
    moment = now or utcnow()
    with app.connection() as connection:
        return report.stalled_threads_page(
            connection, today=list_today(config, moment), quiet_since=moment - age,
            participant=participant_filter(app, participant),
            thread_ids=topic_thread_ids(app, connection, topic), limit=limit, offset=offset,
        )


def open_threads(
    app: App,
    *,
    topic: str | None = None,
    since: datetime | None = None,
    participant: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    now: datetime | None = None,
) -> list[OpenThreadRow]:
    """Threads with open action items or questions awaiting a reply (``threads list --open``)."""
    # The page's count is a window column of the same query: nothing is read twice.
    return open_threads_page(app, topic=topic, since=since, participant=participant,
                             limit=limit, now=now).rows


def stalled_threads(
    app: App,
    older_than: timedelta | None = None,
    *,
    topic: str | None = None,
    participant: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    now: datetime | None = None,
) -> list[OpenThreadRow]:
    """Threads with open action items and no message for ``older_than`` (default from
    ``actions.yaml``: 14 days) — ``threads list --stalled 14d``."""
    return stalled_threads_page(app, older_than, topic=topic, participant=participant,
                                limit=limit, now=now).rows
