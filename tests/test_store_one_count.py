"""An analysed chunk counts its threads' open items once, after its last write to the
items (docs/performance-history.md, "one count a chunk"): the extraction's writes
(saving, moving and closing items) hand their threads to the caller, who counts them
with one ``refresh_open_items``; on SQLite and PostgreSQL. What the counts hold is
checked against a full count as tests/test_open_items.py does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, event, update
from sqlalchemy.orm import Session

from iscg_mailbot.action_codes import ACTION, QUESTION
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store import open_items
from iscg_mailbot.store.actions import ClosingReply, close_items, refresh_thread_ids, save_items
from iscg_mailbot.store.models import Message
from tests.test_open_items import (
    COUNTED_ON,
    T0,
    candidate,
    check,
    found,
    item_id,
    stored,
    threads_and_messages,
)


@pytest.fixture
def session(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    monkeypatch.setattr(open_items, "today_utc", lambda: COUNTED_ON)
    with Session(engine, expire_on_commit=False) as session:
        yield session


def sent(engine: Engine) -> list[str]:
    """The statements sent from now on (a list that grows)."""
    statements: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(" ".join(statement.split()).lower())

    event.listen(engine, "before_cursor_execute", note)
    return statements


def test_the_writes_leave_the_count_to_their_caller(engine: Engine, session: Session) -> None:
    list_id, (a, b, c), (ma, mb, mc) = threads_and_messages(session, 3)
    save_items(session, {ma: found(list_id, a, candidate(ACTION, 0, date(2026, 9, 15)))})
    statements = sent(engine)
    to_count: set[int | None] = set()
    save_items(session, {
        mb: found(list_id, b, candidate(ACTION, 0, date(2026, 10, 20)), candidate(QUESTION, 9)),
        mc: found(list_id, c, candidate(ACTION, 0)),
    }, to_count=to_count)
    session.execute(update(Message).where(Message.id == ma).values(thread_id=c))
    refresh_thread_ids(session, [c], to_count=to_count)
    close_items(session, [ClosingReply(item_id(session, mb, "action 0"), mb, T0, "Done.")],
                to_count=to_count)
    assert to_count == {a, b, c}
    assert not [s for s in statements if "thread_open_items" in s]
    assert set(stored(session)) == {a}  # as counted before these writes
    open_items.refresh_open_items(session, to_count)
    check(session)
    assert set(stored(session)) == {b, c}


def test_an_analysed_chunk_counts_once_after_its_item_writes(engine: Engine,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    """Each save of the sample archive's chunks: its open items counted by one lock
    (its threads in order), after every write to ``action_items``; on main, saving
    and closing each counted their threads."""
    app = App(settings=Settings(), engine=engine)
    import_archive(app, sample_archive())
    statements = sent(engine)
    saves: list[list[str]] = []
    save = extraction.save_extraction

    closed: list[int] = []

    def recorded(*args: Any, **kwargs: Any) -> extraction.ActionsReport:
        start = len(statements)
        try:
            done = save(*args, **kwargs)
            closed.append(done.closed)
            return done
        finally:
            saves.append(statements[start:])

    monkeypatch.setattr(extraction, "save_extraction", recorded)
    report = analyse_pending(app)
    assert report.actions_added and report.actions_closed
    for save_sent in saves:
        locks = [n for n, s in enumerate(save_sent) if s.startswith("insert into thread_open_items")]
        writes = [n for n, s in enumerate(save_sent)
                  if s.startswith(("insert into action_items", "update action_items",
                                   "delete from action_items"))]
        assert len(locks) <= 1
        if locks and writes:
            assert max(writes) < locks[0]
    assert any(closed)  # a save that closed items too (inserted closed: perf-closed)
