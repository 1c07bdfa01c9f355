"""The chair's thread lists' counts: overdue actions from the kept per-thread counts
(``thread_open_items``), and a list restricted to some threads.

Kept apart from :mod:`iscg_mailbot.report.thread_lists`, which builds the lists with
them. Written over the Core tables (``store/tables.py``): the lists run without the ORM.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select

from iscg_mailbot.action_codes import ACTION, OPEN
from iscg_mailbot.store.tables import action_items, thread_open_items

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

#: Thread ids up to this many go into a query as a literal list (see :func:`in_threads`).
MAX_LITERAL_IDS = 2000


def overdue_actions(today: date) -> ColumnElement[int]:
    """A thread's open actions due before ``today``, from its kept counts: none when its
    earliest open due date is not past, all its dated ones when its latest is, the count
    as of the day it was counted when no open due date lies between that day and
    ``today``; counted from its items (an index range) only otherwise."""
    counts = thread_open_items.c
    item = action_items.c
    counted = (select(func.count()).select_from(action_items)
               .where(item.status == OPEN, item.thread_id == counts.thread_id,
                      item.kind == ACTION, item.due < today)
               .correlate(thread_open_items).scalar_subquery())
    unchanged = and_(or_(counts.first_due_after.is_(None), counts.first_due_after >= today),
                     or_(counts.last_due_before.is_(None), counts.last_due_before < today))
    return case((or_(counts.first_due.is_(None), counts.first_due >= today), 0),
                (counts.last_due < today, counts.dated_actions),
                (unchanged, counts.overdue_then), else_=counted)


def in_threads(session: Session | Connection, counts: Select[int],
               threads: Select[int | None]) -> Select[int]:
    """``counts`` restricted to ``threads`` (a query of thread ids)."""
    # The ids are fetched first: a literal list keeps the planner from a nested loop when
    # its statistics are stale (right after a large import), and from reading every open
    # item (a hash join) when only a few threads' items are wanted.
    wanted = session.scalars(threads).all()
    thread_id = thread_open_items.c.thread_id
    if len(wanted) <= MAX_LITERAL_IDS:
        return counts.where(thread_id.in_(sorted(t for t in wanted if t)))
    return counts.where(thread_id.in_(threads))
