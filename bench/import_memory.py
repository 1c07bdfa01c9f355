"""Peak memory of an import as the archive grows (issue 17: 100k within 10% of 20k).

Default mode: imports the generated corpus (``bench/e2e.py``'s; ``--corpus distinct``:
its copies' texts varied) at each size given, the
``ours`` way (parse workers one batch ahead, analysis worker processes beside the
import), each into a fresh SQLite database in a fresh process, and prints the peak RSS
of the main process and of the whole process tree (workers included, sampled from
/proc every 0.1 s) at each size, then the ratio of the largest size to the smallest:
the baseline is measured in the same run. The goal holds when both ratios are <= 1.10.

``--trace N``: where memory grows instead. Imports N messages in this process (parsing
here; with ``--analysis`` the analysis too) under tracemalloc, and prints the Python
memory after every few batches and analysis chunks, and the lines whose allocations
grew most between the first snapshot (after a warm-up) and the last. Run it at two sizes
(10,000 and 40,000): what grows with the number of messages shows at both.

Usage: python bench/import_memory.py [--sizes 20000,100000] [--corpus-cache DIR]
       [--corpus repeated|distinct]
       python bench/import_memory.py --trace 10000 [--analysis] [--top 15]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import add_corpus_option
from bench.e2e import measure, write_corpus

GOAL = 1.10
MB = 2**20


def compare(sizes: list[int], cache: Path | None, kind: str = "repeated") -> None:
    """Import each size the ``ours`` way and print peak RSS and the ratio to the smallest."""
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start; "
          f"{time.strftime('%Y-%m-%d %H:%M')}; {kind} corpus", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            corpus = write_corpus(Path(tmp) / f"corpus-{size}.mbox", size, cache, kind)
            row = measure("ours", f"sqlite:///{tmp}/memory-{size}.db", corpus)
            rows.append(row)
            print(f"{size:>8} messages: {int(row['stored'])} stored in "  # type: ignore[call-overload]
                  f"{float(row['wall']):.0f} s, CPU {float(row['cpu']):.0f} s, "  # type: ignore[arg-type]
                  f"main {int(row['main_rss']) / MB:.0f} MB, "  # type: ignore[call-overload]
                  f"tree {int(row['tree_rss']) / MB:.0f} MB", flush=True)  # type: ignore[call-overload]
            Path(tmp, f"memory-{size}.db").unlink(missing_ok=True)
    base, last = rows[0], rows[-1]
    for key, name in (("main_rss", "main process"), ("tree_rss", "whole tree")):
        ratio = int(last[key]) / int(base[key])  # type: ignore[call-overload]
        verdict = "met" if ratio <= GOAL else "NOT met"
        print(f"peak RSS, {name}: {sizes[-1]} / {sizes[0]} messages = {ratio:.3f} "
              f"(goal <= {GOAL:.2f}: {verdict})")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


def trace(count: int, top: int, with_analysis: bool, kind: str = "repeated",
          cache: Path | None = None) -> None:
    """Import ``count`` messages here under tracemalloc (then analyse them, when
    ``with_analysis``); print what grew."""
    from iscg_mailbot.services import analysis, ingest
    from iscg_mailbot.services.app import App
    from iscg_mailbot.settings.main import DatabaseConfig, Settings

    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.mbox", count, cache, kind)
        app = App.open(Settings(database=DatabaseConfig(url=f"sqlite:///{tmp}/trace.db"),
                                parse_processes=1), check_schema=False)
        app.upgrade_schema()
        probe = _Probe(seconds=max(10.0, count / 400))
        tracemalloc.start(8)
        ingest.import_archive(app, corpus, on_progress=lambda _n: probe.tick("import"))
        probe.take("import end")
        if with_analysis:
            analysis.analyse_pending(app, lambda _n: probe.tick("analysis"))
            probe.take("analysis end")
        app.close()
    probe.report(top)


class _Probe:
    """A snapshot every ``seconds`` at most; the first after two batches (the warm-up)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.calls = 0
        self.taken = time.monotonic()
        self.first: tracemalloc.Snapshot | None = None
        self.last: tracemalloc.Snapshot | None = None
        self.in_phase: tracemalloc.Snapshot | None = None  # the last one between batches

    def tick(self, phase: str) -> None:
        self.calls += 1
        if self.calls == 2 or time.monotonic() - self.taken >= self.seconds:
            self.take(f"{phase} {self.calls}")
            self.in_phase = self.last

    def take(self, label: str) -> None:
        current, peak = tracemalloc.get_traced_memory()
        print(f"{label:>16}: traced {current / MB:7.1f} MB (peak {peak / MB:7.1f})", flush=True)
        snapshot = tracemalloc.take_snapshot().filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__)])
        if self.first is None:
            self.first = snapshot
        self.last = snapshot
        self.taken = time.monotonic()

    def report(self, top: int) -> None:
        assert self.first is not None and self.last is not None
        for title, snapshot in (("between the first and the last batch", self.in_phase),
                                ("from the first batch to the end", self.last)):
            if snapshot is None:
                continue
            print(f"\nallocations grown most {title} (top {top}):")
            for stat in snapshot.compare_to(self.first, "traceback")[:top]:
                print(f"{stat.size_diff / MB:+8.2f} MB {stat.count_diff:+8d} blocks")
                for line in stat.traceback.format(limit=4, most_recent_first=True):
                    print(f"    {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--corpus-cache", type=Path,
                        help="keep the generated corpora here and reuse them")
    parser.add_argument("--trace", type=int, help="trace an import of this many messages")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--analysis", action="store_true",
                        help="with --trace: analyse in this process after the import")
    add_corpus_option(parser)
    args = parser.parse_args()
    if args.trace:
        trace(args.trace, args.top, args.analysis, args.corpus, args.corpus_cache)
    else:
        compare([int(s) for s in args.sizes.split(",")], args.corpus_cache, args.corpus)


if __name__ == "__main__":
    main()
