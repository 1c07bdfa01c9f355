"""The chair's questions: action items (the thread lists are in :mod:`.thread_lists`,
whose names are given from here too).

Rows are :class:`ActionRow` and :class:`OpenThreadRow` (exported here for the shells,
which import only services). Each runs on a Core connection (:meth:`App.connection`):
``actions list`` imports no ORM (issue 17; ``tests/test_cli_startup.py`` keeps it so).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from iscg_mailbot.action_codes import ACTION, OPEN, QUESTION
from iscg_mailbot.report import queries
from iscg_mailbot.report.bounded import SHOWN_BY_DEFAULT, Page
from iscg_mailbot.report.queries import ActionRow
from iscg_mailbot.services.actions.context import list_today
from iscg_mailbot.services.actions.thread_lists import (
    OpenThreadRow,
    open_threads,
    open_threads_page,
    stalled_threads,
    stalled_threads_page,
    topic_thread_ids,
)
from iscg_mailbot.services.app import App

__all__ = [
    "ActionRow",
    "OpenThreadRow",
    "Page",
    "actions_page",
    "list_actions",
    "open_threads",
    "open_threads_page",
    "stalled_threads",
    "stalled_threads_page",
    "thread_actions",
]


#: Kept under its old name (the topic filter of every action query; a test calls it).
_thread_ids = topic_thread_ids


def list_actions(
    app: App,
    *,
    open_only: bool = False,
    overdue: bool = False,
    owner: str | None = None,
    topic: str | None = None,
    due_before: date | None = None,
    kinds: Collection[str] = (ACTION,),
    limit: int | None = queries.DEFAULT_LIMIT,
    now: datetime | None = None,
) -> list[ActionRow]:
    """Action items (all statuses unless ``open_only``/``overdue``), overdue first."""
    today = list_today(app.config.actions(), now)
    with app.connection() as connection:
        return queries.list_actions(
            connection, today=today, status=OPEN if (open_only or overdue) else None,
            kinds=kinds, overdue=overdue, owner=owner, due_before=due_before,
            thread_ids=_thread_ids(app, connection, topic), limit=limit,
        )


def actions_page(
    app: App,
    *,
    open_only: bool = False,
    overdue: bool = False,
    owner: str | None = None,
    topic: str | None = None,
    due_before: date | None = None,
    kinds: Collection[str] = (ACTION,),
    limit: int | None = SHOWN_BY_DEFAULT,
    now: datetime | None = None,
    offset: int = 0,
) -> Page[ActionRow]:
    """:func:`list_actions` and how many items match in all (``actions list``); the
    website's later pages pass ``offset``."""
    today = list_today(app.config.actions(), now)
    with app.connection() as connection:
        return queries.actions_page(
            connection, today=today, status=OPEN if (open_only or overdue) else None,
            kinds=kinds, overdue=overdue, owner=owner, due_before=due_before,
            thread_ids=_thread_ids(app, connection, topic), limit=limit, offset=offset,
        )


def thread_actions(app: App, thread_id: int, now: datetime | None = None) -> list[ActionRow]:
    """Every action item and question of one thread, whatever its status."""
    today = list_today(app.config.actions(), now)
    with app.connection() as connection:
        return queries.list_actions(connection, today=today, status=None,
                                    kinds=(ACTION, QUESTION), thread_ids={thread_id},
                                    limit=None)
