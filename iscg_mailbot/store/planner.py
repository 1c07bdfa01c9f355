"""PostgreSQL's planner statistics of the tables ingest searches, kept in step as an
import grows them.

Ingest looks messages up by ``(list_id, message_id)`` (what is stored already, the keys
just inserted), references by ``referenced_id`` and threads by subject, batch after
batch. On a table the server has no statistics for (a fresh database: autovacuum
analyses it only after a minute or more, and not at all where it is off) the planner
guesses that ``list_id = 1`` picks 0.5% of the rows, searches the unique index by
``list_id`` alone and filters every message of the list by ``message_id``: each batch
then read the whole table (20,000 messages: ~70 ms a lookup instead of ~20, two lookups
a batch, growing with the table). :class:`PlannerStatistics` runs ``ANALYZE`` on those
columns whenever ingest has stored as many messages as the table held at the last one
(1,000 at least): a handful of times an import (at 20,000 messages ~0.3 s of the
server's time each at most). It changes no data, takes no lock that writers or readers
wait for, and does nothing on SQLite (its planner reads the index's shape, not
statistics, for these queries).

The analysis reads ``action_items`` the same way, chunk after chunk: the items of
threads (``thread_id``), those of ids still open. Without statistics the planner took
``status = 'open'`` for a handful of rows and read every open item by the status's
index, filtering by the ids (a 20,000-message import: ~12 ms a chunk at the end instead
of ~1, growing with the table). :data:`ANALYSIS` refreshes them as the analysis writes
items (``services/analysis.py``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

#: What ingest searches: the columns of its lookups (a column list keeps ANALYZE off the
#: bodies), the analysis queue, which the analysers claim from.
_ANALYZE = (
    "ANALYZE messages (list_id, message_id, thread_id, date)",
    "ANALYZE message_references",
    "ANALYZE threads",
    "ANALYZE analysis_work",
)
#: What the analysis searches: its items (the columns of its lookups, not the
#: sentences), and their owners' shares, read by item.
_ANALYZE_ITEMS = (
    "ANALYZE action_items (id, message_pk, thread_id, kind, status, manual, due)",
    "ANALYZE action_item_shares",
)
#: Rows stored before the first refresh, and the least between two.
MIN_GROWTH = 1000


class SharedCounts(Protocol):
    """Two integers several processes share, and their lock: a
    ``multiprocessing.Array("q", 2)`` made before they fork."""

    def __getitem__(self, index: int) -> int: ...
    def __setitem__(self, index: int, value: int) -> None: ...
    def get_lock(self) -> AbstractContextManager[Any]: ...


class PlannerStatistics:
    """Refresh the statistics once a writer has doubled its table (PostgreSQL): by
    default ingest's (the messages' table and those it searches).

    ``shared``: the counts of writers in several processes (the analysis's workers,
    ``services/analysis_pool.py``), so that the rows any of them stored count toward
    one refresh, which one of them runs. Each worker kept its own count before, so N
    workers refreshed the items' statistics N times as often, each count growing by a
    N-th of the table's growth (docs/performance-history.md, "perf-closed")."""

    def __init__(self, table: str = "messages", statements: tuple[str, ...] = _ANALYZE,
                 shared: SharedCounts | None = None) -> None:
        self._table = table
        self._statements = statements
        # [rows in the table at the last refresh (-1: not read), stored since then]
        self._counts: SharedCounts | list[int] = shared if shared is not None else [-1, 0]
        self._lock: AbstractContextManager[Any] = (
            shared.get_lock() if shared is not None else nullcontext())

    def stored(self, session: Session, count: int) -> None:
        """``count`` rows (messages by default) were just stored (and committed) with
        ``session``'s database; refresh the statistics in ``session`` when they are due."""
        if count <= 0 or session.get_bind().dialect.name != "postgresql":
            return
        counts = self._counts
        with self._lock:
            if counts[0] < 0:
                tuples = session.execute(text(
                    "SELECT reltuples FROM pg_class WHERE oid = to_regclass(:table)"),
                    {"table": self._table}).scalar()
                # Never analysed (-1): as if empty. The count is the one before this batch.
                counts[0] = max(0, int(tuples or 0))
            counts[1] += count
            if counts[1] < max(MIN_GROWTH, counts[0]):
                return
            # This writer refreshes them: the others count from here.
            counts[0] += counts[1]
            counts[1] = 0
        for statement in self._statements:
            session.execute(text(statement))


def analysis_statistics(shared: SharedCounts | None = None) -> PlannerStatistics:
    """The statistics of the items the analysis writes (call :meth:`~PlannerStatistics.stored`
    with the items each committed chunk added); ``shared`` by the analysis's workers."""
    return PlannerStatistics("action_items", _ANALYZE_ITEMS, shared)
