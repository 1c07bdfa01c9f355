"""Every query the chair, the digest and the website send has an index that serves it.

The real service calls run on a seeded database while every SELECT they send is
recorded; each one that reads ``messages`` or ``action_items`` is then explained with
its own parameters. SQLite (``EXPLAIN QUERY PLAN``) must use an index or the primary key
for those tables, never a plain ``SCAN``; PostgreSQL (``EXPLAIN``, with sequential scans
discouraged, as a table of 100,000 rows would make them for the planner) must show no
``Seq Scan`` on them. Two exceptions are known and named, and not run here: a participant
given as part of a name (not a member) must read every sender, and an owner searched among
items of every status (``actions list --owner X`` without ``--open``) every owner (a word
inside a text, which no B-tree index finds; see ``report/queries.py``). The owner among
open items (the website's default, ``--open``) goes through the open items' index.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, select

from iscg_mailbot.services import actions as action_services
from iscg_mailbot.services import threads as thread_services
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import preview_digest
from iscg_mailbot.services.digest_archive import archived_digest
from iscg_mailbot.services.ical import calendar_feed
from iscg_mailbot.store.database import session_scope
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.open_items import count_passed
from tests.digest_week import NOW
from tests.servers.smtp import SmtpTestServer
from tests.web_helpers import CHAIR, REPRESENTATIVE, web_app

BIG_TABLES = ("messages", "action_items")


@contextmanager
def recorded(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Every SELECT sent to ``engine`` meanwhile, with its parameters."""
    sent: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
               executemany: bool) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")) and not executemany:
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _calls(app: App, item_id: int) -> dict[str, Callable[[], object]]:
    return {
        "digest preview": lambda: preview_digest(app, now=NOW),
        "digest of a past week": lambda: preview_digest(app, now=NOW, week=NOW.date().replace(day=4)),
        "actions list --open": lambda: action_services.actions_page(app, open_only=True, now=NOW),
        "actions list --overdue": lambda: action_services.actions_page(app, overdue=True, now=NOW),
        "actions list --open --owner": lambda: action_services.actions_page(
            app, open_only=True, owner="TSAG", now=NOW),
        # Every status, several kinds: the (due, id) index of revision 0023.
        "actions list": lambda: action_services.actions_page(app, now=NOW),
        "actions list --kind all": lambda: action_services.actions_page(
            app, kinds=("action", "note", "question"), now=NOW),
        "threads list": lambda: thread_services.threads_page(app),
        "threads list --open": lambda: action_services.open_threads_page(app, now=NOW),
        "threads list --open --participant": lambda: action_services.open_threads_page(
            app, participant=REPRESENTATIVE, now=NOW),
        "threads list --open --since": lambda: action_services.open_threads_page(
            app, since=NOW - timedelta(days=30), now=NOW),
        "threads list --stalled": lambda: action_services.stalled_threads_page(app, now=NOW),
        "threads list --group": lambda: thread_services.threads_page(app, group="TSAG"),
        "search": lambda: action_services.search_messages(app, "agenda"),
        "a thread": lambda: (thread_services.thread(app, 1), thread_services.message_quotes(app, 1),
                             action_services.thread_actions(app, 1, now=NOW)),
        "an item": lambda: (action_services.action_item(app, item_id, now=NOW),
                            action_services.action_history(app, item_id)),
        "a sent digest": lambda: archived_digest(app, "int-sect-team", "2024-03-04/2024-03-11",
                                                 member_address=CHAIR),
        "a member's calendar": lambda: calendar_feed(app, member_address=REPRESENTATIVE, now=NOW),
        # The writers' recount of the threads a new day overtook (revision 0024).
        "open items counted again a month later": lambda: _count_passed(app, NOW + timedelta(days=30)),
    }


def _count_passed(app: App, when: datetime) -> int:
    with app.session() as session:
        return count_passed(session, when.date())


def _full_scans(engine: Engine, statement: str, parameters: Any) -> list[str]:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            plan = [str(row[-1]) for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters)]
            return [line for line in plan if re.match(
                rf"SCAN ({'|'.join(BIG_TABLES)})\b(?! USING (COVERING )?INDEX)", line)]
        connection.exec_driver_sql("SET enable_seqscan = off")
        plan = [str(row[0]) for row in connection.exec_driver_sql(
            "EXPLAIN " + statement, parameters)]
        connection.rollback()
        return [line.strip() for line in plan
                if re.search(rf"Seq Scan on ({'|'.join(BIG_TABLES)})\b", line)]


def test_every_query_of_the_chair_the_digest_and_the_website_uses_an_index(
        engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    from iscg_mailbot.services.digest import send_digests

    app = web_app(engine, tmp_path / "config", smtp_server)
    send_digests(app, NOW, trigger="scheduled")
    with session_scope(engine) as session:
        item_id = session.scalar(select(ActionItem.id).limit(1))
    assert item_id is not None
    problems: list[str] = []
    explained = 0
    for name, call in _calls(app, item_id).items():
        with recorded(engine) as sent:
            call()
        for statement, parameters in sent:
            if not any(re.search(rf"\b{table}\b", statement) for table in BIG_TABLES):
                continue
            explained += 1
            problems += [f"{name}: {scan}\n  {' '.join(statement.split())[:300]}"
                         for scan in _full_scans(engine, statement, parameters)]
    assert explained > 25
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("dummy", [0])
def test_the_check_finds_a_full_scan(engine: Engine, dummy: int) -> None:
    """The checker itself: a query on an unindexed column is reported."""
    statement = "SELECT id FROM action_items WHERE sentence = 'x'"
    assert _full_scans(engine, statement, {} if engine.dialect.name != "sqlite" else ())


def test_the_thread_lists_read_items_only_thread_by_thread(
        engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    """``threads list --open``/``--stalled`` read the kept counts (revision 0024): open
    items are only read for one thread at a time (its due dates on both sides of the
    day), never counted for the whole archive."""
    app = web_app(engine, tmp_path / "config", smtp_server)
    calls = [lambda: action_services.open_threads_page(app, now=NOW),
             lambda: action_services.stalled_threads_page(app, now=NOW)]
    reads = []
    for call in calls:
        with recorded(engine) as sent:
            call()
        reads += [(statement, parameters) for statement, parameters in sent
                  if "action_items" in statement]
    assert reads
    for statement, parameters in reads:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                plan = [str(row[-1]) for row in connection.exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + statement, parameters)]
                items = [line for line in plan if "action_items" in line]
                assert items and all("thread_id=?" in line for line in items), plan
            else:
                plan = [str(row[0]) for row in connection.exec_driver_sql(
                    "EXPLAIN " + statement, parameters)]
                text = "\n".join(plan)
                assert "thread_id = thread_open_items.thread_id" in text, text
                assert "HashAggregate" not in text and "GroupAggregate" not in text, text
