"""The chair's thread lists: threads with open work, most overdue first.

- :func:`open_threads` — threads with open action items or questions still awaiting a
  reply, with counts, filtered by activity, participant or threads;
- :func:`stalled_threads` — threads with open action items and no message for a while.

Read-only, over the Core tables of ``store/tables.py`` (no ORM class): ``threads list
--open``/``--stalled`` run them on a connection and never import ``sqlalchemy.orm``
(about a quarter of the whole process's CPU, issue 17; ``tests/test_cli_startup.py``
holds them to it). A Session works as well (the website, the tests). The participant
filter is ``report/participants.py``'s, the plain thread list's too. The names stay importable from :mod:`iscg_mailbot.report.queries`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, literal, select

from iscg_mailbot.report.bounded import DEFAULT_LIMIT, SHOWN_BY_DEFAULT, Page, count_rows
from iscg_mailbot.report.thread_counts import in_threads, overdue_actions
from iscg_mailbot.store.tables import thread_open_items, threads

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from iscg_mailbot.report.participants import Participant


@dataclass(frozen=True)
class OpenThreadRow:
    """A thread with open work: how much, how late, and when it last moved."""

    thread_id: int
    subject: str
    last_activity: datetime | None
    message_count: int
    participants: list[str]
    open_actions: int
    overdue_actions: int
    open_questions: int
    next_due: date | None


def open_threads(
    session: Session | Connection,
    *,
    today: date,
    since: datetime | None = None,
    participant: Participant | None = None,
    thread_ids: Collection[int] | None = None,
    quiet_since: datetime | None = None,
    include_questions: bool = True,
    list_id: int | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> list[OpenThreadRow]:
    """Threads with open action items or (``include_questions``) unanswered questions;
    see :func:`open_threads_page`."""
    return open_threads_page(session, today=today, since=since, participant=participant,
                             thread_ids=thread_ids, quiet_since=quiet_since,
                             include_questions=include_questions, list_id=list_id,
                             limit=limit).rows


def open_threads_page(
    session: Session | Connection,
    *,
    today: date,
    since: datetime | None = None,
    participant: Participant | None = None,
    thread_ids: Collection[int] | None = None,
    quiet_since: datetime | None = None,
    include_questions: bool = True,
    list_id: int | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    offset: int = 0,
) -> Page[OpenThreadRow]:
    """Threads with open action items or (``include_questions``) unanswered questions,
    and how many there are in all (a window count in the same query); ``limit`` of them
    after the first ``offset``.

    ``since`` keeps threads active at or after it; ``quiet_since`` keeps threads with
    open *actions* and no message at or after it (see :func:`stalled_threads`);
    ``participant`` keeps threads that person wrote in. Most overdue first, then the
    most recently active.

    Each thread's open items are read from their kept counts (``thread_open_items``, one
    row per thread with open work), not counted from every open item of the archive;
    only threads with an open due date between the day they were counted and ``today``
    have their overdue actions counted (:func:`~iscg_mailbot.report.thread_counts.overdue_actions`).
    """
    ranked = _ranked(session, today, since, participant, thread_ids, quiet_since,
                     include_questions, list_id)
    if limit is not None or offset:
        ranked = ranked.limit(limit).offset(offset)
    page = ranked.subquery()
    # The shown columns of the page's threads only: carried through the sort of every
    # thread with open work, the subjects and participants cost more than the ranking.
    shown = threads.alias()
    thread = shown.c
    query = (select(page, thread.subject, thread.message_count, thread.participants)
             .join(shown, thread.id == page.c.thread_id)
             .order_by(page.c.overdue.desc(), page.c.last_activity.desc().nulls_last(),
                       page.c.thread_id.desc()))
    found = session.execute(query).all()
    rows = [_open_thread_row(row) for row in found]
    if not found and offset:  # past the end: the total needs its own count
        return Page(rows, count_rows(session, ranked.limit(None).offset(None)))
    return Page(rows, int(found[0].total) if found else 0)


def _ranked(session: Session | Connection, today: date, since: datetime | None,
            participant: Participant | None, thread_ids: Collection[int] | None,
            quiet_since: datetime | None, include_questions: bool,
            list_id: int | None) -> Select[Any]:
    """The threads of :func:`open_threads_page` in order, with their counts and how many
    there are in all (``count(*) OVER ()``, computed before any LIMIT)."""
    counts = thread_open_items.c
    thread = threads.c
    query = select(counts.thread_id)
    if participant:
        # Only with --participant: the filter's module is needed by no other list.
        from iscg_mailbot.report.participants import participant_threads

        query = in_threads(session, query, participant_threads(participant))
    if since is not None:
        # The threads active since then are found first (their index).
        query = in_threads(session, query, select(thread.id).where(thread.last_activity >= since))
    overdue = overdue_actions(today).label("overdue")
    questions = counts.open_questions if include_questions else literal(0)
    ranked = query.add_columns(
        thread.last_activity, counts.open_actions, overdue, questions.label("questions"),
        counts.first_due.label("next_due"), func.count().over().label("total"),
    ).join(threads, thread.id == counts.thread_id)
    if not include_questions or quiet_since is not None:
        ranked = ranked.where(counts.open_actions > 0)
    if quiet_since is not None:
        ranked = ranked.where(thread.last_activity < quiet_since)
    if list_id is not None:
        ranked = ranked.where(thread.list_id == list_id)
    if thread_ids is not None:
        ranked = ranked.where(counts.thread_id.in_(sorted(thread_ids)))
    return ranked.order_by(overdue.desc(), thread.last_activity.desc().nulls_last(),
                           counts.thread_id.desc())


def _open_thread_row(row: Any) -> OpenThreadRow:
    return OpenThreadRow(
        thread_id=row.thread_id, subject=row.subject, last_activity=row.last_activity,
        message_count=row.message_count, participants=list(row.participants or []),
        open_actions=int(row.open_actions or 0), overdue_actions=int(row.overdue or 0),
        open_questions=int(row.questions or 0), next_due=row.next_due)


def stalled_threads(
    session: Session | Connection,
    *,
    today: date,
    quiet_since: datetime,
    participant: Participant | None = None,
    thread_ids: Collection[int] | None = None,
    list_id: int | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> list[OpenThreadRow]:
    """Threads with open action items and no message since ``quiet_since`` (now - 14d)."""
    return stalled_threads_page(session, today=today, quiet_since=quiet_since,
                                participant=participant, thread_ids=thread_ids,
                                list_id=list_id, limit=limit).rows


def stalled_threads_page(
    session: Session | Connection,
    *,
    today: date,
    quiet_since: datetime,
    participant: Participant | None = None,
    thread_ids: Collection[int] | None = None,
    list_id: int | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    offset: int = 0,
) -> Page[OpenThreadRow]:
    """:func:`stalled_threads` with how many there are in all."""
    return open_threads_page(session, today=today, participant=participant,
                             thread_ids=thread_ids, quiet_since=quiet_since,
                             include_questions=False, list_id=list_id, limit=limit,
                             offset=offset)

