"""PostgreSQL's planner statistics follow a large import (store/planner.py)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from tests.test_ingest import mbox_of


def test_statistics_are_refreshed_as_the_import_doubles_the_table(
        engine: Engine, tmp_path: Path) -> None:
    app = App(settings=Settings(), engine=engine)
    postgres = engine.dialect.name == "postgresql"
    if postgres:
        with engine.begin() as connection:  # statistics of the empty table: 0 rows
            connection.execute(text("ANALYZE messages"))
    report = import_archive(app, mbox_of(tmp_path / "list.mbox", 1200), batch_size=100)
    assert report.stored == 1200
    if not postgres:
        return
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT reltuples FROM pg_class WHERE oid = to_regclass('messages')")).scalar()
        plan = "\n".join(connection.execute(text(
            "EXPLAIN SELECT id FROM messages WHERE list_id = 1 AND message_id IN "
            "('m1@example.org', 'm2@example.org')")).scalars())
    # Refreshed once 1,000 were stored; next when the table doubles.
    assert rows == 1000
    assert "message_id" in plan.split("Index Cond", 1)[-1], plan
