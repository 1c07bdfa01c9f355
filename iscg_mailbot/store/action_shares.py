"""Writes and reads of ``action_item_shares`` (per-owner completion of an item).

Works inside the caller's session; recording a share twice changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import cast

from sqlalchemy import Select, Table, select
from sqlalchemy.orm import Session

from iscg_mailbot.store.chunks import among, chunks
from iscg_mailbot.store.models_action_shares import ActionShare

_SHARES = cast(Table, ActionShare.__table__)


@cache
def _closed(dialect: str) -> Select[int, str, int | None]:
    """:func:`closed_shares`' query, built once a dialect (store/analysis_rows.py says
    why): the items' ids one array on PostgreSQL (store/chunks.among)."""
    return (select(_SHARES.c.item_id, _SHARES.c.owner, _SHARES.c.closed_by_message_pk)
            .where(among(_SHARES.c.item_id, dialect)))


_ADD = _SHARES.insert()


@dataclass(frozen=True)
class ShareClosure:
    """One owner's share of an item completed by a reply."""

    item_id: int
    owner: str
    message_pk: int
    closed_at: datetime | None
    sentence: str | None


def closed_shares(session: Session, item_ids: Collection[int]) -> dict[int, dict[str, int | None]]:
    """Per item: the owners (case-folded) whose share is done, and the closing message."""
    found: dict[int, dict[str, int | None]] = defaultdict(dict)
    ids = sorted(set(item_ids))
    statement = _closed(session.get_bind().dialect.name)
    for chunk in chunks(ids):
        for item_id, owner, message_pk in session.execute(statement, {"ids": chunk}):
            found[item_id][owner.casefold()] = message_pk
    return found


def record_shares(session: Session, shares: Sequence[ShareClosure]) -> int:
    """Store the shares not stored yet; return how many were added."""
    if not shares:
        return 0
    session.flush()  # the caller's pending ORM rows first (Core statements do not autoflush)
    existing = closed_shares(session, {s.item_id for s in shares})
    rows = []
    for share in shares:
        if share.owner.casefold() in existing.get(share.item_id, {}):
            continue
        rows.append({"item_id": share.item_id, "owner": share.owner[:200],
                     "closed_by_message_pk": share.message_pk, "closed_at": share.closed_at,
                     "closing_sentence": share.sentence})
        existing.setdefault(share.item_id, {})[share.owner.casefold()] = share.message_pk
    if rows:  # one executemany, in the order found (the ids the ORM gave one by one)
        session.execute(_ADD, rows)
    return len(rows)
