"""The reference lookups of threading: stored messages linked to a batch by Message-IDs.

:mod:`iscg_mailbot.store.threads` grows the set of messages a batch can affect with
:func:`neighbours`, a round at a time; a round is two queries per 500 ids.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby

from sqlalchemy import Select, bindparam, or_, select
from sqlalchemy.orm import Session

from iscg_mailbot.store.chunks import among, chunks
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
    named, pointing = _lookups(session.get_bind().dialect.name)
    skip = sorted(skip_threads)
    for chunk in chunks(sorted(by_id)):
        rows = session.execute(named, {"list": list_id, "ids": chunk, "skip": skip})
        for pk, thread_id, mid in rows:
            if pk not in skip_pks:
                found.add(pk, thread_id, mid)
    low, high = longest_run(skip_pks)
    for chunk in chunks(sorted(by_reference)):
        pointed = session.execute(pointing, {"ids": chunk, "skip": skip, "low": low, "high": high})
        for pk, thread_id, mid, row_list in pointed:
            if pk not in skip_pks and row_list == list_id:
                found.add(pk, thread_id, mid)
    return found


@cache
def _lookups(dialect: str) -> tuple[Select[int, int | None, str],
                                    Select[int, int | None, str, int]]:
    """:func:`neighbours`' two queries, built once: messages named by Message-ID, and
    messages referencing one; both leave out the threads already found (``skip``)."""
    outside = or_(Message.thread_id.is_(None), ~among(Message.thread_id, dialect, "skip"))
    named = select(Message.id, Message.thread_id, Message.message_id).where(
        Message.list_id == bindparam("list"), among(Message.message_id, dialect), outside)
    # No list_id condition in SQL: with it, SQLite (no statistics) walks every message
    # of the list instead of starting from the referenced_id index. The batch's longest
    # run of ids is left out: its messages name every id asked for, and reading their
    # rows back was most of the cost (the rest of the batch is left out in Python).
    pointing = (
        select(Message.id, Message.thread_id, MessageReference.referenced_id, Message.list_id)
        .join(MessageReference, MessageReference.message_pk == Message.id)
        .where(among(MessageReference.referenced_id, dialect), outside,
               ~MessageReference.message_pk.between(bindparam("low"), bindparam("high"))))
    return named, pointing


def longest_run(pks: Collection[int]) -> tuple[int, int]:
    """The first and last of the longest run of consecutive ids of ``pks`` ((0, 0), an
    id no row has, when there is none)."""
    runs = [[*run] for _, run in groupby(enumerate(sorted(pks)), lambda pair: pair[1] - pair[0])]
    return max(((run[0][1], run[-1][1]) for run in runs), default=(0, 0),
               key=lambda span: span[1] - span[0])
