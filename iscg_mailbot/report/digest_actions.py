"""The digest's open action items, chosen and counted in SQL.

A list can hold tens of thousands of open items (a year of mail the bot read but nobody
closed); the digest shows at most 30 of them and counts the rest. The order of
:func:`iscg_mailbot.report.digest.sort_actions` (newly overdue and due soon first, then
the other overdue items, then by due date, undated after them, stale ones last; ties by
owner) and the test of :func:`iscg_mailbot.report.digest.is_stale` are written here as
SQL expressions, so the database returns only the rows shown and two counts, instead of
every open item as an ORM row sorted in Python.

Both definitions are kept in Python too (the record of the rules, and unit-tested on
their own); ``tests/test_digest_sql.py`` checks that both give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Date, Select, and_, case, cast, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from iscg_mailbot.records import ACTION, OPEN, DigestAction
from iscg_mailbot.report import queries
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.models_actions import ActionItem

# An item this far past its date, or undated and this old, with no message in its
# thread since, is "stale, unconfirmed": probably done or moot, nobody said so.
STALE_AFTER = timedelta(days=30)
STALE_UNDATED_AFTER = timedelta(days=60)
# What the digest leads with: overdue since at most this long, or due within it.
NEWLY_OVERDUE = timedelta(days=14)
DUE_SOON = timedelta(days=7)
NO_OWNER = "(no owner)"


@dataclass(frozen=True)
class OpenItemRow:
    """One open item as the digest shows it, before its link is made."""

    item_id: int
    sentence: str
    owner: str
    due: date | None
    thread_id: int | None
    stale: bool
    subject: str | None
    message_id: str


def _utc_day(column: Any, dialect: str) -> ColumnElement[Any]:
    """The UTC calendar day of a stored UTC datetime, comparable with a Date column.

    SQLite stores the datetime as naive UTC text ("2026-01-05 10:00:00"), whose date()
    is "2026-01-05", the text a Date is stored as; PostgreSQL's timestamptz is turned to
    UTC first, since a plain cast would use the session's time zone.
    """
    if dialect == "postgresql":
        return cast(func.timezone("UTC", column), Date)
    return func.date(column)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _asked() -> ColumnElement[Any]:
    # The date of the message that asked, read only where needed (an undated item's
    # staleness, a past week): most items are decided from the index and their thread.
    return select(Message.date).where(Message.id == ActionItem.message_pk).scalar_subquery()


def stale_condition(today: date, dialect: str) -> ColumnElement[bool]:
    """:func:`~iscg_mailbot.report.digest.is_stale` as SQL (needs the item's thread
    joined, for its last activity)."""
    quiet_dated = or_(Thread.last_activity.is_(None),
                      _utc_day(Thread.last_activity, dialect) <= ActionItem.due)
    asked = _asked()
    quiet_undated = or_(Thread.last_activity.is_(None),
                        _utc_day(Thread.last_activity, dialect) <= _utc_day(asked, dialect))
    return or_(
        and_(ActionItem.due.is_not(None), ActionItem.due < today - STALE_AFTER, quiet_dated),
        and_(ActionItem.due.is_(None),
             # asked.date() < today - 60 days, i.e. asked before that day's midnight (UTC)
             asked < _midnight(today - STALE_UNDATED_AFTER), quiet_undated),
    )


def _group(today: date, stale: ColumnElement[bool]) -> ColumnElement[int]:
    """The group of :func:`~iscg_mailbot.report.digest.sort_actions`, 0 (shown first) to 5."""
    return case(
        (stale, 5),
        (ActionItem.due.is_(None), 4),
        (ActionItem.due >= today + timedelta(days=1) + DUE_SOON, 3),
        (ActionItem.due >= today, 1),
        (ActionItem.due >= today - NEWLY_OVERDUE, 0),
        else_=2)


def _owner(dialect: str) -> ColumnElement[str]:
    # Python orders strings by code point: SQLite's default (BINARY on UTF-8) does the
    # same; PostgreSQL sorts by the database's locale unless told "C".
    owner = case((or_(ActionItem.owner.is_(None), ActionItem.owner == ""), literal(NO_OWNER)),
                 else_=ActionItem.owner)
    return owner.collate("C") if dialect == "postgresql" else owner


def _group_ranges(today: date, stale: ColumnElement[bool]) -> list[ColumnElement[bool]]:
    """The groups of :func:`_group` in their order, each as a condition that a range of
    the ``due`` index serves: the digest reads the first rows of each in turn, and
    stops at ``limit``, instead of ordering every open item by a computed group."""
    soon, newly = today + timedelta(days=1) + DUE_SOON, today - NEWLY_OVERDUE
    return [
        and_(ActionItem.due >= newly, ActionItem.due < today),  # never stale (30 days)
        and_(ActionItem.due >= today, ActionItem.due < soon),
        and_(ActionItem.due < newly, ~stale),
        ActionItem.due >= soon,
        and_(ActionItem.due.is_(None), ~stale),
        stale,
    ]


def _chosen(session: Session, joined: Select[Any], today: date, stale: ColumnElement[bool],
            limit: int, dialect: str) -> list[tuple[int, bool]]:
    """The ids of the first ``limit`` items in the digest's order, and which are stale."""
    owner = _owner(dialect)
    chosen: list[tuple[int, bool]] = []
    groups = _group_ranges(today, stale)
    for number, condition in enumerate(groups):
        if len(chosen) >= limit:
            break
        chosen += [(item_id, number == len(groups) - 1) for item_id in session.scalars(
            joined.where(condition)
            .order_by(ActionItem.due.is_(None), ActionItem.due, owner, ActionItem.id)
            .limit(limit - len(chosen)))]
    return chosen


def open_item_rows(session: Session, list_row_id: int, today: date, *, limit: int,
                   as_of: datetime | None = None) -> tuple[list[OpenItemRow], int, int]:
    """At most ``limit`` open action items of the list in the digest's order, how many
    are open in all and how many of them are overdue and not stale.

    With ``as_of``: the items as they stood then (asked no later, closed only after).
    """
    dialect = session.get_bind().dialect.name
    stale = stale_condition(today, dialect)
    conditions: list[ColumnElement[bool]] = [ActionItem.kind == ACTION,
                                             ActionItem.list_id == list_row_id]
    if as_of is None:
        conditions.append(ActionItem.status == OPEN)
    else:
        asked = _asked()
        conditions += [or_(asked.is_(None), asked <= as_of),
                       or_(ActionItem.status == OPEN, ActionItem.closed_at > as_of)]
    # The (list_id, status, kind, due, owner, thread_id, message_pk) index holds all that
    # counting and ordering read: no item row is read but the ones shown.
    joined = (select(ActionItem.id)
              .outerjoin(Thread, Thread.id == ActionItem.thread_id)
              .where(*conditions))
    total = session.scalar(select(func.count()).select_from(ActionItem).where(*conditions))
    overdue_count = session.scalar(joined.with_only_columns(func.count()).where(
        ActionItem.due < today, ~stale))
    chosen = _chosen(session, joined, today, stale, limit, dialect)
    owner = _owner(dialect)
    details = {row.id: row for row in session.execute(
        select(ActionItem.id, ActionItem.sentence, owner.label("owner"), ActionItem.due,
               ActionItem.thread_id, Thread.subject, Message.message_id)
        .join(Message, Message.id == ActionItem.message_pk)
        .outerjoin(Thread, Thread.id == ActionItem.thread_id)
        .where(ActionItem.id.in_([item_id for item_id, _ in chosen])))}
    rows = [OpenItemRow(item_id, details[item_id].sentence, details[item_id].owner,
                        details[item_id].due, details[item_id].thread_id, is_stale,
                        details[item_id].subject, details[item_id].message_id)
            for item_id, is_stale in chosen]
    return rows, int(total or 0), int(overdue_count or 0)


def digest_actions(session: Session, list_id: int, today: date,
                   limit: int = 50) -> tuple[DigestAction, ...]:
    """Open action items of a list for the digest (overdue first), as :class:`DigestAction`.

    For ``report/digest.py: open_actions`` to return. (Here rather than in
    report/queries.py, which the chair's queries import without the records.)
    """
    rows = queries.list_actions(session, today=today, list_id=list_id, limit=limit)
    return tuple(
        DigestAction(description=row.sentence, owner=row.owner or "unassigned", due=row.due,
                     overdue=row.overdue, thread_subject=row.thread_subject)
        for row in rows
    )

