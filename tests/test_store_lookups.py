"""The lookups an import sends by lists of keys (the messages already stored, the new
rows' keys read back, threading's messages named or referencing one, the messages of
threads or primary keys, the threads of subjects) use their indexes and are built once,
on SQLite and PostgreSQL.

On PostgreSQL each list is one array parameter (``= ANY(:ids)``, ``store/chunks.among``),
not an ``IN`` list of one parameter an id (docs/performance-history.md, "One array
parameter a lookup"): the planner must still start from the column's index. What the lookups find is held to the
threads of one JWZ run by tests/test_store_threads.py, and the stored rows to main's by
``bench/db_dump.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.engine.interfaces import CacheStats

from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings

#: A lookup by a list of keys, as SQLAlchemy sends it to either database, and the index
#: PostgreSQL must use for it.
INDEXES = {"messages.message_id": "uq_messages_list_id_message_id",
           "message_references.referenced_id": "ix_message_references_referenced_id",
           "messages.thread_id": "ix_messages_thread_date", "messages.id": "messages_pkey",
           # the subject's index, or the list's (a few threads: as good to the planner)
           "threads.normalised_subject": "ix_threads_"}
LOOKUP = re.compile(rf"(?<!NOT \()({'|'.join(map(re.escape, INDEXES))}) (IN \(|= ANY \()")


@contextmanager
def lookups(engine: Engine) -> Iterator[list[tuple[str, Any, bool]]]:
    """Every lookup by a list of keys sent meanwhile: statement, parameters,
    and whether SQLAlchemy found it compiled in its cache."""
    sent: list[tuple[str, Any, bool]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any,
             context: DefaultExecutionContext, _many: bool) -> None:
        if LOOKUP.search(statement):
            sent.append((statement, parameters, context.cache_hit is CacheStats.CACHE_HIT))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", note)


#: Each table ingest searches, and the column of its copies' new keys (see ``_grow``).
_KEYS = {"threads": "normalised_subject", "messages": "message_id",
         "message_references": "referenced_id"}
#: Copies of every stored row the PostgreSQL plans are taken over: the sample's few
#: hundred messages become ~20,000, the size of bench/'s corpus.
_COPIES = 40


def _grow(connection: Connection) -> None:
    """Copy every row of the searched tables ``_COPIES`` times (with new keys), then
    ``ANALYZE``, so that PostgreSQL plans for the size an import searches, not for a
    test's few rows. On these, the planner's pick between two indexes depended on
    whether autovacuum had analysed the tables yet (it once scanned the primary key of
    ``message_references`` whole for a list of ``referenced_id``): a coin toss, not a
    plan."""
    for table, key in _KEYS.items():
        columns = [name for name, in connection.exec_driver_sql(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
            " AND column_name <> 'id' ORDER BY ordinal_position", (table,))]
        quoted = [f'"{name}"' for name in columns]  # messages has a "references"
        copied = [f"{name} || '.' || copy" if name == f'"{key}"' else name for name in quoted]
        connection.exec_driver_sql(
            f"INSERT INTO {table} ({', '.join(quoted)}) SELECT {', '.join(copied)}"
            f" FROM {table}, generate_series(1, {_COPIES}) AS copy")
    connection.exec_driver_sql(f"ANALYZE {', '.join(_KEYS)}")


def _plans(engine: Engine, lookups: list[tuple[str, Any]]) -> list[str]:
    """The plan of each ``(statement, parameters)``; on PostgreSQL over tables grown to
    an import's size, in a transaction rolled back after."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            return ["\n".join(str(row[-1]) for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters))
                for statement, parameters in lookups]
        _grow(connection)
        # Even at 20,000 rows a sequential scan of a narrow table can look as cheap as
        # the index to the planner; the index must be the one it starts from.
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plans = ["\n".join(str(row[0]) for row in connection.exec_driver_sql(
            "EXPLAIN " + statement, parameters)) for statement, parameters in lookups]
        connection.rollback()
        return plans


def test_the_import_lookups_use_their_indexes_and_are_built_once(engine: Engine) -> None:
    app = App(settings=Settings(), engine=engine)
    with lookups(engine) as sent:
        import_archive(app, sample_archive(), batch_size=50)
    postgres = engine.dialect.name == "postgresql"
    looked_up = [(match.group(1), statement, parameters, hit) for statement, parameters, hit
                 in sent if (match := LOOKUP.search(statement))]
    # messages.id: no message is stored unthreaded here, none is loaded by its key.
    assert {column for column, *_ in looked_up} == set(INDEXES) - {"messages.id"}
    assert all(("= ANY (" in statement) == postgres for _, statement, _, _ in looked_up)
    # Five statements (the keys of Message-IDs, the messages named, those referencing
    # one, the messages of threads, the threads of subjects), each compiled once, then
    # found in SQLAlchemy's cache.
    assert len(looked_up) > 12 and sum(not hit for *_, hit in looked_up) == 5
    plans = _plans(engine, [(statement, parameters) for _, statement, parameters, _
                            in looked_up])
    for (column, *_), plan in zip(looked_up, plans, strict=True):
        if postgres:
            assert "Seq Scan" not in plan and INDEXES[column] in plan, plan
        else:
            assert not re.search(r"SCAN (messages|message_references|threads)\b(?! USING)",
                                 plan), plan


def test_the_search_index_fill_is_one_array_on_postgresql(engine: Engine) -> None:
    """The search index's fill selects a batch's messages by one array on PostgreSQL
    (the same text every batch), by ``IN`` on SQLite; every message is indexed once and
    PostgreSQL reads them by the primary key."""
    app = App(settings=Settings(), engine=engine)
    fills: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any,
             _context: Any, _many: bool) -> None:
        if "INTO search_messages" in statement:
            fills.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", note)
    try:
        stored = import_archive(app, sample_archive(), batch_size=50).stored
    finally:
        event.remove(engine, "before_cursor_execute", note)
    postgres = engine.dialect.name == "postgresql"
    assert len(fills) > 1 and all(("id = ANY(" in s) == postgres for s, _ in fills)
    if postgres:  # one text, whatever a batch's size
        assert len({s for s, _ in fills}) == 1
    with engine.connect() as connection:
        key = "message_pk" if postgres else "rowid"
        indexed = connection.exec_driver_sql(
            f"SELECT count(DISTINCT {key}) FROM search_messages").scalar()
    assert indexed == stored
    if postgres:
        plan = _plans(engine, [fills[0]])[0]
        # (an Index Scan using it, or a Bitmap Index Scan on it)
        assert "Seq Scan on messages" not in plan
        assert re.search(r"Index Scan (using|on) pk_messages\b", plan), plan
