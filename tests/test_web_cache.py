"""Kept pages (web/cache.py, store/versions.py): a list, a thread, an item or a search
page is rendered once per data version, and any change shows at the next request,
whoever made it; nothing is shared across roles, and each session keeps its own CSRF
token. On SQLite and PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, select, text, update
from sqlalchemy.engine.interfaces import CacheStats
from starlette.testclient import TestClient

from iscg_mailbot.services.app import App
from iscg_mailbot.store.database import connect, session_scope
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.versions import PAGES, THREADS, changes_pages, data_version, note_write
from tests.servers.smtp import SmtpTestServer
from tests.web_helpers import CHAIR, REPRESENTATIVE, client_for, csrf_of, sign_in, web_app


def _version(engine: Engine) -> int | None:
    with session_scope(engine) as session:
        return data_version(session)


def test_the_data_version_moves_with_each_commit_that_changes_a_page(engine: Engine) -> None:
    start = _version(engine)
    assert start is not None
    with engine.begin() as connection:  # a read changes nothing
        connection.execute(select(ActionItem.id)).all()
    assert _version(engine) == start
    with engine.begin() as connection:
        connection.execute(update(ActionItem).values(note="seen"))
    assert _version(engine) == start + 1
    with engine.connect() as connection:  # rolled back: nothing changed
        connection.execute(update(ActionItem).values(note="undone"))
        connection.rollback()
    assert _version(engine) == start + 1
    with engine.begin() as connection:  # bookkeeping no page shows
        connection.execute(text("DELETE FROM worker_locks"))
    assert _version(engine) == start + 1


def test_the_threads_counter_moves_only_with_what_the_duplication_watch_reads(
        engine: Engine) -> None:
    """Revision 0026: the digest's kept overlaps are read under the THREADS counter,
    which a commit writing only action items (or the digest's delivery records, or
    through PostgreSQL's COPY via note_write) leaves alone."""
    def both() -> tuple[int | None, int | None]:
        with session_scope(engine) as session:
            return data_version(session, PAGES), data_version(session, THREADS)

    pages, threads = both()
    assert pages is not None and threads is not None
    with engine.begin() as connection:
        connection.execute(update(ActionItem).values(note="seen"))
        connection.execute(text("DELETE FROM outbox"))
    assert both() == (pages + 1, threads)
    with engine.begin() as connection:
        note_write(connection, "action_items")
    assert both() == (pages + 2, threads)
    with engine.begin() as connection:  # an item and a thread: both move, once each
        connection.execute(update(ActionItem).values(note="again"))
        connection.execute(text("DELETE FROM thread_topics WHERE thread_id = -1"))
    assert both() == (pages + 3, threads + 1)
    with engine.begin() as connection:
        note_write(connection, "messages")
    assert both() == (pages + 4, threads + 2)


def test_which_statements_change_pages() -> None:
    assert changes_pages('INSERT OR REPLACE INTO search_messages (rowid) SELECT 1')
    assert changes_pages("DELETE FROM thread_topics WHERE thread_id = 1")
    assert changes_pages("WITH x AS (SELECT 1) UPDATE threads SET subject = 'a'")
    assert not changes_pages("UPDATE analysis_work SET holder = 'w1'")
    assert not changes_pages("WITH q AS (SELECT 1) SELECT * FROM q")


def _selects(engine: Engine) -> tuple[list[str], Any]:
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    return sent, record


def test_a_page_asked_again_reads_only_the_data_version(
        web_site: tuple[TestClient, SmtpTestServer, App], engine: Engine) -> None:
    client, smtp, _ = web_site
    sign_in(client, smtp, CHAIR)
    for path in ("/threads?state=open", "/actions", "/threads/1", "/search?q=agenda"):
        first = client.get(path)
        sent, record = _selects(engine)
        try:
            again = client.get(path)
        finally:
            event.remove(engine, "before_cursor_execute", record)
        assert again.status_code == 200 and again.text == first.text, path
        assert len(sent) == 1 and "data_versions" in sent[0], (path, sent)


def test_a_change_shows_at_once_even_made_by_another_process(
        web_site: tuple[TestClient, SmtpTestServer, App], db_url: str) -> None:
    client, smtp, _ = web_site
    sign_in(client, smtp, CHAIR)
    before = client.get("/actions")
    assert "TSAG to send its comments" in before.text
    # The worker (another process, its own engine) closes the item.
    worker = connect(db_url)
    try:
        with worker.begin() as connection:
            connection.execute(update(ActionItem).where(
                ActionItem.sentence.like("%TSAG to send its comments%")).values(status="done"))
    finally:
        worker.dispose()
    assert "TSAG to send its comments" not in client.get("/actions").text


def test_a_decision_on_the_site_shows_on_the_item_and_the_list_at_once(
        web_site: tuple[TestClient, SmtpTestServer, App], engine: Engine) -> None:
    client, smtp, _ = web_site
    sign_in(client, smtp, CHAIR)
    # An open item the list shows (the list is bounded and ordered by due date; the
    # database's first open row, in no order, need not be on it).
    listed = re.search(r'href="/actions/(\d+)"', client.get("/actions").text)
    assert listed is not None
    item_id = int(listed.group(1))
    with session_scope(engine) as session:
        assert session.get(ActionItem, item_id).status == "open"
    page = client.get(f"/actions/{item_id}")
    assert client.get("/actions").text.count(f'href="/actions/{item_id}"') == 1
    done = client.post(f"/actions/{item_id}", data={"decision": "close", "note": "kept?",
                                                     "csrf": csrf_of(page)})
    assert done.status_code == 303
    assert "kept?" in client.get(f"/actions/{item_id}").text
    assert f'href="/actions/{item_id}"' not in client.get("/actions").text


def test_kept_pages_are_not_shared_across_roles_and_keep_each_session_s_token(
        engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    app = web_app(engine, tmp_path / "config", smtp_server)
    with client_for(app) as chair, client_for(app) as other_chair, \
            client_for(app) as representative:
        sign_in(chair, smtp_server, CHAIR)
        sign_in(other_chair, smtp_server, CHAIR)
        sign_in(representative, smtp_server, REPRESENTATIVE)
        mine, theirs = chair.get("/threads/1"), other_chair.get("/threads/1")
        assert 'action="/threads/1/topics"' in mine.text
        # The second chair's copy is the kept one, with the second session's own token.
        assert csrf_of(mine) != csrf_of(theirs)
        assert csrf_of(theirs) == csrf_of(other_chair.get("/threads"))
        assert 'action="/threads/1/topics"' not in representative.get("/threads/1").text
        assert "Kenji Watanabe" in representative.get("/threads/1").text  # own name


def test_a_started_server_s_first_pages_compile_no_query(
        engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    """The warm-up (services/web_warmup.py) asked each page's questions at start-up:
    the first visitor's pages find every query already compiled (This week asks some
    that depend on the member's names, so it is not among them)."""
    app = web_app(engine, tmp_path / "config", smtp_server)
    with client_for(app) as client:
        sign_in(client, smtp_server, CHAIR)
        compiled: list[str] = []

        def record(_conn: Any, _cursor: Any, statement: str, _parameters: Any,
                   context: Any, _many: bool) -> None:
            if context is not None and context.cache_hit is CacheStats.CACHE_MISS:
                compiled.append(statement)

        event.listen(engine, "before_cursor_execute", record)
        try:
            for path in ("/threads", "/threads?state=open", "/threads?state=stalled",
                         "/actions", "/actions?view=overdue", "/threads/1",
                         "/search?q=liaison", "/calendar", "/digests"):
                assert client.get(path).status_code == 200, path
                assert compiled == [], (path, compiled)
        finally:
            event.remove(engine, "before_cursor_execute", record)


def test_a_server_starts_when_the_warm_up_fails(
        engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer,
        caplog: pytest.LogCaptureFixture) -> None:
    app = web_app(engine, tmp_path / "config", smtp_server)
    (tmp_path / "config" / "topics.yaml").write_text("topics: [", encoding="utf-8")
    with client_for(app) as client:
        assert client.get("/").status_code == 200
    assert "warm-up stopped" in caplog.text
