"""One digest run's report and shared state: what the sending and delivery steps pass on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Protocol

from iscg_mailbot.deliver.compose import compose
from iscg_mailbot.records import Digest
from iscg_mailbot.report.digest import Week
from iscg_mailbot.report.render import render_digest
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest.week import read_week
from iscg_mailbot.services.overlap_cache import with_overlaps
from iscg_mailbot.settings.delivery import DigestConfig
from iscg_mailbot.settings.main import ListConfig
from iscg_mailbot.settings.members import Member
from iscg_mailbot.store.locks import DIGEST_SEND_LOCK, acquire_lock
from iscg_mailbot.store.types import utcnow

# Renewed once a minute while sending (keep_lock), so a sender killed mid-run blocks the
# next one for at most a few minutes; the entries it left in "sending" become "uncertain".
SEND_LOCK_LEASE = timedelta(minutes=3)


class Sender(Protocol):
    """What send_digests needs of an SMTP sender (SmtpSender, or a test double)."""

    def connect(self) -> None: ...
    def send(self, message: EmailMessage) -> None: ...
    def close(self) -> None: ...


@dataclass
class SendItem:
    """What happened to one member's digest in a run."""

    member: str
    period_key: str
    status: str  # sent, deferred, failed, uncertain, already sent, would send, ...
    detail: str = ""
    subject: str = ""


@dataclass
class SendReport:
    """One run over one list: the period and what happened to each digest."""

    list_key: str
    period_key: str
    dry_run: bool
    trigger: str
    recipients: int = 0
    recovered_uncertain: int = 0
    # (member, period) of the digests an earlier, interrupted run may have delivered.
    uncertain_found: list[tuple[str, str]] = field(default_factory=list)
    skipped_empty: bool = False
    error: str | None = None
    items: list[SendItem] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)


class Run:
    """State shared by the steps of one send_digests call."""

    def __init__(self, app: App, now: datetime, config: DigestConfig, sender: Sender,
                 holder: str) -> None:
        self.app = app
        self.now = now
        self.config = config
        self.sender = sender
        self.holder = holder
        self.members = app.config.members()
        self.weeks: dict[tuple[str, str], Week] = {}
        self.lock_renewed = now
        self.messages: dict[tuple[str, str, str], tuple[EmailMessage, str]] = {}

    def keep_lock(self) -> None:
        """Renew the send lease once a minute during a long run."""
        moment = utcnow()
        if moment - self.lock_renewed > timedelta(minutes=1):
            acquire_lock(self.app.engine, DIGEST_SEND_LOCK, self.holder, SEND_LOCK_LEASE, moment)
            self.lock_renewed = moment

    def week(self, list_config: ListConfig, period: tuple[datetime, datetime]) -> Week:
        key = (list_config.id, self.config.period_key(*period))
        if key not in self.weeks:
            week = read_week(self.app, list_config, period, self.now)
            self.weeks[key] = with_overlaps(self.app, week, period)
        return self.weeks[key]

    def message(self, digest: Digest, member: Member) -> tuple[EmailMessage, str]:
        """The composed digest and its subject, made once per run (recording then sending)."""
        key = (digest.list_key, digest.period_key, member.address)
        if key not in self.messages:
            rendered = render_digest(digest, member, config_dir=self.app.settings.config_dir)
            message = compose(rendered, digest, member, self.config, date=self.now)
            self.messages[key] = (message, rendered.subject)
        return self.messages[key]
