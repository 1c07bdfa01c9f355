"""Where a parallel import leaves a core idle, and what its analysis does twice.

Runs ``bench/e2e.py``'s ``ours`` import (parse workers, analysis workers beside ingest)
of an mbox into a fresh SQLite (or, with ``--postgres``, PostgreSQL) database in a child
process, with the analysers' chunk log on (``services/analysis_trace.py``), and samples
every process of its tree from /proc every ``--interval`` seconds: CPU time (utime +
stime) and the scheduler's run and run-queue wait (``/proc/PID/schedstat``).

**Demand** is a process's run + wait over the wall time: the cores it wanted, whether or
not the machine gave them. On a machine shared with other sessions the CPU a process
gets swings with the neighbours, but its demand does not (a process that waits for the
database lock or for work sleeps, and that is not demand): demand under 2 on a 2-core
machine is an idle core our import leaves, whatever the load. The run prints demand by
role (importing process, parse workers, analysis workers) and by phase (start-up until
the first chunk is written; ingest; the tail after ingest), and from the chunk log:
messages analysed per message stored (every chunk's claim, kept or not), threads
analysed more than once, chunks dropped at the write, the time analysers spent idle,
claiming, reading and extracting, tagging and writing.

Usage: python bench/import_timeline.py --mbox /tmp/corpus/corpus-20000.mbox
       [--postgres URL] [--interval 0.1] [--bins 5] [--keep-log FILE]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.e2e import DEFAULT_POSTGRES, postgres_database

TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Sample:
    """One process at one moment: CPU seconds, scheduler run and wait seconds."""

    at: float
    cpu: float
    run: float
    wait: float


@dataclass
class Process:
    pid: int
    ppid: int
    command: str
    samples: list[Sample] = field(default_factory=list)


def _read(pid: int) -> tuple[int, float, float, float] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        with open(f"/proc/{pid}/schedstat", encoding="ascii") as handle:
            run, wait, _ = handle.read().split()
    except (OSError, ValueError):
        return None
    cpu = (int(fields[11]) + int(fields[12])) / TICKS
    return int(fields[1]), cpu, int(run) / 1e9, int(wait) / 1e9


def _command(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode(errors="replace")[:120]
    except OSError:
        return ""


def sample_tree(root: int, processes: dict[int, Process], started: float) -> None:
    """Add a sample of ``root`` and its descendants."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    children: dict[int, list[int]] = defaultdict(list)
    for pid, ppid in parents.items():
        children[ppid].append(pid)
    now = time.monotonic() - started
    stack = [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        read = _read(pid)
        if read is None:
            continue
        ppid, cpu, run, wait = read
        if pid not in processes:
            processes[pid] = Process(pid, ppid, _command(pid))
        processes[pid].samples.append(Sample(now, cpu, run, wait))


def roles(processes: dict[int, Process], root: int, analysers: set[int]) -> dict[int, str]:
    """importing (the root), analysis (a pid in the chunk log, or its forked parent's
    children), parse (the forkserver's other children), other (the forkserver, the
    resource tracker)."""
    named: dict[int, str] = {}
    servers = {pid for pid, process in processes.items()
               if process.ppid == root and "forkserver" in process.command}
    for pid, process in processes.items():
        if pid == root:
            named[pid] = "importing"
        elif pid in analysers or process.ppid in analysers:
            named[pid] = "analysis"
        elif process.ppid in servers:
            named[pid] = "parse"  # forked from the forkserver (cmdline as its own)
        else:
            named[pid] = "other"
    return named


def _delta(process: Process, start: float, end: float, attribute: str) -> float:
    """How much of ``attribute`` the process used between two moments (interpolated
    from the samples around them)."""
    def at(moment: float) -> float:
        samples = process.samples
        if moment <= samples[0].at:
            return 0.0 if process.samples[0].at > 0.2 else getattr(samples[0], attribute)
        for before, after in itertools.pairwise(samples):
            if before.at <= moment <= after.at:
                span = after.at - before.at
                share = (moment - before.at) / span if span else 1.0
                low, high = getattr(before, attribute), getattr(after, attribute)
                return low + (high - low) * share
        return getattr(samples[-1], attribute)
    return at(end) - at(start)


def summarise(processes: dict[int, Process], named: dict[int, str], wall: float,
              phases: dict[str, tuple[float, float]], bins: float) -> None:
    kinds = ["importing", "parse", "analysis", "other"]
    print("\ndemand (run + run-queue wait) and CPU got, in cores, by phase and role")
    print(f"{'phase':10} {'from':>6} {'to':>6} " + " ".join(f"{k:>10}" for k in kinds)
          + f" {'demand':>7} {'got':>6}")
    for phase, (start, end) in phases.items():
        span = max(end - start, 1e-9)
        demand = Counter[str]()
        got = 0.0
        for pid, process in processes.items():
            demand[named[pid]] += (_delta(process, start, end, "run")
                                   + _delta(process, start, end, "wait")) / span
            got += _delta(process, start, end, "run") / span
        print(f"{phase:10} {start:6.1f} {end:6.1f} "
              + " ".join(f"{demand[k]:10.2f}" for k in kinds)
              + f" {sum(demand.values()):7.2f} {got:6.2f}")
    print(f"\ntimeline, {bins:g} s bins: demand by role (importing / parse / analysis)")
    moment = 0.0
    while moment < wall:
        end = min(moment + bins, wall)
        demand = Counter[str]()
        for pid, process in processes.items():
            demand[named[pid]] += (_delta(process, moment, end, "run")
                                   + _delta(process, moment, end, "wait")) / (end - moment)
        total = sum(demand.values())
        bar = "#" * round(total * 10)
        print(f"{moment:6.1f} {demand['importing']:5.2f} {demand['parse']:5.2f} "
              f"{demand['analysis']:5.2f} = {total:4.2f} {bar}")
        moment = end


def chunk_report(lines: list[dict[str, object]], stored: int, started_mono: float) -> float:
    """Print what the chunk log says; return when the first chunk was written."""
    claimed = sum(sum(line["messages"]) for line in lines)  # type: ignore[arg-type]
    kept = sum(int(line["kept_messages"]) for line in lines)  # type: ignore[call-overload]
    times_claimed = Counter[int]()
    dropped_threads = 0
    for line in lines:
        times_claimed.update(line["threads"])  # type: ignore[arg-type]
        dropped_threads += len(line["threads"]) - len(line["kept"])  # type: ignore[arg-type]
    again = sum(1 for n in times_claimed.values() if n > 1)
    print(f"\nchunks {len(lines)}, threads {len(times_claimed)}, messages stored {stored}")
    print(f"messages analysed (every claim) {claimed}: {claimed / max(stored, 1):.3f} a message "
          f"stored; kept {kept} ({kept / max(stored, 1):.3f}); dropped at the write "
          f"{claimed - kept} messages of {dropped_threads} thread claims")
    print(f"threads analysed more than once: {again} "
          f"(claims per thread: {dict(sorted(Counter(times_claimed.values()).items()))})")
    by_pid: dict[int, list[dict[str, object]]] = defaultdict(list)
    for line in lines:
        by_pid[int(line["pid"])].append(line)  # type: ignore[call-overload]
    spans = ["claim", "read+extract", "tag+vectors", "lock", "write+closures", "between"]
    print("\nanalysers' time by span, seconds: wall / on a CPU / slept (neither on a CPU "
          "nor waiting for one: a lock, I/O, no work)")
    print(f"{'analyser':>9} {'chunks':>6} " + " ".join(f"{s:>20}" for s in spans))
    for pid, mine in sorted(by_pid.items()):
        totals = {name: [0.0, 0.0, 0.0] for name in spans}
        previous: list[float] | None = None
        for line in mine:
            moments = line["moments"]  # type: ignore[index]
            pairs = list(itertools.pairwise(moments))  # type: ignore[call-overload]
            if previous is not None:
                pairs.append((previous, moments[0]))  # type: ignore[index]
            for name, (before, after) in zip(spans, pairs, strict=False):
                wall = after[0] - before[0]
                run = after[1] - before[1]
                wait = after[2] - before[2]
                totals[name][0] += wall
                totals[name][1] += run
                totals[name][2] += wall - run - wait
            previous = moments[-1]  # type: ignore[index]
        print(f"{pid:>9} {len(mine):6} " + " ".join(
            f"{t[0]:6.1f}/{t[1]:6.1f}/{t[2]:6.1f}" for t in totals.values()))
    first = min(line["moments"][-1][0] for line in lines)  # type: ignore[index]
    return float(first) - started_mono  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mbox", type=Path, required=True)
    parser.add_argument("--postgres", nargs="?", const=DEFAULT_POSTGRES,
                        help="into PostgreSQL (this server) instead of SQLite")
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("--bins", type=float, default=5.0)
    parser.add_argument("--keep-log", type=Path, help="keep the chunk log here")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start; "
          f"{time.strftime('%Y-%m-%d %H:%M:%S')}")
    with tempfile.TemporaryDirectory() as tmp:
        name = f"iscg_tl_{uuid.uuid4().hex[:8]}"
        url = (postgres_database(args.postgres, True, name) if args.postgres
               else f"sqlite:///{tmp}/{name}.db")
        log = args.keep_log or Path(tmp) / "chunks.jsonl"
        log.unlink(missing_ok=True)
        environment = {**os.environ, "ISCG_BENCH_ANALYSIS_LOG": str(log)}
        processes: dict[int, Process] = {}
        started = time.monotonic()
        try:
            child = subprocess.Popen(
                [sys.executable, str(ROOT / "bench/e2e.py"), "--one", "ours", "--db", url,
                 "--mbox", str(args.mbox)],
                stdout=subprocess.PIPE, text=True, cwd=ROOT, env=environment)
            while child.poll() is None:
                sample_tree(child.pid, processes, started)
                time.sleep(args.interval)
            wall = time.monotonic() - started
            output = child.stdout.read() if child.stdout else ""
        finally:
            if args.postgres:
                postgres_database(args.postgres, False, name)
        if child.returncode != 0:
            raise SystemExit(f"import failed ({child.returncode})")
        result = json.loads(output.strip().splitlines()[-1])
        lines = [json.loads(line) for line in log.read_text().splitlines()]
    analysers = {int(line["pid"]) for line in lines}
    named = roles(processes, child.pid, analysers)
    first_written = chunk_report(lines, int(result["stored"]), started)
    parse_end = max((p.samples[-1].at for pid, p in processes.items()
                     if named[pid] == "parse"), default=wall)
    cpu = sum(p.samples[-1].cpu for p in processes.values())
    print(f"\nwall {wall:.1f} s, CPU {cpu:.1f} s of the tree, {cpu / wall:.2f} cores got; "
          f"first chunk written at {first_written:.1f} s, ingest (parse workers) ends at "
          f"{parse_end:.1f} s; load average {os.getloadavg()[0]:.1f} at the end")
    print("\nprocesses: role, CPU s, run s, run-queue wait s, lifetime s")
    for pid, process in sorted(processes.items()):
        first, last = process.samples[0], process.samples[-1]
        print(f"{pid:>8} {named[pid]:10} {last.cpu:7.1f} {last.run:7.1f} {last.wait:7.1f} "
              f"{last.at - first.at:7.1f}")
    phases = {"start-up": (0.0, first_written), "ingest": (first_written, parse_end),
              "tail": (parse_end, wall), "all": (0.0, wall)}
    summarise(processes, named, wall, phases, args.bins)


if __name__ == "__main__":
    main()
