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
                           [--workers N] [--keep DIR] [--postgres URL]   (default: SQLite)
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx
from itsdangerous import TimestampSigner
from sqlalchemy import text, update

from bench.queries import NOW, analyse, fill, postgres_database
from iscg_mailbot.services.actions import Context
from iscg_mailbot.settings.actions import load_actions_config
from iscg_mailbot.settings.members import load_members
from iscg_mailbot.store.database import connect, session_scope, upgrade
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_delivery import OutboxEntry

GOAL_P95_MS = 150.0
CHAIR = "ingrid.solheim@example.no"
SECRET = "bench-" + uuid.uuid4().hex
PERIOD = ("2026-11-16/2026-11-23", NOW - timedelta(days=9), NOW - timedelta(days=2))


def session_cookie(address: str) -> str:
    """A signed-in session as Starlette's SessionMiddleware writes it (the bench skips the
    mail round trip; tests/test_web_browser.py covers it)."""
    data = base64.b64encode(json.dumps({"user": address, "since": int(time.time()), "csrf": "x"}).encode())
    return TimestampSigner(SECRET).sign(data).decode()


def prepare(url: str, count: int, folder: Path) -> Path:
    engine = connect(url)
    upgrade(engine)
    began = time.perf_counter()
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
    config = folder / "config"
    config.mkdir()
    for name in ("members.yaml", "topics.yaml", "actions.yaml", "terms-of-reference.txt"):
        shutil.copy(ROOT / "config" / name, config / name)
    (config / "iscg-mailbot.toml").write_text(
        '[[lists]]\nid = "int-sect-team"\naddress = "int-sect-team@lists.itu.int"\n'
        'name = "ISCG"\n\n[digest]\nfrom_address = "bot@example.org"\n\n'
        '[web]\nsecure_cookies = false\n', encoding="utf-8")
    return config


def pages() -> list[str]:
    return ["/", "/week", "/threads", "/threads?state=open", "/threads?state=stalled",
            "/threads?topic=spectrum", "/threads/5000", "/actions", "/actions?view=overdue",
            "/actions?owner=TSAG", "/actions/100", "/search?q=liaison+statement",
            "/search?q=meeting&page=2", f"/digests/view?list=int-sect-team&period={PERIOD[0]}",
            "/digests", "/members"]


async def load(base: str, path: str, clients: int, requests: int,
               seconds: float) -> tuple[list[float], int]:
    timings: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    remaining = requests
    cookies = {"iscg_session": session_cookie(CHAIR)}

    async def client() -> None:
        nonlocal remaining, errors
        async with httpx.AsyncClient(base_url=base, cookies=cookies,
                                     timeout=max(1.0, deadline - time.monotonic())) as http:
            while remaining > 0 and time.monotonic() < deadline:
                remaining -= 1
                began = time.perf_counter()
                try:
                    response = await http.get(path)
                except httpx.HTTPError:
                    errors += 1
                    continue
                timings.append((time.perf_counter() - began) * 1000)
                if response.status_code != 200:
                    errors += 1

    await asyncio.gather(*(client() for _ in range(clients)))
    return timings, errors


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400, help="per page")
    parser.add_argument("--seconds", type=float, default=30.0, help="at most, per page")
    parser.add_argument("--postgres", default=None, help="admin URL; default: SQLite")
    parser.add_argument("--workers", type=int, default=1, help="serve --workers")
    parser.add_argument("--keep", type=Path, default=None,
                        help="SQLite only: build the database in this folder once, reuse it")
    args = parser.parse_args()
    from tests.servers.smtp import free_port

    with tempfile.TemporaryDirectory() as name:
        folder = args.keep or Path(name)
        folder.mkdir(parents=True, exist_ok=True)
        drop = None
        if args.postgres:
            url, drop = postgres_database(args.postgres)
        else:
            url = f"sqlite:///{folder / 'bench.db'}"
        try:
            reuse = args.keep is not None and (folder / "config").is_dir()
            config = folder / "config" if reuse else prepare(url, args.messages, folder)
            port = free_port()
            server = serve(config, url, port, args.workers)
            ok = True
            try:
                print(f"{'page':58} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}")
                for path in pages():
                    timings, errors = asyncio.run(load(
                        f"http://127.0.0.1:{port}", path, args.clients, args.requests,
                        args.seconds))
                    p50 = statistics.median(timings) if timings else float("nan")
                    p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 \
                        else float("nan")
                    flag = "" if p95 < GOAL_P95_MS and not errors else "  OVER GOAL"
                    if math.isnan(p95):  # no answer at all
                        flag = "  NO ANSWER"
                    ok = ok and not flag
                    print(f"{path:58} {len(timings):5d} {p50:8.1f} {p95:8.1f} {errors:6d}{flag}")
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
