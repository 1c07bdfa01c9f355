"""The digest schedule, derived from what the database already records.

The worker keeps its APScheduler jobs in memory: nothing about the schedule is stored.
What survives a restart is ``digest_runs`` (each attempt at a period) and the outbox
(each member's digest of a period). At start-up the worker asks :func:`missed_digest`
whether the period a digest run would cover now (the last complete period) came due
while it was down, and if so sends it at once. The answer comes from those two
tables, so a missed digest goes out once: the catch-up run is recorded in
``digest_runs``, and the next start-up finds it there.

>>> missed_digest(app)                                    # doctest: +SKIP
MissedDigest(period_key='2024-03-04/2024-03-11', due_at=datetime(2024, 3, 11, 6, 0, ...))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from iscg_mailbot.services.app import App
from iscg_mailbot.settings.delivery import DigestConfig
from iscg_mailbot.store.models_delivery import DigestRun
from iscg_mailbot.store.types import utcnow

# A retry run records the period current when it ran, whatever period its retried
# digests belong to, so it says nothing about whether a period was recorded.
RETRY_TRIGGER = "retry"


@dataclass(frozen=True)
class MissedDigest:
    """A period whose scheduled time passed with no digest run recorded for it."""

    period_key: str
    due_at: datetime


def digest_trigger(config: DigestConfig) -> CronTrigger:
    """The ``digest.schedule`` crontab, in the digest's time zone."""
    return CronTrigger.from_crontab(config.schedule, timezone=config.zone)


def next_digest(config: DigestConfig, now: datetime | None = None) -> datetime | None:
    """When the schedule next sends a digest, in UTC (None when digests are disabled)."""
    if not config.enabled:
        return None
    when: datetime | None = digest_trigger(config).get_next_fire_time(None, now or utcnow())
    return when.astimezone(UTC) if when is not None else None


def missed_digest(app: App, now: datetime | None = None) -> MissedDigest | None:
    """The period to send at start-up, or None when nothing was missed.

    A period is missed when the schedule fired after it ended, no longer than
    ``worker.misfire_grace_hours`` ago, and no scheduled or manual run of it is
    recorded for some list. A database that never ran a digest for an earlier period
    misses nothing: a new installation starts with its next scheduled digest rather
    than mailing last week's at once (possibly before its mail is synced).
    """
    now = now or utcnow()
    config = app.settings.digest
    if not config.enabled:
        return None
    start, end = config.period_ending_by(now)
    grace = timedelta(hours=app.settings.worker.misfire_grace_hours)
    due_at = digest_trigger(config).get_next_fire_time(None, max(end, now - grace))
    if due_at is None or due_at > now:
        return None
    period_key = config.period_key(start, end)
    lists = [list_config.id for list_config in app.settings.lists]
    with app.session() as session:
        if not _ran_before(session, start) or _recorded(session, period_key, lists):
            return None
    return MissedDigest(period_key=period_key, due_at=due_at.astimezone(UTC))


def _ran_before(session: Session, period_start: datetime) -> bool:
    """Whether a digest run of any earlier period is recorded."""
    return bool(session.scalar(select(exists().where(DigestRun.period_end <= period_start))))


def _recorded(session: Session, period_key: str, lists: list[str]) -> bool:
    """Whether every list has a scheduled or manual run of the period."""
    ran = set(session.scalars(select(DigestRun.list_key).where(
        DigestRun.period_key == period_key, DigestRun.trigger != RETRY_TRIGGER)))
    return ran.issuperset(lists)
