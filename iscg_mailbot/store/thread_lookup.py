"""The reference lookups of threading: stored messages linked to a batch by Message-IDs.

:mod:`iscg_mailbot.store.threads` grows the set of messages a batch can affect with
:func:`neighbours`, a round at a time; a round is two queries per 500 ids.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from sqlalchemy import or_, select, true
from sqlalchemy.orm import Session

from iscg_mailbot.store.chunks import chunks
from iscg_mailbot.store.models import Message, MessageReference


@dataclass
class Found:
    """Existing messages reached from a set of ids (one round of the search)."""

    threads: set[int] = field(default_factory=set)
    loose: set[int] = field(default_factory=set)  # stored but never threaded
    matched: set[str] = field(default_factory=set)  # ids that led somewhere

    def add(self, pk: int, thread_id: int | None, via: str) -> None:
        self.matched.add(via)
        if thread_id is None:
            self.loose.add(pk)
        else:
            self.threads.add(thread_id)


def neighbours(
    session: Session,
    list_id: int,
    by_id: set[str],
    by_reference: set[str],
    skip_pks: Collection[int],
    skip_threads: Collection[int],
) -> Found:
    """Messages of the list whose Message-ID is in ``by_id`` or that reference ``by_reference``."""
    found = Found()
    outside = (
        or_(Message.thread_id.is_(None), Message.thread_id.not_in(skip_threads))
        if skip_threads
        else true()
    )
    for chunk in chunks(sorted(by_id)):
        named = select(Message.id, Message.thread_id, Message.message_id).where(
            Message.list_id == list_id, Message.message_id.in_(chunk), outside
        )
        for pk, thread_id, mid in session.execute(named):
            if pk not in skip_pks:
                found.add(pk, thread_id, mid)
    batch = not_between(skip_pks)
    for chunk in chunks(sorted(by_reference)):
        # No list_id condition in SQL: with it, SQLite (no statistics) walks every
        # message of the list instead of starting from the referenced_id index.
        pointing = (
            select(Message.id, Message.thread_id, MessageReference.referenced_id, Message.list_id)
            .join(MessageReference, MessageReference.message_pk == Message.id)
            .where(MessageReference.referenced_id.in_(chunk), outside, batch)
        )
        for pk, thread_id, mid, row_list in session.execute(pointing):
            if pk not in skip_pks and row_list == list_id:
                found.add(pk, thread_id, mid)
    return found


def not_between(pks: Collection[int]) -> Any:
    """Leave out the longest run of consecutive ids of ``pks`` (a batch just stored): its
    messages name every id asked for, and reading their rows back was most of the cost."""
    runs = [[*run] for _, run in groupby(enumerate(sorted(pks)), lambda pair: pair[1] - pair[0])]
    low, high = max(((run[0][1], run[-1][1]) for run in runs), default=(0, 0),
                    key=lambda span: span[1] - span[0])
    return ~MessageReference.message_pk.between(low, high) if high > low else true()
