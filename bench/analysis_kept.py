"""Analysis CPU per message on a kept database: this tree against a baseline revision.

``bench/analysis.py`` imports the corpus before each run; this one imports it once (with
this tree, no analysis) into a kept SQLite database (``--keep DIR``: reused when it
holds one of that size), then, for this tree and for ``--baseline`` (a git revision
unpacked with ``git archive``, or ``--baseline-tree DIR``), each in a fresh process on
a fresh copy of that database, A/B interleaved ``--rounds`` times, loads what an
analysis worker has loaded (``analysis_pool.preload``: the tagger, the word tables, the
meaning model) and times the analysis alone (``analyse_pending`` in that process: the
worker's path, meaning vectors included) in CPU seconds (``time.process_time``: the
machine's other load does not count, though it still slows a process). Each run dumps
what analysis stores (``bench/analysis.py``'s dump: items, shares, topics, entities,
overlap terms and vectors, by Message-ID), and the dumps must be identical.

``--py-spy FILE`` samples this tree's analysis once instead (py-spy must be installed
in the environment; raw collapsed stacks, the analysis' share by function printed).

``--mbox FILE`` analyses that archive instead of the corpus (the sample archive...);
``--postgres ADMIN_URL`` analyses in PostgreSQL instead (a database ``bench_analysis_PID``
on that server, dropped and imported again by this tree before each run).

Usage: python bench/analysis_kept.py --keep DIR [--messages 4000] [--baseline main]
       [--rounds 3] [--py-spy FILE] [--mbox FILE] [--postgres URL]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _url(db: str) -> str:
    return db if db.startswith("postgresql") else f"sqlite:///{db}"


def prepare(db: str, mbox: Path) -> None:
    """Import ``mbox`` into a new database ``db`` (a SQLite file or a PostgreSQL URL; no
    analysis)."""
    from iscg_mailbot.services import ingest
    from iscg_mailbot.services.app import App
    from iscg_mailbot.settings.main import Settings

    os.chdir(ROOT)
    app = App.open(Settings(database={"url": _url(db)}), check_schema=False)
    app.upgrade_schema()
    ingest.import_archive(app, mbox)
    app.close()


def child(tree: str, db: str, dump: str) -> None:
    """Analyse the database ``db`` with the code of ``tree``; print CPU seconds as JSON."""
    sys.path.insert(0, tree)
    os.chdir(tree)  # config/ of that tree
    sys.path.insert(1, str(ROOT))
    from bench.analysis import _dump
    from iscg_mailbot.services import analysis, analysis_pool
    from iscg_mailbot.services.app import App
    from iscg_mailbot.settings.main import Settings

    app = App.open(Settings(database={"url": _url(db)}), check_schema=False)
    analysis_pool.preload(app)
    if hasattr(analysis_pool, "quiet_collector"):  # as a worker does after preloading
        analysis_pool.quiet_collector()
    began = time.process_time()
    report = analysis.analyse_pending(app)
    spent = time.process_time() - began
    Path(dump).write_text(json.dumps(_dump(app), sort_keys=True), "utf-8")
    app.close()
    print(json.dumps({"analysed": report.messages, "analysis": spent,
                      "transactions": report.transactions}))


def _run(tree: str, kept: Path, folder: Path, spy: str | None = None,
         postgres: str | None = None) -> tuple[dict[str, Any], str]:
    db, dump = str(folder / "run.db"), folder / "dump.json"
    if postgres:  # a fresh database, the archive imported again (by this tree)
        db = _fresh_postgres(postgres)
        subprocess.run([sys.executable, __file__, "--prepare", db, str(kept)], check=True,
                       cwd=ROOT)
    else:
        for suffix in ("-wal", "-shm"):  # a run's leftovers would apply to the new copy
            Path(db + suffix).unlink(missing_ok=True)
        shutil.copyfile(kept, db)
    command = [sys.executable, __file__, "--child", tree, db, str(dump)]
    if spy:
        command = [str(Path(sys.executable).with_name("py-spy")), "record", "--format", "raw",
                   "--rate", "250", "--output", spy, "--", *command]
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=tree).stdout
    result: dict[str, Any] = json.loads(
        [line for line in out.strip().splitlines() if line.startswith("{")][-1])
    return result, dump.read_text("utf-8")


def _fresh_postgres(admin: str, create: bool = True) -> str:
    """The URL of an empty database ``bench_analysis_PID`` beside ``admin``'s (dropped
    first; only dropped without ``create``)."""
    sys.path.insert(0, str(ROOT))
    from bench.e2e import postgres_database

    return postgres_database(admin, create, f"bench_analysis_{os.getpid()}")


def shares(spy: Path, root: str = "analyse_pending", top: int = 40) -> None:
    """Print, of the samples under ``root``, the share of each function on the stack
    (inclusive), at its top (self), and of SQLAlchemy by the function of ours that
    called it."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    callers: Counter[str] = Counter()
    total = 0
    for line in spy.read_text("utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        names = [_frame(f) for f in stack.split(";")]
        at = next((i for i, n in enumerate(names) if n.split(" (")[0].endswith(root)), None)
        if at is None:
            continue
        n = int(count)
        total += n
        for name in set(names[at:]):
            inclusive[name] += n
        own[names[-1]] += n
        first = next((i for i, n in enumerate(names) if "(sqlalchemy/" in n), None)
        if first is not None:
            ours = [n for n in names[:first] if "(iscg_mailbot/" in n]
            callers[ours[-1] if ours else "?"] += n
    print(f"{total} samples under {root}")
    for title, counter in (("inclusive", inclusive), ("self", own),
                           ("SQLAlchemy, by caller", callers)):
        print(f"-- {title}")
        for name, n in counter.most_common(top):
            print(f"{100 * n / total:5.1f}%  {name}")


def _frame(frame: str) -> str:
    """"function (path/file.py:line)" without the line."""
    return frame.rsplit(":", 1)[0] + ")" if ":" in frame else frame


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, default=Path("bench-kept"))
    parser.add_argument("--messages", type=int, default=4000)
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--baseline-tree")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--py-spy", dest="spy")
    parser.add_argument("--mbox", type=Path, help="import this mbox instead of the corpus")
    parser.add_argument("--postgres", help="analyse in PostgreSQL (this admin URL's server: "
                        "a database bench_analysis_PID, imported again before each run)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.prepare:
        prepare(args.prepare[0], Path(args.prepare[1]))
        return
    kept = _kept(args)
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start; "
          f"{time.strftime('%Y-%m-%d %H:%M')}", flush=True)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if args.spy:
            if not Path(args.spy).exists():
                result, _ = _run(str(ROOT), kept, folder, args.spy)
                print(json.dumps(result))
            shares(Path(args.spy))
            return
        try:
            _compare(args, kept, folder)
        finally:
            if args.postgres:
                _fresh_postgres(args.postgres, create=False)


def _kept(args: argparse.Namespace) -> Path:
    """The kept SQLite database (imported now if missing), or the mbox for PostgreSQL."""
    sys.path.insert(0, str(ROOT))
    from bench.e2e import write_corpus

    args.keep.mkdir(parents=True, exist_ok=True)
    if args.mbox:
        mbox = args.mbox
        kept = args.keep / f"analysis-{mbox.stem}.db"
    else:
        mbox = write_corpus(args.keep / "corpus.mbox", args.messages, args.keep)
        kept = args.keep / f"analysis-{args.messages}.db"
    if not kept.exists():
        prepare(str(kept), mbox)
    return mbox if args.postgres else kept  # PostgreSQL: imported again before each run


def _compare(args: argparse.Namespace, kept: Path, folder: Path) -> None:
    """The baseline and this tree in turn; medians; the stored rows compared."""
    base = args.baseline_tree
    if base is None:
        base = str(folder / "baseline")
        Path(base).mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", base], input=archive, check=True)
    trees = {"baseline": base, "this tree": str(ROOT)}
    runs: dict[str, list[float]] = {n: [] for n in trees}
    dumps: dict[str, set[str]] = {n: set() for n in trees}
    messages = 0
    for _ in range(args.rounds):
        for name, tree in trees.items():
            result, dump = _run(tree, kept, folder, postgres=args.postgres)
            runs[name].append(result["analysis"])
            dumps[name].add(dump)
            messages = result["analysed"]
            print(f"{name}: {result['analysis']:.2f} s, load "
                  f"{os.getloadavg()[0]:.1f}", flush=True)
    medians = [statistics.median(runs[n]) for n in trees]
    print(f"{messages} messages analysed; CPU s median (ms a message): baseline "
          f"{medians[0]:.2f} ({1000 * medians[0] / messages:.2f}), this tree "
          f"{medians[1]:.2f} ({1000 * medians[1] / messages:.2f}), "
          f"{medians[0] / medians[1]:.2f}x; least: baseline {min(runs['baseline']):.2f}, "
          f"this tree {min(runs['this tree']):.2f}")
    same = len(dumps["baseline"]) == 1 and dumps["baseline"] == dumps["this tree"]
    print(f"load average {os.getloadavg()[0]:.1f} at the end; same stored rows: "
          f"{'yes' if same else 'NO'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
