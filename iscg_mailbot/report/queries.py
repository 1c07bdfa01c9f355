"""The chair's queries: what is still open, who owes what, which threads are stuck.

Read-only functions over a session or a Core connection, returning plain rows:

- :func:`list_actions` — action items with filters (open, overdue, owner, due before,
  threads), overdue first then by due date;
- :func:`open_threads` — threads with open action items or questions still awaiting a
  reply, with counts, filtered by activity, participant or threads;
- :func:`stalled_threads` — threads with open action items and no message for a while.

(The last two are :mod:`.thread_lists`', over the Core tables, given from here too.)

The action list reads the Core tables of ``store/tables.py``, so that ``actions list``
runs on a connection without importing the ORM (issue 17: importing ``sqlalchemy.orm``
and configuring the mappers were ~15-20% of its process's CPU); the digest, the website
and the item's decisions run the same functions in a Session.

``today`` (for "overdue") is the caller's calendar day in the list's time zone. Topic
filters arrive as ``thread_ids``: the topics feature turns a topic into its threads.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Row, case, false, func, select

from iscg_mailbot.action_codes import ACTION, OPEN
from iscg_mailbot.report.bounded import (
    DEFAULT_LIMIT,
    SHOWN_BY_DEFAULT,
    Page,
    count_rows,
    make_page,
)
from iscg_mailbot.report.participants import like_pattern

# The thread lists live in their own module (Core tables only: they run without the ORM);
# their names stay importable from here.
from iscg_mailbot.report.thread_lists import (
    OpenThreadRow,
    open_threads,
    open_threads_page,
    stalled_threads,
    stalled_threads_page,
)
from iscg_mailbot.store.chunks import chunks
from iscg_mailbot.store.tables import action_items, messages, threads

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

__all__ = [
    "DEFAULT_LIMIT",
    "ActionRow",
    "OpenThreadRow",
    "action_row",
    "actions_page",
    "list_actions",
    "open_threads",
    "open_threads_page",
    "owner_matches",
    "owner_pattern",
    "stalled_threads",
    "stalled_threads_page",
]


@dataclass(frozen=True)
class ActionRow:
    """One action item as the chair sees it."""

    id: int
    kind: str
    status: str
    owner: str | None
    owner_kind: str | None
    due: date | None
    overdue: bool
    sentence: str
    thread_id: int | None
    thread_subject: str
    message_id: str
    message_date: datetime | None
    sender: str
    confidence: float
    manual: bool
    note: str | None
    closed_at: datetime | None
    closing_sentence: str | None
    # The rule that found it; "... (kind by gate)" when the learned gate set its kind.
    rule: str = ""


def owner_pattern(wanted: str) -> str | None:
    """The regular expression that finds ``wanted`` as an owner, or one owner among
    several (see :func:`owner_matches`); None when no owner can match. Python's ``re``
    (SQLite's REGEXP, which SQLAlchemy provides) and PostgreSQL's ``~`` read it alike:
    an inline ``(?i)``, ``\\w`` and look-arounds, and ``re.escape`` only puts a backslash
    before characters that are not letters or digits, which both take literally.

    >>> print(owner_pattern("SG1"))
    (?i)(?<![\\w-])SG1(?![\\w-])
    >>> owner_pattern(" "), owner_pattern("RAG, TSAG")
    (None, None)
    """
    wanted = wanted.strip()
    # A comma separates owners: "RAG, TSAG" is two owners, never one to look for.
    if not wanted or "," in wanted:
        return None
    return r"(?i)(?<![\w-])" + re.escape(wanted) + r"(?![\w-])"


def owner_matches(owner: str | None, wanted: str) -> bool:
    """Whether ``wanted`` names the owner or one of several ("TSAG" in "RAG, TSAG, TDAG").

    Case-insensitive and on word boundaries, so "SG1" does not match "ITU-T SG17" and
    "Petrova" matches "Olga Petrova". The lists apply the same test in SQL
    (:func:`owner_pattern`), so that a page is a plain LIMIT and OFFSET.

    >>> owner_matches("RAG, TSAG, TDAG", "tsag"), owner_matches("ITU-T SG17", "SG1")
    (True, False)
    """
    pattern = owner_pattern(wanted)
    return bool(owner) and pattern is not None and re.search(pattern, owner or "") is not None


def list_actions(
    session: Session | Connection,
    *,
    today: date,
    status: str | None = OPEN,
    kinds: Collection[str] = (ACTION,),
    overdue: bool = False,
    owner: str | None = None,
    due_before: date | None = None,
    thread_ids: Collection[int] | None = None,
    list_id: int | None = None,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[ActionRow]:
    """Action items by due date (so the most overdue come first), undated last and
    newest first among them; ``limit`` of them after the first ``offset``.

    ``status`` None means any status; ``overdue`` keeps open actions due before
    ``today``; ``owner`` matches one owner among several (see :func:`owner_matches`);
    ``due_before`` keeps items due strictly before that day.
    """
    conditions = _action_conditions(today=today, status=status, kinds=kinds, overdue=overdue,
                                    owner=owner, due_before=due_before, thread_ids=thread_ids,
                                    list_id=list_id)
    ids = _ordered_ids(session, conditions, limit, offset)
    return _rows_for(session, ids, today)


def actions_page(
    session: Session | Connection,
    *,
    today: date,
    status: str | None = OPEN,
    kinds: Collection[str] = (ACTION,),
    overdue: bool = False,
    owner: str | None = None,
    due_before: date | None = None,
    thread_ids: Collection[int] | None = None,
    list_id: int | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    offset: int = 0,
) -> Page[ActionRow]:
    """:func:`list_actions` with the number of all matching items, counted in SQL."""
    rows = list_actions(session, today=today, status=status, kinds=kinds, overdue=overdue,
                        owner=owner, due_before=due_before, thread_ids=thread_ids,
                        list_id=list_id, limit=limit, offset=offset)

    def count() -> int:
        conditions = _action_conditions(today=today, status=status, kinds=kinds,
                                        overdue=overdue, owner=owner, due_before=due_before,
                                        thread_ids=thread_ids, list_id=list_id)
        return count_rows(session, select(action_items.c.id).where(*conditions))

    return make_page(rows, limit, count, offset)


def _action_conditions(
    *,
    today: date,
    status: str | None,
    kinds: Collection[str],
    overdue: bool,
    owner: str | None,
    due_before: date | None,
    thread_ids: Collection[int] | None,
    list_id: int | None,
) -> list[ColumnElement[bool]]:
    """The WHERE of :func:`list_actions`."""
    conditions: list[ColumnElement[bool]] = [action_items.c.kind.in_(list(kinds))]
    if status is not None:
        conditions.append(action_items.c.status == status)
    if overdue:
        conditions += [action_items.c.status == OPEN, action_items.c.kind == ACTION,
                       action_items.c.due < today]
    if due_before is not None:
        conditions.append(action_items.c.due < due_before)
    if owner:
        pattern = owner_pattern(owner)
        if pattern is None:
            conditions.append(false())
        else:
            # The LIKE is coarse ("SG1" finds "SG17") but cheap; the pattern, exact, is
            # then tried on the few rows it leaves. In a CASE, as PostgreSQL otherwise
            # tried the pattern first on every open item, and estimated so few matches
            # that it read them all and sorted them instead of walking the due-date index
            # to the first page (180 -> 27 ms at 100,000 messages).
            coarse = func.lower(action_items.c.owner).like(like_pattern(owner), escape="\\")
            conditions.append(case((coarse, action_items.c.owner.regexp_match(pattern)),
                                   else_=false()))
    if thread_ids is not None:
        conditions.append(action_items.c.thread_id.in_(sorted(thread_ids)))
    if list_id is not None:
        conditions.append(action_items.c.list_id == list_id)
    return conditions


def _ordered_ids(session: Session | Connection, conditions: list[ColumnElement[bool]],
                 limit: int | None, offset: int) -> list[int]:
    """Ids in display order, ``limit`` of them after the first ``offset``.

    Dated items first in due-date order (the (status, kind, due) index gives that order
    without sorting), then undated ones newest first: two queries rather than one sort.
    """
    dated = (select(action_items.c.id).where(*conditions, action_items.c.due.is_not(None))
             .order_by(action_items.c.due, action_items.c.id.desc()))
    undated = (select(action_items.c.id).where(*conditions, action_items.c.due.is_(None))
               .order_by(action_items.c.id.desc()))
    found = list(session.scalars(dated.limit(limit).offset(offset)))
    if limit is not None and len(found) >= limit:
        return found
    # The page reaches past the dated items: how many undated ones precede it.
    skip = 0 if found or not offset else max(0, offset - count_rows(session, dated))
    rest = None if limit is None else limit - len(found)
    return found + list(session.scalars(undated.limit(rest).offset(skip)))


# Each row's subject by its thread's key: joined, PostgreSQL hashed every thread (15 ms
# at 10,000 threads, growing with the archive) to find the subjects of 200 rows.
_THREAD_SUBJECT = (select(threads.c.subject).where(threads.c.id == action_items.c.thread_id)
                   .correlate(action_items).scalar_subquery())


#: What a row shows of the item's message (no column of action_items has these names).
_MESSAGE_COLUMNS = (messages.c.message_id, messages.c.date, messages.c.sender_name,
                    messages.c.sender_address)


def _rows_for(session: Session | Connection, ids: list[int], today: date) -> list[ActionRow]:
    rows: dict[int, ActionRow] = {}
    for chunk in chunks(ids):
        for row in session.execute(
            select(action_items, _THREAD_SUBJECT.label("thread_subject"), *_MESSAGE_COLUMNS)
            .join(messages, messages.c.id == action_items.c.message_pk)
            .where(action_items.c.id.in_(chunk))
        ):
            rows[row.id] = _action_row(row, today)
    return [rows[i] for i in ids if i in rows]


def _action_row(item: Row[Any], today: date) -> ActionRow:
    """An item's row: the columns of ``action_items`` with ``thread_subject`` and the
    message's ``message_id``, ``date``, ``sender_name`` and ``sender_address``."""
    return ActionRow(
        id=item.id, kind=item.kind, status=item.status, owner=item.owner,
        owner_kind=item.owner_kind, due=item.due,
        overdue=(item.status == OPEN and item.kind == ACTION and item.due is not None
                 and item.due < today),
        sentence=item.sentence, thread_id=item.thread_id,
        thread_subject=item.thread_subject or "", message_id=item.message_id,
        message_date=item.date, sender=item.sender_name or item.sender_address,
        confidence=item.confidence, manual=item.manual, note=item.note,
        closed_at=item.closed_at, closing_sentence=item.closing_sentence,
        rule=item.rule or "",
    )


def action_row(session: Session | Connection, item_id: int, today: date) -> ActionRow | None:
    """One item by id, or None."""
    found = session.execute(
        select(action_items, threads.c.subject.label("thread_subject"), *_MESSAGE_COLUMNS)
        .join(messages, messages.c.id == action_items.c.message_pk)
        .outerjoin(threads, threads.c.id == action_items.c.thread_id)
        .where(action_items.c.id == item_id)
    ).first()
    return None if found is None else _action_row(found, today)
