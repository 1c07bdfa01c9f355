"""Companion phrases: a term for the setting of other work rather than the topic itself
-- who the work is for ("students", "young people"), where and how it is held ("venue",
"registration", "panel") -- "adds points only next to a phrase of the same topic that is
not a companion" (``companion: true`` in topics.yaml; issue 13, tk-r13: "fake
registration e-mails to delegates", "the venues of the WTDC preparatory meetings",
"students dropped from online exams" were tagged events and digital skills). Read by
both scorers (:mod:`topic_scoring`, :mod:`topics`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from iscg_mailbot.analyse.topic_phrases import RulePhrase


class Companions:
    """The fast path's view: which hit keys are companions, and the topics a thread's
    counted hits support by companions alone.

    >>> venue, workshop = RulePhrase("events", "venue", 1, companion=True), RulePhrase(
    ...     "events", "workshop", 2)
    >>> keys = Companions([(venue, 1), (workshop, 1)], ["events", "events"], [[0, 1], [0, 2]])
    >>> keys.alone({0: 1}), keys.alone({0: 1, 1: 1})
    ({'events'}, set())
    """

    def __init__(self, keyed: Sequence[tuple[RulePhrase, object]], topic_of: Sequence[str],
                 key_points: Sequence[Sequence[float]]) -> None:
        """``keyed``: the (phrase, place) of each hit key; ``topic_of`` and
        ``key_points``: each key's topic and its points per count."""
        self._flags = [phrase.companion for phrase, _ in keyed]
        self._topic_of, self._points = topic_of, key_points
        self._keys = frozenset(key for key, flag in enumerate(self._flags) if flag)

    def alone(self, counts: Iterable[int]) -> set[str]:
        """Topics whose only evidence among the hit keys ``counts`` is companions (a
        negative phrase is no signal either way)."""
        if self._keys.isdisjoint(counts):
            return set()  # most threads: no companion at all
        companions: set[str] = set()
        others: set[str] = set()
        for key in counts:
            if self._points[key][1] > 0:
                (companions if self._flags[key] else others).add(self._topic_of[key])
        return companions - others
