"""Ingest benchmark: raw IMAP FETCH (the ceiling) against our full sync, same run.

Fills a throw-away Dovecot with N realistic messages (the shipped sample archive and,
when present, the real list archives under ../shared/corpus/archive, cycled with fresh
Message-IDs), then prints:

- the raw FETCH rate of those messages with imapclient alone (batched, BODY.PEEK[]);
- our sync rate (fetch + parse + thread + store) into SQLite and into PostgreSQL;
- their ratio to the raw rate (goal: >= 0.5) and the no-change poll latency, next to a
  raw STATUS with imapclient alone measured between those polls;
- what each stage costs alone, in CPU milliseconds a message, measured on the same
  messages (fetch, parse, store and thread), and the rate those costs allow at best on
  this machine's cores: the ceiling any pipelining or parallelism could reach.

Usage: python bench/ingest.py [--messages 20000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import mailbox
import os
import re
import resource
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text

from iscg_mailbot.parse.parallel import ParsedBatch, parse_batch
from iscg_mailbot.records import MailboxState, Provenance, RawBatch, RawMessage
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import IngestReport, store_parsed_batch, sync
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.source.imap import ImapSource
from iscg_mailbot.store.database import connect, session_scope, upgrade
from iscg_mailbot.store.messages import ensure_list
from tests.servers.dovecot import DovecotServer

CORPUS = ROOT.parent / "shared" / "corpus" / "archive"
_ID = re.compile(rb"<([^<>\s]+)>")
_DATE = re.compile(rb"^Date:[ \t]*([^\r\n]*)", re.MULTILINE | re.IGNORECASE)


def corpus_messages() -> list[bytes]:
    files = [sample_archive()]
    if CORPUS.is_dir():
        files += sorted(CORPUS.glob("lore-ksummit-202[2-4].mbox"))
    messages: list[bytes] = []
    for path in files:
        messages.extend(m.as_bytes() for m in mailbox.mbox(path))
    return messages


def _shift_date(match: re.Match[bytes], cycle: int) -> bytes:
    try:
        when = parsedate_to_datetime(match.group(1).decode("ascii", "replace"))
    except (TypeError, ValueError):
        return match.group(0)
    return b"Date: " + format_datetime(when + timedelta(days=365 * cycle)).encode()


def variant(raw: bytes, cycle: int) -> bytes:
    """The message with every <id> rewritten for this cycle, so threads stay threads, and
    its date a year later per cycle, so copies do not meet by subject as one list would not."""
    if cycle == 0:
        return raw
    head, sep, body = raw.partition(b"\n\n")
    head = _ID.sub(lambda m: b"<c%d." % cycle + m.group(1) + b">", head)
    head = _DATE.sub(lambda m: _shift_date(m, cycle), head, count=1)
    return head + sep + body


def fill(server: DovecotServer, count: int) -> None:
    base = corpus_messages()
    batch: list[bytes] = []
    for n in range(count):
        batch.append(variant(base[n % len(base)], n // len(base)).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
        if len(batch) == 500:
            server.append("INBOX", batch)
            batch = []
    if batch:
        server.append("INBOX", batch)


def cpu_seconds() -> float:
    """CPU time of this process (the parse workers, children of multiprocessing's fork
    server, are not counted: the figure says how busy the storing process is)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def raw_fetch_rate(server: DovecotServer, batch_size: int) -> tuple[list[bytes], float, float]:
    """The messages, the wall-clock seconds of fetching them and this client's CPU seconds."""
    with server.client() as client:
        client.select_folder("INBOX", readonly=True)
        uids = client.search("ALL")
        start, cpu = time.perf_counter(), cpu_seconds()
        bodies: list[bytes] = []
        for i in range(0, len(uids), batch_size):
            response = client.fetch(uids[i : i + batch_size], ["BODY.PEEK[]", "INTERNALDATE"])
            bodies.extend(data[b"BODY[]"] for data in response.values())
        return bodies, time.perf_counter() - start, cpu_seconds() - cpu


def stage_costs(bodies: list[bytes], batch_size: int, tmp: str) -> tuple[float, float]:
    """CPU ms a message of parsing alone and of storing and threading alone (SQLite)."""
    batches = [
        RawBatch(tuple(RawMessage(data, Provenance(mailbox="bench", uid=i + n))
                       for n, data in enumerate(bodies[i:i + batch_size])), MailboxState())
        for i in range(0, len(bodies), batch_size)
    ]
    cpu = cpu_seconds()
    parsed: list[ParsedBatch] = [parse_batch(batch) for batch in batches]
    parse_ms = (cpu_seconds() - cpu) * 1000 / len(bodies)
    engine = connect(f"sqlite:///{tmp}/stages.db")
    upgrade(engine)
    with session_scope(engine) as session:
        list_id = ensure_list(session, "bench", "bench@example.org").id
    report = IngestReport(source="bench")
    cpu = cpu_seconds()
    for batch in parsed:
        with session_scope(engine) as session:
            store_parsed_batch(session, list_id, batch, report)
    store_ms = (cpu_seconds() - cpu) * 1000 / len(bodies)
    engine.dispose()
    return parse_ms, store_ms


def our_sync_rate(
    server: DovecotServer, url: str, batch_size: int
) -> tuple[int, float, float, float, float]:
    """Messages synced, wall-clock seconds, CPU seconds of this process, the median
    no-change poll and, interleaved with those polls, the median raw STATUS with
    imapclient alone on a kept connection (the server's share of a poll), in seconds."""
    engine = connect(url)
    upgrade(engine)
    config = server.mailbox_config(name="bench", list="int-sect-team", batch_size=batch_size)
    app = App(settings=Settings(mailboxes=(config,)), engine=engine)
    source = ImapSource(config, server.password)
    start, cpu = time.perf_counter(), cpu_seconds()
    [report] = sync(app, sources={"bench": source})
    elapsed = time.perf_counter() - start
    used = cpu_seconds() - cpu
    if report.error:
        raise SystemExit(f"sync failed: {report.error}")
    polls, statuses = [], []
    with server.client() as raw:
        for _ in range(20):
            t0 = time.perf_counter()
            raw.folder_status("INBOX", [b"UIDVALIDITY", b"UIDNEXT"])
            statuses.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            [again] = sync(app, sources={"bench": source})
            polls.append(time.perf_counter() - t0)
            assert again.fetched == 0
    source.close()
    engine.dispose()
    count = report.stored + report.duplicates + report.quarantined
    return count, elapsed, used, statistics.median(polls), statistics.median(statuses)


def reset_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/iscg_bench",
                        help="a database this benchmark may wipe (created if missing)")
    args = parser.parse_args()

    with DovecotServer(tls=False) as server:
        t0 = time.perf_counter()
        fill(server, args.messages)
        print(f"filled Dovecot with {args.messages} messages in {time.perf_counter() - t0:.1f} s")
        bodies, raw_seconds, fetch_cpu = raw_fetch_rate(server, args.batch_size)
        fetched = len(bodies)
        raw_rate = fetched / raw_seconds
        print(f"raw imapclient FETCH:     {raw_rate:8.0f} msg/s  ({fetched} in {raw_seconds:.1f} s)  [baseline]")
        with tempfile.TemporaryDirectory() as tmp:
            fetch_ms = fetch_cpu * 1000 / fetched
            parse_ms, store_ms = stage_costs(bodies, args.batch_size, tmp)
            cores = os.cpu_count() or 1
            total_ms = fetch_ms + parse_ms + store_ms
            best = cores * 1000 / total_ms
            print(
                f"CPU a message, each stage alone: fetch {fetch_ms:.3f} ms (client side), "
                f"parse {parse_ms:.3f} ms, store+thread {store_ms:.3f} ms (SQLite) = {total_ms:.3f} ms"
            )
            print(
                f"best case on {cores} cores, every stage in parallel, Dovecot free: "
                f"{best:.0f} msg/s = ratio {best / raw_rate:.2f}"
            )
            targets = [("SQLite", f"sqlite:///{tmp}/bench.db")]
            try:
                admin = create_engine(args.postgres.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
                with admin.connect() as connection:
                    name = args.postgres.rsplit("/", 1)[1]
                    exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname=:n"), {"n": name}).scalar()
                    if not exists:
                        connection.execute(text(f'CREATE DATABASE "{name}"'))
                reset_postgres(args.postgres)
                targets.append(("PostgreSQL", args.postgres))
            except Exception as exc:  # noqa: BLE001
                print(f"PostgreSQL skipped: {exc}".splitlines()[0])
            for label, url in targets:
                count, seconds, used, poll, status = our_sync_rate(server, url, args.batch_size)
                rate = count / seconds
                print(
                    f"our sync into {label:10s} {rate:8.0f} msg/s  ({count} in {seconds:.1f} s, "
                    f"main process {used / seconds:.1f} of a core)  ratio {rate / raw_rate:.2f}  "
                    f"no-change poll {poll * 1000:.2f} ms (raw STATUS {status * 1000:.2f} ms)"
                )


if __name__ == "__main__":
    main()
