"""Idempotent writes of parsed messages and quarantined ones.

Storing the same message twice (same list, same Message-ID) adds nothing: that is what
makes a re-sync after a crash, a UIDVALIDITY reset or a second archive import safe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from functools import cache
from typing import cast

from sqlalchemy import Select, Table, bindparam, select
from sqlalchemy.orm import Session

from iscg_mailbot.parse.subjects import is_reply_subject
from iscg_mailbot.records import Address, ParsedMessage, RawMessage
from iscg_mailbot.store.bulk import insert_rows
from iscg_mailbot.store.chunks import among, chunks
from iscg_mailbot.store.models import MailingList, Message, MessageReference, QuarantinedMessage
from iscg_mailbot.store.thread_members import NewMessage, Placement
from iscg_mailbot.store.threads import thread_new_messages


@dataclass(frozen=True)
class StoredBatch:
    """What one call to :func:`save_messages` did."""

    new_message_ids: list[int]
    duplicates: int
    #: Threads created for the batch, written flagged ``needs_analysis`` (by its threading).
    new_thread_ids: frozenset[int] = frozenset()


def ensure_list(session: Session, key: str, address: str, name: str = "") -> MailingList:
    """Return the MailingList row for ``key``, creating it on first use."""
    found = session.scalar(select(MailingList).where(MailingList.key == key))
    if found is None:
        found = MailingList(key=key, address=address, name=name)
        session.add(found)
        session.flush()
    return found


def existing_message_ids(session: Session, list_id: int, message_ids: Sequence[str]) -> set[str]:
    """The subset of ``message_ids`` already stored for the list."""
    return set(_primary_keys(session, list_id, message_ids))


def _primary_keys(session: Session, list_id: int, message_ids: Sequence[str]) -> dict[str, int]:
    """Message-ID -> primary key, for those of ``message_ids`` stored for the list."""
    found: dict[str, int] = {}
    statement = _keys_of(session.get_bind().dialect.name)
    for chunk in chunks(message_ids):
        rows = session.execute(statement, {"list": list_id, "ids": chunk})
        found.update((mid, pk) for mid, pk in rows)
    return found


@cache
def _keys_of(dialect: str) -> Select[str, int]:
    """:func:`_primary_keys`' query, built once (twice a batch in an import: the known
    Message-IDs, then the new rows' keys)."""
    return select(Message.message_id, Message.id).where(
        Message.list_id == bindparam("list"), among(Message.message_id, dialect))


def _address_json(addresses: Sequence[Address]) -> list[dict[str, str]]:
    return [{"name": a.name, "address": a.address} for a in addresses]


def _row(list_id: int, parsed: ParsedMessage, placed: Placement) -> dict[str, object]:
    source = parsed.provenance
    thread_id, parent = placed.get(parsed.message_id, (None, None))
    return {
        "list_id": list_id,
        "thread_id": thread_id,
        "parent_message_id": parent,
        "message_id": parsed.message_id,
        "synthetic_id": parsed.synthetic_id,
        "in_reply_to": parsed.in_reply_to,
        "references": list(parsed.references),
        "sender_name": parsed.sender.name,
        "sender_address": parsed.sender.address,
        "to_addresses": _address_json(parsed.to),
        "cc_addresses": _address_json(parsed.cc),
        "date": parsed.date,
        "utc_offset_minutes": parsed.utc_offset_minutes,
        "subject": parsed.subject,
        "normalised_subject": parsed.normalised_subject[:500],
        "body_text": parsed.body_text,
        "new_text": parsed.new_text,
        "forwarded_text": parsed.forwarded_text,
        "auto_submitted": parsed.automatic,
        "quoted_text": parsed.quoted_text,
        "signature": parsed.signature,
        "attachments": [
            {"filename": a.filename, "content_type": a.content_type, "size": a.size}
            for a in parsed.attachments
        ],
        "raw_size": parsed.raw_size,
        "defects": list(parsed.defects),
        "source_mailbox": source.mailbox,
        "source_uidvalidity": source.uidvalidity,
        "source_uid": source.uid,
        "source_path": source.archive_path,
    }


def save_messages(session: Session, list_id: int, batch: Sequence[ParsedMessage]) -> StoredBatch:
    """Insert the messages of ``batch`` not yet stored for the list, with their references.

    Returns the primary keys of the new rows (threading is the caller's next step:
    :func:`save_threaded_messages` does both in one write of each row).

    >>> stored = save_messages(session, lst.id, parsed_batch)  # doctest: +SKIP
    >>> save_messages(session, lst.id, parsed_batch).new_message_ids  # doctest: +SKIP
    []
    """
    fresh, duplicates = _fresh(session, list_id, batch)
    return StoredBatch(insert_messages(session, list_id, fresh, {}), duplicates)


def save_threaded_messages(
    session: Session, list_id: int, batch: Sequence[ParsedMessage]
) -> tuple[StoredBatch, set[int]]:
    """:func:`save_messages` and :func:`~iscg_mailbot.store.threads.attach_to_threads` in
    one: the new messages are threaded first and their rows written with their thread.
    Returns what was stored and the ids of the threads that changed."""
    fresh, duplicates = _fresh(session, list_id, batch)
    news = [new_message(p) for p in fresh]
    threaded = thread_new_messages(session, list_id, news)
    ids = insert_messages(session, list_id, fresh, threaded.placed, [n.is_reply for n in news])
    return StoredBatch(ids, duplicates, frozenset(threaded.created)), threaded.touched


def new_message(parsed: ParsedMessage) -> NewMessage:
    """The threading facts of ``parsed`` as its row will hold them (see :func:`_row`)."""
    return NewMessage(
        message_id=parsed.message_id,
        in_reply_to=parsed.in_reply_to,
        references=list(parsed.references),
        subject=parsed.subject,
        normalised_subject=parsed.normalised_subject[:500],
        is_reply=is_reply_subject(parsed.subject),  # the column's default
        date=None if parsed.date is None else parsed.date.astimezone(UTC),  # as read back
        sender_address=parsed.sender.address,
    )


def _fresh(session: Session, list_id: int,
           batch: Sequence[ParsedMessage]) -> tuple[list[ParsedMessage], int]:
    """The messages of ``batch`` not stored yet (the first of each Message-ID), and how
    many of the batch are left out."""
    unique: dict[str, ParsedMessage] = {}
    for parsed in batch:
        unique.setdefault(parsed.message_id, parsed)
    known = existing_message_ids(session, list_id, list(unique))
    fresh = [parsed for mid, parsed in unique.items() if mid not in known]
    return fresh, len(batch) - len(fresh)


def insert_messages(session: Session, list_id: int, fresh: Sequence[ParsedMessage],
                    placed: Placement, replies: Sequence[bool] = ()) -> list[int]:
    """Write the rows of ``fresh`` (none stored yet), each with its place in ``placed``
    when it has one, and their references; return their primary keys in order.
    ``replies``: each message's ``is_reply`` when the caller has it (threading read it),
    else the column's default computes it."""
    if not fresh:
        return []
    rows = [_row(list_id, parsed, placed) for parsed in fresh]
    if replies:  # what the default would compute: each subject read once, not twice
        for row, reply in zip(rows, replies, strict=True):
            row["is_reply"] = reply
    # Core rows, not ORM objects: the ORM's per-row bookkeeping cost more than the
    # database itself here; a COPY on PostgreSQL (store/bulk.py). No RETURNING: with it
    # SQLAlchemy writes one huge multi-row INSERT per page that psycopg re-parses every
    # time (PostgreSQL), or one INSERT per row (SQLite); the new keys are read back by
    # Message-ID instead.
    insert_rows(session, Message.__table__, rows)
    keys = _primary_keys(session, list_id, [parsed.message_id for parsed in fresh])
    ids = [keys[parsed.message_id] for parsed in fresh]
    references: list[dict[str, object]] = []
    for pk, parsed in zip(ids, fresh, strict=True):
        targets = dict.fromkeys([*parsed.references, *filter(None, [parsed.in_reply_to])])
        targets.pop(parsed.message_id, None)
        references.extend({"message_pk": pk, "referenced_id": ref[:998]} for ref in targets)
    insert_rows(session, cast(Table, MessageReference.__table__), references)
    return ids


def quarantine(
    session: Session, list_id: int | None, raw: RawMessage, reason: str
) -> bool:
    """Keep an unparseable message byte for byte with the reason; False if already kept."""
    digest = hashlib.sha256(raw.data).hexdigest()
    if session.scalar(select(QuarantinedMessage.id).where(QuarantinedMessage.sha256 == digest)):
        return False
    source = raw.provenance
    session.add(
        QuarantinedMessage(
            list_id=list_id,
            sha256=digest,
            reason=reason[:2000],
            raw=raw.data,
            source_mailbox=source.mailbox,
            source_uidvalidity=source.uidvalidity,
            source_uid=source.uid,
            source_path=source.archive_path,
        )
    )
    session.flush()
    return True
