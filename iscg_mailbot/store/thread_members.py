"""The messages threading works on: rows already stored, and messages about to be.

:func:`~iscg_mailbot.store.threads.thread_new_messages` threads a batch before its rows
are written, so that each row is written once, with its thread (an ``UPDATE`` of every
new row after the insert wrote it a second time: on SQLite with its body, on PostgreSQL
with all of its indexes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from iscg_mailbot.store.models import Message


@dataclass(slots=True)
class NewMessage:
    """The threading facts of a message about to be stored: the values its row will hold
    (``tests/test_store_threads.py`` holds them to the row read back)."""

    message_id: str
    in_reply_to: str | None
    references: list[str]
    subject: str
    normalised_subject: str
    is_reply: bool
    date: datetime | None
    sender_address: str
    id: None = None  # no row yet
    thread_id: None = None
    parent_message_id: None = None


#: What threading reads of a message: a stored row, or one about to be written.
Member = Message | NewMessage

#: Message-ID -> (thread_id, parent_message_id) of a message not stored yet.
Placement = dict[str, tuple[int, str | None]]


@dataclass(frozen=True)
class Threaded:
    """What :func:`~iscg_mailbot.store.threads.thread_new_messages` did: the threads that changed, and where each new
    message goes (to write with its row)."""

    touched: set[int]
    placed: Placement
    created: set[int] = field(default_factory=set)  # new threads (among ``touched``)
