"""Each thread's open actions and questions (``thread_open_items``), counted again when
its items change.

The chair's thread lists order threads by their overdue actions; reading one row per
thread with open work instead of every open item keeps them fast at any size
(``report/queries.py``). :func:`refresh_open_items` is called by every function that
writes ``action_items`` (``store/actions.py``: extraction's save, a thread's items
moved, closures by reply, people's decisions; ``store/thread_merge.py``), in the
writer's transaction, for the threads it touched; :func:`count_passed` (each analysed
batch) counts again the threads whose "overdue as of" a new day has overtaken.
``tests/test_open_items.py`` checks the table against a full count after every kind of
change, on both databases.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    Delete,
    Insert,
    Select,
    Update,
    and_,
    bindparam,
    case,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from iscg_mailbot.action_codes import ACTION, OPEN, QUESTION
from iscg_mailbot.store.chunks import among, chunks
from iscg_mailbot.store.models_actions import ActionItem, ThreadOpenItems

_COUNTED = ("open_actions", "dated_actions", "open_questions", "first_due", "last_due",
            "overdue_then", "last_due_before", "first_due_after")


def today_utc() -> date:
    """The day counts are kept as of (the writer does not know a list's time zone; the
    queries correct for any other day)."""
    return datetime.now(UTC).date()


def open_item_counts(then: date, thread_ids: list[int] | None = None) -> Select[*tuple[Any, ...]]:
    """The query counting threads' open items as :class:`ThreadOpenItems` keeps them,
    as of the day ``then`` (every thread's when ``thread_ids`` is None)."""
    query = _counting(then)
    if thread_ids is not None:
        query = query.where(ActionItem.thread_id.in_(thread_ids))
    return query


def _counting(then: date | BindParameter[date]) -> Select[*tuple[Any, ...]]:
    action = ActionItem.kind == ACTION
    passed = and_(action, ActionItem.due < then)
    coming = and_(action, ActionItem.due >= then)
    query = (
        select(
            ActionItem.thread_id,
            func.sum(case((action, 1), else_=0)).label("open_actions"),
            func.sum(case((and_(action, ActionItem.due.is_not(None)), 1), else_=0))
            .label("dated_actions"),
            func.sum(case((ActionItem.kind == QUESTION, 1), else_=0)).label("open_questions"),
            func.min(case((action, ActionItem.due), else_=None)).label("first_due"),
            func.max(case((action, ActionItem.due), else_=None)).label("last_due"),
            func.sum(case((passed, 1), else_=0)).label("overdue_then"),
            func.max(case((passed, ActionItem.due), else_=None)).label("last_due_before"),
            func.min(case((coming, ActionItem.due), else_=None)).label("first_due_after"),
        )
        .where(ActionItem.status == OPEN, ActionItem.kind.in_((ACTION, QUESTION)),
               ActionItem.thread_id.is_not(None))
        .group_by(ActionItem.thread_id)
    )
    return query


@dataclass(frozen=True)
class _Statements:
    """The statements of :func:`refresh_open_items`, built once per dialect: building
    them (a VALUES row and a bound literal per thread, the counting query's CASE
    expressions) and compiling each new shape cost ~4 ms a call, ~2% of an analysis
    (docs/performance-history.md, "The analysis's row writes"); with bound parameters
    SQLAlchemy compiles each once."""

    lock: Insert  # a thread's row written as it is (created empty): thread, then
    count: Select[*tuple[Any, ...]]  # open_item_counts of then, ids
    store: Update  # a thread's counts: thread and the columns
    forget: Delete  # rows of ids


@cache
def _statements(dialect: str) -> _Statements:
    # The dialect's INSERT, imported here: importing the PostgreSQL package costs a
    # SQLite process ~55 ms, and the chair's queries never write.
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    kept = ThreadOpenItems.__table__  # a Core Table already (store/tables.py)
    lock = insert(kept).values(
        thread_id=bindparam("thread"), open_actions=0, dated_actions=0, open_questions=0,
        counted_on=bindparam("then"), overdue_then=0)
    return _Statements(
        # RETURNING, unread: SQLAlchemy then sends the rows as one multi-row VALUES (its
        # "insertmanyvalues"), not a statement a thread (PostgreSQL's executemany).
        lock=lock.on_conflict_do_update(index_elements=[kept.c.thread_id],
                                        set_={"open_actions": kept.c.open_actions})
        .returning(kept.c.thread_id),
        count=_counting(bindparam("then")).where(among(ActionItem.thread_id, dialect)),
        store=update(kept).where(kept.c.thread_id == bindparam("thread")),
        forget=delete(kept).where(among(kept.c.thread_id, dialect)))


def refresh_open_items(session: Session, thread_ids: Iterable[int | None],
                       today: date | None = None) -> None:
    """Count these threads' open items again, as of ``today`` (UTC's by default), and
    store the counts; a thread left with none loses its row.

    Each thread's row is first written as it is (created empty when missing): on
    PostgreSQL that locks it until commit, so two transactions changing one thread's
    items count it one after the other, the second seeing the first's items; ids go in
    order, so two writers lock their threads in the same order.
    """
    then = today or today_utc()
    ids = sorted({t for t in thread_ids if t is not None})
    statements = _statements(session.get_bind().dialect.name)
    for chunk in chunks(ids):
        session.execute(statements.lock, [{"thread": t, "then": then} for t in chunk])
        counted = {row.thread_id: row
                   for row in session.execute(statements.count, {"then": then, "ids": chunk})}
        if counted:
            session.execute(statements.store, [
                {"thread": t, "counted_on": then, **{name: getattr(row, name) for name in _COUNTED}}
                for t, row in sorted(counted.items())])
        gone = [t for t in chunk if t not in counted]
        if gone:
            session.execute(statements.forget, {"ids": gone})


def passed_threads(session: Session, today: date) -> list[int]:
    """Threads whose kept "overdue" no longer holds on ``today``: an open due date lies
    between the day they were counted and ``today`` (two index ranges)."""
    return sorted(session.scalars(_PASSED, {"today": today}))


# Read with every analysed chunk: built once.
_PASSED = select(ThreadOpenItems.thread_id).where(or_(
    ThreadOpenItems.first_due_after < bindparam("today"),
    ThreadOpenItems.last_due_before >= bindparam("today")))


def count_passed(session: Session, today: date | None = None) -> int:
    """Count again the threads a new day has overtaken (see :func:`passed_threads`); how
    many. Run with every analysed batch: usually none, once a day the threads with an
    item that fell due."""
    then = today or today_utc()
    ids = passed_threads(session, then)
    refresh_open_items(session, ids, then)
    return len(ids)


def forget_threads(session: Session, thread_ids: Iterable[int]) -> None:
    """Drop the rows of threads about to be deleted (a merge)."""
    for chunk in chunks(sorted(set(thread_ids))):
        session.execute(delete(ThreadOpenItems).where(ThreadOpenItems.thread_id.in_(chunk)))
