"""PostgreSQL's planner statistics of the action items follow the analysis that writes
them (store/planner.py): without them the planner read every open item by the status's
index to find the items of a chunk's threads, a cost growing with the table."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, event, func, select, text

from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store import planner
from iscg_mailbot.store.models_actions import ActionItem


def test_the_analysis_refreshes_the_items_statistics_as_it_writes_them(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    app = App(settings=Settings(), engine=engine)
    import_archive(app, sample_archive())
    postgres = engine.dialect.name == "postgresql"
    if postgres:
        with engine.begin() as connection:  # statistics of the empty table: 0 rows
            connection.execute(text("ANALYZE action_items"))
    monkeypatch.setattr(planner, "MIN_GROWTH", 1)  # the sample's few items are enough
    sent: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("ANALYZE action_items"):
            sent.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        report = analyse_pending(app)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert report.actions_added > 0
    if not postgres:  # SQLite's planner reads the indexes' shapes: nothing to refresh
        assert sent == []
        return
    assert sent, "the analysis never refreshed the items' statistics"
    with engine.connect() as connection:
        stored = connection.scalar(select(func.count()).select_from(ActionItem))
        rows = connection.scalar(text(
            "SELECT reltuples FROM pg_class WHERE oid = to_regclass('action_items')"))
    # The last refresh saw the table at least half as large as it ended (0 on main).
    assert stored and rows is not None and stored / 2 <= rows <= stored
