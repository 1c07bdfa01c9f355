"""SQLite writers queueing in the kernel (store/write_gate.py) against SQLite's polling.

``--processes`` processes (an import's importing process and analysers: 3) each run
``--rounds`` rounds of: ``--outside`` ms of CPU work with no transaction, then a
transaction that takes the write lock (``store/work.write_first``), does ``--inside`` ms
of CPU work and writes a row. Run once with the gate and once without (SQLite's busy
timeout alone), alternating, ``--repeat`` times; prints each run's wall time and how
long the processes slept in all (neither on a CPU nor waiting for one: here, waiting
for the lock). With the lock busy most of the time, as in an import, a waiter that
polls finds it free ~50 ms late on average.

Usage: python bench/write_gate.py [--processes 3] [--rounds 40] [--outside 60]
       [--inside 40] [--repeat 2] [--sleep]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _spin(ms: float) -> None:
    """CPU work of ``ms`` milliseconds of this process's CPU time (or, with
    ``--sleep``, a sleep that long: the lock's hand-over alone, which the machine's
    load hardly moves)."""
    if _SLEEP:
        time.sleep(ms / 1000)
        return
    end = time.process_time() + ms / 1000
    while time.process_time() < end:
        pass


_SLEEP = False


def _schedstat() -> tuple[float, float]:
    with open("/proc/thread-self/schedstat", encoding="ascii") as handle:
        run, wait, _ = handle.read().split()
    return int(run) / 1e9, int(wait) / 1e9


def _writer(url: str, gate: bool, rounds: int, outside: float, inside: float,
            start: Any, results: Any, sleep: bool) -> None:
    global _SLEEP  # this process's, set once
    _SLEEP = sleep
    from sqlalchemy import text

    from iscg_mailbot.store import write_gate
    from iscg_mailbot.store.database import connect, session_scope
    from iscg_mailbot.store.work import write_first

    if not gate:
        write_gate.watch = lambda *_: None  # type: ignore[assignment]
    engine = connect(url, create=False)
    start.wait()
    began, (run0, wait0) = time.monotonic(), _schedstat()
    for n in range(rounds):
        _spin(outside)
        with session_scope(engine) as session:
            write_first(session)
            _spin(inside)
            session.execute(text("INSERT INTO t VALUES (:n)"), {"n": n})
    wall, (run, wait) = time.monotonic() - began, _schedstat()
    results.put((wall, wall - (run - run0) - (wait - wait0)))
    engine.dispose()


def one_run(gate: bool, args: argparse.Namespace) -> tuple[float, float]:
    from sqlalchemy import text

    from iscg_mailbot.store.database import connect

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/gate.db"
        engine = connect(url)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE analysis_work (thread_id INTEGER, "
                                    "holder TEXT, lease_until TEXT)"))
            connection.execute(text("CREATE TABLE t (x INTEGER)"))
        engine.dispose()
        context = multiprocessing.get_context("forkserver")
        start, results = context.Event(), context.Queue()
        workers = [context.Process(target=_writer, args=(url, gate, args.rounds, args.outside,
                                                         args.inside, start, results, args.sleep))
                   for _ in range(args.processes)]
        for worker in workers:
            worker.start()
        time.sleep(1.0)  # all connected
        start.set()
        outcomes = [results.get(timeout=600) for _ in workers]
        for worker in workers:
            worker.join()
    return max(w for w, _ in outcomes), sum(s for _, s in outcomes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--outside", type=float, default=60.0, help="ms of CPU a round")
    parser.add_argument("--inside", type=float, default=40.0, help="ms of CPU in the lock")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--sleep", action="store_true",
                        help="the work sleeps instead of using the CPU")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start; "
          f"{time.strftime('%Y-%m-%d %H:%M:%S')}; {args.processes} processes x {args.rounds} "
          f"rounds, {args.outside:g} ms outside, {args.inside:g} ms inside the lock"
          f"{', sleeping' if args.sleep else ''}")
    order = [True, False] * args.repeat
    for n in range(1, args.repeat, 2):  # both orders
        order[2 * n], order[2 * n + 1] = False, True
    for gate in order:
        wall, slept = one_run(gate, args)
        print(f"{'gate' if gate else 'polling':8} wall {wall:6.2f} s, slept {slept:6.2f} s "
              f"(load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
