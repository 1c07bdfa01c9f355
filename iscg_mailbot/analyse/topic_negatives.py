"""Negative phrases in the fast path (:class:`iscg_mailbot.analyse.topics.TopicTagger`):
"a negative phrase cancels this topic's phrases inside it and takes its weight off"
(topics.yaml). Where each topic's negative phrases are in a group of texts, and which of
them take points off; the plain rule (:mod:`topic_scoring`) reads the same per text."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iscg_mailbot.analyse.nlp import GroupFindings


def negative_spans(group: GroupFindings, negative_keys: Collection[str],
                   spec_of: Mapping[str, int], topic_of: Sequence[int],
                   ) -> dict[int, list[tuple[int, int]]]:
    """Where each topic's negative phrases are in a group ({} for most groups)."""
    if not any(hit[0] in negative_keys for hit in group.hits):
        return {}
    negatives: dict[int, list[tuple[int, int]]] = {}
    for key, _, first, last in group.hits:
        if key in negative_keys:
            negatives.setdefault(topic_of[spec_of[key]], []).append((first, last))
    return negatives


def count_negatives(group: GroupFindings, negative_keys: Collection[str],
                    spec_of: Mapping[str, int], topic_of: Sequence[int],
                    found: list[tuple[int, int, str]]) -> None:
    """Add to ``found`` (text index, spec index, form) the negative hits that take points
    off: per topic, the first of overlapping ones."""
    text = group.text
    negative_ends: dict[int, int] = {}
    for key, index, first, last in group.hits:
        if key not in negative_keys:
            continue
        spec = spec_of[key]
        topic = topic_of[spec]
        if first >= negative_ends.get(topic, -1):
            negative_ends[topic] = last
            found.append((index, spec, text[first:last]))
