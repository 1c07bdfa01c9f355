"""Does ``topics train`` help on real labels? Rules alone against rules + trained model.

    python bench/train_eval.py [--epochs 10] [--folds 3]

Uses the hand-labelled evaluation set ``tests/data/topics_eval.yaml`` (170 ISCG threads,
every topic of each thread decided by hand). The model is trained as ``topics train``
trains it, on one half only (``--train-on``, default ``dev``), with every topic of each
thread labelled (present or absent: a person read the whole thread); cross-validation on
that half decides per topic whether the model is used. Both taggers are then scored on
the other half. The ``dev`` half was used to tune config/topics.yaml, so there the rules
are near perfect and the model rarely beats them; ``--train-on test`` cross-validates on
threads the rules were never tuned on (then the scored ``dev`` half flatters the rules). Prints the cross-validated F1 per topic
(rules alone, rules OR model) that decides where the model is used, then micro
precision, recall and F1 of both taggers on the held-out half, and per enabled topic.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from iscg_mailbot.analyse.textcat import (
    TrainingExample,
    add_model_tags,
    thread_document,
    train_topic_model,
)
from iscg_mailbot.analyse.topics import Evaluation, TopicTagger, evaluate_tags
from iscg_mailbot.records import ThreadTags, ThreadText
from iscg_mailbot.settings.topics import load_topics

EVAL_SET = ROOT / "tests" / "data" / "topics_eval.yaml"
TOPICS = ROOT / "config" / "topics.yaml"


def _topics(results: list[ThreadTags]) -> dict[int, set[str]]:
    return {r.thread_id: {tag.topic for tag in r.tags} for r in results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--train-on", choices=["dev", "test"], default="dev",
                        help="the half to train and cross-validate on; the other is scored")
    args = parser.parse_args()

    config = load_topics(TOPICS)
    topic_ids = [topic.id for topic in config.topics]
    rows: list[dict[str, Any]] = yaml.safe_load(EVAL_SET.read_text(encoding="utf-8"))["threads"]
    threads = {row["id"]: ThreadText(row["id"], row["subject"], tuple(row["texts"])) for row in rows}
    truth = {row["id"]: set(row["topics"]) for row in rows}
    dev = [row["id"] for row in rows if row["split"] == args.train_on]
    test = [row["id"] for row in rows if row["split"] != args.train_on]

    tagger = TopicTagger(config)
    rules = {r.thread_id: r for r in tagger.tag_threads(list(threads.values()))}
    examples = [
        TrainingExample(i, thread_document(threads[i]), frozenset(truth[i]),
                        frozenset(set(topic_ids) - truth[i]))
        for i in dev
    ]
    started = time.perf_counter()
    result = train_topic_model(
        examples, {i: frozenset(t.topic for t in rules[i].tags) for i in dev}, topic_ids,
        folds=args.folds, epochs=args.epochs,
    )
    seconds = time.perf_counter() - started
    enabled = [row.topic for row in result.topics if row.used]
    print(f"trained on {len(dev)} {args.train_on} threads in {seconds:.1f} s; model used for: "
          f"{', '.join(enabled) or 'no topic'}")
    print(f"cross-validated on {args.train_on}, per topic: F1 rules alone -> rules OR model")
    for row in result.topics:
        figures = (row.skipped or f"{row.f1_rules:.2f} -> {row.f1_combined:.2f}"
                   + ("  used" if row.used else ""))
        print(f"  {row.topic:28s} {row.positives:3d} positive(s)  {figures}")

    test_threads = [threads[i] for i in test]
    alone = [rules[i] for i in test]
    combined = add_model_tags(result.model, test_threads, alone)
    labels = {i: truth[i] for i in test}
    before: Evaluation = evaluate_tags(labels, _topics(alone), topic_ids)
    after: Evaluation = evaluate_tags(labels, _topics(combined), topic_ids)
    for name, score in (("rules alone", before), ("rules + model", after)):
        m = score.micro
        print(f"held-out half ({len(test)} threads), {name:14s} P {m.precision:.3f} "
              f"R {m.recall:.3f} F1 {m.f1:.3f}")
    for topic in enabled:
        print(f"  {topic:28s} F1 {before.by_topic(topic).f1:.2f} -> {after.by_topic(topic).f1:.2f}")


if __name__ == "__main__":
    main()
