"""Tables of digest delivery and of the worker: outbox, digest runs, locks.

The worker's schedule is not stored: its jobs live in memory, and a digest missed
while it was down is found in ``digest_runs`` (see ``services/schedule.py``).

No table here references ``threads.id``: a digest is rebuilt from stored threads
whenever it is (re)attempted, so thread merges never need to touch these rows.
"""

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from iscg_mailbot.store.base import Base
from iscg_mailbot.store.types import utcnow

# Outbox states. pending -> sending -> sent is the happy path; a 4xx or an unreachable
# server puts the entry back to pending with a later next_attempt_at; a 5xx (or too
# many attempts) makes it failed; a run that died while an entry was "sending" leaves
# it uncertain: the server may have accepted it, so it is never re-sent on its own.
PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
UNCERTAIN = "uncertain"
OUTBOX_STATES = (PENDING, SENDING, SENT, FAILED, UNCERTAIN)


class DigestRun(Base):
    """One attempt at sending the digests of a period for a list (scheduled, retry, manual)."""

    __tablename__ = "digest_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_key: Mapped[str] = mapped_column(String(100))
    period_key: Mapped[str] = mapped_column(String(40), index=True)
    period_start: Mapped[datetime]
    period_end: Mapped[datetime]
    trigger: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    finished_at: Mapped[datetime | None]
    recipients: Mapped[int] = mapped_column(Integer, default=0)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    deferred: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    uncertain: Mapped[int] = mapped_column(Integer, default=0)
    skipped_empty: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None] = mapped_column(Text)


class OutboxEntry(Base):
    """One member's digest for one period: recorded before sending, marked once accepted.

    Unique per (list, period, member): whatever happens, a member has one entry per
    period, and only an entry in state ``pending`` is ever handed to the SMTP server.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("list_key", "period_key", "member_address",
                         name="uq_outbox_list_key_period_key_member_address"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    list_key: Mapped[str] = mapped_column(String(100))
    period_key: Mapped[str] = mapped_column(String(40))
    period_start: Mapped[datetime]
    period_end: Mapped[datetime]
    member_address: Mapped[str] = mapped_column(String(320))
    member_name: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(998))
    subject: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    # Set by ``digest confirm``: the operator found the digest delivered in the mail
    # server's log (an uncertain entry becomes sent without a second copy).
    confirmed_by: Mapped[str | None] = mapped_column(String(200))
    confirmed_at: Mapped[datetime | None]
    run_id: Mapped[int | None] = mapped_column(ForeignKey("digest_runs.id"))


class WorkerLock(Base):
    """A named lease: the holder must renew it before ``expires_at`` or lose it.

    Used for "one worker per database" (``worker``) and to keep two digest senders
    (the worker and a manual ``digest send``) from running at once (``digest-send``).
    A lease rather than a database session lock works the same on SQLite and
    PostgreSQL and survives connection pool recycling; a crashed holder's lease
    simply runs out.
    """

    __tablename__ = "worker_locks"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    acquired_at: Mapped[datetime]
    heartbeat_at: Mapped[datetime]
    expires_at: Mapped[datetime]

