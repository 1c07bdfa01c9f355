"""Start-up time of the command line, as whole processes, against ``python -c pass``.

Creates the demo database (``iscg-mailbot demo``) in a temporary folder, then runs each
command below as a fresh process, ``--runs`` times each (default 7, interleaved so that
a burst of load elsewhere on the machine hits every command alike), and prints the
median wall time and its ratio to ``python -c pass`` measured in the same run.
``topics explain`` is measured twice: with the tagger cache warm (built by an earlier
run) and cold (the cache directory emptied before each run).

Goals (issue 11): ``--help`` under 0.2 s and a query under 0.4 s on a 2-core machine.
Bounded: about 10 commands x 7 runs, a couple of minutes at most.

Usage: python bench/cli.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The installed console script, as a user runs it (else the module, for a bare checkout).
_SCRIPT = Path(sys.executable).parent / "iscg-mailbot"
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "iscg_mailbot"]
GOALS = {"iscg-mailbot --help": 0.2, "threads list": 0.4, "actions list": 0.4,
         "search": 0.4, "unknown --topic": 0.4}


def commands(thread: int) -> dict[str, list[str]]:
    """Label -> argv, the baselines first."""
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import click'": [sys.executable, "-c", "import click"],
        "iscg-mailbot --help": [*CLI, "--help"],
        "threads list": [*CLI, "threads", "list", "--limit", "10"],
        "actions list": [*CLI, "actions", "list", "--open", "--limit", "10"],
        "search": [*CLI, "search", "spectrum", "-draft", "--limit", "5"],
        "unknown --topic": [*CLI, "threads", "list", "--topic", "no-such-topic"],
        "topics explain (warm cache)": [*CLI, "topics", "explain", "--thread", str(thread)],
        "topics explain (cold cache)": [*CLI, "topics", "explain", "--thread", str(thread)],
    }


def run(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="iscg-bench-cli-") as tmp:
        work = Path(tmp)
        cache = work / "cache"
        env = {**os.environ, "ISCG_CONFIG": str(ROOT / "config"), "ISCG_CACHE_DIR": str(cache),
               "ISCG_DATABASE_URL": f"sqlite:///{work / 'demo.db'}", "COLUMNS": "120"}
        subprocess.run([*CLI, "demo", "--db", str(work / "demo.db")], env=env, cwd=work,
                       stdout=subprocess.DEVNULL, check=True)
        todo = commands(thread=5)
        # Warm-up: the operating system's file cache, and the tagger cache (warm runs).
        for argv in todo.values():
            run(argv, env, work)
        times: dict[str, list[float]] = {label: [] for label in todo}
        for _ in range(args.runs):
            for label, argv in todo.items():
                if label.endswith("(cold cache)"):
                    shutil.rmtree(cache, ignore_errors=True)
                times[label].append(run(argv, env, work))
                if label.endswith("(cold cache)"):
                    run(todo["topics explain (warm cache)"], env, work)  # leave it warm
    baseline = statistics.median(times["python -c pass"])
    print(f"{'command':32} {'median s':>9} {'x pass':>7}  goal")
    for label, values in times.items():
        median = statistics.median(values)
        goal = GOALS.get(label)
        verdict = "" if goal is None else f"< {goal:g} s {'ok' if median < goal else 'MISSED'}"
        print(f"{label:32} {median:9.3f} {median / baseline:7.1f}  {verdict}")
    print(f"({args.runs} runs each, {os.cpu_count()} CPUs, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
