"""Reads for the annual report, the areas matrix and the duplication watch: threads active
in a period with their first sender, entities, messages' senders and action items."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from iscg_mailbot.store.chunks import chunks
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_duties import OverlapDismissal
from iscg_mailbot.store.models_topics import ThreadEntity
from iscg_mailbot.store.types import utcnow


@dataclass(frozen=True)
class ThreadFacts:
    """A thread active in the period: its subject, activity, messages and who started it."""

    id: int
    subject: str
    first_activity: datetime | None
    last_activity: datetime | None
    messages: int
    starter: str  # the first message's sender address (lower case)
    text: str     # subject and the new text of its messages (for text similarity)


@dataclass(frozen=True)
class ItemFacts:
    """An action item of one of those threads."""

    id: int
    thread_id: int
    kind: str
    status: str
    owner: str | None
    due: date | None
    closed_at: datetime | None
    sentence: str


def threads_active(session: Session, start: datetime, end: datetime) -> list[ThreadFacts]:
    """Threads with at least one message in [start, end), oldest first."""
    rows = session.execute(
        select(Message.thread_id, Message.sender_address, Message.date, Message.subject,
               Message.new_text)
        .where(Message.thread_id.is_not(None), Message.date >= start, Message.date < end)
        .order_by(Message.date, Message.id))
    by_thread: dict[int, list[tuple[str, datetime | None, str, str]]] = defaultdict(list)
    for thread_id, sender, when, subject, text in rows:
        if thread_id is None:
            continue
        by_thread[thread_id].append(((sender or "").lower(), when, subject or "", text or ""))
    if not by_thread:
        return []
    subjects: dict[int, str] = {}
    for chunk in chunks(sorted(by_thread)):
        for thread_id, subject in session.execute(
                select(Thread.id, Thread.subject).where(Thread.id.in_(chunk))):
            subjects[thread_id] = subject
    facts = []
    for thread_id, messages in by_thread.items():
        dates = [m[1] for m in messages if m[1] is not None]
        facts.append(ThreadFacts(
            id=thread_id, subject=subjects.get(thread_id, messages[0][2]),
            first_activity=min(dates) if dates else None,
            last_activity=max(dates) if dates else None, messages=len(messages),
            starter=messages[0][0],
            text="\n".join([messages[0][2], *(m[3] for m in messages)])))
    return sorted(facts, key=lambda f: (f.first_activity is None, f.first_activity, f.id))


def senders_active(session: Session, start: datetime, end: datetime) -> list[tuple[int, str]]:
    """(thread id, sender address) of every message in [start, end)."""
    return [(thread_id, (sender or "").lower()) for thread_id, sender in session.execute(
        select(Message.thread_id, Message.sender_address)
        .where(Message.thread_id.is_not(None), Message.date >= start, Message.date < end))
        if thread_id is not None]


def entities_of(session: Session,
                thread_ids: Collection[int]) -> dict[int, list[tuple[str, str, int]]]:
    """(label, key, count) of the entities each thread names."""
    found: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for chunk in chunks(sorted(thread_ids)):
        for thread_id, label, key, count in session.execute(
                select(ThreadEntity.thread_id, ThreadEntity.label, ThreadEntity.key,
                       ThreadEntity.count).where(ThreadEntity.thread_id.in_(chunk))):
            found[thread_id].append((label, key, count))
    return dict(found)


def items_of(session: Session, thread_ids: Collection[int]) -> list[ItemFacts]:
    """The action items (kind "action") of these threads."""
    items = []
    for chunk in chunks(sorted(thread_ids)):
        for row in session.scalars(select(ActionItem).where(
                ActionItem.thread_id.in_(chunk), ActionItem.kind == "action")):
            if row.thread_id is not None:
                items.append(ItemFacts(row.id, row.thread_id, row.kind, row.status, row.owner,
                                       row.due, row.closed_at, row.sentence))
    return sorted(items, key=lambda i: i.id)


def dismissed_pairs(session: Session) -> set[str]:
    """Pair keys ("12-40") of every dismissed flag."""
    return set(session.scalars(select(OverlapDismissal.pair_key)))


def dismiss_pair(session: Session, thread_a: int, thread_b: int, note: str | None) -> bool:
    """Record a dismissal; False if the pair was already dismissed."""
    low, high = sorted((thread_a, thread_b))
    key = f"{low}-{high}"
    if session.scalar(select(OverlapDismissal.id).where(OverlapDismissal.pair_key == key)):
        return False
    session.add(OverlapDismissal(pair_key=key, thread_a=low, thread_b=high, note=note,
                                 dismissed_at=utcnow()))
    session.flush()
    return True
