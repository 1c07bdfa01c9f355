"""Faults in the digest path: SMTP trouble, SIGKILLs around the send, a killed worker,
and hostile list content or search strings.

The promise under test: each member receives each period's digest **at most once**,
and once the fault clears **every member who should get it gets it**. The one case the
design leaves to a person is an ``uncertain`` digest (the run died, or the connection
broke, after the message data started to flow): it is never re-sent on its own; the
operator checks the mail server's log and runs ``digest release`` only for digests the
server never received. Every test below plays that operator by looking at what the
test SMTP server really received.

* **SMTP faults** (real aiosmtpd, 5 members, both databases): connection refused,
  4xx at RCPT and at end of DATA, a 5xx for one member, sessions dropped at RCPT and
  after the data, with a fake clock stepping past the back-off; then a seeded random
  soak over several periods.
* **SIGKILL** of ``digest send``: once as a real ``python -m iscg_mailbot digest send``
  killed after the server answered 250 and before the outbox update (the outbox
  write is held back by a database lock the test takes when the server accepts), and
  at more points in forked children running the same CLI entry point (no import
  cost): after recording, mid-record, after claiming, after acceptance, between two
  members, mid-DATA, after the last member, and at seeded random moments.
* **The worker** (``python -m iscg_mailbot run``) killed in the middle of a missed
  digest it was catching up on, then restarted with ``--wait``.
* **Hostile input**: a hostile message ingested through the pipeline, its digest
  sent through real SMTP and parsed back; any search string on both databases.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, select, update

from iscg_mailbot.cli import cli
from iscg_mailbot.deliver.smtp import SmtpSender
from iscg_mailbot.errors import MailbotError
from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.actions import search_messages
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import digest_status, release_uncertain_digests, send_digests
from iscg_mailbot.services.digest import sending as digest_service
from iscg_mailbot.services.ingest import IngestReport, store_raw_batch
from iscg_mailbot.services.schedule import missed_digest
from iscg_mailbot.settings.delivery import DigestConfig
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.store.database import connect, session_scope
from iscg_mailbot.store.locks import DIGEST_SEND_LOCK, WORKER_LOCK
from iscg_mailbot.store.messages import ensure_list
from iscg_mailbot.store.models import Message
from iscg_mailbot.store.models_delivery import DigestRun, OutboxEntry, WorkerLock
from iscg_mailbot.store.types import utcnow
from tests.conftest import migrated_sqlite
from tests.delivery_samples import MEMBERS, MEMBERS_YAML, mail
from tests.digest_week import LIST, NOW, seed_week
from tests.servers.smtp import Received, RecordingHandler, SmtpTestServer
from tests.worker_helpers import pretend_digest_was_missed, reaped, wait_for

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261106

# -- an SMTP server that fails on demand, per recipient --------------------------------

HANG = "hang"      # take the data, then keep the client waiting for the reply
DROP = "drop"      # take the data, then close the connection without a reply
CLOSE = "close"    # close the connection at RCPT (nothing of the message sent)
SLOW = "slow"      # answer only after ``FaultyHandler.slow_seconds`` (DATA: recorded first)

#: (stage, recipient, attempt number of that recipient at that stage) -> reply or None
Rule = Callable[[str, str, int], str | None]


@dataclass
class FaultyHandler(RecordingHandler):
    """The recording handler, answering each RCPT and DATA as ``rule`` says.

    ``rule`` returns None (accept), an SMTP reply such as ``"451 4.7.1 later"``,
    :data:`CLOSE` (RCPT only), :data:`DROP` or :data:`HANG` (DATA only; the message is
    recorded first). ``on_accept(recipient, n)`` runs in the server thread just
    before the 250 of the n-th accepted message goes out.
    """

    rule: Rule = lambda stage, address, attempt: None
    on_accept: Callable[[str, int], None] | None = None
    hung: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    tries: Counter[tuple[str, str]] = field(default_factory=Counter)
    accepted: int = 0
    slow_seconds: float = 1.0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        address = address.lower()
        self.tries["rcpt", address] += 1
        reply = self.rule("rcpt", address, self.tries["rcpt", address])
        if reply == CLOSE:
            server.transport.close()
            return "421 4.4.2 closing"  # never reaches the client
        if reply == SLOW:
            await asyncio.sleep(self.slow_seconds)
        elif reply is not None:
            return reply
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        address = envelope.rcpt_tos[0].lower()
        self.tries["data", address] += 1
        reply = self.rule("data", address, self.tries["data", address])
        if reply not in (None, HANG, DROP, SLOW):
            return str(reply)
        data = envelope.original_content or envelope.content
        with self._lock:
            self.received.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos),
                                          bytes(data)))
        if reply == DROP:
            server.transport.close()
        elif reply == HANG:
            self.hung.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        elif reply == SLOW:
            await asyncio.sleep(self.slow_seconds)
        else:
            self.accepted += 1
            if self.on_accept is not None:
                self.on_accept(address, self.accepted)
        return "250 2.0.0 queued"


@pytest.fixture
def smtp() -> Iterator[SmtpTestServer]:
    """A plain SMTP server on loopback with a :class:`FaultyHandler` (accepts all by default)."""
    server = SmtpTestServer()
    server.handler = FaultyHandler()
    with server:
        yield server
    server.handler.release.set()  # type: ignore[attr-defined]


def handler(server: SmtpTestServer) -> FaultyHandler:
    assert isinstance(server.handler, FaultyHandler)
    return server.handler


# -- configuration, data and bookkeeping -----------------------------------------------

def write_config(config_dir: Path, url: str, smtp_port: int, *, worker: str = "",
                 digest: str = "", timeout: float = 5) -> Path:
    """iscg-mailbot.toml + members.yaml for the CLI and the services alike."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "members.yaml").write_text(MEMBERS_YAML, encoding="utf-8")
    (config_dir / "iscg-mailbot.toml").write_text(f"""\
[database]
url = "{url}"

[[lists]]
id = "{LIST.id}"
address = "{LIST.address}"
name = "{LIST.name}"
archive_url = "{LIST.archive_url}"

[smtp]
host = "127.0.0.1"
port = {smtp_port}
security = "plain"
timeout_seconds = {timeout}

[digest]
from_address = "iscg-bot@example.org"
{digest}
[worker]
{worker}
""", encoding="utf-8")
    return config_dir


def open_app(config_dir: Path, engine: Engine) -> App:
    return App(settings=load_settings(config_dir), engine=engine)


def seed_last_period(engine: Engine, now: datetime) -> None:
    """A few messages in the last complete period at ``now`` (for runs on the real clock)."""
    start, _ = DigestConfig().period_ending_by(now)
    messages = [mail(n, start + timedelta(days=n, hours=9), f"Coordination item {n}")
                for n in range(1, 4)]
    store(engine, messages)


def store(engine: Engine, messages: list[bytes]) -> None:
    raws = tuple(RawMessage(data=data, provenance=Provenance(archive_path="seed"))
                 for data in messages)
    with session_scope(engine) as session:
        list_row = ensure_list(session, LIST.id, LIST.address, LIST.name)
        store_raw_batch(session, list_row.id, raws, IngestReport(source="seed"))


def outbox(engine: Engine, period_key: str | None = None) -> dict[str, OutboxEntry]:
    with session_scope(engine) as session:
        query = select(OutboxEntry)
        if period_key is not None:
            query = query.where(OutboxEntry.period_key == period_key)
        return {e.member_address: e for e in session.scalars(query)}


def states(engine: Engine, period_key: str | None = None) -> dict[str, str]:
    return {member: e.status for member, e in outbox(engine, period_key).items()}


def received_ids(server: SmtpTestServer) -> Counter[str]:
    """How many times the server accepted each Message-ID."""
    return Counter(str(item.message()["Message-ID"]) for item in server.received)


def copies(server: SmtpTestServer, engine: Engine, period_key: str) -> dict[str, int]:
    """Per member, how many copies of that period's digest the server accepted."""
    ids = received_ids(server)
    return {member: ids[entry.message_id]
            for member, entry in outbox(engine, period_key).items()}


def assert_at_most_once(server: SmtpTestServer) -> None:
    twice = {mid: n for mid, n in received_ids(server).items() if n > 1}
    assert not twice, f"digests received more than once: {twice}"
    for item in server.received:
        assert len(item.rcpt_tos) == 1  # one member per message, never a shared envelope


def release_what_the_server_lacks(app: App, server: SmtpTestServer) -> int:
    """The operator's part: release uncertain digests the server's log does not show."""
    ids = received_ids(server)
    released = 0
    for entry in outbox(app.engine).values():
        if entry.status == "uncertain" and ids[entry.message_id] == 0:
            released += release_uncertain_digests(app, member_address=entry.member_address,
                                                  period_key=entry.period_key)
    return released


def assert_each_member_once(server: SmtpTestServer, engine: Engine, period_key: str) -> None:
    assert_at_most_once(server)
    assert copies(server, engine, period_key) == dict.fromkeys(MEMBERS, 1)
    # Nothing is left half-done: what is not sent is uncertain and really reached the server.
    ids = received_ids(server)
    for entry in outbox(engine, period_key).values():
        assert entry.status in {"sent", "uncertain"}, (entry.member_address, entry.status)
        assert ids[entry.message_id] == 1


def figure(name: str, value: object) -> None:
    """Print a measured figure (shown with ``pytest -s``; quoted in the README)."""
    print(f"FIGURE {name}: {json.dumps(value, default=str)}")


def period_of(now: datetime) -> str:
    config = DigestConfig()
    return config.period_key(*config.period_ending_by(now))


# -- 1. SMTP faults with a fake clock --------------------------------------------------

@pytest.fixture
def faults_app(engine: Engine, tmp_path: Path, smtp: SmtpTestServer) -> App:
    seed_week(engine)  # the week of 4-10 March 2024; NOW is the Monday after
    url = engine.url.render_as_string(hide_password=False)
    return open_app(write_config(tmp_path / "config", url, smtp.port), engine)


def test_refused_4xx_5xx_then_cleared_each_member_once(faults_app: App,
                                                       smtp: SmtpTestServer) -> None:
    app, server = faults_app, smtp
    period = "2024-03-04/2024-03-11"
    kenji, henrik, wei, sofia = MEMBERS[1:]

    def rule(stage: str, address: str, attempt: int) -> str | None:
        if stage == "rcpt" and address == kenji and attempt <= 2:
            return "451 4.7.1 Greylisted, try again later"
        if stage == "data" and address == henrik and attempt == 1:
            return "452 4.3.1 Insufficient system storage"
        if stage == "rcpt" and address == wei:
            return "550 5.1.1 Recipient address rejected: user unknown"
        if stage == "rcpt" and address == sofia and attempt == 1:
            return CLOSE  # the session breaks before her message is sent
        return None

    handler(server).rule = rule
    clock = NOW
    server.refuse_connections()
    [report] = send_digests(app, clock, trigger="scheduled")
    assert report.error and "cannot connect" in report.error
    assert [i.status for i in report.items] == ["deferred"] * 5
    assert set(states(app.engine).values()) == {"pending"} and server.received == []

    clock += timedelta(minutes=3)  # the back-off (5 min) has not passed: nothing is tried
    assert send_digests(app, clock, retry_only=True)[0].items == []
    server.accept_connections()
    assert send_digests(app, clock, retry_only=True)[0].items == []

    clock += timedelta(minutes=3)  # 6 minutes after the first attempt
    [report] = send_digests(app, clock)  # `digest send` again: records nothing new
    assert [(i.member, i.status) for i in report.items] == [
        (MEMBERS[0], "sent"), (kenji, "deferred"), (henrik, "deferred"), (wei, "failed"),
        (sofia, "deferred")]
    assert_at_most_once(server)

    # Step the clock past each back-off until nothing is due any more.
    for _ in range(6):
        clock += timedelta(minutes=21)
        send_digests(app, clock, retry_only=True)
        assert_at_most_once(server)
    assert states(app.engine) == {**dict.fromkeys(MEMBERS, "sent"), wei: "failed"}
    assert copies(server, app.engine, period) == {**dict.fromkeys(MEMBERS, 1), wei: 0}
    # The refused connection counts (so back-offs grow), then two 451s, then accepted.
    assert outbox(app.engine)[kenji].attempts == 4

    # A day later, the scheduled run and the retry job change nothing.
    assert send_digests(app, clock + timedelta(days=1))[0].items == []
    assert send_digests(app, clock + timedelta(days=1), retry_only=True)[0].items == []
    assert len(server.received) == 4

    problems = digest_status(app, clock).problems
    assert [(p.member, p.status, p.attempts) for p in problems] == [(wei, "failed", 2)]
    assert "550 5.1.1" in (problems[0].last_error or "")
    # On a wide terminal (tables fit its width), the whole problem is one table row.
    result = CliRunner().invoke(cli, ["--config", app.settings.config_dir, "digest", "status"],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    [row] = [line for line in result.stdout.splitlines() if wei in line]
    assert " failed " in row and "550 5.1.1" in row and period in row  # one rich table row

    # The mailbox is fixed on the server side; the operator queues the failed digest again.
    handler(server).rule = lambda stage, address, attempt: None
    released = CliRunner().invoke(
        cli, ["--config", app.settings.config_dir, "digest", "release", "--failed"])
    assert released.stdout == "1 failed digest(s) will be sent by the next run\n"
    send_digests(app, clock + timedelta(days=1), retry_only=True)
    assert states(app.engine) == dict.fromkeys([MEMBERS[0], *MEMBERS[1:]], "sent")
    assert copies(server, app.engine, period) == dict.fromkeys([MEMBERS[0], *MEMBERS[1:]], 1)


@pytest.mark.slow
def test_slow_server_times_out_without_a_second_copy(engine: Engine, tmp_path: Path,
                                                     smtp: SmtpTestServer) -> None:
    """A server slower than ``timeout_seconds``: at RCPT the digest is deferred (nothing
    was sent); after the data it is uncertain (the server did take it) and never re-sent."""
    seed_week(engine)
    url = engine.url.render_as_string(hide_password=False)
    # A timeout with room for a loaded 2-core machine, a slow step well beyond it.
    app = open_app(write_config(tmp_path / "config", url, smtp.port, timeout=1.0), engine)
    slow_rcpt, slow_data = MEMBERS[1], MEMBERS[3]
    handler(smtp).slow_seconds = 2.0
    handler(smtp).rule = lambda stage, address, n: SLOW if n == 1 and (stage, address) in {
        ("rcpt", slow_rcpt), ("data", slow_data)} else None
    [first] = send_digests(app, NOW)
    assert [i.status for i in first.items] == ["sent"] + ["deferred"] * 4
    assert "timed out" in (first.error or "")
    [second] = send_digests(app, NOW + timedelta(minutes=6), retry_only=True)
    assert [(i.member, i.status) for i in second.items] == [
        (MEMBERS[1], "sent"), (MEMBERS[2], "sent"), (slow_data, "uncertain"),
        (MEMBERS[4], "sent")]
    time.sleep(2.5)  # the slow DATA (2 s) completes on the server's side
    for hours in (1, 24):
        send_digests(app, NOW + timedelta(hours=hours), retry_only=True)
    assert release_what_the_server_lacks(app, smtp) == 0  # the server's log has it
    assert_each_member_once(smtp, engine, "2024-03-04/2024-03-11")


@pytest.mark.parametrize("fault", ["connection refused", "login refused"])
def test_server_level_failures_back_off_exponentially(tmp_path: Path, fault: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "backoff.db"
    engine = connect(migrated_sqlite(database))
    seed_week(engine)
    monkeypatch.setenv("ISCG_TEST_SMTP_PASSWORD", "not-the-password")
    with SmtpTestServer(user=("bot", "the-password")) as server:
        config_dir = write_config(tmp_path / "config", f"sqlite:///{database}", server.port)
        toml = config_dir / "iscg-mailbot.toml"
        toml.write_text(toml.read_text().replace(
            'security = "plain"\n', 'security = "plain"\nusername = "bot"\n'
            'password_env = "ISCG_TEST_SMTP_PASSWORD"\n'), encoding="utf-8")
        app = open_app(config_dir, engine)
        if fault == "connection refused":
            server.refuse_connections()
        clock, delays = NOW, []
        for _ in range(4):
            try:
                send_digests(app, clock, retry_only=clock != NOW)
            except MailbotError as exc:  # the refused login is raised after deferring
                assert "refused: 535" in str(exc)
            entry = outbox(engine)[MEMBERS[0]]
            assert entry.status == "pending" and entry.next_attempt_at is not None
            delays.append(int((entry.next_attempt_at - clock).total_seconds() // 60))
            clock = entry.next_attempt_at
        assert server.received == []
    assert delays == [5, 10, 20, 40]
    engine.dispose()


SOAK_PERIODS = 5
SOAK_FAULTY_RUNS = 6
#: Reply at a stage -> its weight; the rest of the time the server accepts.
SOAK_FAULTS = {
    ("rcpt", "451 4.7.1 Greylisted"): 12, ("data", "451 4.3.0 Queue full"): 8,
    ("rcpt", CLOSE): 6, ("data", DROP): 5, ("rcpt", "550 5.1.1 User unknown"): 2,
}


@pytest.mark.slow
def test_random_faults_over_several_periods(engine: Engine, tmp_path: Path,
                                            smtp: SmtpTestServer) -> None:
    """Seeded random faults on every RCPT and DATA, and refused connections, over
    several weekly periods; then the faults clear. Whatever happened, no digest is
    received twice, and every member gets each period's digest exactly once, except
    those the server refused with a 5xx (recorded as failed, received never)."""
    seed_week(engine)
    url = engine.url.render_as_string(hide_password=False)
    app = open_app(write_config(tmp_path / "config", url, smtp.port,
                                digest="max_attempts = 60\nretry_max_minutes = 30\n"), engine)
    rng = random.Random(SEED)
    injected: Counter[str] = Counter()
    faulty = True

    def rule(stage: str, address: str, attempt: int) -> str | None:
        if not faulty or rng.random() < 0.5:
            return None
        replies = [(reply, weight) for (at, reply), weight in SOAK_FAULTS.items() if at == stage]
        reply = rng.choices([r for r, _ in replies], [w for _, w in replies])[0]
        injected[reply.split()[0]] += 1
        return reply

    handler(smtp).rule = rule
    periods = []
    runs = 0
    for week in range(SOAK_PERIODS):
        clock = NOW + timedelta(weeks=week)
        periods.append(period_of(clock))
        faulty = True
        for run in range(SOAK_FAULTY_RUNS):
            refused = rng.random() < 0.15
            if refused:
                injected["refused"] += 1
                smtp.refuse_connections()
            send_digests(app, clock, retry_only=run % 2 == 1)
            runs += 1
            smtp.accept_connections()
            assert_at_most_once(smtp)
            clock += timedelta(minutes=rng.choice([1, 6, 12, 31]))
        faulty = False  # the faults clear: retries and the next scheduled run get through
        for _ in range(3):
            clock += timedelta(minutes=31)
            send_digests(app, clock, retry_only=True)
            runs += 1
        release_what_the_server_lacks(app, smtp)
        send_digests(app, clock + timedelta(minutes=1), retry_only=True)
        runs += 1
        assert_at_most_once(smtp)

    delivered = 0
    for period in periods:
        entries = outbox(engine, period)
        refused_for_good = {m for m, e in entries.items() if e.status == "failed"}
        assert all("550" in (entries[m].last_error or "") for m in refused_for_good)
        expected = {m: 0 if m in refused_for_good else 1 for m in MEMBERS}
        assert copies(smtp, engine, period) == expected
        assert {e.status for e in entries.values()} <= {"sent", "uncertain", "failed"}
        delivered += sum(expected.values())
    assert sum(injected.values()) >= 20, injected  # the soak did inject faults
    figure("digest_soak", {"runs": runs, "faults": dict(injected),
                                    "delivered_once": delivered,
                                    "members_x_periods": len(MEMBERS) * SOAK_PERIODS})


# -- 2. SIGKILL during `digest send` ---------------------------------------------------

def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _kill_on_call(owner: Any, name: str, n: int, *, after: bool) -> None:
    """In the child only: SIGKILL ourselves at the n-th call of ``owner.name``,
    before it runs, or (``after``) as soon as it has returned."""
    original = getattr(owner, name)
    calls = itertools.count(1)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if next(calls) != n:
            return original(*args, **kwargs)
        if not after:
            _die()
        result = original(*args, **kwargs)
        _die()
        return result

    setattr(owner, name, wrapper)


@dataclass(frozen=True)
class KillPoint:
    """Where a `digest send` dies. Hooks are installed in the forked child only."""

    name: str
    hook: tuple[Any, str, int, bool] | None = None  # owner, attribute, n-th call, after
    hang_member: int | None = None  # the server holds this member's DATA; kill then
    delay: float | None = None      # kill this long after the start
    #: statuses right after the kill, in member order ("-" = no entry)
    expected: str | None = None

    def arm(self) -> None:
        if self.hook is not None:
            owner, name, n, after = self.hook
            _kill_on_call(owner, name, n, after=after)


KILL_POINTS = [
    KillPoint("after recording, before connecting",
              (digest_service, "_record_period", 1, True), expected="PPPPP"),
    KillPoint("mid-record (3rd member, uncommitted)",
              (digest_service, "record_pending", 3, False), expected="-----"),
    KillPoint("claimed 1st, nothing sent yet", (SmtpSender, "send", 1, False),
              expected="GPPPP"),
    KillPoint("2nd accepted (250), outbox not updated", (SmtpSender, "send", 2, True),
              expected="SGPPP"),
    KillPoint("between 2nd and 3rd member", (digest_service, "claim", 3, False),
              expected="SSPPP"),
    KillPoint("4th member's DATA taken, no reply yet", hang_member=3, expected="SSSGP"),
    KillPoint("all sent, run not finished", (digest_service, "_finish_run", 1, False),
              expected="SSSSS"),
]
STATE_LETTERS = {"pending": "P", "sending": "G", "sent": "S", "uncertain": "U", "failed": "F"}


def letters(engine: Engine, period_key: str) -> str:
    entries = states(engine, period_key)
    return "".join(STATE_LETTERS[entries[m]] if m in entries else "-" for m in MEMBERS)


def fork_digest_send(config_dir: Path, point: KillPoint) -> int:
    """``digest send`` through the CLI entry point in a forked child; returns its pid.

    The child writes nothing to the test's output and leaves with os._exit, so the
    copy of pytest inside it never runs.
    """
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            point.arm()
            cli.main(["--config", str(config_dir), "digest", "send"], prog_name="iscg-mailbot",
                     standalone_mode=False)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:  # noqa: BLE001 - reported through the exit code
            code = 3
        finally:
            os._exit(code)
    return pid


def run_killed(config_dir: Path, engine: Engine, server: SmtpTestServer,
               point: KillPoint) -> bool:
    """Run one `digest send` child and kill it at ``point``; True if SIGKILL ended it."""
    engine.dispose()  # no pooled connection is shared with the child
    started = time.monotonic()
    pid = fork_digest_send(config_dir, point)
    status: int | None = None
    if point.hang_member is not None:
        if not handler(server).hung.wait(20):
            os.kill(pid, signal.SIGKILL)
            raise AssertionError(f"{point.name}: the server never got that member's data")
        os.kill(pid, signal.SIGKILL)
    elif point.delay is not None:
        while status is None and time.monotonic() < started + point.delay:
            done, code = os.waitpid(pid, os.WNOHANG)
            if done:
                status = code
            else:
                time.sleep(0.002)
        if status is None:
            os.kill(pid, signal.SIGKILL)
    if status is None:
        _, status = os.waitpid(pid, 0)
    handler(server).release.set()
    if os.WIFEXITED(status):
        assert point.delay is not None, f"{point.name}: exit {os.WEXITSTATUS(status)}, not killed"
        assert os.WEXITSTATUS(status) == 0
        return False
    return os.WTERMSIG(status) == signal.SIGKILL


def recover(app: App, server: SmtpTestServer, now: datetime) -> tuple[int, int]:
    """What follows a crash: the next runs (after the dead run's 10-minute send lease),
    and the operator releasing uncertain digests the server never received.
    Returns (digests found interrupted, digests released)."""
    [report] = send_digests(app, now + timedelta(minutes=11))
    released = release_what_the_server_lacks(app, server)
    send_digests(app, now + timedelta(minutes=12), retry_only=True)
    return report.recovered_uncertain, released


def reset(engine: Engine, server: SmtpTestServer) -> None:
    with session_scope(engine) as session:
        session.execute(delete(OutboxEntry))
        session.execute(delete(DigestRun))
        session.execute(delete(WorkerLock))
    server.received.clear()
    faulty = handler(server)
    faulty.tries.clear()
    faulty.accepted = 0
    faulty.hung.clear()
    faulty.release.clear()


def kill_plan(rng: random.Random, deterministic: list[KillPoint], delays: int,
              span: float) -> list[KillPoint]:
    return deterministic + [KillPoint(f"random delay {d:.3f}s", delay=d)
                            for d in sorted(rng.uniform(0, span) for _ in range(delays))]


def run_kill_plan(app: App, config_dir: Path, server: SmtpTestServer,
                  points: list[KillPoint]) -> Counter[str]:
    """Each point on a fresh outbox; after each, every member has exactly one copy."""
    outcome: Counter[str] = Counter()
    for point in points:
        reset(app.engine, server)
        now = utcnow()
        period = period_of(now)
        if point.hang_member is not None:
            hang = MEMBERS[point.hang_member]
            handler(server).rule = lambda stage, address, n, hang=hang: (  # type: ignore[misc]
                HANG if (stage, address) == ("data", hang) else None)
        else:
            handler(server).rule = lambda stage, address, n: None
        killed = run_killed(config_dir, app.engine, server, point)
        outcome["killed" if killed else "finished"] += 1
        assert_at_most_once(server)
        if point.expected is not None:
            assert letters(app.engine, period) == point.expected, point.name
        interrupted, released = recover(app, server, now)
        outcome["uncertain"] += interrupted
        outcome["released"] += released
        assert_each_member_once(server, app.engine, period)
        # A later scheduled run sends nothing more.
        send_digests(app, now + timedelta(hours=2))
        assert_at_most_once(server)
        outcome["digests"] += len(MEMBERS)
    return outcome


@pytest.fixture
def kill_app(engine: Engine, tmp_path: Path, smtp: SmtpTestServer) -> tuple[App, Path]:
    seed_last_period(engine, utcnow())
    url = engine.url.render_as_string(hide_password=False)
    config_dir = write_config(tmp_path / "config", url, smtp.port)
    return open_app(config_dir, engine), config_dir


@pytest.mark.slow
def test_sigkill_at_each_point_of_digest_send(kill_app: tuple[App, Path],
                                              smtp: SmtpTestServer) -> None:
    app, config_dir = kill_app
    engine = app.engine
    # An undisturbed run gives the span over which random kills are spread.
    started = time.monotonic()
    assert run_killed(config_dir, engine, smtp, KillPoint("control", delay=60.0)) is False
    span = time.monotonic() - started
    assert letters(engine, period_of(utcnow())) == "SSSSS"
    deterministic = KILL_POINTS if engine.dialect.name == "sqlite" else [
        p for p in KILL_POINTS if "accepted" in p.name or "between" in p.name
        or "DATA" in p.name]
    delays = 6 if engine.dialect.name == "sqlite" else 2
    plan = kill_plan(random.Random(SEED), deterministic, delays, 1.1 * span)
    outcome = run_kill_plan(app, config_dir, smtp, plan)
    assert outcome["killed"] >= len(deterministic)
    figure("digest_kills", {"points": len(plan), **outcome, "span_s": round(span, 3)})


def cli_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "ISCG_DATABASE_URL"}


def test_cli_digest_send_killed_between_acceptance_and_outbox_update(
        tmp_path: Path, smtp: SmtpTestServer) -> None:
    """The narrow window, for real: `python -m iscg_mailbot digest send` is SIGKILLed
    after the server answered 250 for the 2nd member and before the outbox says so.

    When the server takes the 2nd digest, the test takes SQLite's write lock; the
    sender gets its 250, logs "smtp accepted", then waits for the lock to mark it
    sent, and dies there.
    """
    database = tmp_path / "digest.db"
    engine = connect(migrated_sqlite(database))
    now = utcnow()
    seed_last_period(engine, now)
    config_dir = write_config(tmp_path / "config", f"sqlite:///{database}", smtp.port)
    app = open_app(config_dir, engine)
    held: list[sqlite3.Connection] = []

    def hold_the_database(address: str, accepted: int) -> None:
        if accepted == 2:
            lock = sqlite3.connect(database, isolation_level=None, timeout=10,
                                   check_same_thread=False)
            lock.execute("BEGIN IMMEDIATE")  # no other writer until ROLLBACK
            held.append(lock)

    handler(smtp).on_accept = hold_the_database
    log = tmp_path / "send.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "iscg_mailbot", "--config", str(config_dir), "--debug",
             "digest", "send"], cwd=ROOT, env=cli_env(), stdout=subprocess.DEVNULL,
            stderr=stderr)
    try:
        with reaped(process):
            wait_for(lambda: log.read_text(errors="replace").count("smtp accepted") == 2
                     or process.poll() is not None, 60, "the 2nd acceptance")
            time.sleep(0.3)  # it is now waiting for the write lock to record "sent"
            assert process.poll() is None, log.read_text(errors="replace")[-2000:]
            process.send_signal(signal.SIGKILL)
            process.wait(10)
    finally:
        for lock in held:
            lock.execute("ROLLBACK")
            lock.close()
    assert process.returncode == -signal.SIGKILL
    period = period_of(now)
    first, second, *rest = MEMBERS
    # The server has the 2nd digest, the outbox still says "sending": the window.
    assert letters(engine, period) == "SGPPP"
    assert copies(smtp, engine, period) == {first: 1, second: 1, **dict.fromkeys(rest, 0)}

    # Right away, another `digest send` is refused: the dead run's lease still holds.
    runner = CliRunner()
    refused = runner.invoke(cli, ["--config", str(config_dir), "digest", "send"])
    assert refused.exit_code == 1
    assert refused.stderr.startswith("error: another digest run is in progress (")
    assert len(smtp.received) == 2

    # After the lease (10 minutes): the interrupted digest is uncertain, never re-sent.
    [report] = send_digests(app, now + timedelta(minutes=11))
    assert report.recovered_uncertain == 1
    assert [(i.member, i.status) for i in report.items] == [(m, "sent") for m in rest]
    for later in (timedelta(hours=1), timedelta(days=1)):
        send_digests(app, now + later)
        send_digests(app, now + later, retry_only=True)
    assert letters(engine, period) == "SUSSS"
    status = runner.invoke(cli, ["--config", str(config_dir), "digest", "status"])
    assert status.exit_code == 0
    [row] = [line for line in status.stdout.splitlines() if second in line]
    assert " uncertain " in row and "interrupted while sending" in row
    # The operator finds it in the server's log, so releases nothing: exactly once each.
    assert release_what_the_server_lacks(app, smtp) == 0
    assert_each_member_once(smtp, engine, period)
    engine.dispose()


# -- 3. the worker killed around the digest time ---------------------------------------

WORKER_TOML = "retry_minutes = 0.02\nlock_lease_seconds = 5\n"  # retry job every 1.2 s


def start_worker(config_dir: Path, log: Path, *args: str) -> subprocess.Popen[bytes]:
    with log.open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "iscg_mailbot", "--config", str(config_dir), "run", *args],
            cwd=ROOT, env=cli_env(), stdout=subprocess.DEVNULL, stderr=stderr)


def json_logs(log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()
            if line.startswith("{")]


@pytest.mark.slow
def test_worker_killed_while_catching_up_on_a_missed_digest(tmp_path: Path,
                                                            smtp: SmtpTestServer) -> None:
    """The digest time passed while the worker was down; the worker comes back, starts
    sending the missed digest and is SIGKILLed in the middle of the 3rd member's; a
    restarted worker (``run --wait``) sends the rest: each member exactly once."""
    database = tmp_path / "worker.db"
    engine = connect(migrated_sqlite(database))
    now = utcnow()
    seed_last_period(engine, now)
    # The period before went out; this one came due an hour ago, with no worker running.
    missed = pretend_digest_was_missed(engine, DigestConfig(), now, timedelta(hours=1), LIST.id)
    config_dir = write_config(tmp_path / "config", f"sqlite:///{database}", smtp.port,
                              worker=WORKER_TOML, digest=f'schedule = "{missed.schedule}"\n')
    app = open_app(config_dir, engine)
    assert missed_digest(app) is not None
    third = MEMBERS[2]
    handler(smtp).rule = lambda stage, address, n: (
        HANG if (stage, address, n) == ("data", third, 1) else None)

    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    first = start_worker(config_dir, first_log)
    try:
        with reaped(first):
            assert handler(smtp).hung.wait(60), first_log.read_text(errors="replace")[-2000:]
            first.send_signal(signal.SIGKILL)  # in the middle of the 3rd member's DATA
            first.wait(10)
    finally:
        handler(smtp).release.set()
    assert first.returncode == -signal.SIGKILL
    period = period_of(now)
    assert letters(engine, period) == "SSGPP"
    # The dead run's send lease lasts 10 minutes; let it have expired, as it would have
    # by the time of a real restart. The dead worker's own lease (5 s here) is still held
    # when the restart begins, as if it had renewed it just before the kill: set from
    # here, so that a slow start of the new process on a busy machine cannot outlast it.
    with session_scope(engine) as session:
        session.execute(update(WorkerLock).where(WorkerLock.name == DIGEST_SEND_LOCK)
                        .values(expires_at=utcnow() - timedelta(seconds=1)))
        assert session.execute(update(WorkerLock).where(WorkerLock.name == WORKER_LOCK)
                               .where(WorkerLock.holder.is_not(None))
                               .values(expires_at=utcnow() + timedelta(seconds=8))
                               ).rowcount == 1

    second = start_worker(config_dir, second_log, "--wait")
    with reaped(second):
        wait_for(lambda: len(smtp.received) >= len(MEMBERS) or second.poll() is not None, 60,
                 "the rest of the digest after the restart")
        time.sleep(2.5)  # two more retry runs: nothing more may go out
        second.send_signal(signal.SIGTERM)
        second.wait(20)
    assert second.returncode == 0, second_log.read_text(errors="replace")[-2000:]
    assert_each_member_once(smtp, engine, period)
    assert letters(engine, period) == "SSUSS"  # the interrupted one reached the server
    messages = [record["message"] for record in json_logs(second_log)]
    assert "waiting for the worker lease" in messages  # the killed worker's lease held
    assert "digest entries left sending by an interrupted run are now uncertain" in messages
    with session_scope(engine) as session:
        runs = session.execute(select(DigestRun.trigger, DigestRun.finished_at)
                               .where(DigestRun.period_key == period)
                               .order_by(DigestRun.id)).all()
        assert [(trigger, done is not None) for trigger, done in runs] == [
            ("scheduled", False), ("retry", True)]
        assert session.scalar(select(WorkerLock.holder).where(
            WorkerLock.name == WORKER_LOCK)) is None  # released on SIGTERM
    assert missed_digest(app) is None  # a third start sends nothing either
    engine.dispose()


# -- 5. hostile list content through the whole digest path -----------------------------

def _encoded(text: str) -> str:
    """An RFC 2047 encoded-word: how CR, LF and controls can hide inside a header."""
    import base64
    return f"=?utf-8?b?{base64.b64encode(text.encode()).decode()}?="


HOSTILE_SUBJECT = ("Agenda\r\nBcc: victim@example.com\r\n\r\n<script>alert(1)</script>"
                   "\u202eTNEGRU\u202c \u200bSG17\u2066 \u2069 \x00end")
HOSTILE_NAME = 'Eve\r\nBcc: x@example.com "<img src=x onerror=alert(1)>"\u202e\u200b moc.evil'
HOSTILE_BODY = ("Hello</div></td></tr></table><script>alert(document.cookie)</script>\n"
                "<a href=\"javascript:alert(1)\">click</a> <iframe src=//evil.example></iframe>\n"
                "\u202eesrever\u202c and \u2067isolate\u200b text\n")
HOSTILE_HTML_BODY = ('<html><body><p onclick="alert(1)">Budget</p><script>alert(2)</script>'
                     '<style>*{display:none}</style><img src="https://evil.example/t.gif">'
                     "<p>Please review &lt;b&gt;this&lt;/b&gt;.</p></body></html>")


def hostile_week() -> list[bytes]:
    day = "Tue, 05 Mar 2024 10:00:00 +0100"
    plain = (f"Message-ID: <evil1@example.org>\r\nDate: {day}\r\n"
             f"From: {_encoded(HOSTILE_NAME)} <eve@example.com>\r\n"
             f"To: {LIST.address}\r\nSubject: {_encoded(HOSTILE_SUBJECT)}\r\n"
             "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
             "Content-Transfer-Encoding: 8bit\r\n\r\n" + HOSTILE_BODY.replace("\n", "\r\n"))
    html = (f'Message-ID: <x"onmouseover="alert(1)@evil.example>\r\nDate: {day}\r\n'
            'From: "</td><script>x</script>" <mallory@example.com>\r\n'
            f"To: {LIST.address}\r\nSubject: =?utf-8?q?Budget=0AX-Evil:_1?=\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            + HOSTILE_HTML_BODY)
    return [plain.encode(), html.encode()]


#: The tags of the digest template; nothing from the list may add another.
TEMPLATE_TAGS = {"html", "head", "meta", "title", "body", "table", "tr", "td", "th", "div",
                 "p", "h2", "span", "a", "ul", "li", "br", "strong"}
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attributes += [(tag, name, value) for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_hostile_content_cannot_alter_digest_headers_or_markup(
        engine: Engine, tmp_path: Path, smtp: SmtpTestServer) -> None:
    store(engine, hostile_week())
    url = engine.url.render_as_string(hide_password=False)
    app = open_app(write_config(tmp_path / "config", url, smtp.port), engine)
    with session_scope(engine) as session:
        stored = session.scalars(select(Message.subject).order_by(Message.id)).all()
    assert len(stored) == 2  # both stored, not quarantined: they reach the digest
    [report] = send_digests(app, NOW)
    assert report.count("sent") == len(MEMBERS)
    assert_at_most_once(smtp)
    for item in smtp.received:
        raw = item.data
        head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")  # 7-bit: nothing raw slipped in
        names = [line.split(":", 1)[0].lower() for line in head.split("\r\n")
                 if line and not line[0].isspace()]
        assert sorted(names) == sorted([
            "from", "to", "subject", "date", "message-id", "list-id", "auto-submitted",
            "x-auto-response-suppress", "mime-version", "content-type"])
        message = item.message()
        [recipient] = message["To"].addresses
        assert recipient.addr_spec == item.rcpt_tos[0]
        for name in set(names):
            value = str(message[name])
            assert "\r" not in value and "\n" not in value and "\x00" not in value
            assert not BIDI_CONTROLS & set(value) and "\u200b" not in value, (name, value)
        text_part, html_part = (part.get_content() for part in message.iter_parts())
        assert not BIDI_CONTROLS & set(text_part + html_part)
        assert "\x00" not in text_part + html_part
        markup = _Markup()
        markup.feed(html_part)
        markup.close()
        assert set(markup.tags) <= TEMPLATE_TAGS, set(markup.tags) - TEMPLATE_TAGS
        assert markup.tags["table"] == html_part.count("</table>")  # no table closed early
        assert not [a for a in markup.attributes if a[1].startswith("on") or a[1] == "src"]
        links = [value for tag, name, value in markup.attributes if name == "href"]
        assert links and all(link and link.startswith("https://lists.example.org/arch/")
                             and not set(link) & set('"<> \'') for link in links), links
        text = "".join(markup.text)
        # The list's markup is shown as text, never run.
        assert "<script>alert(1)</script>" in text
        assert '"<img src=x onerror=alert(1)>"' in text or "<img src=x onerror=alert(1)>" in text
        assert "<script>alert(document.cookie)</script>" in text
        # An HTML mail's own scripts and styles are dropped with its markup, not shown.
        assert "alert(2)" not in text_part + html_part
        assert "display:none" not in text_part + html_part


# -- any search string, on both databases ----------------------------------------------

SEARCH_MAIL = [mail(n, NOW - timedelta(days=n), subject, body=body) for n, (subject, body) in
               enumerate([("Liaison statement on spectrum", "The budget (draft) is attached.\n"),
                          ("Budget review", "Comments on the \"joint session\" please.\n"),
                          ("Ré: été 😀", "Naïve café notes.\n")], start=1)]
SEARCH_VOCABULARY = ['"', "'", "(", ")", "AND", "OR", "NOT", "NEAR", "NEAR(", "*", "-", "+",
                     ":", "col:", "^", "\\", "&", "|", "!", "<->", ":*", "%", "_", ";",
                     "budget", "liaison", "spectrum", "été", "😀", "\u202e", "\u200b", "\t"]
HOSTILE_SEARCHES = {
    "double quote": '"', "unbalanced quotes": '"budget "liaison', "AND": "AND",
    "AND AND": "budget AND AND liaison", "star": "*", "prefix star": "budg*",
    "unbalanced parentheses": "((budget) OR (liaison", "closing parentheses": "budget))",
    "column filter": "subject:budget", "NEAR": "NEAR(budget liaison, 2)",
    "tsquery operators": "budget & !liaison | <-> :* 'x'", "sql": "'; DROP TABLE messages; --",
    "backslashes": "\\\\", "only exclusions": "-budget -liaison", "minus alone": "- -",
    "control characters": "budget\x01\x1b[31m\x7f", "bidi": "\u202ebudget\u202c",
    "emoji and accents": "😀 été", "empty": "", "blank": " \t ", "long word": "a" * 100_000,
    "long phrase": '"' + "budget " * 5_000 + '"', "100k words": "x " * 100_000,
    "97 exclusions": "budget " + "-x " * 97, "nul": "budget\x00liaison",
}
@pytest.fixture
def search_config(engine: Engine, tmp_path: Path) -> Path:
    store(engine, SEARCH_MAIL)
    return write_config(tmp_path / "config", engine.url.render_as_string(hide_password=False),
                        1)


def search_cli(config_dir: Path, query: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--config", str(config_dir), "search", "--json", "--",
                                      query])
    return result.exit_code, result.stdout, result.stderr


#: Queries with no word to look for, or only exclusions: one error line showing the syntax.
NOTHING_TO_FIND = {"double quote", "AND", "star", "backslashes", "only exclusions",
                   "minus alone", "empty", "blank"}


def test_search_command_accepts_any_string(search_config: Path, engine: Engine) -> None:
    failures = {}
    for name, query in HOSTILE_SEARCHES.items():
        code, out, err = search_cli(search_config, query)
        if name in NOTHING_TO_FIND:
            if code != 1 or out or not err.startswith("error: ") or err.count("\n") != 1:
                failures[name] = (code, err[-200:])
        elif code != 0 or err or not isinstance(json.loads(out or "null"), list):
            failures[name] = (code, err[-200:])
    assert failures == {}


def test_search_still_finds_words_among_hostile_syntax(search_config: Path,
                                                       engine: Engine) -> None:
    app = open_app(search_config, engine)
    for query in ("budget))", '"budget', "((budget", "budget*", "-x budget", "budget\u202e",
                  "BUDGET ; --", "budget\x00", "budget " + "-x " * 97, "budget " * 50_000):
        subjects = {hit.subject for hit in search_messages(app, query)}
        assert subjects == {"Budget review", "Liaison statement on spectrum"}, query
    assert [h.subject for h in search_messages(app, "café")] == ["Ré: été 😀"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.one_of(st.sampled_from(SEARCH_VOCABULARY),
                                st.text(max_size=12)), max_size=12),
       separator=st.sampled_from([" ", "", "  ", " OR "]))
def test_search_any_string_property(search_config: Path, engine: Engine, words: list[str],
                                    separator: str) -> None:
    app = open_app(search_config, engine)
    hits = search_messages(app, separator.join(words), limit=5)
    assert all(hit.message_id.endswith("@example.org") for hit in hits)
