"""Tagging throughput against the bare spaCy tokenizer, on the same texts, in one run.

    python bench/tagging.py [--min-messages 6000] [--batch-size 256] [--source auto|mbox|eval]
                            [--entity-ruler]

Texts: the threads of the shipped sample archive ``iscg_mailbot/data/sample-iscg.mbox``
(subject once, then the new text of each message: quotes and signatures removed), or
the labelled evaluation threads when the archive is missing; repeated until there are
at least ``--min-messages`` messages. Both sides process exactly the same strings;
throughput is counted in messages.

Prints messages/s of ``nlp.tokenizer.pipe`` (the baseline, twice: see below) and of
``TopicTagger.tag_threads`` (flattening, tokenizer with lemma keys as NORM, the shared
PhraseMatcher, ITU entities, scoring and evidence records), their ratio (goal: >= 0.50),
and memory: the peak of Python allocations while tagging (tracemalloc, measured in a
separate pass since tracing slows the program) and the process's peak resident size.
The tokenizer's cache of word chunks decides much of both figures: spaCy stores a chunk
only if no special case (a line break, "cannot", "5G") came before it in the same Doc.
The tagger fills that cache chunk by chunk (``analyse/nlp_chunks.py``), so that every
chunk is split once. The baseline is timed twice: with a tokenizer of its own (spaCy's
tokenizer as it behaves alone, its cache filled by its own runs: the first ratio) and
with the tagger's tokenizer, sharing the cache the tagger filled (the bare tokenizer
with a full cache: the second ratio). Each side is warmed up once and the sides then
alternate.

``--entity-ruler`` also times spaCy's ``entity_ruler`` component (added with
``nlp.add_pipe``, the patterns of ``analyse.entities``: phrases on ORTH in their usual
case variants, token patterns as they are) against the tagger's ``EntityFinder`` on the
same Docs, and the tagger's ratio with the ruler in its place.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from iscg_mailbot.analyse.entities import entity_patterns
from iscg_mailbot.analyse.nlp import EntityFinder, build_pipeline, flatten_whitespace
from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import ThreadText
from iscg_mailbot.settings.itu_bodies import load_itu_bodies
from iscg_mailbot.settings.topics import load_topics
from iscg_mailbot.source.archive import read_archive

SAMPLE = ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox"
EVAL = ROOT / "tests" / "data" / "topics_eval.yaml"
TOPICS = ROOT / "config" / "topics.yaml"
# Threads handed to the tagger per call, as the retag service does.
THREADS_PER_CALL = 500


def mbox_threads(path: Path) -> list[ThreadText]:
    """The archive's threads as the retag service hands them to the tagger: the subject
    once, then the new text (quotes and signatures removed) of each message. Messages
    are grouped by normalised subject, which is close enough to threading for timing."""
    threads: dict[str, tuple[str, list[str]]] = {}
    for batch in read_archive(path):
        for raw in batch.messages:
            parsed = parse_message(raw)
            _, texts = threads.setdefault(parsed.normalised_subject, (parsed.subject, []))
            texts.append(parsed.new_text)
    return [
        ThreadText(index, subject, tuple(texts))
        for index, (subject, texts) in enumerate(threads.values())
    ]


def eval_threads(path: Path) -> list[ThreadText]:
    """The threads of the labelled evaluation set."""
    return [
        ThreadText(index, thread["subject"], tuple(thread["texts"]))
        for index, thread in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["threads"])
    ]


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The shortest CPU time of ``runs`` calls: the work is single-threaded, and CPU time
    is less disturbed than wall time by other programs sharing the machine."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def ruler_patterns() -> list[dict[str, Any]]:
    """The entity patterns as an EntityRuler takes them: phrases on ORTH (exact ones as
    written, the others also in lower, upper, title and sentence case), token patterns
    without the tagger's trigger and window keys."""
    patterns: list[dict[str, Any]] = []
    for pattern in entity_patterns():
        base = {key: pattern[key] for key in ("label", "id") if key in pattern}
        text = pattern["pattern"]
        if not isinstance(text, str):
            patterns.append({**base, "pattern": text})
            continue
        forms = [text] if pattern.get("exact") else [
            text, text.lower(), text.upper(), text.title(), text[:1].upper() + text[1:]]
        patterns.extend({**base, "pattern": form} for form in dict.fromkeys(forms))
    return patterns


def compare_entity_ruler(tagger: TopicTagger, texts: list[str], runs: int) -> tuple[float, float]:
    """CPU seconds of EntityFinder and of spaCy's entity_ruler (reading ``doc.ents``) over
    the Docs the tagger makes of ``texts`` (flattened, joined 128 at a time)."""
    nlp = tagger.nlp
    flat = [flatten_whitespace(text) for text in texts]
    groups = ["\n\n".join(flat[i:i + 128]) for i in range(0, len(flat), 128)]
    finder = EntityFinder(nlp)
    ruler: Any = nlp.add_pipe("entity_ruler", name="itu_entities",
                              config={"phrase_matcher_attr": "ORTH", "validate": False})
    ruler.add_patterns(ruler_patterns())
    finder_seconds = ruler_seconds = float("inf")
    try:
        for _ in range(runs):
            docs = [nlp.make_doc(text) for text in groups]  # fresh: the ruler writes ents
            gc.collect()
            start = time.process_time()
            for doc, text in zip(docs, groups, strict=True):
                finder.find(doc, text)
            finder_seconds = min(finder_seconds, time.process_time() - start)
            gc.collect()
            start = time.process_time()
            for doc in docs:
                ruler(doc)
                [(ent.label_, ent.ent_id_, ent.start_char, ent.end_char) for ent in doc.ents]
            ruler_seconds = min(ruler_seconds, time.process_time() - start)
    finally:
        nlp.remove_pipe("itu_entities")
    return finder_seconds, ruler_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-messages", type=int, default=6000)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", choices=["auto", "mbox", "eval"], default="auto")
    parser.add_argument("--entity-ruler", action="store_true",
                        help="also time spaCy's entity_ruler in place of EntityFinder")
    args = parser.parse_args()

    use_mbox = args.source == "mbox" or (args.source == "auto" and SAMPLE.exists())
    base = mbox_threads(SAMPLE) if use_mbox else eval_threads(EVAL)
    source = SAMPLE.name if use_mbox else EVAL.name
    base_messages = sum(len(thread.texts) for thread in base)
    copies = max(1, -(-args.min_messages // base_messages))
    threads = [
        ThreadText(index, thread.subject, thread.texts)
        for index, thread in enumerate(base * copies)
    ]
    count = base_messages * copies
    texts = [text for thread in threads for text in (thread.subject, *thread.texts) if text]
    words = sum(len(text.split()) for text in texts)

    start = time.perf_counter()
    # As in production: the topic list and the ITU-structure table beside it.
    tagger = TopicTagger(load_topics(TOPICS),
                         bodies=load_itu_bodies(TOPICS.with_name("itu_bodies.yaml"),
                                                missing_ok=True) if os.environ.get("NO_TABLE") is None else None)
    build_seconds = time.perf_counter() - start
    nlp = tagger.nlp

    own_tokenizer = build_pipeline(load_topics(TOPICS).nlp.model).tokenizer

    def tokenize_alone() -> None:
        for _ in own_tokenizer.pipe(texts, batch_size=args.batch_size):
            pass

    def tokenize() -> None:
        for _ in nlp.tokenizer.pipe(texts, batch_size=args.batch_size):
            pass

    tagged: list[int] = []

    def tag() -> None:
        tagged.clear()
        for first in range(0, len(threads), THREADS_PER_CALL):
            for result in tagger.tag_threads(threads[first:first + THREADS_PER_CALL]):
                tagged.append(len(result.tags))

    # Warm both up once (the lexeme cache fills on first sight of a word), then
    # alternate the two so that a busy spell of the machine hits both alike.
    tokenize_alone()
    tokenize()
    tag()
    alone_seconds = tokenizer_seconds = tagger_seconds = float("inf")
    for _ in range(args.runs):
        alone_seconds = min(alone_seconds, best_of(1, tokenize_alone))
        tokenizer_seconds = min(tokenizer_seconds, best_of(1, tokenize))
        tagger_seconds = min(tagger_seconds, best_of(1, tag))

    tracemalloc.start()
    tag()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    alone_rate = count / alone_seconds
    tokenizer_rate = count / tokenizer_seconds
    tagger_rate = count / tagger_seconds
    print(f"texts: {source} x{copies}: {len(threads)} threads, {count} messages, "
          f"{len(texts)} texts (subjects and new texts), {words} words")
    print(f"tagger build: {build_seconds:.2f} s")
    print(f"tokenizer only : {alone_rate:9.0f} msg/s  ({alone_seconds:.3f} s; its own cache)")
    print(f"tokenizer only : {tokenizer_rate:9.0f} msg/s  ({tokenizer_seconds:.3f} s; "
          f"the cache the tagger filled)")
    print(f"full tagger    : {tagger_rate:9.0f} msg/s  ({tagger_seconds:.3f} s)")
    print(f"ratio          : {tagger_rate / alone_rate:.2f} (goal >= 0.50); "
          f"{tagger_rate / tokenizer_rate:.2f} against the tokenizer with the tagger's cache")
    print(f"tagged threads : {sum(1 for n in tagged if n)} of {len(threads)} got a topic")
    print(f"memory: peak Python allocations while tagging {peak / 2**20:.1f} MiB; "
          f"process peak RSS {max_rss_kib / 1024:.0f} MiB")
    if args.entity_ruler:
        finder_seconds, ruler_seconds = compare_entity_ruler(tagger, texts, args.runs)
        with_ruler = tagger_seconds - finder_seconds + ruler_seconds
        print(f"entities: EntityFinder {finder_seconds * 1000:.0f} ms, spaCy entity_ruler "
              f"{ruler_seconds * 1000:.0f} ms; tagger ratio with the ruler instead "
              f"~{tokenizer_seconds / with_ruler:.2f}")


if __name__ == "__main__":
    main()
