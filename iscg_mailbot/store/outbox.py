"""The digest outbox: one entry per (list, period, member), moved through its states.

Every function takes a session and leaves committing to the caller; the delivery
service commits after each step so that the state on disk always tells the truth
about what may have reached the SMTP server (see docs/operations.md, "Sent exactly once").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from iscg_mailbot.store.models_delivery import (
    FAILED,
    PENDING,
    SENDING,
    SENT,
    UNCERTAIN,
    OutboxEntry,
)

INTERRUPTED = ("interrupted while sending (worker stopped or crashed): the server may have "
               "accepted it, so it is not sent again automatically; check the mail server's "
               "log, then 'iscg-mailbot digest confirm' if it was delivered or "
               "'iscg-mailbot digest release' to send it")


@dataclass(frozen=True)
class NewEntry:
    """What is known of a digest before it is sent."""

    list_key: str
    period_key: str
    period_start: datetime
    period_end: datetime
    member_address: str
    member_name: str
    message_id: str
    subject: str


def find_entry(session: Session, list_key: str, period_key: str,
               member_address: str) -> OutboxEntry | None:
    """The entry of one member's digest for one period, if recorded."""
    return session.scalar(select(OutboxEntry).where(
        OutboxEntry.list_key == list_key, OutboxEntry.period_key == period_key,
        OutboxEntry.member_address == member_address.lower()))


def record_pending(session: Session, new: NewEntry, now: datetime,
                   run_id: int | None = None) -> OutboxEntry:
    """Record a digest as pending unless an entry for (list, period, member) exists.

    Returns the entry, new or existing (whatever its state): recording twice is harmless.
    """
    existing = find_entry(session, new.list_key, new.period_key, new.member_address)
    if existing is not None:
        return existing
    entry = OutboxEntry(
        list_key=new.list_key, period_key=new.period_key, period_start=new.period_start,
        period_end=new.period_end, member_address=new.member_address.lower(),
        member_name=new.member_name, message_id=new.message_id, subject=new.subject,
        status=PENDING, attempts=0, created_at=now, updated_at=now, run_id=run_id)
    session.add(entry)
    session.flush()
    return entry


def due_entries(session: Session, now: datetime, list_key: str | None = None,
                period_key: str | None = None) -> list[OutboxEntry]:
    """Pending entries whose next attempt is due, oldest first."""
    query = select(OutboxEntry).where(
        OutboxEntry.status == PENDING,
        (OutboxEntry.next_attempt_at.is_(None)) | (OutboxEntry.next_attempt_at <= now))
    if list_key is not None:
        query = query.where(OutboxEntry.list_key == list_key)
    if period_key is not None:
        query = query.where(OutboxEntry.period_key == period_key)
    return list(session.scalars(query.order_by(OutboxEntry.id)))


def claim(session: Session, entry_id: int, now: datetime, run_id: int | None = None) -> bool:
    """Move a pending entry to ``sending`` and count the attempt; False if it is not pending.

    The caller commits before talking to the SMTP server: from then on a crash leaves
    the entry in ``sending``, which the next run turns into ``uncertain``.
    """
    result = session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.id == entry_id, OutboxEntry.status == PENDING)
        .values(status=SENDING, attempts=OutboxEntry.attempts + 1, updated_at=now,
                run_id=run_id)
        .execution_options(synchronize_session=False))
    return bool(getattr(result, "rowcount", 0) == 1)


def mark_sent(session: Session, entry_id: int, now: datetime) -> None:
    """The server accepted the message."""
    session.execute(update(OutboxEntry).where(OutboxEntry.id == entry_id).values(
        status=SENT, sent_at=now, updated_at=now, last_error=None, next_attempt_at=None)
        .execution_options(synchronize_session=False))


def mark_failed(session: Session, entry_id: int, error: str, now: datetime, *,
                retry_at: datetime | None, attempts: int | None = None) -> None:
    """Record a failure: back to pending until ``retry_at``, or failed for good when None.

    ``attempts`` sets the attempt count (for failures that happened before the entry was
    claimed, such as an unreachable server); otherwise :func:`claim` counted it.
    """
    values: dict[str, object] = {
        "status": PENDING if retry_at is not None else FAILED,
        "last_error": error,
        "next_attempt_at": retry_at,
        "updated_at": now,
    }
    if attempts is not None:
        values["attempts"] = attempts
    session.execute(update(OutboxEntry).where(OutboxEntry.id == entry_id).values(values)
                    .execution_options(synchronize_session=False))


def mark_uncertain(session: Session, entry_id: int, error: str, now: datetime) -> None:
    """The message may or may not have reached the server: never re-send it on our own."""
    session.execute(update(OutboxEntry).where(OutboxEntry.id == entry_id).values(
        status=UNCERTAIN, last_error=error, updated_at=now)
        .execution_options(synchronize_session=False))


def recover_interrupted(session: Session, now: datetime) -> list[tuple[str, str]]:
    """Entries left in ``sending`` by a run that died become ``uncertain``; return their
    (member address, period key), so that the run can name them.

    Call only while holding the digest-send lock, so no live sender owns them.
    """
    found = [(address, period) for address, period in session.execute(
        select(OutboxEntry.member_address, OutboxEntry.period_key)
        .where(OutboxEntry.status == SENDING).order_by(OutboxEntry.id))]
    if found:
        session.execute(update(OutboxEntry).where(OutboxEntry.status == SENDING).values(
            status=UNCERTAIN, last_error=INTERRUPTED, updated_at=now)
            .execution_options(synchronize_session=False))
    return found


def confirm_delivered(session: Session, member_address: str, period_key: str, by: str,
                      now: datetime) -> int:
    """Record that an uncertain digest was delivered (the operator found it in the mail
    server's log): it becomes sent, with who confirmed it and when; return how many.

    Only ``uncertain`` entries change: a pending or failed digest was never accepted.
    """
    result = session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.status == UNCERTAIN,
               OutboxEntry.member_address == member_address.lower(),
               OutboxEntry.period_key == period_key)
        .values(status=SENT, sent_at=now, updated_at=now, confirmed_by=by, confirmed_at=now,
                next_attempt_at=None)
        .execution_options(synchronize_session=False))
    return int(getattr(result, "rowcount", 0) or 0)


def release_uncertain(session: Session, now: datetime, member_address: str | None = None,
                      period_key: str | None = None, *, status: str = UNCERTAIN) -> int:
    """Put ``status`` entries (uncertain, or failed) back to pending: the operator checked
    they were not delivered, or fixed what made them fail (those start a fresh attempt
    count, so the retries a temporary failure gets are not already used up)."""
    if status not in (UNCERTAIN, FAILED):
        raise ValueError(f"only uncertain or failed digests can be released, not {status!r}")
    query = update(OutboxEntry).where(OutboxEntry.status == status)
    if member_address is not None:
        query = query.where(OutboxEntry.member_address == member_address.lower())
    if period_key is not None:
        query = query.where(OutboxEntry.period_key == period_key)
    values: dict[str, object] = {"status": PENDING, "next_attempt_at": None, "updated_at": now}
    if status == FAILED:
        values["attempts"] = 0
    result = session.execute(query.values(values).execution_options(synchronize_session=False))
    return int(getattr(result, "rowcount", 0) or 0)


def backoff(attempts: int, base_minutes: float, max_minutes: float) -> timedelta:
    """Delay before the next attempt: base, 2×base, 4×base, … capped at ``max_minutes``.

    >>> backoff(1, 5, 360), backoff(3, 5, 360), backoff(20, 5, 360)
    (datetime.timedelta(seconds=300), datetime.timedelta(seconds=1200), \
datetime.timedelta(seconds=21600))
    """
    return timedelta(minutes=min(base_minutes * 2 ** max(attempts - 1, 0), max_minutes))


def count_by_status(session: Session, period_key: str | None = None) -> dict[str, int]:
    """How many entries are in each state (of one period, or of all)."""
    query = select(OutboxEntry.status, func.count()).group_by(OutboxEntry.status)
    if period_key is not None:
        query = query.where(OutboxEntry.period_key == period_key)
    return {status: count for status, count in session.execute(query)}


def problem_entries(session: Session, limit: int = 50) -> list[OutboxEntry]:
    """Failed and uncertain entries, newest first (for ``status``)."""
    return list(session.scalars(
        select(OutboxEntry).where(OutboxEntry.status.in_((FAILED, UNCERTAIN)))
        .order_by(OutboxEntry.updated_at.desc()).limit(limit)))
