"""Faults during IMAP sync against the real Dovecot: kills, network trouble, database trouble.

The promise under test: whatever happens, the next normal sync ends with exactly the
messages of the mailbox — none lost, none stored twice — and consistent threads.

* **SIGKILL** at more than 20 points of a 1,500-message first sync (SQLite; a few on
  PostgreSQL): the sync runs in a forked child (no import cost) that is killed either
  by a seeded random delay or by a stage hook armed only in the child (mid-FETCH,
  after FETCH, mid-parse, after threading (threads written, the messages not yet),
  after the INSERTs, just before COMMIT, just after COMMIT), and twice as a real ``python -m iscg_mailbot sync`` process.
  Each killed run resumes from the state the previous one left, so one first sync
  is killed over and over; after every kill the database must hold exactly the
  messages up to the stored ``last_uid`` with consistent threads, and the final
  normal sync must give exactly the mailbox and the same threads as an
  uninterrupted sync. A few post-kill states are also copied and completed on
  their own.
* **Network**: a loopback :class:`~tests.servers.tcp_proxy.TcpProxy` drops every
  connection mid-FETCH, resets them at random moments, refuses connections for a
  while, stalls, and refuses logins with ``NO [UNAVAILABLE]``.
* **Database**: a SQLite file locked by another writer, and a PostgreSQL backend
  terminated in the middle of a batch: the batch is not marked as synced and the
  next run completes it.

The stage hooks are installed from outside (module attributes and SQLAlchemy session
events, patched in the child process only); the service code has no test hook.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from iscg_mailbot.errors import MailbotError, UnparseableMessage
from iscg_mailbot.parse import parallel
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import MailboxState, Provenance, RawBatch, RawMessage
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import IngestReport, sync
from iscg_mailbot.settings.main import MailboxConfig, Settings
from iscg_mailbot.source.imap import ImapSource
from iscg_mailbot.store import messages as store_messages
from iscg_mailbot.store.database import connect, sqlite_file, upgrade
from iscg_mailbot.store.models import Mailbox, Message, QuarantinedMessage, Thread
from tests.conftest import migrated_sqlite, require_service
from tests.servers.dovecot import PASSWORD_ENV, DovecotServer, dovecot_available
from tests.servers.tcp_proxy import TcpProxy

ROOT = Path(__file__).resolve().parents[1]
LIST_ID = "int-sect-team"
MAILBOX = "iscg"
KILL_FOLDER = "INBOX"
KILL_MESSAGES = 1500
KILL_BATCH = 20  # 75 batches: room for 26 kills that each advance ~1 batch
NET_FOLDER = "Lists/net"
NET_MESSAGES = 300
NET_BATCH = 25
SEED = 20261006


# -- the mailbox --------------------------------------------------------------------


def list_traffic(count: int, seed: int) -> list[bytes]:
    """``count`` messages of list traffic with the awkward cases a real list has.

    Threads of replies (References chains, In-Reply-To), some replies stored before
    their parents, about 3% without Message-ID (a synthetic id is made), a few copies
    of one message (cross-posted: one stored row), and a few unparseable messages
    (quarantined). Dates spread over weeks, so subject grouping works as in life.
    """
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    out: list[bytes] = []
    threads: list[list[tuple[str, str, list[str]]]] = []
    sectors = ["ITU-T", "ITU-R", "ITU-D"]
    n = 0
    while len(out) < count:
        n += 1
        date = start + timedelta(minutes=37 * n)
        mid = f"m{n}.{seed}@faults.example.org"
        roll = rng.random()
        if roll < 0.004 and n > 10:
            out.append(f"\r\n\r\n  unparseable {n}\r\n".encode())  # headers and body empty
            continue
        if roll < 0.008 and out:
            out.append(out[rng.randrange(len(out))])  # the same message delivered again
            continue
        if threads and rng.random() < 0.6:
            thread = rng.choice(threads[-40:])
            parent, subject, refs = rng.choice(thread)
            chain = ([*refs, parent])[-8:]
            headers = [
                f"Subject: Re: {subject}",
                f"In-Reply-To: <{parent}>",
                "References: " + " ".join(f"<{r}>" for r in chain),
            ]
            thread.append((mid, subject, chain))
            body = (
                f"I agree with point {n}; see the attached draft.\r\n\r\n"
                f"On Monday, a member wrote:\r\n> Earlier text of {parent}\r\n> more\r\n"
            )
        else:
            subject = f"LS on item {n} [{rng.choice(sectors)}]"
            headers = [f"Subject: {subject}"]
            threads.append([(mid, subject, [])])
            body = (
                f"Summary: liaison statement {n}.\r\n"
                f"Action required: reply by {date:%d %B %Y}.\r\n-- \r\nISCG secretariat\r\n"
            )
        lines = [
            f"From: Member {n % 50} <member{n % 50}@example.org>",
            "To: int-sect-team@lists.itu.int",
            f"Date: {format_datetime(date)}",
        ]
        if rng.random() > 0.03:
            lines.append(f"Message-ID: <{mid}>")
        out.append(("\r\n".join(lines + headers) + "\r\n\r\n" + body).encode())
    for i in range(0, len(out) - 3, 7):  # some replies arrive before their parents
        if rng.random() < 0.5:
            out[i], out[i + 2] = out[i + 2], out[i]
    return out


@dataclass(frozen=True)
class Expected:
    """What a folder must end up as in the database, by UID."""

    message_ids: dict[int, str]  # UID -> Message-ID (parsed or synthetic)
    quarantined: dict[int, str]  # UID -> sha256 of the raw bytes

    def upto(self, last_uid: int) -> tuple[set[str], set[str]]:
        return (
            {mid for uid, mid in self.message_ids.items() if uid <= last_uid},
            {sha for uid, sha in self.quarantined.items() if uid <= last_uid},
        )

    @property
    def last_uid(self) -> int:
        return max([*self.message_ids, *self.quarantined])


def expected_for(uids: list[int], messages: list[bytes]) -> Expected:
    ids: dict[int, str] = {}
    bad: dict[int, str] = {}
    for uid, data in zip(uids, messages, strict=True):
        try:
            ids[uid] = parse_message(RawMessage(data, Provenance(uid=uid))).message_id
        except UnparseableMessage:
            bad[uid] = hashlib.sha256(data).hexdigest()
    return Expected(ids, bad)


@dataclass
class Filled:
    """The module's Dovecot, filled once, with what each folder must become."""

    server: DovecotServer
    kill: Expected
    net: Expected
    baseline: frozenset[frozenset[str]] = frozenset()
    batch_seconds: float = 0.05
    net_bytes: int = 0


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Filled]:
    require_service(dovecot_available(), "dovecot not installed: apt-get install dovecot-imapd")
    previous = os.environ.get(PASSWORD_ENV)
    with DovecotServer(tls=False) as server:
        os.environ[PASSWORD_ENV] = server.password
        kill_mail = list_traffic(KILL_MESSAGES, SEED)
        net_mail = list_traffic(NET_MESSAGES, SEED + 1)
        state = Filled(
            server,
            expected_for(server.append(KILL_FOLDER, kill_mail), kill_mail),
            expected_for(server.append(NET_FOLDER, net_mail), net_mail),
            net_bytes=sum(len(m) for m in net_mail),
        )
        # The reference: one uninterrupted sync. Its threads are what every faulted
        # run must end with, and its pace calibrates the random kill delays.
        url = f"sqlite:///{tmp_path_factory.mktemp('baseline') / 'baseline.db'}"
        app = make_app(url, server.mailbox_config(name=MAILBOX, list=LIST_ID, batch_size=KILL_BATCH))
        started = time.perf_counter()
        [report] = sync(app)
        assert report.error is None
        state.batch_seconds = (time.perf_counter() - started) / max(report.batches, 1)
        assert_complete(app.engine, state.kill)
        state.baseline = thread_partition(app.engine)
        app.close()
        yield state
    if previous is None:
        os.environ.pop(PASSWORD_ENV, None)
    else:
        os.environ[PASSWORD_ENV] = previous


# -- apps and checks ----------------------------------------------------------------


def make_app(url: str, config: MailboxConfig, *, migrate: bool = True) -> App:
    path = sqlite_file(url)
    if migrate and path is not None and not path.exists():
        url = migrated_sqlite(path)  # a new SQLite file: a copy of a migrated one
        migrate = False
    engine = connect(url)
    if migrate:
        upgrade(engine)
    return App(settings=Settings(mailboxes=(config,)), engine=engine)


def kill_config(filled: Filled, **overrides: Any) -> MailboxConfig:
    values: dict[str, Any] = {"name": MAILBOX, "list": LIST_ID, "batch_size": KILL_BATCH}
    values.update(overrides)
    return filled.server.mailbox_config(**values)


def net_config(filled: Filled, port: int, **overrides: Any) -> MailboxConfig:
    values: dict[str, Any] = {
        "name": MAILBOX, "list": LIST_ID, "folder": NET_FOLDER, "batch_size": NET_BATCH,
        "port": port, "timeout_seconds": 2.0, "max_reconnects": 5,
    }
    values.update(overrides)
    return filled.server.mailbox_config(**values)


def stored_last_uid(engine: Engine) -> int:
    with Session(engine) as session:
        row = session.scalar(select(Mailbox).where(Mailbox.name == MAILBOX))
        return row.last_uid if row is not None else 0


def assert_consistent(engine: Engine, expected: Expected) -> int:
    """The database holds exactly the folder up to its stored last_uid; returns that UID.

    Checks: no message missing or stored twice, quarantine exact, every message in a
    thread, each thread's message_count equal to its messages, no empty thread, and
    the mailbox's own counter in step.
    """
    with Session(engine) as session:
        row = session.scalar(select(Mailbox).where(Mailbox.name == MAILBOX))
        last_uid = row.last_uid if row is not None else 0
        ids = list(session.scalars(select(Message.message_id)))
        duplicated = [mid for mid, n in Counter(ids).items() if n > 1]
        assert not duplicated, f"stored twice: {duplicated[:5]}"
        want_ids, want_bad = expected.upto(last_uid)
        have = set(ids)
        assert have == want_ids, (
            f"last_uid {last_uid}: missing {sorted(want_ids - have)[:5]} "
            f"({len(want_ids - have)}), unexpected {sorted(have - want_ids)[:5]} "
            f"({len(have - want_ids)})"
        )
        assert set(session.scalars(select(QuarantinedMessage.sha256))) == want_bad
        assert session.scalar(
            select(func.count()).select_from(Message).where(Message.thread_id.is_(None))
        ) == 0, "a message without a thread"
        counts: dict[Any, int] = dict(
            session.execute(select(Message.thread_id, func.count()).group_by(Message.thread_id)).all()
        )
        threads = dict(session.execute(select(Thread.id, Thread.message_count)).all())
        empty = set(threads) - set(counts)
        assert not empty, f"threads without messages: {sorted(empty)[:5]}"
        wrong = {t: (threads[t], counts[t]) for t in counts if threads.get(t) != counts[t]}
        assert not wrong, f"message_count differs from the messages (thread: stored, real): {wrong}"
        if row is not None:
            assert row.messages_stored == len(ids)
    return last_uid


def assert_complete(engine: Engine, expected: Expected) -> None:
    assert assert_consistent(engine, expected) == expected.last_uid


def thread_partition(engine: Engine) -> frozenset[frozenset[str]]:
    """The threads as sets of Message-IDs (ids of rows differ between databases)."""
    groups: dict[int | None, set[str]] = {}
    with Session(engine) as session:
        for thread_id, mid in session.execute(select(Message.thread_id, Message.message_id)):
            groups.setdefault(thread_id, set()).add(mid)
    return frozenset(frozenset(g) for g in groups.values())


# -- kill points --------------------------------------------------------------------


@dataclass(frozen=True)
class KillPoint:
    """Where to kill a sync: ``stage`` hook at its ``n``-th hit, or after ``delay`` s."""

    stage: str
    n: int = 0
    delay: float = 0.0

    def __str__(self) -> str:
        return f"{self.stage}:{self.n}" if self.stage not in {"delay", "cli"} else (
            f"{self.stage}:{self.delay:.3f}s"
        )


#: Stage hooks, in pipeline order. n counts hits within one run.
STAGES = ("mid-fetch", "fetched", "parse", "threaded", "stored", "commit", "committed")


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


Hit = Callable[[], None]


def _after(owner: Any, name: str, hit: Hit) -> None:
    """Call ``hit`` after each call of ``owner.name``."""
    original = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        hit()
        return result

    setattr(owner, name, wrapper)


def _in_a_fetch(hit: Hit) -> None:
    # imaplib reads each message body (an IMAP literal) with IMAP4.read(size): dying on
    # the n-th literal is dying in the middle of a FETCH response.
    import imaplib

    original_read = imaplib.IMAP4.read

    def read(self: imaplib.IMAP4, size: int) -> bytes:
        hit()
        return original_read(self, size)

    imaplib.IMAP4.read = read  # type: ignore[method-assign]


def _before_parse(hit: Hit) -> None:
    original_parse = parallel.parse_message

    def parse(*args: Any, **kwargs: Any) -> Any:
        hit()  # dies before this message of the batch is parsed
        return original_parse(*args, **kwargs)

    parallel.parse_message = parse  # type: ignore[assignment]


#: How each stage hook is set up in the child.
_HOOKS: dict[str, Callable[[Hit], None]] = {
    "mid-fetch": _in_a_fetch,
    "fetched": lambda hit: _after(ImapSource, "_fetch_chunk", hit),
    "parse": _before_parse,
    # A batch is threaded first, then its rows are written with their threads.
    "threaded": lambda hit: _after(store_messages, "thread_new_messages", hit),
    "stored": lambda hit: _after(store_messages, "insert_messages", hit),
    "commit": lambda hit: event.listen(Session, "before_commit", lambda _session: hit()),
    "committed": lambda hit: event.listen(Session, "after_commit", lambda _session: hit()),
}


def _arm(point: KillPoint) -> None:
    """In the child only: make the ``point.n``-th hit of ``point.stage`` SIGKILL us."""
    counter = itertools.count(1)

    def hit() -> None:
        if next(counter) == point.n:
            _die()

    if point.stage not in _HOOKS:
        raise ValueError(point.stage)
    _HOOKS[point.stage](hit)


def run_killed(url: str, config: MailboxConfig, point: KillPoint) -> bool:
    """Run one sync in a forked child and kill it at ``point``; True if it died by SIGKILL.

    The child opens its own engine (nothing of the parent's connections is used) and
    leaves with os._exit, so pytest's state in the copy never runs.
    """
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 0
        try:
            if point.stage != "delay":
                _arm(point)
            app = make_app(url, config, migrate=False)
            sync(app)
        except BaseException:  # noqa: BLE001 - report through the exit code only
            code = 3
        finally:
            os._exit(code)
    if point.stage == "delay":
        time.sleep(point.delay)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 3:
        raise AssertionError(f"the sync child failed at {point} without being killed")
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def write_cli_config(path: Path, url: str, config: MailboxConfig) -> Path:
    path.write_text(
        f"""[database]
url = "{url}"

[[lists]]
id = "{LIST_ID}"
address = "int-sect-team@lists.itu.int"

[[mailboxes]]
name = "{config.name}"
list = "{LIST_ID}"
host = "{config.host}"
port = {config.port}
security = "plain"
username = "{config.username}"
password_env = "{PASSWORD_ENV}"
folder = "{config.folder}"
batch_size = {config.batch_size}
""",
        encoding="utf-8",
    )
    return path


def run_cli_killed(
    engine: Engine, config_file: Path, rng: random.Random, batch_seconds: float
) -> tuple[bool, float]:
    """``python -m iscg_mailbot sync`` SIGKILLed a random moment after it first commits.

    Returns (killed by SIGKILL, the delay after the first commit).
    """
    env = {k: v for k, v in os.environ.items() if k != "ISCG_DATABASE_URL"}
    before = stored_last_uid(engine)
    process = subprocess.Popen(
        [sys.executable, "-m", "iscg_mailbot", "--config", str(config_file), "sync"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    delay = rng.uniform(0.0, 2 * batch_seconds)
    deadline = time.monotonic() + 60
    while process.poll() is None and stored_last_uid(engine) == before:
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError("the CLI sync made no progress within 60 s")
        time.sleep(0.01)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return process.returncode == -signal.SIGKILL, delay


def kill_plan(rng: random.Random, stage_rounds: int, delays: int, batch_seconds: float) -> list[KillPoint]:
    """Stage hooks (each stage ``stage_rounds`` times) and random delays, shuffled."""
    plan = [
        KillPoint(stage, n=rng.randint(1, 3 * KILL_BATCH) if stage in {"mid-fetch", "parse"} else rng.randint(1, 3))
        for _ in range(stage_rounds)
        for stage in STAGES
    ]
    plan += [KillPoint("delay", delay=rng.uniform(0.05, 3 * batch_seconds + 0.2)) for _ in range(delays)]
    rng.shuffle(plan)
    return plan


def sqlite_copy(source_url: str, target: Path) -> str:
    """A consistent copy of a SQLite database (online backup API, WAL included)."""
    source = sqlite3.connect(source_url.removeprefix("sqlite:///"))
    copy = sqlite3.connect(target)
    with copy:
        source.backup(copy)
    source.close()
    copy.close()
    return f"sqlite:///{target}"


# -- SIGKILL ------------------------------------------------------------------------


def test_sigkill_at_many_points_of_a_first_sync(
    filled: Filled, db_url: str, tmp_path: Path
) -> None:
    sqlite = db_url.startswith("sqlite")
    rng = random.Random(SEED)
    config = kill_config(filled)
    engine = connect(db_url)
    upgrade(engine)
    # SQLite: every stage twice, 8 random delays, 2 real CLI processes (24 points).
    # PostgreSQL (slower here): 5 stages once, one delay.
    plan = (
        kill_plan(rng, 2, 8, filled.batch_seconds)
        if sqlite
        else kill_plan(rng, 1, 1, filled.batch_seconds)[:6]
    )
    if sqlite:
        plan[3:3] = [KillPoint("cli")]
        plan[12:12] = [KillPoint("cli")]
    cli_config = write_cli_config(tmp_path / "iscg-mailbot.toml", db_url, config)
    snapshots: list[str] = []
    survived: list[str] = []
    for index, point in enumerate(plan):
        engine.dispose()  # no open connection is carried into the child
        if point.stage == "cli":
            killed, delay = run_cli_killed(engine, cli_config, rng, filled.batch_seconds)
            point = KillPoint("cli", delay=delay)
        else:
            killed = run_killed(db_url, config, point)
        last_uid = assert_consistent(engine, filled.kill)
        if killed:
            survived.append(f"{point}@uid{last_uid}")
        if last_uid >= filled.kill.last_uid:
            break
        if sqlite and index % 8 == 5:
            snapshots.append(sqlite_copy(db_url, tmp_path / f"snapshot{index}.db"))
    engine.dispose()
    minimum = 20 if sqlite else 5
    assert len(survived) >= minimum, f"only {len(survived)} kills landed: {survived}"

    app = make_app(db_url, config, migrate=False)
    [report] = sync(app)
    assert report.error is None
    assert_complete(app.engine, filled.kill)
    assert thread_partition(app.engine) == filled.baseline
    app.close()
    for url in snapshots:  # each post-kill state, completed on its own
        app = make_app(url, config, migrate=False)
        [report] = sync(app)
        assert report.error is None
        assert_complete(app.engine, filled.kill)
        assert thread_partition(app.engine) == filled.baseline
        app.close()
    print(f"\n{len(survived)} kill points survived ({db_url.split(':')[0]}): {', '.join(survived)}")


# -- network faults through the proxy -----------------------------------------------


@pytest.fixture
def proxy(filled: Filled) -> Iterator[TcpProxy]:
    with TcpProxy(filled.server.host, filled.server.port) as running:
        yield running


def net_app(tmp_path: Path, filled: Filled, proxy: TcpProxy, **overrides: Any) -> App:
    return make_app(f"sqlite:///{tmp_path / 'net.db'}", net_config(filled, proxy.port, **overrides))


def source_for(app: App, *, sleeps: list[float] | None = None, retry_delay: float = 0.01) -> ImapSource:
    def sleep(seconds: float) -> None:
        if sleeps is not None:
            sleeps.append(seconds)
        time.sleep(seconds)

    config = app.settings.mailboxes[0]
    return ImapSource(config, config.password(), retry_delay=retry_delay, sleep=sleep)


def after_batches(source: ImapSource, count: int, action: Callable[[], None]) -> None:
    """Run ``action`` once, right after the ``count``-th batch was stored (committed)."""
    original = source.fetch_new

    def fetch_new(state: MailboxState | None) -> Iterator[RawBatch]:
        for index, batch in enumerate(original(state), start=1):
            yield batch  # the caller stores and commits it before asking for more
            if index == count:
                action()

    source.fetch_new = fetch_new  # type: ignore[method-assign]


def sync_with(app: App, source: ImapSource) -> IngestReport:
    try:
        [report] = sync(app, sources={MAILBOX: source})
    finally:
        source.close()
    return report


def test_every_connection_dropped_mid_fetch(tmp_path: Path, filled: Filled, proxy: TcpProxy) -> None:
    # Each connection dies after ~3 batches' worth of bytes, inside a FETCH reply.
    proxy.drop_after_bytes = filled.net_bytes * 3 * NET_BATCH // NET_MESSAGES + 7_919
    app = net_app(tmp_path, filled, proxy)
    report = sync_with(app, source_for(app))
    assert report.error is None
    assert_complete(app.engine, filled.net)
    assert proxy.drops >= 3 and proxy.connections >= 4


def test_connections_reset_at_random_moments(tmp_path: Path, filled: Filled, proxy: TcpProxy) -> None:
    rng = random.Random(SEED)
    proxy.latency = 0.002  # slow enough that resets land inside replies
    stop = threading.Event()
    resets: list[int] = []

    app = net_app(tmp_path, filled, proxy, max_reconnects=10)

    def saboteur() -> None:
        # Reset at random moments, but only once a batch was stored since the last reset:
        # on a loaded machine a reconnection can take longer than the gap between resets,
        # and resets that never let a batch through would only test max_reconnects.
        stored_at_reset = -1
        while not stop.wait(rng.uniform(0.05, 0.25)):
            stored_now = stored_last_uid(app.engine)
            if stored_now > stored_at_reset:
                stored_at_reset = stored_now
                resets.append(proxy.drop_all())

    thread = threading.Thread(target=saboteur, daemon=True)
    thread.start()
    try:
        report = sync_with(app, source_for(app))
    finally:
        stop.set()
        thread.join()
    assert report.error is None, report.error
    assert_complete(app.engine, filled.net)
    assert sum(resets) >= 1, "no connection was reset during the sync; make it slower"


def test_refused_for_a_while_then_recovers_with_backoff(
    tmp_path: Path, filled: Filled, proxy: TcpProxy
) -> None:
    app = net_app(tmp_path, filled, proxy, max_reconnects=6)
    sleeps: list[float] = []
    source = source_for(app, sleeps=sleeps, retry_delay=0.1)
    after_batches(source, 2, lambda: proxy.refuse_for(0.5))
    started = time.monotonic()
    report = sync_with(app, source)
    assert report.error is None
    assert_complete(app.engine, filled.net)
    # The first reconnection is immediate, then 0.1, 0.2, 0.4 ... until one succeeds.
    assert sleeps[:3] == [0.1, 0.2, 0.4][: len(sleeps[:3])] and sum(sleeps) >= 0.3
    assert time.monotonic() - started >= 0.5


def test_refused_longer_than_the_retries_then_next_pass_completes(
    tmp_path: Path, filled: Filled, proxy: TcpProxy
) -> None:
    app = net_app(tmp_path, filled, proxy, max_reconnects=2)
    source = source_for(app)
    after_batches(source, 3, proxy.refuse)
    report = sync_with(app, source)
    assert report.error is not None
    assert "connection refused" in report.error and "gave up after 2" in report.error
    assert assert_consistent(app.engine, filled.net) == 3 * NET_BATCH  # not one batch more
    with Session(app.engine) as session:
        assert session.scalars(select(Mailbox)).one().last_error == report.error
    proxy.accept()
    [again] = sync(app)
    assert again.error is None
    assert_complete(app.engine, filled.net)


def test_stalled_server_times_out_and_recovers(tmp_path: Path, filled: Filled, proxy: TcpProxy) -> None:
    app = net_app(tmp_path, filled, proxy, timeout_seconds=0.3)
    source = source_for(app)

    def stall() -> None:
        proxy.latency = 1.0  # every chunk now takes longer than the client waits
        threading.Timer(0.8, lambda: setattr(proxy, "latency", 0.0)).start()

    after_batches(source, 2, stall)
    report = sync_with(app, source)
    assert report.error is None, report.error
    assert_complete(app.engine, filled.net)
    assert proxy.connections >= 2


def test_slow_server_is_only_slow(tmp_path: Path, filled: Filled, proxy: TcpProxy) -> None:
    proxy.latency = 0.02
    app = net_app(tmp_path, filled, proxy)
    report = sync_with(app, source_for(app))
    assert report.error is None
    assert_complete(app.engine, filled.net)
    assert proxy.connections == 1


def test_logins_refused_for_a_while(tmp_path: Path, filled: Filled, proxy: TcpProxy) -> None:
    """A server whose authentication is down answers NO [UNAVAILABLE] (RFC 5530): the
    login is retried with back-off like a dropped connection, and the pass completes
    once logins work again."""
    app = net_app(tmp_path, filled, proxy)
    proxy.refuse_logins = True
    sleeps: list[float] = []

    def logins_back(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 2:
            proxy.refuse_logins = False
        time.sleep(seconds)

    config = app.settings.mailboxes[0]
    source = ImapSource(config, config.password(), retry_delay=0.01, sleep=logins_back)
    report = sync_with(app, source)
    assert report.error is None and len(sleeps) == 2
    assert_complete(app.engine, filled.net)


def test_logins_refused_past_the_retries(tmp_path: Path, filled: Filled, proxy: TcpProxy) -> None:
    """Refused for longer than max_reconnects allows: one line naming the server's answer
    (never the password), nothing stored or lost; the next pass completes."""
    app = net_app(tmp_path, filled, proxy, max_reconnects=2)
    proxy.refuse_logins = True
    refused = sync_with(app, source_for(app))
    assert refused.error is not None and "UNAVAILABLE" in refused.error
    assert filled.server.password not in refused.error
    assert assert_consistent(app.engine, filled.net) == 0
    proxy.refuse_logins = False
    [report] = sync(app)
    assert report.error is None
    assert_complete(app.engine, filled.net)


# -- database faults ----------------------------------------------------------------


def _short_busy_timeout(engine: Engine, milliseconds: int) -> None:
    # connect() sets busy_timeout=30000 on every new connection; this listener runs
    # after it, so the test waits a fraction of a second for the lock, not 30 s.
    @event.listens_for(engine, "connect")
    def _busy(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA busy_timeout={milliseconds}")


def test_sqlite_locked_by_another_writer(tmp_path: Path, filled: Filled) -> None:
    path = tmp_path / "locked.db"
    app = make_app(f"sqlite:///{path}", net_config(filled, filled.server.port))
    _short_busy_timeout(app.engine, 200)
    app.engine.dispose()
    other = sqlite3.connect(path, isolation_level=None)

    def lock() -> None:
        other.execute("BEGIN EXCLUSIVE")  # another writer holds the file

    source = source_for(app)
    after_batches(source, 2, lock)
    # The pass ends with one line naming the problem; the other mailboxes would go on.
    locked = sync_with(app, source)
    assert locked.error is not None and locked.error.startswith("database unavailable")
    assert "locked" in locked.error
    other.execute("ROLLBACK")
    other.close()
    # The third batch was not marked as synced: the state is two batches.
    assert assert_consistent(app.engine, filled.net) == 2 * NET_BATCH
    [report] = sync(app)
    assert report.error is None
    assert_complete(app.engine, filled.net)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgres_backend_terminated_mid_batch(db_url: str, filled: Filled) -> None:
    app = make_app(db_url, net_config(filled, filled.server.port))
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    calls = itertools.count(1)
    original = store_messages.insert_messages

    def insert_then_lose_the_server(session: Session, *args: Any) -> list[int]:
        stored = original(session, *args)
        if next(calls) == 3:  # the third batch: threaded and inserted, not committed
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
            with admin.connect() as connection:
                connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        return stored

    store_messages.insert_messages = insert_then_lose_the_server  # type: ignore[assignment]
    try:
        [lost] = sync(app)
    finally:
        store_messages.insert_messages = original  # type: ignore[assignment]
    assert lost.error is not None and lost.error.startswith("database unavailable")
    assert assert_consistent(app.engine, filled.net) == 2 * NET_BATCH
    [report] = sync(app)  # the pool notices the dead connection (pre-ping) and goes on
    assert report.error is None
    assert_complete(app.engine, filled.net)
    admin.dispose()
    app.close()


def test_postgres_unreachable_stores_nothing_and_next_run_completes(
    tmp_path: Path, filled: Filled
) -> None:
    from tests.servers.dovecot import free_port

    config = net_config(filled, filled.server.port)
    dead = App(
        settings=Settings(mailboxes=(config,)),
        engine=connect(f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/test?connect_timeout=2"),
    )
    [unreachable] = sync(dead)
    assert unreachable.error is not None and unreachable.error.startswith("database unavailable")
    app = make_app(f"sqlite:///{tmp_path / 'after.db'}", config)
    [report] = sync(app)
    assert report.error is None
    assert_complete(app.engine, filled.net)


def test_cli_reports_an_unreachable_database_in_one_line(tmp_path: Path, filled: Filled) -> None:
    from tests.servers.dovecot import free_port

    url = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/test"
    config_file = write_cli_config(tmp_path / "iscg-mailbot.toml", url, net_config(filled, filled.server.port))
    env = {k: v for k, v in os.environ.items() if k != "ISCG_DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "iscg_mailbot", "--config", str(config_file), "sync"],
        check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1


def _stored_and_kept(app: App) -> tuple[int, int]:
    with Session(app.engine) as session:
        stored = session.scalar(select(func.count()).select_from(Message)) or 0
        kept = session.scalar(select(func.count()).select_from(QuarantinedMessage)) or 0
    return stored, kept


def _sync_twice(app: App) -> None:
    for _ in range(2):  # the worker's next interval would find the mailbox as it was
        # Whatever the database raised, try again.
        with contextlib.suppress(DBAPIError, MailbotError):
            sync(app)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_message_id_too_wide_for_the_index_is_stored(db_url: str, filled: Filled) -> None:
    """990 CJK characters (2,970 bytes) exceed PostgreSQL's 2,704-byte btree entry:
    the id must be shortened before it reaches the index (fixed in ec59eca)."""
    rng = random.Random(SEED)
    wide = "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(990)) + "@example.org"
    poison = f"From: a@example.org\r\nMessage-ID: <{wide}>\r\nSubject: wide\r\n\r\nbody\r\n"
    folder = "Lists/wide"
    good = list_traffic(6, SEED + 2)
    filled.server.append(folder, [*good[:3], poison.encode(), *good[3:]])
    app = make_app(db_url, net_config(filled, filled.server.port, folder=folder, batch_size=2))
    try:
        _sync_twice(app)
        assert _stored_and_kept(app) == (7, 0)
    finally:
        app.close()


_REFUSE = {
    "sqlite": [
        ("CREATE TRIGGER refuse_poison BEFORE INSERT ON messages "
         "WHEN NEW.message_id LIKE 'poison%' BEGIN SELECT RAISE(ABORT, 'refused by test'); END"),
    ],
    "postgresql": [
        ("CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
         "IF NEW.message_id LIKE 'poison%' THEN RAISE EXCEPTION 'refused by test'; END IF; "
         "RETURN NEW; END $$"),
        ("CREATE TRIGGER refuse_poison BEFORE INSERT ON messages FOR EACH ROW "
         "EXECUTE FUNCTION refuse_poison()"),
    ],
}


def test_one_message_the_database_refuses_does_not_stop_the_mailbox(db_url: str, filled: Filled) -> None:
    """The database refuses one row (a trigger stands in for any such cause: a limit, an
    encoding, a constraint added later); the other six messages must still arrive."""
    poison = b"From: a@example.org\r\nMessage-ID: <poison@example.org>\r\nSubject: x\r\n\r\nbody\r\n"
    folder = f"Lists/refused-{db_url.split(':')[0].split('+')[0]}"  # one per database
    good = list_traffic(6, SEED + 3)
    filled.server.append(folder, [*good[:3], poison, *good[3:]])
    app = make_app(db_url, net_config(filled, filled.server.port, folder=folder, batch_size=2))
    with app.engine.begin() as connection:
        for statement in _REFUSE[app.engine.dialect.name]:
            connection.execute(text(statement))
    try:
        _sync_twice(app)
        stored, kept = _stored_and_kept(app)
        assert (stored, kept) == (6, 1), f"{stored} stored, {kept} quarantined of 7"
    finally:
        app.close()


def test_sync_command_does_not_import_spacy() -> None:
    """A killed-and-restarted or cron-started sync must start fast: no spaCy on the way."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "iscg_mailbot", "sync", "--help"],
        check=True, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert not {name for name in imported if name == "spacy" or name.startswith("spacy.")}
