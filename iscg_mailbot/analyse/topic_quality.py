"""Quality of topic tags against hand labels: what ``topics evaluate`` and ``topics
train`` report, per topic and micro-averaged over all."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TopicQuality:
    """Counts of one topic (or of all, micro-averaged) against hand labels."""

    topic: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        """Share of tags given that were right (1.0 when none were given)."""
        given = self.true_positives + self.false_positives
        return self.true_positives / given if given else 1.0

    @property
    def recall(self) -> float:
        """Share of expected tags that were given (1.0 when none were expected)."""
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        total = 2 * self.true_positives + self.false_positives + self.false_negatives
        return 2 * self.true_positives / total if total else 1.0


@dataclass(frozen=True)
class Evaluation:
    """Per-topic and micro-averaged quality of tags against hand labels."""

    threads: int
    topics: tuple[TopicQuality, ...]
    micro: TopicQuality

    def by_topic(self, topic: str) -> TopicQuality:
        """The counts of one topic (zeros when it never occurred)."""
        for quality in self.topics:
            if quality.topic == topic:
                return quality
        return TopicQuality(topic, 0, 0, 0)


def evaluate_tags(
    expected: Mapping[int, Collection[str]],
    predicted: Mapping[int, Collection[str]],
    topic_ids: Sequence[str] = (),
) -> Evaluation:
    """Compare predicted topics with hand labels, thread by thread.

    Only threads in ``expected`` count (a thread nobody labelled says nothing about
    the tagger). ``topic_ids`` fixes the order of the rows; topics met in the labels
    or predictions but not listed are appended in alphabetical order.

    >>> evaluate_tags({1: {"ai"}, 2: set()}, {1: {"ai", "imt"}, 2: set()}).micro.precision
    0.5
    """
    counts: dict[str, list[int]] = {}
    for thread_id, wanted in expected.items():
        got = set(predicted.get(thread_id, ()))
        for topic in got | set(wanted):
            row = counts.setdefault(topic, [0, 0, 0])
            if topic in got and topic in wanted:
                row[0] += 1
            elif topic in got:
                row[1] += 1
            else:
                row[2] += 1
    order = list(dict.fromkeys([*topic_ids, *sorted(counts)]))
    rows = tuple(TopicQuality(topic, *counts.get(topic, [0, 0, 0])) for topic in order)
    micro = TopicQuality(
        "(all)",
        sum(row.true_positives for row in rows),
        sum(row.false_positives for row in rows),
        sum(row.false_negatives for row in rows),
    )
    return Evaluation(threads=len(expected), topics=rows, micro=micro)
