"""The analysis's workers count the items they write toward one refresh of the items'
statistics (store/planner.PlannerStatistics ``shared``), not each toward its own: with
its own count each of N workers refreshed them when its own writes had doubled the
table, N times as often as one writer."""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from iscg_mailbot.store import planner


def _refreshes(engine: Engine, writers: list[planner.PlannerStatistics]) -> int:
    """How many times ``writers`` refresh the items' statistics when each in turn
    reports 6 items stored, 8 turns."""
    sent: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("ANALYZE action_items"):
            sent.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        with Session(engine) as session:
            for turn in range(8):
                writers[turn % len(writers)].stored(session, 6)
            session.commit()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return len(sent)


def test_workers_sharing_their_counts_refresh_as_one_writer(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner, "MIN_GROWTH", 10)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:  # statistics of the empty table: 0 rows
            connection.execute(text("ANALYZE action_items"))
    one = _refreshes(engine, [planner.analysis_statistics()])
    shared = multiprocessing.get_context("fork").Array("q", [-1, 0])
    together = _refreshes(engine, [planner.analysis_statistics(shared),
                                   planner.analysis_statistics(shared)])
    apart = _refreshes(engine, [planner.analysis_statistics(), planner.analysis_statistics()])
    if engine.dialect.name != "postgresql":  # SQLite: never
        assert (one, together, apart) == (0, 0, 0)
        return
    # 48 items: refreshed at 12, 24 and 48 stored, by one writer or two sharing their
    # counts; two counting apart: each at 12 and 24 of its own (24 and 48 in all).
    assert (one, together, apart) == (3, 3, 4)
    assert list(shared) == [48, 0]
