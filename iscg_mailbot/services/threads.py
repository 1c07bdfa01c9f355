"""Thread queries for the shells (a session each)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from iscg_mailbot.report.bounded import SHOWN_BY_DEFAULT, Page
from iscg_mailbot.report.threads import (
    ThreadDetail,
    ThreadSummary,
    list_threads,
    quoted_texts,
    thread_detail,
)
from iscg_mailbot.report.threads import threads_page as report_threads_page
from iscg_mailbot.services.app import App
from iscg_mailbot.services.participants import participant_filter

# A module of its own (threads list --open shows subjects without this module's ORM
# read models); still given from here, where the other shells look for it.
from iscg_mailbot.services.subjects import shown_subject as shown_subject  # noqa: PLC0414
from iscg_mailbot.store.models import Thread

if TYPE_CHECKING:
    # The topic service (the topic list's models, the tagger's module) is imported by
    # the queries that need it: a plain thread list starts without it.
    from iscg_mailbot.services.topics import ThreadTopicsView


def threads(
    app: App,
    *,
    since: datetime | None = None,
    participant: str | None = None,
    topic: str | None = None,
    mentions: str | None = None,
    group: str | None = None,
    limit: int | None = None,
) -> list[ThreadSummary]:
    """Threads by most recent activity.

    ``participant`` is a name or address that wrote in the thread (a member's name or
    address stands for all their addresses: ``services/participants.py``); ``topic`` a
    topic id the thread carries; ``mentions`` an ITU body or document it names (e.g. TSAG-TD409);
    ``group`` an advisory group (RAG, TSAG, TDAG) one of whose members (any of their
    addresses, from members.yaml) wrote in the thread.
    """
    writers = None if group is None else group_addresses(app, group)
    with app.session() as session:
        thread_ids = _filtered_ids(app, session, topic, mentions)
        return list_threads(
            session, since=since, participant=participant_filter(app, participant),
            thread_ids=thread_ids, writers=writers, limit=limit,
        )


def threads_page(
    app: App,
    *,
    since: datetime | None = None,
    participant: str | None = None,
    topic: str | None = None,
    mentions: str | None = None,
    group: str | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    offset: int = 0,
) -> Page[ThreadSummary]:
    """:func:`threads` (same filters) and how many threads match in all, counted in SQL
    (``threads list``; the website's lists can use it the same way)."""
    writers = None if group is None else group_addresses(app, group)
    with app.session() as session:
        thread_ids = _filtered_ids(app, session, topic, mentions)
        return report_threads_page(
            session, since=since, participant=participant_filter(app, participant),
            thread_ids=thread_ids, writers=writers, limit=limit, offset=offset,
        )


def _filtered_ids(app: App, session: Session, topic: str | None,
                  mentions: str | None) -> set[int] | None:
    """The threads a topic and a mention allow (None: no such filter)."""
    thread_ids: set[int] | None = None
    if topic is not None:
        from iscg_mailbot.services.topics import thread_ids_with_topic

        thread_ids = thread_ids_with_topic(app, session, topic)
    if mentions is not None:
        from iscg_mailbot.store.topics import threads_mentioning

        found = threads_mentioning(session, mentions)
        thread_ids = found if thread_ids is None else thread_ids & found
    return thread_ids


def group_addresses(app: App, group: str) -> set[str]:
    """Every address (main and aliases) of the members of an advisory group."""
    members = app.config.members()
    wanted = group.strip().upper()
    return {address for member in members.members if member.group == wanted
            for address in member.addresses}


@dataclass(frozen=True)
class ThreadPage:
    """``threads show``: the messages, and the topics with their evidence and entities."""

    thread: ThreadDetail
    topics: ThreadTopicsView


def thread(app: App, thread_id: int) -> ThreadPage:
    """One thread with its messages in reply order and its topics; NotFound for an unknown id."""
    from iscg_mailbot.services.topics import thread_topics

    with app.session() as session:
        detail = thread_detail(session, thread_id)
    return ThreadPage(thread=detail, topics=thread_topics(app, thread_id))


@dataclass(frozen=True)
class ThreadSpan:
    """How many threads are stored and the first and last activity among them: what an
    empty answer tells the user to try instead."""

    threads: int
    oldest: datetime | None
    newest: datetime | None


def thread_span(app: App) -> ThreadSpan:
    """The stored threads' count and the range of their activity."""
    with app.session() as session:
        count, oldest, newest = session.execute(
            select(func.count(Thread.id), func.min(Thread.first_activity),
                   func.max(Thread.last_activity))
        ).one()
    return ThreadSpan(threads=count, oldest=oldest, newest=newest)


def message_quotes(app: App, thread_id: int) -> dict[int, str]:
    """The quoted text of each message of a thread, by message id (shown folded)."""
    with app.session() as session:
        return quoted_texts(session, thread_id)


@dataclass(frozen=True)
class TagDecision:
    """A person's decision on one topic of a thread: added or removed, note, when."""

    topic: str
    added: bool
    note: str | None
    decided_at: datetime | None


def tag_decisions(app: App, thread_id: int) -> list[TagDecision]:
    """The standing manual topic decisions of a thread, oldest first (who is in the note)."""
    from iscg_mailbot.store.topics import topic_states

    with app.session() as session:
        states = topic_states(session, [thread_id]).get(thread_id, {})
    decisions = [TagDecision(s.topic, bool(s.manual), s.note, s.decided_at)
                 for s in states.values() if s.manual is not None]
    return sorted(decisions, key=lambda d: (d.decided_at is None, d.decided_at, d.topic))
