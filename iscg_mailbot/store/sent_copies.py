"""Copies of sent digests (see :mod:`iscg_mailbot.store.models_archive`).

Each function takes a session and leaves committing to the caller.
"""

from __future__ import annotations

import zlib
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from iscg_mailbot.store.models_archive import SentDigestCopy
from iscg_mailbot.store.models_delivery import SENT, OutboxEntry


def keep_copy(session: Session, outbox_id: int, mail: bytes, now: datetime) -> None:
    """Keep ``mail`` (the message's bytes as sent) for the outbox entry; a second call
    for the same entry replaces nothing (the first copy is what was sent)."""
    if session.get(SentDigestCopy, outbox_id) is None:
        session.add(SentDigestCopy(outbox_id=outbox_id, mail=zlib.compress(mail, 6),
                                   kept_at=now))
        session.flush()


def sent_copy(session: Session, list_key: str, period_key: str,
              member_address: str) -> bytes | None:
    """The bytes of the digest of one period as ``member_address`` received it, or None
    (not sent to them, or sent before copies were kept)."""
    mail = session.scalar(
        select(SentDigestCopy.mail)
        .join(OutboxEntry, OutboxEntry.id == SentDigestCopy.outbox_id)
        .where(OutboxEntry.list_key == list_key, OutboxEntry.period_key == period_key,
               OutboxEntry.member_address == member_address.lower(),
               OutboxEntry.status == SENT))
    return None if mail is None else zlib.decompress(mail)
