"""Transactions the database rolled back to break a deadlock, run again.

On PostgreSQL an ingest batch and an analysis worker can lock the same rows in opposite
orders: the batch updates its threads (merges, summaries, then flags: not in one id
order), then queues them (``analysis_work``); a worker finishing its claim locks its
threads in id order, then deletes its queue rows (store/work.finish; until 2026-12-05 it
took the queue rows first, the more frequent cycle). When the two meet, the server rolls
one of them back with a deadlock (SQLSTATE 40P01); ingest and the analyser
(services/analysis.py: a chunk's write, a failed thread given back) run the rolled-back
transaction again. PostgreSQL's
documentation asks applications to retry such transactions: the server undid the whole
transaction, so running it again from the start stores nothing twice. The same holds for
serialization failures (40001). Other errors are not retried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

T = TypeVar("T")

#: SQLSTATEs of a transaction the server rolled back only because another one was in
#: its way: deadlock_detected and serialization_failure.
TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})

ATTEMPTS = 5


def is_transient_conflict(exc: BaseException) -> bool:
    """Whether ``exc`` is the server rolling a transaction back to let another one on."""
    if not isinstance(exc, DBAPIError) or exc.connection_invalidated:
        return False
    return str(getattr(exc.orig, "sqlstate", "") or "") in TRANSIENT_SQLSTATES


def retrying(transaction: Callable[[], T], *, before_retry: Callable[[], None] | None = None,
             attempts: int = ATTEMPTS) -> T:
    """Run ``transaction`` (which opens, commits and closes its own transaction) and run it
    again, up to ``attempts`` times in all, when the server rolled it back for a deadlock
    or a serialization failure; ``before_retry`` undoes what the failed run changed outside
    the database (counters)."""
    for attempt in range(1, attempts + 1):
        try:
            return transaction()
        except DBAPIError as exc:
            if attempt == attempts or not is_transient_conflict(exc):
                raise
            log.warning("the database rolled the transaction back (%s); running it again",
                        str(exc.orig).strip().splitlines()[0] if exc.orig else exc)
            if before_retry is not None:
                before_retry()
    raise AssertionError("unreachable: the last attempt returns or raises")
