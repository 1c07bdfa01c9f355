"""The scheduled worker with short intervals: real Dovecot, real aiosmtpd, both databases."""

from __future__ import annotations

import ctypes
import json
import os
import signal
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from iscg_mailbot.errors import MailbotError
from iscg_mailbot.services.app import App
from iscg_mailbot.services.worker import worker_lease
from iscg_mailbot.settings.delivery import DigestConfig, SmtpConfig, WorkerConfig
from iscg_mailbot.store.database import connect, session_scope
from iscg_mailbot.store.models import Message
from iscg_mailbot.store.models_delivery import DigestRun, OutboxEntry
from iscg_mailbot.worker import JOB_DIGEST, JOB_RETRY, JOB_SYNC, Worker
from tests.digest_week import LIST, make_app
from tests.servers import fixtures as imap_fixtures
from tests.servers.dovecot import DovecotServer
from tests.servers.smtp import SmtpTestServer
from tests.worker_helpers import (
    next_run,
    period_now,
    pretend_digest_was_missed,
    running,
    wait_for,
    worker_process,
)

dovecot = imap_fixtures.dovecot

FAST = WorkerConfig(sync_minutes=0.02, retry_minutes=0.02, lock_lease_seconds=6)


def mail(n: int) -> bytes:
    return (f"Message-ID: <w{n}@example.org>\r\nFrom: Member {n} <m{n}@example.org>\r\n"
            f"To: {LIST.address}\r\nSubject: Worker item {n}\r\n"
            f"Date: Mon, 04 Mar 2024 10:0{n}:00 +0100\r\n\r\nBody {n}\r\n").encode()


def stored(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(Message)) or 0


def make_worker_app(engine: Engine, tmp_path: Path, dovecot: DovecotServer | None,
                    smtp_server: SmtpTestServer) -> App:
    app = make_app(engine, tmp_path / "config",
                   smtp=SmtpConfig(host=smtp_server.host, port=smtp_server.port,
                                   security="plain", timeout_seconds=5),
                   digest=DigestConfig(from_address="bot@example.org"), worker=FAST)
    if dovecot is not None:
        mailbox = dovecot.mailbox_config(list=LIST.id, name="iscg")
        app = App(settings=app.settings.model_copy(update={"mailboxes": (mailbox,)}),
                  engine=engine)
    return app


@pytest.mark.slow
def test_worker_syncs_on_interval_and_sends_a_missed_digest_once(
        engine: Engine, tmp_path: Path, dovecot: DovecotServer,
        smtp_server: SmtpTestServer) -> None:
    app = make_worker_app(engine, tmp_path, dovecot, smtp_server)
    dovecot.append("INBOX", [mail(1), mail(2)])
    worker = Worker(app, install_signals=False)
    with running(worker):
        wait_for(lambda: stored(engine) == 2)
        dovecot.append("INBOX", [mail(3)])
        wait_for(lambda: stored(engine) == 3)  # a later sync picked it up
        lease = worker_lease(app)
        assert lease is not None and lease.alive(datetime.now(UTC))
        next_digest = next_run(worker, JOB_DIGEST)
    assert worker_lease(app) is None  # released on stop
    assert next_digest is not None and next_digest > datetime.now(UTC)
    assert next_digest.astimezone().weekday() == 0  # Monday (07:00 Geneva)
    assert smtp_server.received == []  # a new database: no digest is caught up

    now = datetime.now(UTC)
    digest = pretend_digest_was_missed(engine, app.settings.digest, now, timedelta(hours=5),
                                       LIST.id)
    app = App(settings=app.settings.model_copy(update={"digest": digest}), engine=engine)
    worker = Worker(app, install_signals=False)
    with running(worker):
        wait_for(lambda: len(smtp_server.received) == 3)
        time.sleep(3 * FAST.retry_minutes * 60)  # let retry and sync jobs run a few times
        restored = next_run(worker, JOB_DIGEST)
    assert len(smtp_server.received) == 3  # once per member (Priya has the digest off)
    assert restored is not None and restored > now
    with session_scope(engine) as session:
        runs = session.scalars(select(DigestRun.trigger).where(
            DigestRun.period_key == period_now(digest, now))).all()
        assert runs == ["scheduled"]
        statuses = session.scalars(select(OutboxEntry.status)).all()
        assert statuses == ["sent"] * 3

    with running(Worker(app, install_signals=False)):  # a restart sends nothing more
        time.sleep(1.5)
    assert len(smtp_server.received) == 3


def test_second_worker_refuses_or_waits(engine: Engine, tmp_path: Path,
                                        smtp_server: SmtpTestServer) -> None:
    app = make_worker_app(engine, tmp_path, None, smtp_server)
    first = Worker(app, install_signals=False)
    with running(first):
        with pytest.raises(MailbotError, match=r"another worker \(.+\) is running on this "
                                               r"database; stop it, or start this one with "
                                               r"--wait"):
            Worker(App(settings=app.settings, engine=connect(str(engine.url.render_as_string(
                hide_password=False)))), install_signals=False).run()
        waiting = Worker(app, wait_for_lock=True, install_signals=False)
        waiter = threading.Thread(target=waiting.run, daemon=True)
        waiter.start()
        time.sleep(0.5)
        assert not waiting.started.is_set()
    # The first one stopped and released its lease: the waiting one takes over.
    wait_for(waiting.started.is_set, 10)
    lease = worker_lease(app)
    assert lease is not None and lease.holder == waiting.holder
    assert next_run(waiting, JOB_SYNC) is None  # no mailbox configured: no sync job
    assert next_run(waiting, JOB_RETRY) is not None
    waiting.stop()
    waiter.join(10)
    assert worker_lease(app) is None


def test_run_command_exits_cleanly_on_sigterm(tmp_path: Path) -> None:
    with worker_process(tmp_path) as worker:
        worker.process.send_signal(signal.SIGTERM)
        _, stderr = worker.process.communicate(timeout=20)
        assert worker.process.returncode == 0, stderr
        records = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
        messages = [r["message"] for r in records]
        assert "worker started" in messages and messages[-1] == "worker stopped"
        # No mailbox configured (the default config): it says so at start-up, and what to add.
        [idle] = [m for m in messages if m.startswith("no mailbox configured")]
        assert "Add a [[mailboxes]] entry" in idle
        assert f"{worker.config}/iscg-mailbot.toml" in idle
        assert any(r.get("signal") == "SIGTERM" for r in records)
        assert worker_lease(worker.app) is None


def test_sigterm_handed_to_another_thread_still_stops_the_worker(tmp_path: Path) -> None:
    """The kernel may hand a process signal to any thread; Python runs its handler on the
    main thread. Sent to the worker's other threads (heartbeat, scheduler) on purpose,
    SIGTERM must still stop it within seconds, not at the next job hours later."""
    tgkill = ctypes.CDLL(None, use_errno=True).tgkill
    with worker_process(tmp_path) as worker:
        pid = worker.process.pid

        def others() -> list[int]:
            return [int(t) for t in os.listdir(f"/proc/{pid}/task") if int(t) != pid]

        # The lease is taken before the heartbeat thread starts: on a loaded machine the
        # threads may come a moment after it.
        wait_for(lambda: bool(others()), 20)
        assert others(), "the worker runs a heartbeat thread"
        for thread in others():
            assert tgkill(pid, thread, signal.SIGTERM) == 0
        _, stderr = worker.process.communicate(timeout=20)
        assert worker.process.returncode == 0, stderr
        assert worker_lease(worker.app) is None


def test_health_follows_the_worker_lease(engine: Engine, tmp_path: Path,
                                         smtp_server: SmtpTestServer) -> None:
    """`iscg-mailbot health` (the Docker HEALTHCHECK): 1 without a worker, 0 while one
    runs, 1 again once it has stopped."""
    from click.testing import CliRunner

    from iscg_mailbot.cli import cli

    app = make_worker_app(engine, tmp_path, None, smtp_server)
    config = tmp_path / "cli-config"
    config.mkdir()
    (config / "iscg-mailbot.toml").write_text("", encoding="utf-8")
    url = engine.url.render_as_string(hide_password=False)
    env = {"ISCG_CONFIG": str(config), "ISCG_DATABASE_URL": url}

    def health() -> tuple[int, str]:
        result = CliRunner().invoke(cli, ["health"], env=env)
        return result.exit_code, result.output

    code, output = health()
    assert code == 1 and "error: no worker is running on this database" in output
    worker = Worker(app, install_signals=False)
    with running(worker):
        code, output = health()
        assert code == 0 and output.startswith(f"ok: worker {worker.holder}, lease renewed at")
    code, output = health()
    assert code == 1 and "no worker is running" in output
