"""What the bot has done so far: per-mailbox sync state and overall counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import DigestStatus, digest_status
from iscg_mailbot.store.models import (
    AnalysisFailure,
    Mailbox,
    Message,
    QuarantinedMessage,
    Thread,
)

#: Rows listed per kind of problem (the counts are always complete).
MAX_LISTED = 20


@dataclass(frozen=True)
class MailboxStatus:
    name: str
    configured: bool
    last_sync_at: datetime | None
    uidvalidity: int | None
    last_uid: int
    messages_stored: int
    quarantined: int
    last_error: str | None


@dataclass(frozen=True)
class AnalysisFailureStatus:
    """A thread whose analysis failed: why, how often, and when it is tried again."""

    thread_id: int
    subject: str
    reason: str
    attempts: int
    last_failed_at: datetime
    retry_after: datetime


@dataclass(frozen=True)
class LongMessageStatus:
    """A message longer than ``analysis_max_chars``: stored and searchable whole,
    analysed only up to the cap."""

    message_pk: int
    thread_id: int | None
    subject: str
    characters: int


@dataclass
class Status:
    database: str
    messages: int
    threads: int
    quarantined: int
    threads_awaiting_analysis: int
    mailboxes: list[MailboxStatus] = field(default_factory=list)
    digest: DigestStatus | None = None
    analysis_max_chars: int = 0
    analysis_failures: list[AnalysisFailureStatus] = field(default_factory=list)
    long_messages: int = 0
    long_messages_listed: list[LongMessageStatus] = field(default_factory=list)


def status(app: App) -> Status:
    """Counts and per-mailbox sync state (configured mailboxes never synced included)."""
    with app.session() as session:
        quarantined_by_mailbox = dict(
            session.execute(
                select(QuarantinedMessage.source_mailbox, func.count()).group_by(
                    QuarantinedMessage.source_mailbox
                )
            ).all()
        )
        rows = {row.name: row for row in session.scalars(select(Mailbox))}
        configured = [m.name for m in app.settings.mailboxes]
        mailboxes = []
        for name in [*configured, *sorted(set(rows) - set(configured))]:
            row = rows.get(name)
            mailboxes.append(
                MailboxStatus(
                    name=name,
                    configured=name in configured,
                    last_sync_at=row.last_sync_at if row else None,
                    uidvalidity=row.uidvalidity if row else None,
                    last_uid=row.last_uid if row else 0,
                    messages_stored=row.messages_stored if row else 0,
                    quarantined=quarantined_by_mailbox.get(name, 0),
                    last_error=row.last_error if row else None,
                )
            )
        return Status(
            database=app.database,
            messages=session.scalar(select(func.count()).select_from(Message)) or 0,
            threads=session.scalar(select(func.count()).select_from(Thread)) or 0,
            quarantined=session.scalar(select(func.count()).select_from(QuarantinedMessage)) or 0,
            threads_awaiting_analysis=session.scalar(
                select(func.count()).select_from(Thread).where(Thread.needs_analysis)
            )
            or 0,
            mailboxes=mailboxes,
            digest=digest_status(app),
            analysis_max_chars=app.settings.analysis_max_chars,
            analysis_failures=_analysis_failures(session),
            long_messages=_long_messages_count(session, app.settings.analysis_max_chars),
            long_messages_listed=_long_messages(session, app.settings.analysis_max_chars),
        )


def _analysis_failures(session: Session) -> list[AnalysisFailureStatus]:
    rows = session.execute(
        select(AnalysisFailure, Thread.subject)
        .join(Thread, Thread.id == AnalysisFailure.thread_id)
        .order_by(AnalysisFailure.last_failed_at.desc())
    ).all()
    return [
        AnalysisFailureStatus(f.thread_id, subject or "", f.reason, f.attempts,
                              f.last_failed_at, f.retry_after)
        for f, subject in rows
    ]


def _text_length() -> ColumnElement[int]:
    return func.length(Message.new_text) + func.length(Message.forwarded_text)


def _long_messages_count(session: Session, cap: int) -> int:
    return session.scalar(select(func.count()).where(_text_length() > cap)) or 0


def _long_messages(session: Session, cap: int) -> list[LongMessageStatus]:
    length = _text_length()
    rows = session.execute(
        select(Message.id, Message.thread_id, Message.subject, length)
        .where(length > cap)
        .order_by(Message.id.desc())
        .limit(MAX_LISTED)
    ).all()
    return [LongMessageStatus(pk, thread, subject or "", chars)
            for pk, thread, subject, chars in rows]
