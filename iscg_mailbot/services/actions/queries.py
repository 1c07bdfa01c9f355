"""The chair's questions: action items, open threads, stalled threads.

Rows are :class:`ActionRow` and :class:`OpenThreadRow` (exported here for the shells,
which import only services).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from iscg_mailbot.action_codes import ACTION, OPEN, QUESTION
from iscg_mailbot.report import queries
from iscg_mailbot.report.bounded import SHOWN_BY_DEFAULT, Page
from iscg_mailbot.report.queries import ActionRow, OpenThreadRow
from iscg_mailbot.services.actions.context import list_today
from iscg_mailbot.services.app import App
from iscg_mailbot.store.types import utcnow

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


def _thread_ids(app: App, session: Session, topic: str | None) -> set[int] | None:
    if topic is None:
        return None
    # Only with --topic: the topic service (the topic list's models, the tagger's modules,
    # ~0.15 s of imports) is not needed by the other queries.
    from iscg_mailbot.services.topics import thread_ids_with_topic

    return thread_ids_with_topic(app, session, topic)


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
    with app.session() as session:
        return queries.list_actions(
            session, today=today, status=OPEN if (open_only or overdue) else None,
            kinds=kinds, overdue=overdue, owner=owner, due_before=due_before,
            thread_ids=_thread_ids(app, session, topic), limit=limit,
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
    with app.session() as session:
        return queries.actions_page(
            session, today=today, status=OPEN if (open_only or overdue) else None,
            kinds=kinds, overdue=overdue, owner=owner, due_before=due_before,
            thread_ids=_thread_ids(app, session, topic), limit=limit, offset=offset,
        )


def open_threads_page(
    app: App,
    *,
    topic: str | None = None,
    since: datetime | None = None,
    participant: str | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    now: datetime | None = None,
    offset: int = 0,
) -> Page[OpenThreadRow]:
    """:func:`open_threads` and how many threads match in all (``threads list --open``)."""
    config = app.config.actions()
    with app.session() as session:
        return queries.open_threads_page(
            session, today=list_today(config, now), since=since,
            participant=_participant(app, participant),
            thread_ids=_thread_ids(app, session, topic),
            include_questions=config.questions, limit=limit, offset=offset,
        )


def stalled_threads_page(
    app: App,
    older_than: timedelta | None = None,
    *,
    topic: str | None = None,
    participant: str | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    now: datetime | None = None,
    offset: int = 0,
) -> Page[OpenThreadRow]:
    """:func:`stalled_threads` and how many threads match in all (``--stalled``)."""
    config = app.config.actions()
    age = older_than or timedelta(days=config.stalled_after_days)
    moment = now or utcnow()
    with app.session() as session:
        return queries.stalled_threads_page(
            session, today=list_today(config, moment), quiet_since=moment - age,
            participant=_participant(app, participant),
            thread_ids=_thread_ids(app, session, topic), limit=limit, offset=offset,
        )


def open_threads(
    app: App,
    *,
    topic: str | None = None,
    since: datetime | None = None,
    participant: str | None = None,
    limit: int | None = queries.DEFAULT_LIMIT,
    now: datetime | None = None,
) -> list[OpenThreadRow]:
    """Threads with open action items or questions awaiting a reply (``threads list --open``)."""
    # The page's count is a window column of the same query: nothing is read twice.
    return open_threads_page(app, topic=topic, since=since, participant=participant,
                             limit=limit, now=now).rows


def stalled_threads(
    app: App,
    older_than: timedelta | None = None,
    *,
    topic: str | None = None,
    participant: str | None = None,
    limit: int | None = queries.DEFAULT_LIMIT,
    now: datetime | None = None,
) -> list[OpenThreadRow]:
    """Threads with open action items and no message for ``older_than`` (default from
    ``actions.yaml``: 14 days) — ``threads list --stalled 14d``."""
    return stalled_threads_page(app, older_than, topic=topic, participant=participant,
                                limit=limit, now=now).rows


def _participant(app: App, participant: str | None) -> str | None:
    """A member's name, or a part of it matching one member only, stands for their
    address ("Klaus Brenner", "Brenner" -> klaus.brenner@...): an address is found by
    index, a name only by reading every message."""
    if participant is None or "@" in participant:
        return participant
    members = app.config.members()  # read only for a name
    member = members.by_name(participant)
    if member is None:
        wanted = _folded(participant)
        found = [m for m in members.members if wanted and wanted in _folded(m.name)]
        member = found[0] if len(found) == 1 else None
    return member.address if member is not None else participant


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def thread_actions(app: App, thread_id: int, now: datetime | None = None) -> list[ActionRow]:
    """Every action item and question of one thread, whatever its status."""
    today = list_today(app.config.actions(), now)
    with app.session() as session:
        return queries.list_actions(session, today=today, status=None,
                                    kinds=(ACTION, QUESTION), thread_ids={thread_id},
                                    limit=None)
