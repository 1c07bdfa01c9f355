"""Reads of the reminders: open dated action items, and one item's current state.

Reminders go through the digest's outbox (:mod:`iscg_mailbot.store.outbox`) under their
own ``list_key``; an entry's ``period_key`` names the item and the step (``item42:d7``)
or the chair's week (``overdue:2026-W45``), so each is recorded once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from iscg_mailbot.records import ACTION, OPEN
from iscg_mailbot.store.models import Thread
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_delivery import OutboxEntry

# Outbox entries of reminders: never picked up by a digest run (which reads its own
# list's entries), sent under the same lock and with the same states.
REMINDERS_KEY = "reminders"
CANCELLED = "cancelled"


@dataclass(frozen=True)
class DatedItem:
    """An action item with a due date, as a reminder shows it."""

    id: int
    status: str
    owner: str | None
    owner_kind: str | None
    due: date
    due_text: str | None
    due_meeting: str | None
    sentence: str
    thread_subject: str


def _rows(session: Session, *conditions: ColumnElement[bool]) -> list[DatedItem]:
    query = (
        select(ActionItem, Thread.subject)
        .outerjoin(Thread, Thread.id == ActionItem.thread_id)
        .where(ActionItem.kind == ACTION, ActionItem.due.is_not(None), *conditions)
        .order_by(ActionItem.due, ActionItem.id)
    )
    return [
        DatedItem(item.id, item.status, item.owner, item.owner_kind, item.due, item.due_text,
                  item.due_meeting, item.sentence, subject or "")
        for item, subject in session.execute(query)
        if item.due is not None
    ]


def open_items_due_between(session: Session, first: date, last: date) -> list[DatedItem]:
    """Open action items due from ``first`` to ``last`` (inclusive), by due date."""
    return _rows(session, ActionItem.status == OPEN, ActionItem.due >= first,
                 ActionItem.due <= last)


def dated_item(session: Session, item_id: int) -> DatedItem | None:
    """One dated action item whatever its status, or None (gone, or no longer dated)."""
    rows = _rows(session, ActionItem.id == item_id)
    return rows[0] if rows else None


def cancel_entry(session: Session, entry_id: int, reason: str, now: datetime) -> None:
    """A pending reminder that must not go out any more (the item was closed meanwhile)."""
    session.execute(update(OutboxEntry).where(OutboxEntry.id == entry_id).values(
        status=CANCELLED, last_error=reason, updated_at=now, next_attempt_at=None)
        .execution_options(synchronize_session=False))


def reminder_entries(session: Session) -> list[OutboxEntry]:
    """Every reminder recorded in the outbox, oldest first (for ``reminders status``)."""
    return list(session.scalars(select(OutboxEntry).where(OutboxEntry.list_key == REMINDERS_KEY)
                                .order_by(OutboxEntry.id)))
