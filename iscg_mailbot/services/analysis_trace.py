"""A log of every analysed chunk, for the benchmarks only (``bench/import_timeline.py``).

When the environment names a file in :data:`VARIABLE`, each analyser appends one JSON
line a chunk: its process, when it claimed, read, analysed and wrote, the threads and
messages claimed and those whose results it kept (a thread that got mail meanwhile is
dropped at the write and analysed again later: work done twice, which the analysis
report, counting only what was kept, does not show). Unset (always, outside a
benchmark), nothing is written and nothing is timed.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Collection, Sequence
from typing import Protocol

#: The environment variable naming the log file.
VARIABLE = "ISCG_BENCH_ANALYSIS_LOG"


class _Claimed(Protocol):
    @property
    def thread_id(self) -> int: ...
    @property
    def messages(self) -> int: ...


def enabled() -> bool:
    """Whether a benchmark asked for the log."""
    return bool(os.environ.get(VARIABLE))


def moment() -> tuple[float, float, float]:
    """Now: the monotonic clock, and this thread's time on a CPU and waiting for one
    (the scheduler's, ``/proc/thread-self/schedstat``, in seconds; zeros where there is
    none). The rest of a span's wall time the thread slept: waited for a lock, for I/O,
    for work."""
    now = time.monotonic()
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as handle:
            run, wait, _ = handle.read().split()
    except (OSError, ValueError):
        return now, 0.0, 0.0
    return now, int(run) / 1e9, int(wait) / 1e9


def chunk(claims: Sequence[_Claimed], kept: Collection[int] | None,
          moments: Sequence[tuple[float, float, float]], *,
          closures_kept: bool | None = None) -> None:
    """Append one chunk's line: ``moments`` (:func:`moment`) when it asked for a claim,
    had it, had read the threads and extracted their items, had tagged them, had taken the
    write lock (SQLite) or the threads' locks and when it had written; ``kept`` the threads whose results were written (None: none, the write
    found every one changed)."""
    path = os.environ.get(VARIABLE)
    if not path:
        return
    done = set(kept or ())
    line = {
        "pid": os.getpid(),
        "moments": [[round(t, 4) for t in m] for m in moments],
        "threads": [c.thread_id for c in claims],
        "messages": [c.messages for c in claims],
        "kept": sorted(done),
        "kept_messages": sum(c.messages for c in claims if c.thread_id in done),
        # Whether the write kept the closures found before its lock (None: no write).
        "closures_kept": closures_kept,
    }
    with open(path, "a", encoding="utf-8") as handle:  # one short write: lines stay whole
        handle.write(json.dumps(line) + "\n")
