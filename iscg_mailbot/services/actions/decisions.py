"""People's decisions on action items: close, reopen or drop one by hand; its history.

Their decisions are never overwritten by automation.
"""

from __future__ import annotations

from datetime import datetime

from iscg_mailbot.action_codes import DONE, DROPPED, OPEN
from iscg_mailbot.errors import NotFound
from iscg_mailbot.report import queries
from iscg_mailbot.report.queries import ActionRow
from iscg_mailbot.services.actions.context import load_context
from iscg_mailbot.services.app import App
from iscg_mailbot.store.actions import Decision, item_decisions, record_decision, set_status

__all__ = ["Decision", "action_history", "action_item", "close_item", "drop_item", "reopen_item"]


def _decide(app: App, item_id: int, status: str, note: str | None,
            actor: str | None) -> ActionRow:
    context = load_context(app)
    with app.session() as session:
        set_status(session, item_id, status, note)
        # Every decision is kept with who made it ("" for the command line), so the
        # item's page can show its history.
        record_decision(session, item_id, status, note, actor or "")
        row = queries.action_row(session, item_id, context.today())
        assert row is not None
        return row


def close_item(app: App, item_id: int, note: str | None = None, *,
               actor: str | None = None) -> ActionRow:
    """Mark an item done by hand (NotFound for an unknown id); ``actor`` is who decided."""
    return _decide(app, item_id, DONE, note, actor)


def reopen_item(app: App, item_id: int, note: str | None = None, *,
                actor: str | None = None) -> ActionRow:
    """Open an item again by hand; no reply will close it automatically afterwards."""
    return _decide(app, item_id, OPEN, note, actor)


def drop_item(app: App, item_id: int, note: str | None = None, *,
              actor: str | None = None) -> ActionRow:
    """Drop an item (not real work, or no longer relevant) by hand."""
    return _decide(app, item_id, DROPPED, note, actor)


def action_item(app: App, item_id: int, now: datetime | None = None) -> ActionRow:
    """One item as the lists show it; NotFound for an unknown id."""
    context = load_context(app)
    with app.session() as session:
        row = queries.action_row(session, item_id, context.today(now))
    if row is None:
        raise NotFound(f"no action item with id {item_id}")
    return row


def action_history(app: App, item_id: int) -> list[Decision]:
    """People's decisions on an item, oldest first."""
    with app.session() as session:
        return item_decisions(session, item_id)
