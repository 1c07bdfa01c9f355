"""The analysis's store statements are built once: a second chunk of another size sends
the same statements, found in SQLAlchemy's compiled cache, on SQLite and PostgreSQL
(docs/performance-history.md, "The analysis's row writes": building and compiling a
statement each call cost more than the database's work for it). What they store is
held to a full count by tests/test_open_items.py and to the serial analysis by
tests/test_analysis_parallel.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event, select
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.engine.interfaces import CacheStats
from sqlalchemy.orm import Session

from iscg_mailbot.store import open_items, work
from iscg_mailbot.store.actions import FoundItems, save_items
from iscg_mailbot.store.models_work import AnalysisWork
from iscg_mailbot.store.types import utcnow
from tests.test_open_items import COUNTED_ON, candidate, threads_and_messages


@pytest.fixture
def session(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    monkeypatch.setattr(open_items, "today_utc", lambda: COUNTED_ON)
    with Session(engine, expire_on_commit=False) as session:
        yield session


def compiled_anew(engine: Engine, run: Callable[[], Any]) -> list[str]:
    """The statements ``run`` sent that SQLAlchemy compiled (not found in its cache, or
    with no cache key: a multi-row VALUES with ON CONFLICT is compiled every time)."""
    missed: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, _params: Any,
             context: DefaultExecutionContext, _many: bool) -> None:
        if context.cache_hit is not CacheStats.CACHE_HIT:
            missed.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return missed


def test_counting_open_items_again_compiles_nothing_new(engine: Engine, session: Session) -> None:
    list_id, threads, messages = threads_and_messages(session, 7)
    found = {pk: FoundItems(list_id, thread, [candidate("action", 0)])
             for pk, thread in zip(messages, threads, strict=True)}
    save_items(session, {pk: found[pk] for pk in messages[:2]})  # two threads: compiled
    # Five other threads: the same statements, however many threads.
    again = compiled_anew(engine, lambda: save_items(
        session, {pk: found[pk] for pk in messages[2:]}))
    assert again == []
    assert open_items.passed_threads(session, COUNTED_ON) == []


def test_claiming_and_finishing_compiles_nothing_new(engine: Engine, session: Session) -> None:
    _list_id, threads, _messages = threads_and_messages(session, 7)
    now = utcnow()
    work.mark(session, threads, now)

    def cycle(budget: int) -> set[int]:
        holder = work.new_holder()
        claims = work.claim(session, holder, now, lease=timedelta(minutes=5), budget=budget,
                            max_threads=200)
        return work.finish(session, holder, claims)

    # Two rounds to warm up (SQLite's claim, locked with a second LIMIT, is compiled
    # once more in the second, on main as here), then one of another size.
    assert cycle(1) == {threads[0]}
    assert cycle(2) == set(threads[1:3])
    again = compiled_anew(engine, lambda: cycle(4))
    assert again == []


def test_marking_threads_again_compiles_nothing_new(engine: Engine, session: Session) -> None:
    _list_id, threads, _messages = threads_and_messages(session, 7)
    first, later = utcnow(), utcnow() + timedelta(minutes=1)
    work.mark(session, threads[:2], first)
    again = compiled_anew(engine, lambda: work.mark(session, threads[1:], later))
    assert again == []
    rows = session.execute(select(AnalysisWork.thread_id, AnalysisWork.generation,
                                  AnalysisWork.marked_at).order_by(AnalysisWork.thread_id))
    # Marked again: the next generation, the later time; the others new.
    assert [tuple(row) for row in rows] == [(threads[0], 1, first), (threads[1], 2, later),
                                             *((t, 1, later) for t in threads[2:])]
