"""The chair's queries: what is still open, who owes what, which threads are stuck.

Read-only functions over a session, returning plain rows:

- :func:`list_actions` — action items with filters (open, overdue, owner, due before,
  threads), overdue first then by due date;
- :func:`open_threads` — threads with open action items or questions still awaiting a
  reply, with counts, filtered by activity, participant or threads;
- :func:`stalled_threads` — threads with open action items and no message for a while.

(The last two are :mod:`.thread_lists`', over the Core tables, given from here too.)

``today`` (for "overdue") is the caller's calendar day in the list's time zone. Topic
filters arrive as ``thread_ids``: the topics feature turns a topic into its threads.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, case, false, func, select
from sqlalchemy.orm import Session

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
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.models_actions import ActionItem

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
    session: Session,
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
    session: Session,
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
        return count_rows(session, select(ActionItem.id).where(*conditions))

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
    conditions: list[ColumnElement[bool]] = [ActionItem.kind.in_(list(kinds))]
    if status is not None:
        conditions.append(ActionItem.status == status)
    if overdue:
        conditions += [ActionItem.status == OPEN, ActionItem.kind == ACTION,
                       ActionItem.due < today]
    if due_before is not None:
        conditions.append(ActionItem.due < due_before)
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
            coarse = func.lower(ActionItem.owner).like(like_pattern(owner), escape="\\")
            conditions.append(case((coarse, ActionItem.owner.regexp_match(pattern)),
                                   else_=false()))
    if thread_ids is not None:
        conditions.append(ActionItem.thread_id.in_(sorted(thread_ids)))
    if list_id is not None:
        conditions.append(ActionItem.list_id == list_id)
    return conditions


def _ordered_ids(session: Session, conditions: list[ColumnElement[bool]],
                 limit: int | None, offset: int) -> list[int]:
    """Ids in display order, ``limit`` of them after the first ``offset``.

    Dated items first in due-date order (the (status, kind, due) index gives that order
    without sorting), then undated ones newest first: two queries rather than one sort.
    """
    dated = (select(ActionItem.id).where(*conditions, ActionItem.due.is_not(None))
             .order_by(ActionItem.due, ActionItem.id.desc()))
    undated = (select(ActionItem.id).where(*conditions, ActionItem.due.is_(None))
               .order_by(ActionItem.id.desc()))
    found = list(session.scalars(dated.limit(limit).offset(offset)))
    if limit is not None and len(found) >= limit:
        return found
    # The page reaches past the dated items: how many undated ones precede it.
    skip = 0 if found or not offset else max(0, offset - count_rows(session, dated))
    rest = None if limit is None else limit - len(found)
    return found + list(session.scalars(undated.limit(rest).offset(skip)))


# Each row's subject by its thread's key: joined, PostgreSQL hashed every thread (15 ms
# at 10,000 threads, growing with the archive) to find the subjects of 200 rows.
_THREAD_SUBJECT = (select(Thread.subject).where(Thread.id == ActionItem.thread_id)
                   .correlate(ActionItem).scalar_subquery())


def _rows_for(session: Session, ids: list[int], today: date) -> list[ActionRow]:
    rows: dict[int, ActionRow] = {}
    for chunk in chunks(ids):
        for item, subject, message_id, message_date, sender_name, sender_address in session.execute(
            select(ActionItem, _THREAD_SUBJECT, Message.message_id, Message.date,
                   Message.sender_name, Message.sender_address)
            .join(Message, Message.id == ActionItem.message_pk)
            .where(ActionItem.id.in_(chunk))
        ):
            rows[item.id] = _action_row(item, subject, message_id, message_date,
                                        sender_name or sender_address, today)
    return [rows[i] for i in ids if i in rows]


def _action_row(item: ActionItem, subject: str | None, message_id: str,
                message_date: datetime | None, sender: str, today: date) -> ActionRow:
    return ActionRow(
        id=item.id, kind=item.kind, status=item.status, owner=item.owner,
        owner_kind=item.owner_kind, due=item.due,
        overdue=(item.status == OPEN and item.kind == ACTION and item.due is not None
                 and item.due < today),
        sentence=item.sentence, thread_id=item.thread_id, thread_subject=subject or "",
        message_id=message_id, message_date=message_date, sender=sender,
        confidence=item.confidence, manual=item.manual, note=item.note,
        closed_at=item.closed_at, closing_sentence=item.closing_sentence,
        rule=item.rule or "",
    )


def action_row(session: Session, item_id: int, today: date) -> ActionRow | None:
    """One item by id, or None."""
    found = session.execute(
        select(ActionItem, Thread.subject, Message.message_id, Message.date,
               Message.sender_name, Message.sender_address)
        .join(Message, Message.id == ActionItem.message_pk)
        .outerjoin(Thread, Thread.id == ActionItem.thread_id)
        .where(ActionItem.id == item_id)
    ).first()
    if found is None:
        return None
    item, subject, message_id, message_date, sender_name, sender_address = found
    return _action_row(item, subject, message_id, message_date,
                       sender_name or sender_address, today)
