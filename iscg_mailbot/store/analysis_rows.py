"""What analysis reads of stored messages and items, as plain rows (SQLAlchemy Core).

Analysis reads thousands of messages and items per transaction and writes none of them
back through the ORM: loading them as ORM objects (identity map, instance state, every
column's JSON decoded) cost more CPU than reading them, about 4% of an analysed
message's (docs/performance-history.md, "Analysis reads and writes without the ORM"). These
selects name the tables' columns, so SQLAlchemy returns its plain rows (attribute access
by column name, as the ORM objects had), and only the columns analysis reads.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, Protocol, cast

from sqlalchemy import Select, Table, select, type_coerce
from sqlalchemy.orm import Session

from iscg_mailbot.store.chunks import among, chunks
from iscg_mailbot.store.json_lists import ListJSON
from iscg_mailbot.store.models import MailingList, Message
from iscg_mailbot.store.models_actions import ActionItem

MESSAGES = Message.__table__  # a Core Table already (store/tables.py)
LISTS = cast(Table, MailingList.__table__)
ITEMS = ActionItem.__table__  # a Core Table already (store/tables.py)


class MessageRow(Protocol):
    """A stored message as analysis reads it (an ORM ``Message`` has all of these)."""

    @property
    def id(self) -> int: ...
    @property
    def list_id(self) -> int: ...
    @property
    def thread_id(self) -> int | None: ...
    @property
    def message_id(self) -> str: ...
    @property
    def parent_message_id(self) -> str | None: ...
    @property
    def in_reply_to(self) -> str | None: ...
    @property
    def references(self) -> list[Any]: ...
    @property
    def sender_name(self) -> str: ...
    @property
    def sender_address(self) -> str: ...
    @property
    def to_addresses(self) -> list[Any]: ...
    @property
    def cc_addresses(self) -> list[Any]: ...
    @property
    def date(self) -> datetime | None: ...
    @property
    def utc_offset_minutes(self) -> int | None: ...
    @property
    def subject(self) -> str: ...
    @property
    def body_text(self) -> str: ...
    @property
    def new_text(self) -> str: ...
    @property
    def forwarded_text(self) -> str: ...
    @property
    def quoted_text(self) -> str: ...
    @property
    def auto_submitted(self) -> bool: ...


_MESSAGE_NAMES = (
    "id", "list_id", "thread_id", "message_id", "parent_message_id", "in_reply_to",
    "references", "sender_name", "sender_address", "to_addresses", "cc_addresses", "date",
    "utc_offset_minutes", "subject", "body_text", "new_text", "forwarded_text",
    "quoted_text", "auto_submitted")
_MESSAGE_COLUMNS = tuple(MESSAGES.c[name] for name in _MESSAGE_NAMES)
#: The same columns, the JSON lists read by ``store/json_lists.py`` (SQLite: the same
#: lists, a third of the CPU of SQLAlchemy's JSON processor; PostgreSQL's driver
#: decodes JSON itself, so its statements keep the columns as they are).
_LISTS = frozenset({"references", "to_addresses", "cc_addresses"})
_SQLITE_MESSAGE_COLUMNS = tuple(
    type_coerce(MESSAGES.c[name], ListJSON()).label(name) if name in _LISTS
    else MESSAGES.c[name] for name in _MESSAGE_NAMES)


def _on_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def message_rows(session: Session, ids: Sequence[int]
                 ) -> list[tuple[MessageRow, str | None]]:
    """These messages (what :class:`MessageRow` names) with their list's address, in no
    particular order."""
    rows: list[tuple[MessageRow, str | None]] = []
    session.flush()  # the caller's pending ORM rows first (Core statements do not autoflush)
    for chunk in chunks(ids):
        for row in session.execute(
            select(*(_SQLITE_MESSAGE_COLUMNS if _on_sqlite(session) else _MESSAGE_COLUMNS),
                   LISTS.c.address.label("list_address"))
            .join(LISTS, LISTS.c.id == MESSAGES.c.list_id)
            .where(MESSAGES.c.id.in_(chunk))
        ):
            rows.append((cast(MessageRow, row), row.list_address))
    return rows


@cache
def _threads_messages(dialect: str) -> Select[*tuple[Any, ...]]:
    """:func:`thread_messages`' query, built once a dialect (a statement built each time
    cost as much as SQLite's reading it), as are the other statements every analysed
    chunk sends (docs/performance-history.md, "The analysis's row writes"); the
    threads' ids one array on PostgreSQL (store/chunks.among)."""
    columns = _SQLITE_MESSAGE_COLUMNS if dialect == "sqlite" else _MESSAGE_COLUMNS
    return (select(*columns, LISTS.c.address.label("list_address"))
            .join(LISTS, LISTS.c.id == MESSAGES.c.list_id)
            .where(among(MESSAGES.c.thread_id, dialect))
            .order_by(MESSAGES.c.thread_id, MESSAGES.c.date, MESSAGES.c.id))


@dataclass(frozen=True)
class ThreadMessages:
    """Every message of some threads, read once for the three parts of an analysis
    that read them (action items, topics, the duplication watch's terms), and the
    threads' subjects."""

    #: (message, its list's address), by thread, date and id in the database's order
    #: (a message of no date first on SQLite, last on PostgreSQL, as ORDER BY puts it).
    rows: list[tuple[MessageRow, str | None]]
    #: Each thread's subject (threads gone meanwhile are left out).
    subjects: dict[int, str]


def thread_messages(session: Session, thread_ids: Collection[int]) -> ThreadMessages:
    """Every message of these threads (what :class:`MessageRow` names) with its list's
    address, and the threads' subjects: one read where the three parts of an analysis
    read them three times (docs/performance-history.md, "One read of a chunk's messages")."""
    rows: list[tuple[MessageRow, str | None]] = []
    session.flush()  # the caller's pending ORM rows first (Core statements do not autoflush)
    statement = _threads_messages(session.get_bind().dialect.name)
    for chunk in chunks(sorted(set(thread_ids))):
        for row in session.execute(statement, {"ids": chunk}):
            rows.append((cast(MessageRow, row), row.list_address))
    # Here, not at the top: the chair's queries import this module (its row types) and
    # must not load the duplication watch's tables (tests/test_cli_startup.py).
    from iscg_mailbot.store.overlap_terms import thread_subjects

    return ThreadMessages(rows, thread_subjects(session, thread_ids))


class ItemRow(Protocol):
    """A stored action item as closure detection reads it."""

    @property
    def id(self) -> int: ...
    @property
    def message_pk(self) -> int: ...
    @property
    def thread_id(self) -> int | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def sentence(self) -> str: ...
    @property
    def span_start(self) -> int: ...
    @property
    def owner(self) -> str | None: ...
    @property
    def owner_kind(self) -> str | None: ...
    @property
    def closed_by_message_pk(self) -> int | None: ...


ITEM_COLUMNS = tuple(ITEMS.c[name] for name in (
    "id", "message_pk", "thread_id", "kind", "status", "sentence", "span_start", "owner",
    "owner_kind", "closed_by_message_pk"))


__all__ = [
    "ITEMS",
    "ITEM_COLUMNS",
    "LISTS",
    "MESSAGES",
    "ItemRow",
    "MessageRow",
    "ThreadMessages",
    "message_rows",
    "thread_messages",
]
