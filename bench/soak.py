"""Soak run: a large mailbox synced while mail keeps arriving and the chair keeps asking.

1. Fills a throw-away Dovecot with ``--messages`` realistic messages (the shipped
   sample archive and the list archives under ../shared/corpus/archive, cycled: each
   cycle rewrites Message-ID/In-Reply-To/References and tags the subject, so threads
   stay threads and cycles do not merge).
2. Runs sync passes (as the worker does) until the mailbox is caught up, while
   - a thread APPENDs new messages continuously (``--append-rate`` per second), and
   - a separate process (the chair, as a CLI would be) runs queries in a loop: the
     thread list, a thread's detail, and — when those modules exist — full-text
     search, open threads, stalled threads and the action list.
3. Keeps going ``--tail`` seconds after the first full pass, stops appending, runs a
   last pass and checks that the database holds exactly the Message-IDs appended
   (none lost, none twice).

Prints: first-pass throughput, incremental pass latency, query latency percentiles
per query, peak RSS of the sync process and of the query process, database size.

Usage: python bench/soak.py [--messages 100000] [--append-rate 20] [--tail 30]
                            [--database URL] [--batch-size 500]
"""

from __future__ import annotations

import argparse
import email.parser
import mailbox
import multiprocessing
import os
import random
import re
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select

from iscg_mailbot.errors import UnparseableMessage
from iscg_mailbot.parse.headers import clean_message_id
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import sync
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.source.imap import ImapSource
from iscg_mailbot.store.database import connect, upgrade
from iscg_mailbot.store.models import Message, QuarantinedMessage, Thread
from tests.servers.dovecot import PASSWORD_ENV, DovecotServer

CORPUS = ROOT.parent / "shared" / "corpus" / "archive"
MAILBOX = "soak"
LIST_ID = "int-sect-team"
_ID = re.compile(rb"<([^<>\s]+)>")
_ID_HEADERS = re.compile(rb"^(message-id|in-reply-to|references):", re.IGNORECASE)
SEARCH_WORDS = ["spectrum", "liaison statement", '"action required"', "deadline -draft",
                "AND OR (", "kernel*", "maintainer OR reviewer", "'quotes\""]


# -- the mail -------------------------------------------------------------------------


class Traffic:
    """Realistic messages, cycled from the archives with fresh ids; knows what it made."""

    def __init__(self) -> None:
        files = [sample_archive(), *sorted(CORPUS.glob("*.mbox"))] if CORPUS.is_dir() else [sample_archive()]
        self.bases: list[bytes] = []
        for path in files:
            for message in mailbox.mbox(path):
                data = message.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
                try:
                    parse_message(RawMessage(data, Provenance()))
                except UnparseableMessage:
                    continue  # the soak measures load; quarantine has its own tests
                if b"\r\n\r\n" in data:
                    self.bases.append(data)
        self.made = 0
        self.expected: set[str] = set()
        self._headers = email.parser.BytesHeaderParser()
        self._lock = threading.Lock()

    def next(self, count: int) -> list[bytes]:
        with self._lock:
            out = [self._variant(self.made + i) for i in range(count)]
            self.made += count
        return out

    def _variant(self, n: int) -> bytes:
        base = self.bases[n % len(self.bases)]
        cycle = n // len(self.bases)
        head, _, body = base.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        out: list[bytes] = []
        rewriting = False
        has_id = False
        for line in lines:
            if line[:1] in (b" ", b"\t"):
                out.append(_ID.sub(lambda m: b"<c%d.%s>" % (cycle, m.group(1)), line) if rewriting else line)
                continue
            rewriting = bool(_ID_HEADERS.match(line))
            has_id = has_id or line.lower().startswith(b"message-id:")
            if rewriting:
                line = _ID.sub(lambda m: b"<c%d.%s>" % (cycle, m.group(1)), line)
            elif line.lower().startswith(b"subject:") and cycle:
                line += b" (c%d)" % cycle  # distinct subjects: cycles do not merge
            out.append(line)
        if not has_id:
            out.append(b"Message-ID: <soak.%d@soak.invalid>" % n)
        data = b"\r\n".join(out) + b"\r\n\r\n" + body
        mid = clean_message_id(self._headers.parsebytes(data).get("Message-ID"))
        if mid is not None:
            self.expected.add(mid)
        return data


def fill(server: DovecotServer, traffic: Traffic, count: int) -> None:
    for start in range(0, count, 1000):
        server.append("INBOX", traffic.next(min(1000, count - start)))


# -- the chair's queries (in their own process) ---------------------------------------


class NothingYet(Exception):
    """The query has nothing to look at yet (no thread stored so far)."""


def _queries(app: App) -> dict[str, Callable[[random.Random], Any]]:
    """Every chair query this checkout has; each takes an RNG for its arguments."""
    from iscg_mailbot.services import threads as thread_service

    def show_a_thread(rng: random.Random) -> Any:
        with app.session() as session:
            ids = list(session.scalars(select(Thread.id).order_by(Thread.id.desc()).limit(500)))
        if not ids:
            raise NothingYet()
        return thread_service.thread(app, rng.choice(ids))

    found: dict[str, Callable[[random.Random], Any]] = {
        "threads list": lambda rng: thread_service.threads(app, limit=50),
        "threads show": show_a_thread,
    }
    try:
        from iscg_mailbot.services import actions as action_service

        found["search"] = lambda rng: action_service.search_messages(app, rng.choice(SEARCH_WORDS))
        found["open threads"] = lambda rng: action_service.open_threads(app, limit=50)
        found["stalled threads"] = lambda rng: action_service.stalled_threads(app, limit=50)
        found["actions list"] = lambda rng: action_service.list_actions(app, open_only=True, limit=50)
    except ImportError:
        pass
    return found


def chair(url: str, stop: Any, results: Any, interval: float) -> None:
    """Run the queries round robin until ``stop`` is set; send latencies and peak RSS back."""
    app = App(settings=Settings(), engine=connect(url))
    rng = random.Random(7)
    queries = _queries(app)
    latencies: dict[str, list[float]] = {name: [] for name in queries}
    errors: dict[str, str] = {}
    while not stop.is_set():
        for name, query in list(queries.items()):
            started = time.perf_counter()
            try:
                query(rng)
            except NothingYet:
                continue
            except Exception as exc:  # noqa: BLE001 - reported, and the query dropped
                errors[name] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
                del queries[name]
                continue
            latencies[name].append(time.perf_counter() - started)
            time.sleep(interval)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.put((latencies, errors, peak))


# -- the run ----------------------------------------------------------------------------


def appender(server: DovecotServer, traffic: Traffic, rate: float, stop: threading.Event,
             counts: list[int]) -> None:
    """APPEND ``rate`` messages per second in small groups until stopped."""
    group = max(1, int(rate // 5))
    while not stop.wait(group / rate):
        server.append("INBOX", traffic.next(group))
        counts[0] += group


def percentiles(values: list[float]) -> str:
    if not values:
        return "no samples"
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return (f"n={len(values):5d}  p50 {at(0.5):7.1f} ms  p95 {at(0.95):7.1f} ms  "
            f"p99 {at(0.99):7.1f} ms  max {ordered[-1] * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--append-rate", type=float, default=20.0, help="new messages per second")
    parser.add_argument("--tail", type=float, default=30.0, help="seconds to go on after catching up")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--query-interval", type=float, default=0.05, help="pause between queries (s)")
    parser.add_argument("--database", help="SQLAlchemy URL (default: a fresh SQLite file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp, DovecotServer(tls=False) as server:
        os.environ[PASSWORD_ENV] = server.password
        started = time.perf_counter()
        traffic = Traffic()
        fill(server, traffic, args.messages)
        print(f"filled Dovecot with {args.messages} messages ({len(traffic.bases)} distinct bases) "
              f"in {time.perf_counter() - started:.1f} s")
        url = args.database or f"sqlite:///{tmp}/soak.db"
        engine = connect(url)
        upgrade(engine)
        config = server.mailbox_config(name=MAILBOX, list=LIST_ID, batch_size=args.batch_size)
        app = App(settings=Settings(mailboxes=(config,)), engine=engine)

        context = multiprocessing.get_context("fork")
        stop_chair = context.Event()
        results = context.Queue()
        engine.dispose()
        chair_process = context.Process(target=chair, args=(url, stop_chair, results, args.query_interval))
        chair_process.start()
        stop_append = threading.Event()
        appended = [0]
        append_thread = threading.Thread(
            target=appender, args=(server, traffic, args.append_rate, stop_append, appended), daemon=True
        )
        append_thread.start()

        source = ImapSource(config, server.password)
        t0 = time.perf_counter()
        [first] = sync(app, sources={MAILBOX: source})
        first_seconds = time.perf_counter() - t0
        if first.error:
            raise SystemExit(f"sync failed: {first.error}")
        print(f"first pass: {first.fetched} messages in {first_seconds:.1f} s = "
              f"{first.fetched / first_seconds:.0f} msg/s ({first.stored} stored, "
              f"{first.duplicates} duplicates, {first.quarantined} quarantined)")
        passes: list[float] = []
        caught_up = time.perf_counter()
        while time.perf_counter() - caught_up < args.tail:
            t1 = time.perf_counter()
            [report] = sync(app, sources={MAILBOX: source})
            passes.append(time.perf_counter() - t1)
            if report.error:
                raise SystemExit(f"sync failed: {report.error}")
            time.sleep(0.5)
        stop_append.set()
        append_thread.join()
        [last] = sync(app, sources={MAILBOX: source})
        source.close()
        stop_chair.set()
        latencies, errors, chair_peak = results.get(timeout=120)
        chair_process.join()

        print(f"appended while syncing: {appended[0]} messages at ~{args.append_rate:.0f}/s; "
              f"{len(passes)} incremental passes: {percentiles(passes)}")
        print("chair queries during the sync:")
        for name, values in latencies.items():
            print(f"  {name:16s} {percentiles(values)}")
        for name, error in errors.items():
            print(f"  {name:16s} FAILED: {error}")
        print(f"peak RSS: sync process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
              f"query process {chair_peak:.0f} MB")
        if url.startswith("sqlite:///"):
            size = sum(p.stat().st_size for p in Path(url.removeprefix("sqlite:///")).parent.glob("soak.db*"))
            print(f"database size: {size / 1e6:.0f} MB")

        with app.session() as session:
            stored = list(session.scalars(select(Message.message_id)))
            quarantined = session.scalar(select(func.count()).select_from(QuarantinedMessage))
        unique = set(stored)
        missing = traffic.expected - unique
        extra = unique - traffic.expected
        verdict = "OK" if not missing and not extra and len(stored) == len(unique) else "FAILED"
        print(f"verify: {traffic.made} appended in all, {len(traffic.expected)} distinct Message-IDs; "
              f"stored {len(stored)} rows ({len(stored) - len(unique)} twice), missing {len(missing)}, "
              f"unexpected {len(extra)}, quarantined {quarantined}, last pass {last.stored} new: {verdict}")
        app.close()
        if verdict != "OK":
            raise SystemExit(1)


if __name__ == "__main__":
    main()
