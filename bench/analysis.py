"""Analysis CPU per message of a serial import: this tree against a baseline revision.

Writes the generated corpus (``bench/e2e.py``'s: the sample archive and the shared list
archives cycled with fresh Message-IDs; ``--corpus distinct``: each copy after the first
with its texts varied, bench/corpus.py) as an mbox of ``--messages`` messages; then, for
this tree and for ``--baseline`` (a git revision, unpacked with ``git archive``), each in
a fresh process and a fresh SQLite database, A/B interleaved ``--rounds`` times, imports
it and analyses it in the importing process (the ``serial`` import of ``bench/e2e.py``).
It prints the CPU seconds (``time.process_time`` of the process: the machine's other
load does not count) of each part of the analysis: action items (``extract_actions``),
questions (``find_questions``), closures (``services/actions/closures.py``), topic
tagging, the overlap terms (``read_thread_terms``), the meaning vectors
(``fill_meaning`` and ``with_vectors``: the model's load and the embedding), and the
whole analysis (which also loads the tagger and reads and writes the database);
medians, ms a message and the ratio to the baseline. Each run dumps the action items,
shares, topics, entities and overlap terms with their meaning vectors by Message-ID,
and the dumps of both trees must be identical (the closing dates and items;
``tagged_at`` left out). It also prints the parts on the corpus's first copy (every text
new to the process) and on its later copies (the same texts again, the caches of words
and tokens warm): the repeated corpus repeats its ~1,300 texts, which a real archive does
not; on the distinct corpus the later copies say the same in other words.

Usage: python bench/analysis.py [--baseline add70e1] [--messages 2000] [--rounds 3]
       [--corpus repeated|distinct] [--corpus-cache DIR]
       [--profile FILE] (one cProfile of this tree's analysis instead)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BASELINE = "add70e1"  # before the substring gates (issue 17, second round)
PARTS = ("extract_actions", "find_questions", "closures", "tag_texts", "overlap_terms",
         "meaning")


#: Seconds of wall time a message is taken to cost when ``--fixed-budget`` sizes the chunks.
FIXED_SECONDS = 0.001


def child(tree: str, mbox: str, dump: str, profile: str | None, fixed: bool = False) -> None:
    """Import ``mbox`` with the code of ``tree``; print the CPU of each part as JSON.

    The analyser sizes its chunks by the WALL time the last one took, so on a loaded
    machine a run gets more, smaller chunks (and pays the per-chunk costs of tag_texts
    and overlap_terms more often) than a run on a quiet one: ``chunks`` counts them.
    ``fixed`` sizes them as if every message took :data:`FIXED_SECONDS`, the same in
    both trees whatever the load."""
    sys.path.insert(0, tree)
    os.chdir(tree)  # config/ of that tree
    import cProfile

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
            began = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - began

        setattr(module, name, wrapper)

    chunks = [0]
    analyse_chunk = analysis.Analyser._analyse_chunk
    # Each chunk's threads, messages, CPU and parts' CPU, for the copies' split below.
    each: list[tuple[dict[int, int], float, dict[str, float]]] = []

    def counted(self: Any, claims: Any) -> None:
        chunks[0] += 1
        before, began = dict(spent), time.process_time()
        analyse_chunk(self, claims)
        each.append(({c.thread_id: c.messages for c in claims}, time.process_time() - began,
                      {k: spent[k] - before[k] for k in spent}))

    analysis.Analyser._analyse_chunk = counted
    if fixed:
        next_budget = analysis._next_budget
        analysis._next_budget = lambda budget, messages, elapsed, target: next_budget(
            budget, messages, messages * FIXED_SECONDS, target)
    timed(extraction, "extract_actions", "extract_actions")
    timed(extraction, "find_questions", "find_questions")
    timed(extraction, "find_closures", "closures")
    # Since perf-r12 the closures are found ahead, in the read transaction, and checked
    # (or found again) at the write: both are the closures' part.
    timed(extraction, "closures_ahead", "closures")
    timed(extraction, "_closures", "closures")
    timed(tagging, "tag_texts", "tag_texts")
    for module_name, name, label in (("overlap_terms", "read_thread_terms", "overlap_terms"),
                                     ("overlap_meaning", "fill_meaning", "meaning"),
                                     ("overlap_meaning", "with_vectors", "meaning")):
        timed(getattr(analysis, module_name, None), name, label)
    with tempfile.TemporaryDirectory() as folder:
        app = App.open(
            Settings(database={"url": f"sqlite:///{folder}/bench.db"}), check_schema=False
        )
        app.upgrade_schema()
        stored = ingest.import_archive(app, Path(mbox)).stored
        profiler = cProfile.Profile(time.process_time) if profile else None
        began = time.process_time()
        if profiler is not None:
            profiler.enable()
        analysed = analysis.analyse_pending(app).messages
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile)
        whole = time.process_time() - began
        Path(dump).write_text(json.dumps(_dump(app), sort_keys=True), "utf-8")
        copies = _by_copy(app, each)
        threads = _threads_by_copy(app)
        app.close()
    print(json.dumps({"stored": stored, "analysed": analysed, "analysis": whole, **spent,
                      "chunks": chunks[0], "copies": copies, "threads": threads}))


#: A Message-ID of the second copy of the corpus's messages (bench/ingest.variant).
_SECOND_COPY = re.compile(r"<?c1\.")


def _by_copy(app: Any, each: list[tuple[dict[int, int], float, dict[str, float]]]
             ) -> dict[str, dict[str, float]]:
    """The CPU of the chunks of the corpus's first copy (every text new to the process:
    its caches of words, chunks and rule sets cold) and of those of later copies (the
    same texts again), summed per part with their messages: a chunk counts for the copy
    holding nine tenths of its messages or more (chunks of both are left out)."""
    from sqlalchemy import text

    with app.session() as session:
        rows = session.execute(text("SELECT id, thread_id, message_id FROM messages")).all()
    # Stored in the corpus's order: the first copy ends before the second's first message
    # (a message of no Message-ID has one made up, in no copy's form).
    end = min((pk for pk, _, key in rows if _SECOND_COPY.match(key or "")), default=None)
    later = {tid for pk, tid, _ in rows if end is not None and pk >= end}
    found: dict[str, dict[str, float]] = {}
    for threads, seconds, parts in each:
        messages = sum(threads.values())
        share = sum(n for thread, n in threads.items() if thread in later) / messages
        if 0.1 < share < 0.9:
            continue
        into = found.setdefault("later" if share >= 0.9 else "first", {"messages": 0.0})
        into["messages"] += messages
        for name, value in (("analysis", seconds), *parts.items()):
            into[name] = into.get(name, 0.0) + value
    return found


def _threads_by_copy(app: Any) -> dict[str, int]:
    """Threads of the corpus's first copy and of its later ones (by the Message-ID of
    the thread's first message: bench/ingest.variant's ``c<N>.``)."""
    from sqlalchemy import text

    with app.session() as session:
        firsts = session.execute(
            text("SELECT min(message_id) FROM messages GROUP BY thread_id")).scalars().all()
    later = sum(1 for key in firsts if re.match(r"<?c\d+\.", key or ""))
    return {"first": len(firsts) - later, "later": later}


def _dump(app: Any) -> dict[str, Any]:
    """Items, shares, topics, entities and overlap terms, keyed by Message-ID (not by
    row ids)."""
    from sqlalchemy import text

    with app.session() as session:
        ids = dict(session.execute(text("SELECT id, message_id FROM messages")).all())
        threads = dict(
            session.execute(
                text("SELECT thread_id, min(message_id) FROM messages GROUP BY thread_id")
            ).all()
        )
        items, where = [], {}
        for row in session.execute(
            text(
                "SELECT id, message_pk, kind, status, sentence, span_start, span_end, owner, "
                "owner_kind, due, due_text, due_meeting, confidence, rule, "
                "closed_by_message_pk, closed_at, closing_sentence FROM action_items"
            )
        ).mappings():
            item = {k: str(v) for k, v in row.items() if k != "id"}
            item["message_pk"] = ids[row["message_pk"]]
            item["closed_by_message_pk"] = str(ids.get(row["closed_by_message_pk"]))
            where[row["id"]] = (item["message_pk"], row["span_start"])
            items.append(item)
        shares = [
            [*where[r[0]], r[1], str(ids.get(r[2])), str(r[3]), r[4]]
            for r in session.execute(
                text(
                    "SELECT item_id, owner, closed_by_message_pk, closed_at, closing_sentence "
                    "FROM action_item_shares"
                )
            )
        ]
        topics = [
            {
                k: str(v)
                for k, v in r.items()
                if k not in ("id", "thread_id", "created_at", "updated_at", "tagged_at")
            }
            | {"thread": threads.get(r["thread_id"])}
            for r in session.execute(text("SELECT * FROM thread_topics")).mappings()
        ]
        entities = [
            {k: str(v) for k, v in r.items() if k not in ("id", "thread_id")}
            | {"thread": threads.get(r["thread_id"])}
            for r in session.execute(text("SELECT * FROM thread_entities")).mappings()
        ]
        overlaps = _overlap_rows(session, ids, threads)
    return {
        name: sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
        for name, rows in (
            ("items", items),
            ("shares", shares),
            ("topics", topics),
            ("entities", entities),
            ("overlap terms", overlaps),
        )
    }


def _overlap_rows(session: Any, ids: dict[int, str], threads: dict[int, str]) -> list[Any]:
    """The stored overlap terms and meaning vectors (bytes as hex), by Message-ID; none
    for a tree before them."""
    from sqlalchemy import inspect, text

    if not inspect(session.connection()).has_table("thread_overlap_terms"):
        return []
    rows = []
    for r in session.execute(text("SELECT * FROM thread_overlap_terms")).mappings():
        row = {k: v.hex() if isinstance(v, bytes) else str(v) for k, v in r.items()
               if k not in ("thread_id", "message_ids")}
        row["thread"] = threads.get(r["thread_id"])
        row["messages"] = [ids[int(pk)] for pk in r["message_ids"].split()]
        rows.append(row)
    return rows


def _run(tree: str, mbox: Path, dump: Path, profile: str | None = None,
         fixed: bool = False) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", tree, str(mbox), str(dump), profile or "",
         "fixed" if fixed else ""],
        check=True,
        capture_output=True,
        text=True,
        cwd=tree,
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git revision to compare")
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", help="write a cProfile of this tree's analysis here")
    parser.add_argument("--fixed-budget", action="store_true",
                        help="size the analysis chunks by message count, not wall time "
                             "(the same chunks in both trees whatever the load)")
    parser.add_argument("--first", choices=("baseline", "this"), default="baseline",
                        help="which tree runs first in each round (A/B order bias)")
    parser.add_argument("--corpus-cache", type=Path,
                        help="keep the generated corpora here and reuse them")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    sys.path.insert(0, str(ROOT))
    from bench.corpus import add_corpus_option

    add_corpus_option(parser)
    args = parser.parse_args()
    if args.child:
        tree, mbox, dump, profile, fixed = args.child
        child(tree, mbox, dump, profile or None, fixed == "fixed")
        return
    from bench.e2e import write_corpus

    print(
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start; "
        f"{time.strftime('%Y-%m-%d %H:%M')}; {args.corpus} corpus"
    )
    with tempfile.TemporaryDirectory() as folder:
        mbox = write_corpus(Path(folder) / "corpus.mbox", args.messages, args.corpus_cache,
                            args.corpus)
        if args.profile:
            result = _run(str(ROOT), mbox, Path(folder) / "dump.json", args.profile,
                          args.fixed_budget)
            print(json.dumps(result))
            return
        base = Path(folder) / "baseline"
        base.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.baseline], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        trees = {"baseline": str(base), "this tree": str(ROOT)}
        order = list(trees.items()) if args.first == "baseline" else list(trees.items())[::-1]
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
        dumps: dict[str, set[str]] = {name: set() for name in trees}
        for _ in range(args.rounds):
            for name, tree in order:
                dump = Path(folder) / "dump.json"
                runs[name].append(_run(tree, mbox, dump, fixed=args.fixed_budget))
                dumps[name].add(dump.read_text("utf-8"))
        messages = runs["this tree"][0]["analysed"]
    print(
        f"{messages} messages analysed; baseline {args.baseline}; {args.rounds} rounds A/B; "
        f"CPU seconds, median (ms a message); {args.first} first; chunks "
        f"{'by message count' if args.fixed_budget else 'by wall time'}"
    )
    print(f"{'part':20} {'baseline':>16} {'this tree':>16} {'ratio':>6}")
    for part in (*PARTS, "extraction+closures", "analysis"):
        medians = []
        for name in trees:
            values = [
                sum(r[p] for p in ("extract_actions", "find_questions", "closures"))
                if part == "extraction+closures"
                else r[part]
                for r in runs[name]
            ]
            medians.append(statistics.median(values))
        cells = [f"{m:7.2f} ({1000 * m / messages:5.2f})" for m in medians]
        ratio = f"{medians[0] / medians[1]:5.2f}x" if medians[1] else "    -"
        print(f"{part:20} {cells[0]:>16} {cells[1]:>16} {ratio}")
    chunks = [sorted(r.get("chunks", 0) for r in runs[name]) for name in trees]
    print(f"{'chunks (each run)':20} {chunks[0]!s:>16} {chunks[1]!s:>16}")
    _print_copies(runs, trees)
    same = len(dumps["baseline"]) == 1 and dumps["baseline"] == dumps["this tree"]
    print(
        f"load average {os.getloadavg()[0]:.1f} at the end; same items, closures, shares, "
        f"topics, entities, overlap terms and meaning vectors: {'yes' if same else 'NO'}"
    )
    if not same:
        sys.exit(1)


def _print_copies(runs: dict[str, list[dict[str, Any]]], trees: dict[str, str]) -> None:
    """ms a message of each part on the corpus's first copy (every text new) and on its
    later copies (the same texts again: the caches of words and chunks warm), medians:
    the corpus repeats its ~1,300 texts, which a real archive does not."""
    for copy in ("first", "later"):
        print(f"{copy} copy, ms a message:")
        for name in trees:
            found = [r["copies"][copy] for r in runs[name] if copy in r.get("copies", {})]
            if not found:
                continue
            parts = " ".join(
                f"{part[:8]} {statistics.median(1000 * f.get(part, 0.0) / f['messages'] for f in found):.3f}"
                for part in ("analysis", *PARTS[:5]))
            print(f"  {name:10} {int(statistics.median(f['messages'] for f in found)):6d} "
                  f"messages: {parts}")


if __name__ == "__main__":
    main()
