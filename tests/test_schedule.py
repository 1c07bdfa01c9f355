"""The digest schedule is derived, not stored: which period a worker sends at start-up
(services/schedule.py) on a fixed clock, and a real worker catching up a missed digest
once and never again; both databases, real aiosmtpd."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import digest_status
from iscg_mailbot.services.schedule import MissedDigest, missed_digest, next_digest
from iscg_mailbot.settings.delivery import DigestConfig, SmtpConfig, WorkerConfig
from iscg_mailbot.settings.main import ListConfig
from iscg_mailbot.store.database import session_scope
from iscg_mailbot.store.models_delivery import DigestRun, OutboxEntry
from iscg_mailbot.worker import JOB_DIGEST, Worker
from tests.digest_week import LIST, NOW, make_app
from tests.servers.smtp import SmtpTestServer
from tests.worker_helpers import next_run, period_now, pretend_digest_was_missed, running, wait_for

# NOW is Monday 11 March 2024, 10:00 in Zurich; the default schedule is Mondays at 07:00
# there (06:00 UTC), after the week of 4-11 March ended (10 March, 23:00 UTC).
WEEK = "2024-03-04/2024-03-11"
DUE = datetime(2024, 3, 11, 6, 0, tzinfo=UTC)
OTHER_LIST = ListConfig(id="other-list", address="other@lists.itu.int", name="Other")


def record_run(engine: Engine, period_key: str, trigger: str, list_key: str = LIST.id) -> None:
    period = DigestConfig().period_containing(date.fromisoformat(period_key[:10]))
    with session_scope(engine) as session:
        session.add(DigestRun(list_key=list_key, period_key=period_key, period_start=period[0],
                              period_end=period[1], trigger=trigger, started_at=period[1],
                              finished_at=period[1]))


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> App:
    """A database that sent the digest of the week before (26 February - 4 March)."""
    app = make_app(engine, tmp_path / "config")
    record_run(engine, "2024-02-26/2024-03-04", "scheduled")
    return app


def test_the_period_due_while_no_worker_ran_is_missed(app: App) -> None:
    assert missed_digest(app, NOW) == MissedDigest(period_key=WEEK, due_at=DUE)
    assert missed_digest(app, DUE) == MissedDigest(period_key=WEEK, due_at=DUE)


def test_nothing_is_missed_before_the_schedule_comes_due(app: App) -> None:
    # The week is over (since 00:00), but its digest is due only at 07:00.
    assert missed_digest(app, DUE - timedelta(minutes=1)) is None


def test_nothing_is_missed_after_the_grace_period(app: App) -> None:
    grace = timedelta(hours=app.settings.worker.misfire_grace_hours)
    assert missed_digest(app, DUE + grace) is not None
    assert missed_digest(app, DUE + grace + timedelta(minutes=1)) is None


@pytest.mark.parametrize("trigger", ["scheduled", "manual"])
def test_a_period_already_run_is_not_missed(app: App, engine: Engine, trigger: str) -> None:
    record_run(engine, WEEK, trigger)
    assert missed_digest(app, NOW) is None


def test_a_retry_run_does_not_count_as_the_periods_run(app: App, engine: Engine) -> None:
    record_run(engine, WEEK, "retry")  # retries record the period current when they ran
    assert missed_digest(app, NOW) == MissedDigest(period_key=WEEK, due_at=DUE)


def test_every_list_needs_its_run(app: App, engine: Engine) -> None:
    app = App(settings=app.settings.model_copy(update={"lists": (LIST, OTHER_LIST)}),
              engine=engine)
    record_run(engine, WEEK, "scheduled")
    assert missed_digest(app, NOW) == MissedDigest(period_key=WEEK, due_at=DUE)
    record_run(engine, WEEK, "scheduled", OTHER_LIST.id)
    assert missed_digest(app, NOW) is None


def test_a_new_database_misses_nothing(engine: Engine, tmp_path: Path) -> None:
    """No digest run before: a new installation waits for its next scheduled digest."""
    assert missed_digest(make_app(engine, tmp_path / "config"), NOW) is None


def test_disabled_digests_are_never_missed(app: App, engine: Engine) -> None:
    disabled = app.settings.digest.model_copy(update={"enabled": False})
    app = App(settings=app.settings.model_copy(update={"digest": disabled}), engine=engine)
    assert missed_digest(app, NOW) is None
    assert next_digest(disabled, NOW) is None


def test_status_shows_the_next_digest_from_the_schedule(app: App) -> None:
    following = next_digest(app.settings.digest, NOW)
    assert following == DUE + timedelta(days=7) and following.tzinfo is UTC  # printed as UTC
    assert digest_status(app, NOW).next_runs == {"digest": DUE + timedelta(days=7)}


def test_a_worker_started_after_a_missed_schedule_sends_it_once(
        engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    """The worker was down when the last period came due: the next start sends that
    period's digest once (3 members get it), and a restart sends nothing more."""
    fast = WorkerConfig(retry_minutes=0.01, lock_lease_seconds=6)
    app = make_app(engine, tmp_path / "config", worker=fast,
                   smtp=SmtpConfig(host=smtp_server.host, port=smtp_server.port,
                                   security="plain", timeout_seconds=5))
    now = datetime.now(UTC)
    digest = pretend_digest_was_missed(engine, app.settings.digest, now, timedelta(hours=2),
                                       LIST.id)
    app = App(settings=app.settings.model_copy(update={"digest": digest}), engine=engine)
    period = period_now(digest, now)
    assert missed_digest(app) is not None

    worker = Worker(app, install_signals=False)
    with running(worker):
        wait_for(lambda: len(smtp_server.received) == 3, what="the missed digest")
        time.sleep(1.5)  # retry runs every 0.6 s: nothing more may go out
        next_digest_run = next_run(worker, JOB_DIGEST)
    assert next_digest_run is not None and next_digest_run > now  # back on the schedule
    assert missed_digest(app) is None

    restarted = Worker(app, install_signals=False)
    with running(restarted):
        time.sleep(1.5)
        assert next_run(restarted, JOB_DIGEST) == next_digest_run
    recipients = [address for mail in smtp_server.received for address in mail.rcpt_tos]
    assert len(recipients) == 3 and len(set(recipients)) == 3
    with session_scope(engine) as session:
        runs = session.scalars(select(DigestRun.trigger)
                               .where(DigestRun.period_key == period)).all()
        statuses = session.scalars(select(OutboxEntry.status)
                                   .where(OutboxEntry.period_key == period)).all()
    assert runs == ["scheduled"]
    assert statuses == ["sent"] * 3
