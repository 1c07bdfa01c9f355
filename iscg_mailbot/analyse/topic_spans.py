"""Spans of a text's topic hits, for the plain scorer's tests of one hit against the
others (:mod:`iscg_mailbot.analyse.topic_scoring`): whether a hit overlaps one of its
topic's counted before it, and whether a weak hit is inside another topic's name. Each
hit compared with every other was quadratic: 50,000 characters of one topic's words took
5-16 s to explain.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from iscg_mailbot.analyse.topic_names import COMPLEMENT

if TYPE_CHECKING:
    from iscg_mailbot.analyse.nlp_matchers import PhraseHit
    from iscg_mailbot.analyse.topic_phrases import RulePhrase


class TopicSpans:
    """Spans of hits by topic, for whether a hit overlaps one of its topic's. Added in
    order of their starts (as hits come), a test is a bisection: some span starts before
    the hit ends and the furthest end of those passes its start. Added out of order, a
    scan of all."""

    def __init__(self) -> None:
        self._starts: dict[str, list[int]] = {}
        self._reach: dict[str, list[int]] = {}  # the furthest end of the spans so far
        self._all: list[tuple[str, int, int]] = []
        self._ordered = True

    def add(self, topic: str, start: int, end: int) -> None:
        self._all.append((topic, start, end))
        starts = self._starts.setdefault(topic, [])
        reach = self._reach.setdefault(topic, [])
        self._ordered = self._ordered and (not starts or starts[-1] <= start)
        starts.append(start)
        reach.append(max(reach[-1], end) if reach else end)

    def overlaps(self, topic: str, start: int, end: int) -> bool:
        if not self._ordered:
            return any(t == topic and start < e and s < end for t, s, e in self._all)
        before = bisect_left(self._starts.get(topic, []), end)
        return before > 0 and self._reach[topic][before - 1] > start


class OtherNames:
    """:func:`.topic_names.in_other_name` for every weak hit of a text at once, the
    others being ``strong`` (start, end, topic) of any topic but the weak hit's: a list
    of them made for each weak hit was quadratic. Sorted by start, each prefix keeps the
    furthest end and the furthest end of another topic than that end's."""

    def __init__(self, strong: Sequence[tuple[int, int, str]]) -> None:
        ordered = sorted(strong)
        self._starts = [start for start, _, _ in ordered]
        self._best: list[tuple[int, str, int]] = []  # (furthest end, its topic, other's)
        end1, topic1, end2 = -1, "", -1
        for _, end, topic in ordered:
            if topic == topic1:
                end1 = max(end1, end)
            elif end > end1:
                end1, topic1, end2 = end, topic, end1
            else:
                end2 = max(end2, end)
            self._best.append((end1, topic1, end2))
        self._topics_at: dict[int, set[str]] = {}
        for start, _, topic in ordered:
            self._topics_at.setdefault(start, set()).add(topic)

    def _furthest(self, count: int, topic: str) -> int:
        """The furthest end of the first ``count`` spans not of ``topic``."""
        if count == 0:
            return -1
        end1, topic1, end2 = self._best[count - 1]
        return end1 if topic1 != topic else end2

    def holds(self, text: str, first: int, last: int, topic: str) -> bool:
        """Whether the weak phrase of ``topic`` at ``text[first:last]`` belongs to the
        name of another topic (:func:`.topic_names.in_other_name`)."""
        # a longer span holds it: one starting before it reaching its end, or one
        # starting with it going past its end
        if self._furthest(bisect_left(self._starts, first), topic) >= last \
                or self._furthest(bisect_right(self._starts, first), topic) > last:
            return True
        complement = COMPLEMENT.match(text, last) if text[first:first + 1].isupper() else None
        if complement is None:
            return False
        joint = complement.end()
        return text[joint:joint + 1].isupper() and bool(
            self._topics_at.get(joint, set()) - {topic})


def weak_in_names(text: str, where: str, hits: Sequence[tuple[RulePhrase, PhraseHit]],
                  notes: list[str] | None = None) -> list[PhraseHit]:
    """The plain rule's reading (:meth:`topic_scoring.TopicRule.weak_in_names`): the
    weak phrases of ``text`` (the subject or a message, ``where``) held by another
    topic's name, each with a note for ``topics explain``."""
    named: list[PhraseHit] = []
    names = OtherNames([(seen.start, seen.end, other.topic) for other, seen in hits
                        if not other.weak and not other.negative])
    for phrase, hit in hits:
        if not phrase.weak or phrase.negative:
            continue
        if names.holds(text, hit.start, hit.end, phrase.topic):
            named.append(hit)
            if notes is not None:
                notes.append(f"{phrase.topic}: {hit.text!r} ({where}) is part of "
                             f"another topic's name, not counted")
    return named


__all__ = ["OtherNames", "TopicSpans", "weak_in_names"]
