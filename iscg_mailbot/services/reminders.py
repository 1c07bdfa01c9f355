"""Deadline reminders and the chair's weekly list of newly overdue items, sent exactly once.

``send_reminders(app, now)`` (the worker runs it every hour) works out what is due today:

* for each open action item with a due date, the most urgent step of
  ``[reminders] days_before`` (default 7 and 1 days) reached today, for each member behind
  its owner (the member named, or the secretariat staff of the owning unit) whose
  ``reminders`` are on in members.yaml;
* on the configured weekday (Monday by default; later that week if the worker was down),
  the chair's list of the items whose due day fell in the past week and are still open.

Each is recorded in the digest's outbox first (keyed by item and step, or by week, and
member), under the digest's send lock, and moves through the same states: a reminder is
sent at most once, one left ``sending`` by a crash becomes ``uncertain`` and waits for
``digest release``. An item closed before its reminder goes out cancels it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.message import EmailMessage

from iscg_mailbot.deliver.notice import compose_notice
from iscg_mailbot.deliver.smtp import DeliveryUncertain, SmtpConnectionError, SmtpSender
from iscg_mailbot.errors import AuthenticationError, DeliveryError, MailbotError
from iscg_mailbot.records import OPEN
from iscg_mailbot.report.reminders import (
    Mail,
    OverdueLine,
    overdue_mail,
    owners_to_remind,
    reminder_mail,
    step_due,
)
from iscg_mailbot.services.actions import load_context
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import SEND_LOCK_LEASE, Sender
from iscg_mailbot.settings.members import Member, MembersConfig, Role
from iscg_mailbot.store.locks import DIGEST_SEND_LOCK, acquire_lock, release_lock
from iscg_mailbot.store.locks import new_holder as new_lock_holder
from iscg_mailbot.store.models_delivery import OutboxEntry
from iscg_mailbot.store.outbox import (
    NewEntry,
    backoff,
    claim,
    due_entries,
    find_entry,
    mark_failed,
    mark_sent,
    mark_uncertain,
    record_pending,
    recover_interrupted,
)
from iscg_mailbot.store.reminders import (
    REMINDERS_KEY,
    cancel_entry,
    dated_item,
    open_items_due_between,
)
from iscg_mailbot.store.types import utcnow

log = logging.getLogger(__name__)

_ITEM_KEY = re.compile(r"^item(?P<id>\d+):d(?P<step>\d+)$")
_WEEK_KEY = re.compile(r"^overdue:(?P<year>\d{4})-W(?P<week>\d{2})$")


@dataclass(frozen=True)
class ReminderItem:
    """One reminder of a run: to whom, which (period key), what happened."""

    member_address: str
    key: str
    status: str
    subject: str = ""
    error: str | None = None


@dataclass
class RemindersReport:
    """What one ``send_reminders`` call did (or, dry, would do)."""

    today: date
    dry_run: bool = False
    recovered_uncertain: int = 0
    items: list[ReminderItem] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many reminders ended in ``status``."""
        return sum(1 for item in self.items if item.status == status)


@dataclass(frozen=True)
class _Planned:
    key: str
    member: Member


class _Plan:
    """Today's reminders, and the text of any reminder key (rebuilt when it is sent)."""

    def __init__(self, app: App, now: datetime) -> None:
        self.app = app
        self.now = now
        self.config = app.settings.reminders
        context = load_context(app)
        self.members: MembersConfig = context.members
        self.today = context.today(now)
        self.list_name = app.settings.lists[0].name or app.settings.lists[0].id

    def week_key(self) -> str | None:
        """This week's overdue-list key, once the configured weekday has come."""
        if self.today.weekday() < self.config.overdue_weekday_number:
            return None
        year, week, _ = self.today.isocalendar()
        return f"overdue:{year}-W{week:02d}"

    def due_today(self) -> list[_Planned]:
        steps = self.config.days_before
        planned: list[_Planned] = []
        with self.app.session() as session:
            items = open_items_due_between(session, self.today + timedelta(days=1),
                                           self.today + timedelta(days=max(steps)))
        for item in items:
            step = step_due(item.due, self.today, steps)
            if step is None:
                continue
            for member in owners_to_remind(item.owner, item.owner_kind, self.members):
                planned.append(_Planned(f"item{item.id}:d{step}", member))
        week = self.week_key()
        if week is not None and self._overdue_lines(week):
            planned.extend(_Planned(week, chair) for chair in self.members.with_role(Role.CHAIR)
                           if chair.reminders)
        return planned

    def _overdue_lines(self, week: str) -> list[OverdueLine]:
        match = _WEEK_KEY.match(week)
        assert match is not None
        monday = date.fromisocalendar(int(match["year"]), int(match["week"]), 1)
        anchor = monday + timedelta(days=self.config.overdue_weekday_number)
        with self.app.session() as session:
            items = open_items_due_between(
                session, anchor - timedelta(days=self.config.overdue_window_days),
                anchor - timedelta(days=1))
        return [OverdueLine(i.id, i.due, i.owner, i.sentence, i.thread_subject) for i in items]

    def mail(self, key: str) -> Mail | str:
        """The reminder's text, or why it must not be sent any more."""
        week = _WEEK_KEY.match(key)
        if week is not None:
            lines = self._overdue_lines(key)
            return overdue_mail(key.split(":", 1)[1], lines, self.list_name) if lines else \
                "every item of that week's list was closed before it was sent"
        match = _ITEM_KEY.match(key)
        if match is None:
            return f"not a reminder key: {key!r}"
        with self.app.session() as session:
            item = dated_item(session, int(match["id"]))
        if item is None:
            return "the item is gone or has no due date any more"
        if item.status != OPEN:
            return f"the item was {item.status} before its reminder was sent"
        return reminder_mail(item_id=item.id, sentence=item.sentence,
                             thread_subject=item.thread_subject, due=item.due,
                             step=(item.due - self.today).days if item.due > self.today
                             else int(match["step"]),
                             owner=item.owner or "", meeting=item.due_meeting,
                             list_name=self.list_name)


def send_reminders(app: App, now: datetime | None = None, *, dry_run: bool = False,
                   sender_factory: Callable[[], Sender] | None = None) -> RemindersReport:
    """Record and send today's reminders; each (item, step, member) at most once.

    With ``dry_run`` nothing is recorded or sent: the report lists what would go out.
    Raises MailbotError while a digest run holds the send lock (the worker retries
    within the hour).
    """
    now = now or utcnow()
    plan = _Plan(app, now)
    report = RemindersReport(today=plan.today, dry_run=dry_run)
    if not plan.config.enabled:
        return report
    digest = app.settings.digest
    digest.sender()  # no sender address: a configuration error, before any work
    planned = plan.due_today()
    if dry_run:
        with app.session() as session:
            for item in planned:
                entry = find_entry(session, REMINDERS_KEY, item.key, item.member.address)
                report.items.append(ReminderItem(
                    item.member.address, item.key,
                    "would send" if entry is None else f"already {entry.status}"))
        return report
    make_sender = sender_factory or (lambda: SmtpSender(app.settings.require_smtp()))
    holder = new_lock_holder()
    if not acquire_lock(app.engine, DIGEST_SEND_LOCK, holder, SEND_LOCK_LEASE, now):
        raise MailbotError("a digest run is sending; reminders wait for the next try")
    try:
        with app.session() as session:
            report.recovered_uncertain = len(recover_interrupted(session, now))
            for item in planned:
                record_pending(session, NewEntry(
                    list_key=REMINDERS_KEY, period_key=item.key, period_start=now,
                    period_end=now, member_address=item.member.address,
                    member_name=item.member.name, message_id="", subject=""), now)
        with app.session() as session:
            entries = due_entries(session, now, list_key=REMINDERS_KEY)
        if entries:
            _deliver(app, plan, entries, make_sender, report)
    finally:
        release_lock(app.engine, DIGEST_SEND_LOCK, holder)
    return report


def _message(app: App, plan: _Plan, entry: OutboxEntry, member: Member,
             mail: Mail) -> EmailMessage:
    return compose_notice(subject=mail.subject, text=mail.text, member=member,
                          config=app.settings.digest, list_key=REMINDERS_KEY,
                          period_key=entry.period_key, date=plan.now)


def _deliver(app: App, plan: _Plan, entries: list[OutboxEntry],
             make_sender: Callable[[], Sender], report: RemindersReport) -> None:
    sender = make_sender()
    connected = False
    try:
        for entry in entries:
            mail = plan.mail(entry.period_key)
            member = plan.members.by_address(entry.member_address)
            if isinstance(mail, str) or member is None or not member.reminders:
                _cancel(app, plan, entry, mail if isinstance(mail, str)
                        else "no longer to be reminded", report)
                continue
            message = _message(app, plan, entry, member, mail)
            if not connected:
                sender.connect()
                connected = True
            with app.session() as session:
                if not claim(session, entry.id, plan.now):
                    continue
            _send_one(app, plan, entry, sender, message, mail.subject, report)
    except (SmtpConnectionError, AuthenticationError) as exc:
        # Nothing more goes out this run; pending entries are tried on the next one.
        log.warning("reminders deferred: %s", exc)
        report.items.append(ReminderItem("", "", "deferred", error=str(exc)))
    finally:
        sender.close()


def _cancel(app: App, plan: _Plan, entry: OutboxEntry, reason: str,
            report: RemindersReport) -> None:
    with app.session() as session:
        cancel_entry(session, entry.id, reason, plan.now)
    report.items.append(ReminderItem(entry.member_address, entry.period_key, "cancelled",
                                     error=reason))


def _send_one(app: App, plan: _Plan, entry: OutboxEntry, sender: Sender,
              message: EmailMessage, subject: str, report: RemindersReport) -> None:
    """Send one claimed reminder and record what happened; a lost connection or a
    refused login is re-raised after the entry is pending again."""
    digest = app.settings.digest
    try:
        sender.send(message)
    except (SmtpConnectionError, AuthenticationError) as exc:
        # Nothing of this message reached the server: pending again, retried on the
        # next run; the rest waits too.
        with app.session() as session:
            mark_failed(session, entry.id, str(exc), plan.now,
                        retry_at=plan.now + backoff(entry.attempts + 1,
                                                    digest.retry_base_minutes,
                                                    digest.retry_max_minutes))
        raise
    except DeliveryUncertain as exc:
        with app.session() as session:
            mark_uncertain(session, entry.id, str(exc), plan.now)
        report.items.append(ReminderItem(entry.member_address, entry.period_key,
                                         "uncertain", subject, str(exc)))
    except DeliveryError as exc:
        attempts = entry.attempts + 1
        give_up = not exc.temporary or attempts >= digest.max_attempts
        retry_at = None if give_up else plan.now + backoff(
            attempts, digest.retry_base_minutes, digest.retry_max_minutes)
        with app.session() as session:
            mark_failed(session, entry.id, str(exc), plan.now, retry_at=retry_at)
        report.items.append(ReminderItem(entry.member_address, entry.period_key,
                                         "failed" if give_up else "deferred", subject,
                                         str(exc)))
    else:
        with app.session() as session:
            mark_sent(session, entry.id, utcnow())
        report.items.append(ReminderItem(entry.member_address, entry.period_key, "sent",
                                         subject))


__all__ = ["ReminderItem", "RemindersReport", "send_reminders"]
