"""Read models of stored threads for the CLI and the digest: summaries and one thread in full."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from iscg_mailbot.errors import NotFound
from iscg_mailbot.report.bounded import SHOWN_BY_DEFAULT, Page, count_rows, make_page
from iscg_mailbot.report.list_tags import list_tags as list_tags  # noqa: PLC0414 - given here too
from iscg_mailbot.report.participants import Participant, participant_threads
from iscg_mailbot.store.models import Message, Thread


@dataclass(frozen=True)
class ThreadSummary:
    """One line of ``threads list``."""

    id: int
    subject: str
    message_count: int
    participants: list[str]
    first_activity: datetime | None
    last_activity: datetime | None
    topics: list[str]


@dataclass(frozen=True)
class MessageView:
    """One message of ``threads show``, with its depth in the reply tree."""

    id: int
    message_id: str
    parent_message_id: str | None
    depth: int
    date: datetime | None
    sender_name: str
    sender_address: str
    subject: str
    new_text: str
    attachments: list[dict[str, object]]


@dataclass(frozen=True)
class ThreadDetail:
    """A thread and its messages in reply-tree order."""

    summary: ThreadSummary
    messages: list[MessageView]


def _summary(thread: Thread, topics: tuple[str, ...] = ()) -> ThreadSummary:
    return ThreadSummary(
        id=thread.id,
        subject=thread.subject,
        message_count=thread.message_count,
        participants=list(thread.participants or []),
        first_activity=thread.first_activity,
        last_activity=thread.last_activity,
        topics=list(topics),
    )


def _threads_query(
    *,
    since: datetime | None,
    thread_ids: set[int] | None,
    participant: Participant | None,
    writers: Collection[str] | None,
) -> Select[Thread] | None:
    """The threads matching the filters, newest activity first; None if none can match."""
    query = select(Thread).order_by(Thread.last_activity.desc().nulls_last(), Thread.id.desc())
    if since is not None:
        query = query.where(Thread.last_activity >= since)
    if thread_ids is not None:
        query = query.where(Thread.id.in_(thread_ids))
    if participant:
        query = query.where(Thread.id.in_(participant_threads(participant)))
    if writers_addresses := sorted({a.lower() for a in writers or ()}):
        query = query.where(Thread.id.in_(
            select(Message.thread_id).where(Message.sender_address.in_(writers_addresses))))
    elif writers is not None:
        return None
    return query


def list_threads(
    session: Session,
    *,
    since: datetime | None = None,
    thread_ids: set[int] | None = None,
    participant: Participant | None = None,
    writers: Collection[str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[ThreadSummary]:
    """Threads by most recent activity (``limit`` after the first ``offset``); ``since``
    keeps those active at or after it.

    ``participant`` keeps threads in which it wrote (``report/participants.py``: a
    member's addresses, an address, or part of a name or address); ``writers`` those
    with a message from one of these addresses.
    """
    query = _threads_query(since=since, thread_ids=thread_ids, participant=participant,
                           writers=writers)
    if query is None:
        return []
    if limit is not None or offset:
        query = query.limit(limit).offset(offset)
    rows = list(session.scalars(query))
    topics = _topics(session, [thread.id for thread in rows])
    return [_summary(thread, topics.get(thread.id, ())) for thread in rows]


def threads_page(
    session: Session,
    *,
    since: datetime | None = None,
    thread_ids: set[int] | None = None,
    participant: Participant | None = None,
    writers: Collection[str] | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    offset: int = 0,
) -> Page[ThreadSummary]:
    """:func:`list_threads` with the number of all matching threads (a COUNT query)."""
    rows = list_threads(session, limit=limit, offset=offset, since=since,
                        thread_ids=thread_ids, participant=participant, writers=writers)

    def count() -> int:
        query = _threads_query(since=since, thread_ids=thread_ids, participant=participant,
                               writers=writers)
        return 0 if query is None else count_rows(session, query)

    return make_page(rows, limit, count, offset)


def matching_thread_ids(session: Session, *, thread_ids: set[int] | None = None,
                        writers: Collection[str] | None = None) -> set[int]:
    """Ids (only) of the threads :func:`list_threads` would list with these filters."""
    query = _threads_query(since=None, thread_ids=thread_ids, participant=None,
                           writers=writers)
    if query is None:
        return set()
    return set(session.scalars(query.with_only_columns(Thread.id).order_by(None)))


def thread_detail(session: Session, thread_id: int) -> ThreadDetail:
    """The thread with its messages, parents before children, siblings by date."""
    thread = session.get(Thread, thread_id)
    if thread is None:
        raise NotFound(f"no thread with id {thread_id}; see 'iscg-mailbot threads list'")
    messages = session.scalars(
        select(Message).where(Message.thread_id == thread_id).order_by(Message.date, Message.id)
    ).all()
    by_parent: dict[str | None, list[Message]] = {}
    known = {m.message_id for m in messages}
    for message in messages:
        parent = message.parent_message_id if message.parent_message_id in known else None
        by_parent.setdefault(parent, []).append(message)
    ordered: list[MessageView] = []
    # Iterative depth-first walk: reply chains can be thousands deep.
    stack = [(message, 0) for message in reversed(by_parent.get(None, []))]
    seen: set[int] = set()
    while stack:
        message, depth = stack.pop()
        if message.id in seen:
            continue
        seen.add(message.id)
        ordered.append(
            MessageView(
                id=message.id,
                message_id=message.message_id,
                parent_message_id=message.parent_message_id,
                depth=depth,
                date=message.date,
                sender_name=message.sender_name,
                sender_address=message.sender_address,
                subject=message.subject,
                new_text=message.new_text,
                attachments=list(message.attachments or []),
            )
        )
        children = by_parent.get(message.message_id, [])
        stack.extend((child, depth + 1) for child in reversed(children))
        if not stack:
            # Parent pointers that form a cycle are never reached from a root: show
            # those messages anyway rather than hide them.
            stack = [(m, 0) for m in reversed(messages) if m.id not in seen][:1]
    topics = _topics(session, [thread.id]).get(thread.id, ())
    return ThreadDetail(summary=_summary(thread, topics), messages=ordered)


def _topics(session: Session, thread_ids: list[int]) -> dict[int, tuple[str, ...]]:
    # The topic store (its tables and writers) is imported by the lists that show
    # topics, not by the action queries that take shown_subject from this package.
    from iscg_mailbot.store.topics import effective_topics

    return effective_topics(session, thread_ids)


def quoted_texts(session: Session, thread_id: int) -> dict[int, str]:
    """The quoted part of each message of a thread (what ``new_text`` leaves out), by id."""
    return {pk: quoted or "" for pk, quoted in session.execute(
        select(Message.id, Message.quoted_text).where(Message.thread_id == thread_id))}
