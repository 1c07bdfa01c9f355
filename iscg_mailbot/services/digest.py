"""The weekly digest as services: preview it, send it exactly once per member, report on it.

``send_digests`` records every (list, period, member) in the outbox before sending,
commits ``sending`` before the SMTP transaction and ``sent`` right after the server
accepts, so a crash leaves an entry that says what may have happened. Temporary
failures (4xx, server unreachable) are retried with exponential backoff; permanent
ones (5xx) are recorded. An entry whose fate is unknown (the run died mid-send, or
the connection broke during DATA) becomes ``uncertain`` and is never re-sent without
``release_uncertain``: a missing digest can be sent later, a duplicate cannot be
taken back. See docs/operations.md, "Sent exactly once".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from sqlalchemy import func, select

from iscg_mailbot.deliver.compose import compose
from iscg_mailbot.deliver.smtp import DeliveryUncertain, SmtpConnectionError, SmtpSender
from iscg_mailbot.errors import AuthenticationError, DeliveryError, MailbotError, NotFound
from iscg_mailbot.records import Digest
from iscg_mailbot.report.digest import Week, collect_week, digest_for
from iscg_mailbot.report.render import render_digest
from iscg_mailbot.services.app import App
from iscg_mailbot.services.config_cache import cached
from iscg_mailbot.services.digest_copies import keep_sent_copy
from iscg_mailbot.services.overlaps import with_overlaps
from iscg_mailbot.settings.delivery import DigestConfig
from iscg_mailbot.settings.main import ListConfig, Settings
from iscg_mailbot.settings.members import (
    Member,
    MembersConfig,
    check_members,
    load_members,
    members_path,
)
from iscg_mailbot.settings.topics import load_topics, topics_path
from iscg_mailbot.store.locks import (
    DIGEST_SEND_LOCK,
    WORKER_LOCK,
    acquire_lock,
    lock_info,
    new_holder,
    release_lock,
)
from iscg_mailbot.store.models_delivery import (
    FAILED,
    SENT,
    UNCERTAIN,
    DigestRun,
    OutboxEntry,
    SchedulerJob,
)
from iscg_mailbot.store.outbox import (
    NewEntry,
    backoff,
    claim,
    confirm_delivered,
    count_by_status,
    due_entries,
    mark_failed,
    mark_sent,
    mark_uncertain,
    problem_entries,
    record_pending,
    recover_interrupted,
    release_uncertain,
)
from iscg_mailbot.store.types import utcnow

log = logging.getLogger(__name__)

# Renewed once a minute while sending (keep_lock), so a sender killed mid-run blocks the
# next one for at most a few minutes; the entries it left in "sending" become "uncertain".
SEND_LOCK_LEASE = timedelta(minutes=3)


class Sender(Protocol):
    """What send_digests needs of an SMTP sender (SmtpSender, or a test double)."""

    def connect(self) -> None: ...
    def send(self, message: EmailMessage) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class DigestPreview:
    """A rendered digest that was not sent."""

    list_key: str
    period_key: str
    member: str | None
    subject: str
    text: str
    html: str
    empty: bool


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


@dataclass(frozen=True)
class MembersCheck:
    """``members check``: the file, how many members and recipients, and every problem."""

    path: str
    members: int
    recipients: int
    problems: tuple[str, ...]


@dataclass(frozen=True)
class MemberRow:
    """``members list``: one member as members.yaml describes them."""

    name: str
    address: str
    aliases: tuple[str, ...]
    role: str
    advisory_group: str | None
    organisation: str
    digest: bool
    topics_only: tuple[str, ...] | None
    topics_muted: tuple[str, ...]


@dataclass(frozen=True)
class OutboxProblem:
    member: str
    period_key: str
    status: str
    attempts: int
    last_error: str | None
    updated_at: datetime


@dataclass(frozen=True)
class RunSummary:
    list_key: str
    period_key: str
    trigger: str
    started_at: datetime
    finished_at: datetime | None
    sent: int
    deferred: int
    failed: int
    uncertain: int
    skipped_empty: bool
    error: str | None


@dataclass(frozen=True)
class DigestStatus:
    """For ``status``: the worker's lease and next jobs, recent runs, outbox problems."""

    worker: str | None
    worker_alive: bool
    next_runs: dict[str, datetime | None]
    current_period: str
    outbox: dict[str, int]
    runs: list[RunSummary]
    problems: list[OutboxProblem]


def _members(app: App) -> MembersConfig:
    return cached(members_path(app.settings.config_dir), _members_or_none)


def _members_or_none(path: Path) -> MembersConfig:
    return load_members(path, missing_ok=True)


def _topic_titles(settings: Settings) -> dict[str, str]:
    path = topics_path(settings.config_dir)
    if not path.exists():
        return {}
    return {topic.id: topic.name for topic in cached(path, load_topics).topics}


def _member(app: App, members: MembersConfig, address: str) -> Member:
    member = members.by_address(address)
    if member is None:
        raise NotFound(f"no member with address {address} in "
                       f"{members_path(app.settings.config_dir)}")
    return member


def preview_digest(app: App, *, member_address: str | None = None, week: date | None = None,
                   now: datetime | None = None, list_key: str | None = None) -> DigestPreview:
    """Render (never send) the digest of the period holding ``week`` (default: the last one)."""
    now = now or utcnow()
    config = app.settings.digest
    list_config = app.settings.list_by_id(list_key or app.settings.lists[0].id)
    member = _member(app, _members(app), member_address) if member_address else None
    period = config.period_containing(week) if week else config.period_ending_by(now)
    as_of = None
    if week is not None and period[1] < now:
        # A past week as its digest showed it when the week closed: action items open
        # then, overdue by that day, replies awaited then; not as they stand today.
        now = as_of = period[1]
    with app.session() as session:
        week_data = collect_week(session, list_config=list_config, period=period, now=now,
                                 config=config, topic_titles=_topic_titles(app.settings),
                                 as_of=as_of)
    digest = digest_for(with_overlaps(app, week_data, period), member)
    rendered = render_digest(digest, member, config_dir=app.settings.config_dir)
    return DigestPreview(list_key=list_config.id, period_key=digest.period_key,
                         member=member.address if member else None, subject=rendered.subject,
                         text=rendered.text, html=rendered.html, empty=digest.is_empty)


def check_member_list(settings: Settings) -> MembersCheck:
    """Validate members.yaml (schema, duplicates, one chair, topic ids known to topics.yaml)."""
    path = members_path(settings.config_dir)
    topics = set(_topic_titles(settings)) or None
    problems = check_members(path, known_topics=topics)
    try:
        members = load_members(path)
    except MailbotError:
        return MembersCheck(str(path), 0, 0, tuple(problems))
    return MembersCheck(str(path), len(members.members), len(members.digest_recipients()),
                        tuple(problems))


def member_list(settings: Settings) -> list[MemberRow]:
    """The members of members.yaml in file order; ConfigError for a missing or broken file."""
    members = load_members(members_path(settings.config_dir))
    return [MemberRow(name=m.name, address=m.address, aliases=m.aliases, role=m.role.value,
                      advisory_group=m.group, organisation=m.organisation, digest=m.digest,
                      topics_only=m.topics_only, topics_muted=m.topics_muted)
            for m in members.members]


class _Run:
    """State shared by the steps of one send_digests call."""

    def __init__(self, app: App, now: datetime, config: DigestConfig, sender: Sender,
                 holder: str) -> None:
        self.app = app
        self.now = now
        self.config = config
        self.sender = sender
        self.holder = holder
        self.members = _members(app)
        self.topic_titles = _topic_titles(app.settings)
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
            with self.app.session() as session:
                self.weeks[key] = collect_week(
                    session, list_config=list_config, period=period, now=self.now,
                    config=self.config, topic_titles=self.topic_titles)
            self.weeks[key] = with_overlaps(self.app, self.weeks[key], period)
        return self.weeks[key]

    def message(self, digest: Digest, member: Member) -> tuple[EmailMessage, str]:
        """The composed digest and its subject, made once per run (recording then sending)."""
        key = (digest.list_key, digest.period_key, member.address)
        if key not in self.messages:
            rendered = render_digest(digest, member, config_dir=self.app.settings.config_dir)
            message = compose(rendered, digest, member, self.config, date=self.now)
            self.messages[key] = (message, rendered.subject)
        return self.messages[key]


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
        run = _Run(app, now, config, _NoSender(), holder="dry-run")
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
    run = _Run(app, now, config, sender, holder)
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


def _plan_list(run: _Run, list_config: ListConfig) -> SendReport:
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


def _start_run(run: _Run, list_config: ListConfig, period: tuple[datetime, datetime],
               trigger: str) -> int:
    with run.app.session() as session:
        row = DigestRun(list_key=list_config.id, period_key=run.config.period_key(*period),
                        period_start=period[0], period_end=period[1], trigger=trigger,
                        started_at=run.now)
        session.add(row)
        session.flush()
        return row.id


def _finish_run(run: _Run, run_id: int, report: SendReport) -> None:
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


def _record_period(run: _Run, list_config: ListConfig, period: tuple[datetime, datetime],
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


def _send_list(run: _Run, list_config: ListConfig, trigger: str,
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
            _deliver(run, list_config, entries, run_id, report)
    except MailbotError as exc:
        report.error = str(exc)
        raise
    finally:
        _finish_run(run, run_id, report)
    return report


def _deliver(run: _Run, list_config: ListConfig, entries: list[OutboxEntry], run_id: int,
             report: SendReport) -> None:
    try:
        run.sender.connect()
    except SmtpConnectionError as exc:
        # Nothing was sent: every due entry stays pending and is tried again later.
        report.error = str(exc)
        for entry in entries:
            _defer(run, entry, str(exc), report)
        return
    except AuthenticationError as exc:
        # Back off as for an unreachable server: retrying a refused login every few
        # minutes could get the account locked.
        for entry in entries:
            _defer(run, entry, str(exc), report)
        raise
    for index, entry in enumerate(entries):
        run.keep_lock()
        member = run.members.by_address(entry.member_address)
        if member is None or not member.digest:
            with run.app.session() as session:
                mark_failed(session, entry.id, "no longer a digest recipient in members.yaml",
                            run.now, retry_at=None)
            report.items.append(SendItem(entry.member_address, entry.period_key, "failed",
                                         "no longer a digest recipient"))
            continue
        week = run.week(list_config, (entry.period_start, entry.period_end))
        message, subject = run.message(digest_for(week, member), member)
        with run.app.session() as session:
            if not claim(session, entry.id, run.now, run_id):
                continue  # not pending any more
        try:
            run.sender.send(message)
        except DeliveryUncertain as exc:
            with run.app.session() as session:
                mark_uncertain(session, entry.id, str(exc), run.now)
            report.items.append(SendItem(entry.member_address, entry.period_key, "uncertain",
                                         str(exc), subject))
        except SmtpConnectionError as exc:
            # The session is gone and nothing of this message was sent: defer it and
            # the rest of the run rather than hammer an unreachable server.
            report.error = str(exc)
            _defer(run, entry, str(exc), report)
            for rest in entries[index + 1:]:
                _defer(run, rest, str(exc), report)
            return
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


def _defer(run: _Run, entry: OutboxEntry, error: str, report: SendReport) -> None:
    """Back to pending with a later retry time (the server was unreachable or refused the
    login). Each deferral counts as an attempt, so the wait doubles each time (up to
    ``retry_max_minutes``) instead of knocking on a closed door every few minutes."""
    count = entry.attempts + 1
    retry_at = run.now + backoff(count, run.config.retry_base_minutes,
                                 run.config.retry_max_minutes)
    with run.app.session() as session:
        mark_failed(session, entry.id, error, run.now, retry_at=retry_at, attempts=count)
    report.items.append(SendItem(entry.member_address, entry.period_key, "deferred", error))


def _failed_attempt(run: _Run, entry: OutboxEntry, exc: DeliveryError, report: SendReport,
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


def release_uncertain_digests(app: App, *, member_address: str | None = None,
                              period_key: str | None = None,
                              now: datetime | None = None, failed: bool = False) -> int:
    """Mark uncertain digests as not sent, so the next run sends them; return how many.

    Only for entries the operator has checked (in the mail server's log) were not
    delivered: this is the one way a digest can reach a member twice. With ``failed``,
    digests the server refused for good (5xx, or too many temporary failures) are queued
    again instead, once the cause (a relay rule, a mailbox) is fixed.
    """
    with app.session() as session:
        return release_uncertain(session, now or utcnow(), member_address, period_key,
                                 status=FAILED if failed else UNCERTAIN)


def confirm_delivery(app: App, *, member_address: str, period_key: str, by: str,
                     now: datetime | None = None) -> int:
    """Record that an uncertain digest reached the member (the operator checked the mail
    server's log): it is marked sent, with ``by`` and the time, and never sent again.

    Raises NotFound when the member has no uncertain digest for that period.

    >>> confirm_delivery(app, member_address="ann@itu.int",      # doctest: +SKIP
    ...                  period_key="2026-09-14/2026-09-21", by="operator")
    1
    """
    with app.session() as session:
        count = confirm_delivered(session, member_address, period_key, by.strip() or "?",
                                  now or utcnow())
    if not count:
        raise NotFound(f"no uncertain digest for {member_address} in period {period_key}; "
                       "see 'iscg-mailbot digest status'")
    return count


def digest_status(app: App, now: datetime | None = None) -> DigestStatus:
    """The worker's lease, its next jobs, the last digest runs and outbox problems."""
    now = now or utcnow()
    config = app.settings.digest
    period_key = config.period_key(*config.period_ending_by(now))
    with app.session() as session:
        lock = lock_info(session, WORKER_LOCK)
        jobs = {job_id: (datetime.fromtimestamp(when, tz=UTC) if when is not None
                         else None)
                for job_id, when in session.execute(
                    select(SchedulerJob.id, SchedulerJob.next_run_time)
                    .order_by(SchedulerJob.id))}
        runs = [RunSummary(r.list_key, r.period_key, r.trigger, r.started_at, r.finished_at,
                           r.sent, r.deferred, r.failed, r.uncertain, r.skipped_empty, r.error)
                for r in session.scalars(select(DigestRun).order_by(DigestRun.id.desc())
                                         .limit(10))]
        problems = [OutboxProblem(e.member_address, e.period_key, e.status, e.attempts,
                                  e.last_error, e.updated_at) for e in problem_entries(session)]
        return DigestStatus(
            worker=lock.holder if lock else None,
            worker_alive=lock is not None and lock.expires_at > now,
            next_runs=jobs, current_period=period_key,
            outbox=count_by_status(session, period_key), runs=runs, problems=problems)


# --- the website's digest pages -----------------------------------------------------


@dataclass(frozen=True)
class SentPeriod:
    """A period whose digest went out: when, to how many members."""

    list_key: str
    period_key: str
    period_start: datetime
    period_end: datetime
    sent: int
    last_sent_at: datetime | None


def live_digest(app: App, *, member_address: str | None = None, now: datetime | None = None,
                list_key: str | None = None) -> Digest:
    """The digest of the period running now, as it stands (the website's "This week")."""
    now = now or utcnow()
    config = app.settings.digest
    list_config = app.settings.list_by_id(list_key or app.settings.lists[0].id)
    members = _members(app)
    member = members.by_address(member_address) if member_address else None
    period = config.period_containing(now.astimezone(config.zone).date())
    with app.session() as session:
        week = collect_week(session, list_config=list_config, period=period, now=now,
                            config=config, topic_titles=_topic_titles(app.settings))
    return digest_for(week, member)


def sent_periods(app: App, limit: int = 200) -> list[SentPeriod]:
    """Every period with at least one digest sent, newest first (from the outbox)."""
    with app.session() as session:
        rows = session.execute(
            select(OutboxEntry.list_key, OutboxEntry.period_key,
                   func.min(OutboxEntry.period_start), func.min(OutboxEntry.period_end),
                   func.count(), func.max(OutboxEntry.sent_at))
            .where(OutboxEntry.status == SENT)
            .group_by(OutboxEntry.list_key, OutboxEntry.period_key)
            .order_by(func.min(OutboxEntry.period_start).desc(), OutboxEntry.list_key)
            .limit(limit)).all()
    return [SentPeriod(*row) for row in rows]


def sent_digest(app: App, list_key: str, period_key: str, *,
                member_address: str | None = None) -> DigestPreview:
    """A sent period's digest rebuilt as it stood when the period closed, for this member
    when they received it (else unfiltered); NotFound for a period never sent."""
    with app.session() as session:
        entry = session.scalars(select(OutboxEntry).where(
            OutboxEntry.list_key == list_key, OutboxEntry.period_key == period_key,
            OutboxEntry.status == SENT).limit(1)).first()
        if entry is None:
            raise NotFound(f"no digest was sent for {list_key} {period_key}")
        received = member_address is not None and session.scalars(select(OutboxEntry.id).where(
            OutboxEntry.list_key == list_key, OutboxEntry.period_key == period_key,
            OutboxEntry.member_address == member_address, OutboxEntry.status == SENT)).first()
        start = entry.period_start
    config = app.settings.digest
    return preview_digest(app, member_address=member_address if received else None,
                          week=start.astimezone(config.zone).date(), list_key=list_key)
