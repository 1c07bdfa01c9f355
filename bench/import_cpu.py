"""CPU a message of a serial import, stage by stage: this tree against a baseline revision.

Writes the generated corpus (``bench/e2e.py``'s, ``--corpus repeated|distinct``) as an
mbox of ``--messages`` messages;
then, for this tree and for ``--baseline`` (a git revision, unpacked with ``git
archive``), each in a fresh process and a fresh SQLite database, A/B interleaved
``--rounds`` times, imports it (parse workers as the import command runs them) and
analyses it in the importing process (``bench/e2e.py --runs serial``); with
``--postgres URL``, into a fresh PostgreSQL database on that server instead. It prints,
as medians in ms of CPU a message: the whole process tree (user + system, parse workers
included, sampled from /proc as ``bench/e2e.py`` does), the PostgreSQL server's
backends serving the import (0 on SQLite; the server must run on this machine), the importing process's start
(imports), its import (reading the archive, storing, threading, indexing: the parse
workers' CPU is in the tree's figure only), ``store_parsed_batch``, the whole analysis,
and its parts: ``extract_actions``, ``find_questions``, closures, ``texts_to_tag``,
``tag_texts``, ``save_tags``, ``save_extraction`` (closures included), the overlap
terms (``read_thread_terms``) and the meaning vectors (``fill_meaning`` and
``with_vectors``: the model's load and the embedding). The machine's other load slows
both sides alike; say the load average with the figures.

Usage: python bench/import_cpu.py [--baseline main] [--messages 4000] [--rounds 3]
       [--mbox FILE] (an mbox written before, instead of writing the corpus)
       [--corpus repeated|distinct] [--corpus-cache DIR]
       [--postgres URL [--database NAME]] [--import-only] [--first baseline|this]
       [--profile FILE] (only a cProfile of this tree's import)
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: The child writes a cProfile of its import here when set (``--profile``).
PROFILE = "ISCG_BENCH_IMPORT_PROFILE"
#: The child skips the analysis when set (``--import-only``).
IMPORT_ONLY = "ISCG_BENCH_IMPORT_ONLY"
#: The child sizes the analysis chunks by message count when set (``--fixed-budget``).
FIXED_BUDGET = "ISCG_BENCH_FIXED_BUDGET"
PARTS = ("store_parsed_batch", "extract_actions", "find_questions", "closures",
         "texts_to_tag", "tag_texts", "save_tags", "save_extraction", "overlap_terms",
         "meaning")


def child(tree: str, mbox: str, url: str = "") -> None:
    """Import and analyse ``mbox`` with the code of ``tree`` (into ``url``, a fresh
    SQLite database without it); print CPU seconds as JSON."""
    began = time.process_time()
    sys.path.insert(0, tree)
    os.chdir(tree)  # config/ of that tree
    from iscg_mailbot.services import analysis, ingest
    from iscg_mailbot.services.actions import extraction
    from iscg_mailbot.services.app import App
    from iscg_mailbot.services.topics import tagging
    from iscg_mailbot.settings.main import Settings

    spent = dict.fromkeys(PARTS, 0.0)

    def timed(module: Any, name: str, label: str) -> None:
        function = getattr(module, name, None)
        if function is None:  # a baseline older than this part: 0
            return

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start

        setattr(module, name, wrapper)

    for module, name, label in (
        (ingest, "store_parsed_batch", "store_parsed_batch"),
        (extraction, "extract_actions", "extract_actions"),
        (extraction, "find_questions", "find_questions"),
        (extraction, "find_closures", "closures"),  # before perf-r12
        (importlib.import_module("iscg_mailbot.services.actions.closures"), "scan",
         "closures"),  # since (found before the write lock, or again inside it)
        (extraction, "save_extraction", "save_extraction"),
        (tagging, "texts_to_tag", "texts_to_tag"),
        (tagging, "tag_texts", "tag_texts"),
        (tagging, "save_tags", "save_tags"),
        (getattr(analysis, "overlap_terms", None), "read_thread_terms", "overlap_terms"),
        (getattr(analysis, "overlap_meaning", None), "fill_meaning", "meaning"),
        (getattr(analysis, "overlap_meaning", None), "with_vectors", "meaning"),
    ):
        timed(module, name, label)
    # The analyser sizes its chunks by the wall time the last took: on a loaded machine
    # more, smaller chunks, whose per-chunk costs (tag_texts, overlap_terms) the stage
    # figures then hold (bench/analysis.py says more); counted, or fixed on request.
    chunks = [0]
    analyse_chunk = analysis.Analyser._analyse_chunk

    def counted(self: Any, claims: Any) -> None:
        chunks[0] += 1
        analyse_chunk(self, claims)

    analysis.Analyser._analyse_chunk = counted  # type: ignore[method-assign]
    if os.environ.get(FIXED_BUDGET):
        next_budget = analysis._next_budget
        analysis._next_budget = lambda budget, messages, elapsed, target: next_budget(
            budget, messages, messages * 0.001, target)
    with tempfile.TemporaryDirectory() as folder:
        app = App.open(Settings(database={"url": url or f"sqlite:///{folder}/bench.db"}),
                       check_schema=False)
        app.upgrade_schema()
        imported = time.process_time()
        profile = os.environ.get(PROFILE)
        if profile:  # the import only (the importing process: not the parse workers)
            import cProfile

            # CPU time, not the wall clock: with other jobs on the machine, the wall
            # clock times the waits for a core (and for the disk) as much as the code.
            profiler = cProfile.Profile(time.process_time)
            stored = profiler.runcall(ingest.import_archive, app, Path(mbox)).stored
            profiler.dump_stats(profile)
        else:
            stored = ingest.import_archive(app, Path(mbox)).stored
        analysed = time.process_time()
        if not (profile or os.environ.get(IMPORT_ONLY)):
            analysis.analyse_pending(app)
        done = time.process_time()
        app.close()
    print(json.dumps({"stored": stored, "start": imported - began,
                      "import": analysed - imported, "analysis": done - analysed, **spent,
                      "chunks": chunks[0]}))


def _backends(database: str) -> dict[int, float]:
    """CPU seconds of the PostgreSQL backends serving ``database`` (from /proc)."""
    from bench.e2e import TICKS

    found: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                command = handle.read().decode(errors="replace")
            if not command.startswith("postgres: ") or f" {database} " not in command:
                continue
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, ValueError):
            continue
        found[int(entry)] = (int(fields[11]) + int(fields[12])) / TICKS
    return found


def _run(tree: str, mbox: Path, postgres: str = "",
         database: str = "import_cpu_bench") -> dict[str, Any]:
    from bench.e2e import Tree, postgres_database

    url = postgres_database(postgres, True, database) if postgres else ""
    process = subprocess.Popen([sys.executable, __file__, "--child", tree, str(mbox), url],
                               stdout=subprocess.PIPE, text=True, cwd=tree)
    sampled = Tree(cpu={})
    server: dict[int, float] = {}
    while process.poll() is None:
        sampled.sample(process.pid)
        if url:
            for pid, seconds in _backends(database).items():
                server[pid] = max(server.get(pid, 0.0), seconds)
        time.sleep(0.1)
    output = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"the run of {tree} failed ({process.returncode})")
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    result["tree"] = sum(sampled.cpu.values())
    result["server"] = sum(server.values())
    if url:
        postgres_database(postgres, False, database)
    return result


def profile(args: argparse.Namespace) -> None:
    """One import of this tree under cProfile; the top 40 functions by own time."""
    import pstats

    sys.path.insert(0, str(ROOT))
    from bench.e2e import write_corpus

    with tempfile.TemporaryDirectory() as folder:
        mbox = args.mbox or write_corpus(Path(folder) / "corpus.mbox", args.messages,
                                             args.corpus_cache, args.corpus)
        os.environ[PROFILE] = str(args.profile.resolve())
        print(json.dumps(_run(str(ROOT), mbox, args.postgres, args.database)))
    stats = pstats.Stats(str(args.profile))
    stats.sort_stats("tottime").print_stats(40)
    stats.sort_stats("cumulative").print_stats(60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="git revision to compare")
    parser.add_argument("--messages", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mbox", type=Path, help="an mbox to import instead of the corpus")
    parser.add_argument("--postgres", default="", metavar="URL",
                        help="import into PostgreSQL (a database made on this server, "
                        "e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) and "
                        "count its backends' CPU too")
    parser.add_argument("--database", default="import_cpu_bench", metavar="NAME",
                        help="the PostgreSQL database to make (and drop) for each run: "
                        "a name of its own when other benches may run beside")
    parser.add_argument("--profile", type=Path, metavar="FILE",
                        help="only profile this tree's import (cProfile, the importing "
                        "process) into FILE and print its top functions")
    parser.add_argument("--import-only", action="store_true",
                        help="no analysis: only the import (parse workers, the importing "
                        "process and, with --postgres, the server)")
    parser.add_argument("--fixed-budget", action="store_true",
                        help="size the analysis chunks by message count (as if 1 ms a "
                        "message), not by wall time: the same chunks in both trees")
    parser.add_argument("--corpus-cache", type=Path,
                        help="keep the generated corpora here and reuse them")
    parser.add_argument("--first", choices=("baseline", "this"), default="baseline",
                        help="which tree runs first in each round (A/B order bias)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    sys.path.insert(0, str(ROOT))
    from bench.corpus import add_corpus_option

    add_corpus_option(parser)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.profile:
        profile(args)
        return
    if args.import_only:
        os.environ[IMPORT_ONLY] = "1"
    if args.fixed_budget:
        os.environ[FIXED_BUDGET] = "1"
    sys.path.insert(0, str(ROOT))
    from bench.e2e import write_corpus

    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start; "
          f"{time.strftime('%Y-%m-%d %H:%M')}; "
          f"{'the mbox given' if args.mbox else f'{args.corpus} corpus'}")
    with tempfile.TemporaryDirectory() as folder:
        mbox = args.mbox or write_corpus(Path(folder) / "corpus.mbox", args.messages,
                                             args.corpus_cache, args.corpus)
        base = Path(folder) / "baseline"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        trees = {"baseline": str(base), "this tree": str(ROOT)}
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
        order = list(trees.items())
        if args.first == "this":
            order.reverse()
        for _ in range(args.rounds):
            for name, tree in order:
                runs[name].append(_run(tree, mbox, args.postgres, args.database))
    messages = runs["this tree"][0]["stored"]
    print(f"{messages} messages; baseline {args.baseline}; {args.rounds} rounds A/B, "
          f"{args.first} first; ms of CPU a message, median")
    print(f"{'part':20} {'baseline':>9} {'this tree':>9}")
    for part in ("tree", "server", "start", "import", *PARTS[:1], "analysis", *PARTS[1:]):
        cells = [1000 * statistics.median(r[part] for r in runs[name]) / messages
                 for name in trees]
        print(f"{part:20} {cells[0]:9.3f} {cells[1]:9.3f}")
    chunks = [[r.get("chunks", 0) for r in runs[name]] for name in trees]
    print(f"{'analysis chunks':20} {chunks[0]!s:>9} {chunks[1]!s:>9}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
