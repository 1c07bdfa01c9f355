"""What the bot has done so far: per-mailbox sync state and overall counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import DigestStatus, digest_status
from iscg_mailbot.store.models import Mailbox, Message, QuarantinedMessage, Thread


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


@dataclass
class Status:
    database: str
    messages: int
    threads: int
    quarantined: int
    threads_awaiting_analysis: int
    mailboxes: list[MailboxStatus] = field(default_factory=list)
    digest: DigestStatus | None = None


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
        )
