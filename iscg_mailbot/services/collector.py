"""The cyclic garbage collector's thresholds while mail is stored or analysed.

Storing and analysing make many container objects that reference counting frees, and
little cyclic garbage; at Python's thresholds (700, 10, 10) the collector ran every 700
new objects and, in each full pass, scanned every long-lived object of the process (the
tagger, spaCy's vocabulary, the word tables, the ORM's states): ~14% of the importing
process's CPU while storing, ~10% of a serial analysis'. Ingest, a serial analysis and
the analysis workers (``analysis_pool.quiet_collector``) all run at
:data:`FEWER_COLLECTIONS`; a full collection still runs every few million objects.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

#: The thresholds while mail is stored or analysed (Python's: 700, 10, 10).
FEWER_COLLECTIONS = (20_000, 20, 10)


@contextlib.contextmanager
def fewer_collections(*, main_thread_only: bool = False) -> Iterator[None]:
    """Run the collector at :data:`FEWER_COLLECTIONS` inside the block, then as before.

    Only ever raises them: under thresholds as high already (ingest's, a worker's, a
    caller's own) it changes nothing, so a block that ends while another is still
    running (ingest and an analysis in two threads) never leaves them raised for good.
    ``main_thread_only``: change nothing in another thread (an analysis beside ingest
    runs under the thresholds ingest set).
    """
    before = gc.get_threshold()
    raise_them = before[0] < FEWER_COLLECTIONS[0] and (
        not main_thread_only or threading.current_thread() is threading.main_thread())
    if raise_them:
        gc.set_threshold(*FEWER_COLLECTIONS)
    try:
        yield
    finally:
        if raise_them:
            gc.set_threshold(*before)
