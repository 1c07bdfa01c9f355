"""The analysis' lookups by lists of ids (a chunk's threads, their messages, items,
topics, overlap terms, the queue's claims, the parents, the closed shares) use their
indexes, and on PostgreSQL each is one array parameter (``= ANY(:ids)``,
``store/chunks.among``): one statement text whatever the list's length, so the server
plans it once and psycopg prepares it, where an ``IN`` list of one parameter an id was
a new text, planned anew, for each length (docs/performance-history.md, perf-pgin).
SQLite keeps its ``IN`` lists. What the analysis stores is held to the base's by
``bench/db_dump.py``.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, event

from iscg_mailbot.services import analysis
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from tests.test_store_lookups import _plans

#: A lookup by a list of ids, and the indexes PostgreSQL may start from (a primary key
#: is ``pk_TABLE`` after the migrations, ``TABLE_pkey`` when made from the models).
INDEXES = {
    "threads.id": r"pk_threads|threads_pkey",
    "messages.thread_id": r"ix_messages_thread_date",
    "messages.message_id": r"uq_messages_list_id_message_id",
    "action_items.id": r"pk_action_items|action_items_pkey",
    "action_items.message_pk": r"uq_action_items_message_pk",
    "action_items.thread_id": r"ix_action_items_thread|ix_action_items_status_thread",
    "action_item_shares.item_id": r"ix_action_item_shares_item_id|uq_action_item_shares_owner",
    "thread_topics.thread_id": r"ix_thread_topics_thread_id",
    "thread_entities.thread_id": r"ix_thread_entities_thread_id",
    "thread_overlap_terms.thread_id": r"pk_thread_overlap_terms|thread_overlap_terms_pkey",
    "thread_open_items.thread_id": r"pk_thread_open_items|thread_open_items_pkey",
    "analysis_work.thread_id": r"pk_analysis_work|analysis_work_pkey",
    "analysis_failures.thread_id": r"pk_analysis_failures|analysis_failures_pkey",
}
LOOKUP = re.compile(rf"(?<![\w.])(?<!NOT \()({'|'.join(map(re.escape, INDEXES))}) (IN \(|= ANY \()")
#: An IN list of bound parameters (psycopg's or SQLite's), whatever its length.
IN_LIST = re.compile(r"IN \((?:%\(\w+\)s(?:::\w+)?|\?)(?:, (?:%\(\w+\)s(?:::\w+)?|\?))*\)")


def _analyse_sample(engine: Engine) -> list[tuple[str, Any]]:
    """Import and analyse the sample archive; every statement sent by a list of ids."""
    app = App(settings=Settings(), engine=engine)
    sent: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any,
             _context: Any, _many: bool) -> None:
        # (The import's mark of the threads to analyse stays an ORM update by an IN
        # list: one a batch, and the ORM keeps the session's threads in step with it.)
        if LOOKUP.search(statement) and "SET needs_analysis=%(needs_analysis)s" not in statement:
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", note)
    try:
        import_archive(app, sample_archive(), batch_size=50)
        analysis.analyse_pending(app)
        # Analysed again in batches of a few messages: the replies are asked whether the
        # items they close are still open (a reply of the same chunk closes a new item
        # at its insert, without that lookup: store/actions.write_items).
        extraction.reanalyse_all(app, batch_size=10)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return sent


def test_the_analysis_lookups_are_one_array_on_postgresql_and_use_their_indexes(
        engine: Engine) -> None:
    sent = _analyse_sample(engine)
    postgres = engine.dialect.name == "postgresql"
    # Every kind of lookup is sent (the sample's replies close items, its threads merge
    # no shares: action_item_shares may be asked only when an item has several owners).
    columns = {match.group(1) for statement, _ in sent for match in LOOKUP.finditer(statement)}
    assert columns >= set(INDEXES) - {"action_item_shares.item_id", "messages.message_id"}
    # On PostgreSQL no lookup is an IN list: each text is the same whatever the length.
    for statement, _ in sent:
        kinds = {match.group(2) for match in LOOKUP.finditer(statement)}
        assert kinds == ({"= ANY ("} if postgres else {"IN ("}), statement
    if postgres:
        texts = {statement for statement, _ in sent}
        assert len(texts) == len({IN_LIST.sub("IN (…)", text) for text in texts})
        assert len(sent) > 2 * len(texts)  # each sent many times, as one text
    # The first of each statement's plans (the parameters of one chunk).
    first: dict[str, Any] = {}
    for statement, parameters in sent:
        first.setdefault(IN_LIST.sub("IN (…)", statement), (statement, parameters))
    for statement, parameters in first.values():
        plan = _plans(engine, [(statement, parameters)])[0] if not postgres else _analysed_plan(
            engine, statement, parameters)
        for match in LOOKUP.finditer(statement):
            table = match.group(1).split(".")[0]
            if postgres:
                assert not re.search(rf"Seq Scan on {table}\b", plan), plan
                assert re.search(rf"Index (Only )?Scan (using|on) ({INDEXES[match.group(1)]})"
                                 rf"\b", plan), (statement, plan)
            else:
                assert not re.search(rf"SCAN {table}\b(?! USING)", plan), (statement, plan)


def _analysed_plan(engine: Engine, statement: str, parameters: Any) -> str:
    """PostgreSQL's plan with the tables' statistics as autovacuum keeps them (with none,
    "the items still open" start from the status index, whatever the ids' form), in a
    transaction rolled back: the statistics stay the other tests' as they were."""
    with engine.connect() as connection:
        # Every table the statement reads, as autovacuum leaves them once it has been by:
        # whether it had been by yet (a minute's nap, a loaded machine) changed the plan.
        for table in sorted(set(re.findall(r"\b(?:FROM|JOIN)\s+(\w+)", statement))):
            connection.exec_driver_sql(f"ANALYZE {table}")
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        # A lookup joined to another table must start from its own ids: with a nested
        # loop, a few rows' statistics sometimes had the planner reach the items from
        # their messages (by the unique message_pk) and filter the thread ids after.
        connection.exec_driver_sql("SET LOCAL enable_nestloop = off")
        plan = "\n".join(str(row[0]) for row in connection.exec_driver_sql(
            "EXPLAIN " + statement, parameters))
        connection.rollback()
        return plan
