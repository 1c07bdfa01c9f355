"""A digest shown, never sent: ``digest preview``, and the website's digest pages
(this week as it stands, the periods sent and each as it stood when it closed)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from iscg_mailbot.errors import MailbotError, NotFound
from iscg_mailbot.records import Digest
from iscg_mailbot.report.compiled_templates import compiled_templates
from iscg_mailbot.report.digest import digest_for
from iscg_mailbot.report.render import render_digest
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest.week import read_week
from iscg_mailbot.services.overlap_cache import with_overlaps
from iscg_mailbot.settings.cache_dir import cache_dir
from iscg_mailbot.settings.members import Member
from iscg_mailbot.store.models_delivery import SENT, OutboxEntry
from iscg_mailbot.store.types import utcnow

log = logging.getLogger(__name__)


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


def _member(app: App, address: str) -> Member:
    member = app.config.members().by_address(address)
    if member is None:
        raise NotFound(f"no member with address {address} in {app.config.members_path}")
    return member


def preview_digest(app: App, *, member_address: str | None = None, week: date | None = None,
                   now: datetime | None = None, list_key: str | None = None) -> DigestPreview:
    """Render (never send) the digest of the period holding ``week`` (default: the last one)."""
    now = now or utcnow()
    config = app.settings.digest
    list_config = app.settings.list_by_id(list_key or app.settings.lists[0].id)
    member = _member(app, member_address) if member_address else None
    period = config.period_containing(week) if week else config.period_ending_by(now)
    as_of = None
    if week is not None and period[1] < now:
        # A past week as its digest showed it when the week closed: action items open
        # then, overdue by that day, replies awaited then; not as they stand today.
        now = as_of = period[1]
    shown = read_week(app, list_config, period, now, as_of)
    digest = digest_for(with_overlaps(app, shown, period), member)
    rendered = render_digest(digest, member, config_dir=app.settings.config_dir,
                             compiled=compiled_templates(cache_dir()))
    return DigestPreview(list_key=list_config.id, period_key=digest.period_key,
                         member=member.address if member else None, subject=rendered.subject,
                         text=rendered.text, html=rendered.html, empty=digest.is_empty)


def keep_overlaps_current(app: App, *, now: datetime | None = None) -> bool:
    """Compute and keep the possible overlaps of each list's latest complete period (what
    ``digest preview`` shows by default and the scheduled digest sends), unless they are
    kept already for the data and code as they are now; then the next preview reads them.

    Comparing a year of threads takes ~1 s of CPU at 100,000 messages: run by whoever
    makes the kept result stale (the worker after each sync and when it starts after an
    upgrade, ``db upgrade``, ``import`` and ``sync``), so that a person never waits for
    it. The same path as :func:`preview_digest`'s, so the same key and the same result.
    Best effort: False (and a warning logged) when the database or the configuration
    refused; a preview then computes them as before."""
    now = now or utcnow()
    period = app.settings.digest.period_ending_by(now)
    try:
        for list_config in app.settings.lists:
            with_overlaps(app, read_week(app, list_config, period, now), period)
    except (MailbotError, SQLAlchemyError) as exc:
        log.warning("the digest's possible overlaps were not kept ahead: %s", exc)
        return False
    return True


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
    member = app.config.members().by_address(member_address) if member_address else None
    period = config.period_containing(now.astimezone(config.zone).date())
    return digest_for(read_week(app, list_config, period, now), member)


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
