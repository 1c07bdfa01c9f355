"""``digest send`` and the worker's digest jobs: the digest of the latest complete period
to every member who gets it, exactly once.

The story of one run, top to bottom: take the send lock (two runs never overlap), turn
the entries an interrupted run left ``sending`` into ``uncertain``, record every
(list, period, member) in the outbox, then deliver the due entries. Each entry is
claimed (``sending``, committed) before the SMTP transaction and marked ``sent`` right
after the server accepts, so a crash leaves an entry that says what may have happened.
Temporary failures (4xx, server unreachable) are retried with exponential backoff;
permanent ones (5xx) are recorded; an entry whose fate is unknown becomes ``uncertain``
and is never re-sent on its own (services/digest/outbox.py settles it). See
docs/operations.md, "Sent exactly once".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from email.message import EmailMessage

from sqlalchemy import select

from iscg_mailbot.deliver.smtp import DeliveryUncertain, SmtpConnectionError, SmtpSender
from iscg_mailbot.errors import AuthenticationError, DeliveryError, MailbotError
from iscg_mailbot.report.digest import digest_for
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest.run import SEND_LOCK_LEASE, Run, Sender, SendItem, SendReport
from iscg_mailbot.services.digest_copies import keep_sent_copy
from iscg_mailbot.settings.main import ListConfig
from iscg_mailbot.store.locks import (
    DIGEST_SEND_LOCK,
    acquire_lock,
    lock_info,
    new_holder,
    release_lock,
)
from iscg_mailbot.store.models_delivery import DigestRun, OutboxEntry
from iscg_mailbot.store.outbox import (
    NewEntry,
    backoff,
    claim,
    due_entries,
    mark_failed,
    mark_sent,
    mark_uncertain,
    record_pending,
    recover_interrupted,
)
from iscg_mailbot.store.types import utcnow

log = logging.getLogger(__name__)


def send_digests(app: App, now: datetime | None = None, *, dry_run: bool = False,
                 trigger: str = "manual", retry_only: bool = False,
                 sender_factory: Callable[[], Sender] | None = None) -> list[SendReport]:
    """Send the digest of the latest complete period to every member who gets it, once.

    ``retry_only`` sends only digests already in the outbox whose retry is due (the
    worker's retry job); otherwise the period's digests are recorded first. With
    ``dry_run`` nothing is recorded and no SMTP connection is made. Raises MailbotError
    when another digest run holds the lock, AuthenticationError when the SMTP server
    refuses the login (after recording the run).
    """
    now = now or utcnow()
    config = app.settings.digest
    config.sender()  # a missing from_address is a configuration error, found before any work
    if dry_run:
        run = Run(app, now, config, _NoSender(), holder="dry-run")
        return [_plan_list(run, list_config) for list_config in app.settings.lists]
    make_sender = sender_factory or _smtp_sender_factory(app)
    holder = new_holder()
    if not acquire_lock(app.engine, DIGEST_SEND_LOCK, holder, SEND_LOCK_LEASE, now):
        with app.session() as session:
            info = lock_info(session, DIGEST_SEND_LOCK)
        raise MailbotError(f"another digest run is in progress ({info.holder if info else '?'}, "
                           "lock held until "
                           f"{info.expires_at:%Y-%m-%d %H:%M} UTC); try again later"
                           if info else "another digest run is in progress; try again later")
    try:
        sender = make_sender()
    except BaseException:
        release_lock(app.engine, DIGEST_SEND_LOCK, holder)
        raise
    run = Run(app, now, config, sender, holder)
    try:
        with app.session() as session:
            recovered = recover_interrupted(session, now)
        if recovered:
            log.warning("digest entries left sending by an interrupted run are now uncertain",
                        extra={"count": len(recovered),
                               "members": [member for member, _ in recovered]})
        reports = []
        for list_config in app.settings.lists:
            report = _send_list(run, list_config, trigger, retry_only)
            report.recovered_uncertain = len(recovered)
            report.uncertain_found = list(recovered)
            reports.append(report)
        return reports
    finally:
        sender.close()
        release_lock(app.engine, DIGEST_SEND_LOCK, holder)


def _smtp_sender_factory(app: App) -> Callable[[], Sender]:
    smtp = app.settings.require_smtp()  # raises ConfigError now, before the lock is taken
    return lambda: SmtpSender(smtp)


class _NoSender:
    def connect(self) -> None:
        raise AssertionError("a dry run never connects")

    def send(self, message: EmailMessage) -> None:
        raise AssertionError("a dry run never sends")

    def close(self) -> None:
        return None


def _plan_list(run: Run, list_config: ListConfig) -> SendReport:
    period = run.config.period_ending_by(run.now)
    period_key = run.config.period_key(*period)
    report = SendReport(list_key=list_config.id, period_key=period_key, dry_run=True,
                        trigger="dry-run")
    week = run.week(list_config, period)
    if week.base.is_empty and run.config.empty_week == "skip":
        report.skipped_empty = True
        return report
    recipients = run.members.digest_recipients()
    report.recipients = len(recipients)
    with run.app.session() as session:
        existing = {e.member_address: e for e in session.scalars(select(OutboxEntry).where(
            OutboxEntry.list_key == list_config.id, OutboxEntry.period_key == period_key))}
    for member in recipients:
        _, subject = run.message(digest_for(week, member), member)
        entry = existing.get(member.address)
        status = "would send" if entry is None or entry.status == "pending" else \
            f"already {entry.status}"
        report.items.append(SendItem(member.address, period_key, status, subject=subject))
    return report


def _start_run(run: Run, list_config: ListConfig, period: tuple[datetime, datetime],
               trigger: str) -> int:
    with run.app.session() as session:
        row = DigestRun(list_key=list_config.id, period_key=run.config.period_key(*period),
                        period_start=period[0], period_end=period[1], trigger=trigger,
                        started_at=run.now)
        session.add(row)
        session.flush()
        return row.id


def _finish_run(run: Run, run_id: int, report: SendReport) -> None:
    with run.app.session() as session:
        row = session.get(DigestRun, run_id)
        assert row is not None
        row.finished_at = utcnow()
        row.recipients = report.recipients
        row.sent = report.count("sent")
        row.deferred = report.count("deferred")
        row.failed = report.count("failed")
        row.uncertain = report.count("uncertain")
        row.skipped_empty = report.skipped_empty
        row.error = report.error


def _record_period(run: Run, list_config: ListConfig, period: tuple[datetime, datetime],
                   run_id: int, report: SendReport) -> None:
    week = run.week(list_config, period)
    if week.base.is_empty and run.config.empty_week == "skip":
        report.skipped_empty = True
        return
    recipients = run.members.digest_recipients()
    report.recipients = len(recipients)
    with run.app.session() as session:
        for member in recipients:
            digest = digest_for(week, member)
            message, subject = run.message(digest, member)
            record_pending(session, NewEntry(
                list_key=list_config.id, period_key=digest.period_key, period_start=period[0],
                period_end=period[1], member_address=member.address, member_name=member.name,
                message_id=str(message["Message-ID"]),
                subject=subject), run.now, run_id)


def _send_list(run: Run, list_config: ListConfig, trigger: str,
               retry_only: bool) -> SendReport:
    period = run.config.period_ending_by(run.now)
    report = SendReport(list_key=list_config.id, period_key=run.config.period_key(*period),
                        dry_run=False, trigger=trigger)
    if retry_only:
        with run.app.session() as session:
            if not due_entries(session, run.now, list_key=list_config.id):
                return report  # nothing to retry: no run worth recording
    run_id = _start_run(run, list_config, period, trigger)
    try:
        if not retry_only:
            _record_period(run, list_config, period, run_id, report)
        with run.app.session() as session:
            entries = due_entries(session, run.now, list_key=list_config.id)
        if entries:
            deliver(run, list_config, entries, run_id, report)
    except MailbotError as exc:
        report.error = str(exc)
        raise
    finally:
        _finish_run(run, run_id, report)
    return report


# --- delivering the due entries of the outbox ----------------------------------------


def deliver(run: Run, list_config: ListConfig, entries: list[OutboxEntry], run_id: int,
            report: SendReport) -> None:
    """Send the due ``entries`` over one SMTP session, oldest first; when the server
    cannot be reached (or the session breaks), the rest wait for a later retry."""
    if not _connect(run, entries, report):
        return
    for index, entry in enumerate(entries):
        run.keep_lock()
        if not _send_entry(run, list_config, entry, run_id, report):
            for rest in entries[index + 1:]:
                _defer(run, rest, report.error or "", report)
            return


def _connect(run: Run, entries: list[OutboxEntry], report: SendReport) -> bool:
    """Open the SMTP session; False (every entry deferred) when the server is unreachable."""
    try:
        run.sender.connect()
    except SmtpConnectionError as exc:
        # Nothing was sent: every due entry stays pending and is tried again later.
        report.error = str(exc)
        for entry in entries:
            _defer(run, entry, str(exc), report)
        return False
    except AuthenticationError as exc:
        # Back off as for an unreachable server: retrying a refused login every few
        # minutes could get the account locked.
        for entry in entries:
            _defer(run, entry, str(exc), report)
        raise
    return True


def _send_entry(run: Run, list_config: ListConfig, entry: OutboxEntry, run_id: int,
                report: SendReport) -> bool:
    """Claim and send one entry and record what happened; False when the session broke
    (nothing of this message was sent; it is deferred)."""
    member = run.members.by_address(entry.member_address)
    if member is None or not member.digest:
        with run.app.session() as session:
            mark_failed(session, entry.id, "no longer a digest recipient in members.yaml",
                        run.now, retry_at=None)
        report.items.append(SendItem(entry.member_address, entry.period_key, "failed",
                                     "no longer a digest recipient"))
        return True
    week = run.week(list_config, (entry.period_start, entry.period_end))
    message, subject = run.message(digest_for(week, member), member)
    with run.app.session() as session:
        if not claim(session, entry.id, run.now, run_id):
            return True  # not pending any more
    try:
        run.sender.send(message)
    except DeliveryUncertain as exc:
        with run.app.session() as session:
            mark_uncertain(session, entry.id, str(exc), run.now)
        report.items.append(SendItem(entry.member_address, entry.period_key, "uncertain",
                                     str(exc), subject))
    except SmtpConnectionError as exc:
        # The session is gone: defer this message and the rest of the run rather than
        # hammer an unreachable server.
        report.error = str(exc)
        _defer(run, entry, str(exc), report)
        return False
    except AuthenticationError as exc:
        _defer(run, entry, str(exc), report)
        raise
    except DeliveryError as exc:
        _failed_attempt(run, entry, exc, report, subject)
    else:
        with run.app.session() as session:
            mark_sent(session, entry.id, utcnow())
        keep_sent_copy(run.app, entry.id, message)  # for the website's Digests page
        report.items.append(SendItem(entry.member_address, entry.period_key, "sent",
                                     subject=subject))
    return True


def _defer(run: Run, entry: OutboxEntry, error: str, report: SendReport) -> None:
    """Back to pending with a later retry time (the server was unreachable or refused the
    login). Each deferral counts as an attempt, so the wait doubles each time (up to
    ``retry_max_minutes``) instead of knocking on a closed door every few minutes."""
    count = entry.attempts + 1
    retry_at = run.now + backoff(count, run.config.retry_base_minutes,
                                 run.config.retry_max_minutes)
    with run.app.session() as session:
        mark_failed(session, entry.id, error, run.now, retry_at=retry_at, attempts=count)
    report.items.append(SendItem(entry.member_address, entry.period_key, "deferred", error))


def _failed_attempt(run: Run, entry: OutboxEntry, exc: DeliveryError, report: SendReport,
                    subject: str) -> None:
    attempts = entry.attempts + 1
    give_up = not exc.temporary or attempts >= run.config.max_attempts
    retry_at = None if give_up else run.now + backoff(
        attempts, run.config.retry_base_minutes, run.config.retry_max_minutes)
    error = str(exc) if not (exc.temporary and give_up) else \
        f"gave up after {attempts} attempts; last: {exc}"
    with run.app.session() as session:
        mark_failed(session, entry.id, error, run.now, retry_at=retry_at)
    report.items.append(SendItem(entry.member_address, entry.period_key,
                                 "failed" if give_up else "deferred", error, subject))
