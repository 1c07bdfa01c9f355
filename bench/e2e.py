"""End-to-end import benchmark: our import against the naive pipeline, same run.

Writes the generated corpus (``bench/corpus.py``: ``--corpus repeated``, the default, the
sample archive and the shared list archives cycled with fresh ids; ``distinct``, every
copy after the first with its texts varied, as a real archive's would be; both,
``repeated,distinct``, measured one after the other in the same run) as an mbox of N
messages, then imports it, each run
in a fresh process and a fresh database, end to end (parse, store, thread, search
index, topics, entities, action items, closures):

- ``ours``: ``iscg-mailbot import`` as the command runs it: parse workers one batch
  ahead, analysis worker processes beside the import (services/analysis_pool.py);
- ``serial``: the same import, then the analysis in one process (before issue 17);
- ``naive``: one message at a time, one transaction each: parse it, store and thread
  it, extract its action items and closures, tag its thread; no worker processes.

into SQLite and, unless ``--sqlite-only``, PostgreSQL (a throw-away database created and
dropped on the server of ``--postgres``). For each run it prints msg/s, the CPU time of
the whole process tree (parse and analysis workers included, sampled from /proc every
0.1 s), cores used (CPU time / wall), peak RSS of the main process and of the whole
tree, the ratios to the naive run, and how many messages analysis read per message
stored ("analysed": above 1 when threads were analysed again as their mail kept coming). On a machine shared with other work the wall
time suffers first; the CPU time says what the work itself cost.

Usage: python bench/e2e.py [--messages 20000] [--naive-messages N] [--postgres URL]
       [--sqlite-only] [--runs serial,ours,naive] [--corpus repeated,distinct]
       [--corpus-cache DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import add_corpus_option, kinds

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def write_corpus(path: Path, count: int, cache: Path | None = None,
                 kind: str = "repeated") -> Path:
    """The generated corpus of that ``kind`` (bench/corpus.py): ``count`` messages as an
    mbox (copied from ``cache`` when it holds one of that kind and size: the corpus is
    deterministic and 100k take minutes to write)."""
    from bench.corpus import cache_name, write_mbox

    cached = cache / cache_name(count, kind) if cache else None
    if cached is not None and cached.exists():
        return cached
    if cached is None:
        return write_mbox(path, count, kind)
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(cached.name + ".partial")  # a run cut short leaves no corpus
    partial.unlink(missing_ok=True)
    write_mbox(partial, count, kind)
    partial.rename(cached)
    return cached


# --- one run, in its own process ------------------------------------------------------


def run_one(mode: str, url: str, archive: Path) -> dict[str, object]:
    """Import ``archive`` into the empty database ``url`` the ``mode`` way."""
    from iscg_mailbot.services.app import App
    from iscg_mailbot.settings.main import Settings

    app = App.open(Settings(database={"url": url}), check_schema=False)  # cwd: config/
    app.upgrade_schema()
    started = time.perf_counter()
    stored, analysed = {"ours": _ours, "serial": _serial, "naive": _naive}[mode](app, archive)
    wall = time.perf_counter() - started
    app.close()
    return {"stored": stored, "analysed": analysed, "wall": wall}


def _ours(app: object, archive: Path) -> tuple[int, int]:
    from iscg_mailbot.services import analysis_pool, ingest
    from iscg_mailbot.source.archive import count_messages

    assert hasattr(app, "settings")
    with analysis_pool.beside_ingest(app, app.settings.parse_processes_effective,  # type: ignore[arg-type]
                                     count_messages(archive)) as analysis:
        report = ingest.import_archive(app, archive)  # type: ignore[arg-type]
    assert analysis.report is not None
    return report.stored, analysis.report.messages


def _serial(app: object, archive: Path) -> tuple[int, int]:
    from iscg_mailbot.services import analysis, ingest

    report = ingest.import_archive(app, archive)  # type: ignore[arg-type]
    return report.stored, analysis.analyse_pending(app).messages  # type: ignore[arg-type]


def _naive(app: object, archive: Path) -> tuple[int, int]:
    """Per message, one transaction: parse, store, thread, index, extract its action
    items and closures, tag its thread (today's services, called message by message)."""
    from iscg_mailbot.services import actions, topics
    from iscg_mailbot.services.actions import extraction
    from iscg_mailbot.services.ingest import IngestReport, store_raw_batch
    from iscg_mailbot.source.archive import read_archive
    from iscg_mailbot.store.messages import ensure_list
    from iscg_mailbot.store.models import Message

    config = app.settings.lists[0]  # type: ignore[attr-defined]
    with app.session() as session:  # type: ignore[attr-defined]
        list_id = ensure_list(session, config.id, config.address, config.name).id
    report = IngestReport(source="naive")
    context = actions.load_context(app)  # type: ignore[arg-type]
    for batch in read_archive(archive, batch_size=1):
        with app.session() as session:  # type: ignore[attr-defined]
            new = store_raw_batch(session, list_id, batch.messages, report)
            extraction.analyse_messages(session, new, context, index=False)
            threads = {session.get(Message, pk).thread_id for pk in new}  # type: ignore[union-attr]
            topics.tag_threads_in_session(app, session, [t for t in threads if t])  # type: ignore[arg-type]
    return report.stored, report.stored


# --- the process tree, sampled from /proc ---------------------------------------------


@dataclass
class Tree:
    """CPU seconds and memory of a process and all its descendants."""

    cpu: dict[int, float]
    main_peak_rss: int = 0
    tree_peak_rss: int = 0

    def sample(self, root: int) -> None:
        children: dict[int, list[int]] = {}
        stats: dict[int, tuple[float, int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid, ppid = int(entry), int(fields[1])
            children.setdefault(ppid, []).append(pid)
            stats[pid] = ((int(fields[11]) + int(fields[12])) / TICKS, int(fields[21]) * PAGE)
        total_rss = 0
        stack = [root]
        while stack:
            pid = stack.pop()
            if pid in stats:
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), stats[pid][0])
                total_rss += stats[pid][1]
                if pid == root:
                    self.main_peak_rss = max(self.main_peak_rss, stats[pid][1])
            stack.extend(children.get(pid, []))
        self.tree_peak_rss = max(self.tree_peak_rss, total_rss)


def measure(mode: str, url: str, archive: Path) -> dict[str, object]:
    """Run one import in a child process; sample its tree until it ends."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--one", mode, "--db", url, "--mbox", str(archive)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    tree = Tree(cpu={})
    while child.poll() is None:
        tree.sample(child.pid)
        time.sleep(0.1)
    output = child.stdout.read() if child.stdout else ""
    if child.returncode != 0:
        raise SystemExit(f"{mode} run failed ({child.returncode})")
    result: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    result.update(cpu=sum(tree.cpu.values()), main_rss=tree.main_peak_rss,
                  tree_rss=tree.tree_peak_rss, mode=mode)
    return result


# --- databases ----------------------------------------------------------------------


def postgres_database(admin_url: str, create: bool, name: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if create:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def report(rows: list[dict[str, object]], database: str) -> None:
    naive = next((r for r in rows if r["mode"] == "naive"), None)
    print(f"\n{database}")
    print(f"{'run':8} {'messages':>8} {'wall s':>7} {'msg/s':>7} {'CPU s':>7} {'cores':>5} "
          f"{'RSS MB':>7} {'tree MB':>8} {'x naive':>8} {'analysed':>8}")
    for row in rows:
        wall, cpu = float(row["wall"]), float(row["cpu"])  # type: ignore[arg-type]
        rate = int(row["stored"]) / wall  # type: ignore[call-overload]
        ratio = ""
        if naive is not None and row is not naive:
            ratio = f"{rate / (int(naive['stored']) / float(naive['wall'])):.2f}"  # type: ignore[call-overload,arg-type]
        print(f"{row['mode']:8} {row['stored']:>8} {wall:7.1f} {rate:7.0f} {cpu:7.1f} "
              f"{cpu / wall:5.2f} {int(row['main_rss']) / 2**20:7.0f} "  # type: ignore[call-overload]
              f"{int(row['tree_rss']) / 2**20:8.0f} {ratio:>8} "  # type: ignore[call-overload]
              f"{int(row['analysed']) / int(row['stored']):8.2f}")  # type: ignore[call-overload]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--naive-messages", type=int, help="fewer messages for the naive run")
    parser.add_argument("--postgres", default=os.environ.get("ISCG_TEST_POSTGRES_URL",
                                                             DEFAULT_POSTGRES))
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--corpus-cache", type=Path,
                        help="keep the generated corpora here and reuse them")
    add_corpus_option(parser, several=True)
    parser.add_argument("--runs", default="serial,ours,naive")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--mbox", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.db, args.mbox)))
        return
    runs = args.runs.split(",")
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start; "
          f"{time.strftime('%Y-%m-%d %H:%M')}")
    with tempfile.TemporaryDirectory() as tmp:
        corpora: dict[str, tuple[Path, Path]] = {}
        for kind in kinds(args.corpus):
            corpus = write_corpus(Path(tmp) / f"corpus-{kind}.mbox", args.messages,
                                  args.corpus_cache, kind)
            naive_corpus = corpus
            if args.naive_messages and args.naive_messages < args.messages:
                naive_corpus = write_corpus(Path(tmp) / f"naive-{kind}.mbox",
                                            args.naive_messages, args.corpus_cache, kind)
            corpora[kind] = corpus, naive_corpus
        databases = ["sqlite"] + ([] if args.sqlite_only else ["postgresql"])
        for database in databases:
            for kind, (corpus, naive_corpus) in corpora.items():
                rows = []
                for mode in runs:
                    name = f"iscg_e2e_{uuid.uuid4().hex[:8]}"
                    url = (f"sqlite:///{tmp}/{name}.db" if database == "sqlite"
                           else postgres_database(args.postgres, True, name))
                    try:
                        rows.append(measure(mode, url,
                                            naive_corpus if mode == "naive" else corpus))
                    finally:
                        if database == "postgresql":
                            postgres_database(args.postgres, False, name)
                report(rows, f"{database}, {kind} corpus")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
