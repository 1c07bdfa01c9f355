"""Start-up time of the command line, as whole processes, against ``python -c pass``.

Creates the demo database (``iscg-mailbot demo``) in a temporary folder, then runs each
command below as a fresh process, ``--runs`` times each (default 7, interleaved so that
a burst of load elsewhere on the machine hits every command alike), and prints the
median wall time, its ratio to ``python -c pass`` measured in the same run, and the
median CPU time (user + system) of the process, which other jobs on a shared machine
disturb less than the wall time.
``topics explain`` is measured twice: with the tagger cache warm (built by an earlier
run) and cold (the cache directory emptied before each run).

Goals (issue 11): ``--help`` under 0.2 s and a query under 0.4 s on a 2-core machine.
The "floor" rows import what any query needs (Click, SQLAlchemy's ORM, pydantic, rich)
and do nothing else: no command that reads the database can be faster than that.
Bounded: about 15 commands x 7 runs, a few minutes at most.

Usage: python bench/cli.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
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
GOALS = {"iscg-mailbot --help": 0.2, "threads list": 0.4, "threads list --open": 0.4,
         "actions list --open": 0.4, "actions list --overdue": 0.4, "search": 0.4,
         "unknown --topic": 0.4}


def commands(thread: int, work: Path) -> dict[str, list[str]]:
    """Label -> argv, the baselines first (``work``: where a preview may be written)."""
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import click'": [sys.executable, "-c", "import click"],
        # The floor of any query: the libraries the required stack needs to read the
        # database and print a table, imported and nothing else done.
        "python -c 'import sqlalchemy'": [sys.executable, "-c", "import sqlalchemy"],
        "floor: click+sqlalchemy.orm+pydantic+rich": [
            sys.executable, "-c", "import click, sqlalchemy.orm, pydantic, rich.table"],
        # `import pydantic` imports little until a model is declared: with one model, the
        # floor includes the schema machinery that validating the settings needs.
        "floor + one pydantic model": [
            sys.executable, "-c", ("import click, sqlalchemy.orm, pydantic, rich.table\n"
                                   "class M(pydantic.BaseModel):\n    a: int = 0")],
        "iscg-mailbot --help": [*CLI, "--help"],
        "threads list": [*CLI, "threads", "list", "--limit", "10"],
        "threads list --open": [*CLI, "threads", "list", "--open", "--limit", "10"],
        "actions list --open": [*CLI, "actions", "list", "--open", "--limit", "10"],
        "actions list --overdue": [*CLI, "actions", "list", "--overdue", "--limit", "10"],
        "search": [*CLI, "search", "spectrum", "-draft", "--limit", "5"],
        "unknown --topic": [*CLI, "threads", "list", "--topic", "no-such-topic"],
        "digest preview": [*CLI, "digest", "preview", "--out", str(work / "preview.html")],
        "topics explain (warm cache)": [*CLI, "topics", "explain", "--thread", str(thread)],
        "topics explain (cold cache)": [*CLI, "topics", "explain", "--thread", str(thread)],
    }


def run(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="iscg-bench-cli-") as tmp:
        work = Path(tmp)
        cache = work / "cache"
        # Bytecode is cached as on a user's machine (an installed wheel has it compiled;
        # a checkout writes it on the first run) even where the environment turns the
        # cache off, which would charge every run for compiling the package again.
        env = {key: value for key, value in os.environ.items()
               if key != "PYTHONDONTWRITEBYTECODE"}
        env = {**env, "ISCG_CONFIG": str(ROOT / "config"), "ISCG_CACHE_DIR": str(cache),
               "ISCG_DATABASE_URL": f"sqlite:///{work / 'demo.db'}", "COLUMNS": "120"}
        subprocess.run([*CLI, "demo", "--db", str(work / "demo.db")], env=env, cwd=work,
                       stdout=subprocess.DEVNULL, check=True)
        todo = commands(thread=5, work=work)
        # Warm-up: the operating system's file cache, and the tagger cache (warm runs).
        for argv in todo.values():
            run(argv, env, work)
        times: dict[str, list[tuple[float, float]]] = {label: [] for label in todo}
        for _ in range(args.runs):
            for label, argv in todo.items():
                if label.endswith("(cold cache)"):
                    shutil.rmtree(cache, ignore_errors=True)
                times[label].append(run(argv, env, work))
                if label.endswith("(cold cache)"):
                    run(todo["topics explain (warm cache)"], env, work)  # leave it warm
    baseline = statistics.median(wall for wall, _ in times["python -c pass"])
    print(f"{'command':44} {'wall s':>7} {'x pass':>7} {'CPU s':>7}  goal (wall)")
    for label, values in times.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        goal = GOALS.get(label)
        verdict = "" if goal is None else f"< {goal:g} s {'ok' if wall < goal else 'MISSED'}"
        print(f"{label:44} {wall:7.3f} {wall / baseline:7.1f} {cpu:7.3f}  {verdict}")
    print(f"({args.runs} runs each, medians; {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}). CPU time is less "
          "sensitive than wall time to other jobs on the machine.")


if __name__ == "__main__":
    main()
