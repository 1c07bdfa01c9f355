"""The website under load: p50/p95 of each page with 20 concurrent clients, 100,000 messages.

Fills a database as bench/queries.py does (messages, threads, the real extraction of
action items, the full-text index), then marks all but every 200th action item done: the
synthetic mail asks for work in nearly every message (~100,000 items), while a real list
keeps a few hundred open, and the digest (This week) lists every open item. It records
one sent digest, starts ``iscg-mailbot
serve`` in its own process on 127.0.0.1 and has 20 clients (one asyncio task each, one
process) request each page in turn, signed in as the chair. Every request goes to
127.0.0.1 only; each page gets at most --requests requests and --seconds seconds.
Goal: p95 under 150 ms for every page, no error.

Usage: python bench/web.py [--messages 100000] [--clients 20] [--requests 400]
                           [--workers N] [--keep DIR] [--from-db FILE]
                           [--postgres URL]   (default: SQLite)
                           [--built-each-time] ([web] keep_pages = false: every request
                                                builds its page, as after each change)
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx
from itsdangerous import TimestampSigner
from sqlalchemy import select, text, update

from bench.queries import NOW, analyse, fill, postgres_database, write_config
from iscg_mailbot.services.actions import Context
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import preview_digest
from iscg_mailbot.settings.actions import load_actions_config
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.settings.members import load_members
from iscg_mailbot.store.calendar_tokens import replace_token
from iscg_mailbot.store.database import connect, session_scope, upgrade
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_delivery import OutboxEntry
from iscg_mailbot.store.sent_copies import keep_copy

GOAL_P95_MS = 150.0
CHAIR = "ingrid.solheim@example.no"
SECRET = "bench-" + uuid.uuid4().hex
CALENDAR_TOKEN = "bench-calendar-" + uuid.uuid4().hex
PERIOD = ("2026-11-16/2026-11-23", NOW - timedelta(days=9), NOW - timedelta(days=2))


def session_cookie(address: str) -> str:
    """A signed-in session as Starlette's SessionMiddleware writes it (the bench skips the
    mail round trip; tests/test_web_browser.py covers it)."""
    data = base64.b64encode(json.dumps({"user": address, "since": int(time.time()), "csrf": "x"}).encode())
    return TimestampSigner(SECRET).sign(data).decode()


def prepare(url: str, count: int, folder: Path, *, built: bool = False) -> Path:
    """The bench database (``built``: already filled and analysed by bench/queries.py
    --keep, and copied here) with the web's state, and its configuration folder."""
    engine = connect(url)
    upgrade(engine)
    began = time.perf_counter()
    if not built:
        ids = fill(engine, count)
        context = Context(load_actions_config(ROOT / "config" / "actions.yaml"),
                          load_members(ROOT / "config" / "members.yaml"))
        analyse(engine, ids, context)
    with session_scope(engine) as session:
        session.execute(update(ActionItem).where(ActionItem.id % 200 != 0)
                        .values(status="done"))
        session.add(OutboxEntry(list_key="int-sect-team", period_key=PERIOD[0],
                                period_start=PERIOD[1], period_end=PERIOD[2],
                                member_address=CHAIR, member_name="Ingrid Solheim",
                                message_id="<bench@example.org>", subject="ISCG digest",
                                status="sent", sent_at=PERIOD[2]))
    with engine.connect() as connection:
        connection.execute(text("ANALYZE"))
        connection.commit()
    engine.dispose()
    print(f"{count:,} messages stored and analysed in {time.perf_counter() - began:.0f} s")
    config = write_config(folder)
    keep_sent_copy(url, config)
    return config


def keep_sent_copy(url: str, config: Path) -> None:
    """The chair's copy of the sent digest (the Digests page shows it as sent)."""
    os.environ["ISCG_DATABASE_URL"] = url
    app = App.open(load_settings(config / "iscg-mailbot.toml"))
    preview = preview_digest(app, member_address=CHAIR, now=PERIOD[2])
    mail = EmailMessage()
    mail["Subject"] = preview.subject
    mail.set_content(preview.text)
    mail.add_alternative(preview.html, subtype="html")
    with session_scope(app.engine) as session:
        entry = session.scalar(select(OutboxEntry.id).where(OutboxEntry.member_address == CHAIR))
        assert entry is not None
        keep_copy(session, entry, mail.as_bytes(), NOW)
    app.engine.dispose()


def calendar_link(url: str) -> None:
    """This run's ``CALENDAR_TOKEN`` as the chair's private calendar link."""
    engine = connect(url)
    with session_scope(engine) as session:
        replace_token(session, CHAIR, hashlib.sha256(CALENDAR_TOKEN.encode()).hexdigest(), NOW)
    engine.dispose()


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (its WAL included), by SQLite's backup API."""
    with sqlite3.connect(source) as old, sqlite3.connect(target) as new:
        old.backup(new)


def pages() -> list[str]:
    return ["/", "/week", "/threads", "/threads?state=open", "/threads?state=stalled",
            "/threads?topic=spectrum", "/threads/5000", "/actions", "/actions?view=overdue",
            "/actions?owner=TSAG", "/actions/100", "/search?q=liaison+statement",
            "/search?q=meeting&page=2", f"/digests/view?list=int-sect-team&period={PERIOD[0]}",
            "/digests", "/members", "/calendar", f"/calendar/{CALENDAR_TOKEN}.ics"]


class Connection:
    """One keep-alive HTTP/1.1 connection to the server, kept lean on purpose.

    The clients share the machine's two cores with the server; httpx costs 1-3 ms of CPU
    a request, which the server's measured latency would then pay for. This reads a
    status line, headers and a Content-Length body (what the server answers), no more.
    """

    def __init__(self, port: int, cookie: str) -> None:
        self.port = port
        self.cookie = cookie
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """The status code of GET ``path`` (the body is read and dropped)."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          f"Cookie: iscg_session={self.cookie}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await self.reader.readexactly(length)
        if b"connection: close" in head.lower():
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def load(port: int, path: str, clients: int, requests: int,
               seconds: float) -> tuple[list[float], int]:
    timings: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    remaining = requests
    cookie = session_cookie(CHAIR)

    async def client() -> None:
        nonlocal remaining, errors
        connection = Connection(port, cookie)
        try:
            while remaining > 0 and time.monotonic() < deadline:
                remaining -= 1
                began = time.perf_counter()
                try:
                    status = await asyncio.wait_for(connection.get(path),
                                                    max(1.0, deadline - time.monotonic()))
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                    errors += 1
                    await connection.close()
                    continue
                timings.append((time.perf_counter() - began) * 1000)
                if status != 200:
                    errors += 1
        finally:
            await connection.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return timings, errors


def server_cpu(process: subprocess.Popen[bytes]) -> float:
    """CPU seconds (user + system) used so far by the server and its worker processes."""
    total = 0.0
    pids = [process.pid]
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def keep_pages(config: Path, keep: bool) -> None:
    """Set ``[web] keep_pages`` (the bench's configuration ends with its [web] section)."""
    path = config / "iscg-mailbot.toml"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("keep_pages")]
    path.write_text("\n".join([*lines, *([] if keep else ["keep_pages = false"])]) + "\n",
                    encoding="utf-8")


def serve(config: Path, url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ISCG_DATABASE_URL": url, "ISCG_WEB_SECRET": SECRET}
    process = subprocess.Popen(
        [sys.executable, "-m", "iscg_mailbot", "--config", str(config), "serve",
         "--port", str(port), "--workers", str(workers)], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def measure(server: subprocess.Popen[bytes], port: int, clients: int, requests: int,
            seconds: float) -> bool:
    """Load each page in turn and print its figures; whether all met the goal."""
    ok = True
    print(f"{'page':58} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6} "
          f"{'server CPU ms/request':>10}")
    for path in pages():
        cpu_before = server_cpu(server)
        timings, errors = asyncio.run(load(port, path, clients, requests, seconds))
        cpu = (server_cpu(server) - cpu_before) * 1000 / max(len(timings), 1)
        p50 = statistics.median(timings) if timings else float("nan")
        p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else float("nan")
        flag = "" if p95 < GOAL_P95_MS and not errors else "  OVER GOAL"
        if math.isnan(p95):  # no answer at all
            flag = "  NO ANSWER"
        ok = ok and not flag
        shown = path if len(path) <= 58 else path[:55] + "..."
        print(f"{shown:58} {len(timings):5d} {p50:8.1f} {p95:8.1f} {errors:6d} {cpu:10.1f}{flag}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400, help="per page")
    parser.add_argument("--seconds", type=float, default=30.0, help="at most, per page")
    parser.add_argument("--postgres", default=None, help="admin URL; default: SQLite")
    parser.add_argument("--workers", type=int, default=1, help="serve --workers")
    parser.add_argument("--built-each-time", action="store_true",
                        help="[web] keep_pages = false: what each page costs to build")
    parser.add_argument("--keep", type=Path, default=None,
                        help="build the database once (SQLite: in this folder; "
                             "PostgreSQL: its URL is kept there) and reuse it")
    parser.add_argument("--from-db", type=Path, default=None,
                        help="SQLite only: start from a copy of bench/queries.py --keep's "
                             "bench.db (same messages and analysis) instead of building")
    args = parser.parse_args()
    from tests.servers.smtp import free_port

    with tempfile.TemporaryDirectory() as name:
        folder = args.keep or Path(name)
        folder.mkdir(parents=True, exist_ok=True)
        drop = None
        kept_url = folder / "postgres.url"
        if args.postgres and args.keep is not None and kept_url.exists():
            url = kept_url.read_text(encoding="utf-8").strip()  # built by an earlier run
        elif args.postgres:
            url, drop, _ = postgres_database(args.postgres)
            if args.keep is not None:
                # Kept for later runs (drop it by hand: DROP DATABASE iscg_bench_...).
                kept_url.write_text(url, encoding="utf-8")
                drop = None
        else:
            url = f"sqlite:///{folder / 'bench.db'}"
        try:
            reuse = args.keep is not None and (folder / "config").is_dir()
            if not reuse and args.from_db is not None and not args.postgres:
                copy_database(args.from_db, folder / "bench.db")
            config = folder / "config" if reuse else prepare(
                url, args.messages, folder, built=args.from_db is not None)
            calendar_link(url)
            keep_pages(config, not args.built_each_time)
            port = free_port()
            server = serve(config, url, port, args.workers)
            try:
                ok = measure(server, port, args.clients, args.requests, args.seconds)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        finally:
            if drop is not None:
                drop()
    print("\nevery page: p95 under 150 ms, no error" if ok else "\nsome pages over the goal")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
