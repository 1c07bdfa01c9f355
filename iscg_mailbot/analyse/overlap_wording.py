"""Nearest in wording among a thread's candidates, for the duplication watch's
paraphrase evidence (:func:`iscg_mailbot.analyse.overlaps.close_in_meaning`).

Two Sectors that describe one piece of work in their own words share few words, and a
raw cosine of their wording (0.05-0.10) is below every threshold the watch sets for
wording alone: it is the cosine of any two threads of one broad area. But among the
threads each could be paired with (:class:`Candidates <iscg_mailbot.analyse.
overlap_meaning.Candidates>`: another Sector, active within the window) such a pair is
often each other's nearest or second nearest in wording, as it is in meaning ("letting
operators sublet their frequencies" beside "spectrum leasing and secondary trading";
"fake handsets and equipment registries" beside "counterfeit and tampered ICT
devices"), where a hard negative near in meaning (a liaison, an event, another subject
in the same words of mobile networks) is not near in wording too. The question is
relative, as for the meaning vectors: the rank of the pair's cosine among each thread's
candidates.

Cost: a thread's wording ranks are asked only for pairs the meaning evidence already
holds close; its cosines to every candidate are bounded from above by one product of
bucketed weights (:func:`iscg_mailbot.analyse.overlap_filter.bucketed`, the pair
filter's), and exact cosines are computed only for the candidates whose bound reaches
the pair's, nearest first, until the rank asked is passed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from iscg_mailbot.analyse.overlap_filter import MARGIN, bucketed
from iscg_mailbot.analyse.overlap_meaning import Candidates
from iscg_mailbot.analyse.overlap_neighbourhood import FEWEST
from iscg_mailbot.analyse.overlap_text import TextSimilarity


class WordingRanks:
    """How near in wording each thread is to another among its candidates (``ids``, in
    the order ``candidates`` reads them): by the cosine of the whole texts
    (:meth:`TextSimilarity.text_cosine`) and by the watch's similarity (the mean of the
    text and headline cosines, :meth:`TextSimilarity.__call__`)."""

    def __init__(self, text: TextSimilarity, ids: Sequence[int], candidates: Candidates,
                 bounds: tuple[Any, Any] | None = None) -> None:
        self._text, self._ids, self._candidates = text, list(ids), candidates
        self._index = {tid: i for i, tid in enumerate(self._ids)}
        self._bounds = bounds
        self._rows: dict[int, tuple[Any, Any]] = {}

    def use_bounds(self, bounds: tuple[Any, Any]) -> None:
        """Use these bucketed (text, headline) weights of ``ids`` (the pair filter's),
        not a copy of them."""
        self._bounds, self._rows = bounds, {}

    def _matrices(self) -> tuple[Any, Any]:
        if self._bounds is None:
            weights = [self._text.weights(tid) for tid in self._ids]
            self._bounds = (bucketed([text for text, _ in weights]),
                            bucketed([headline for _, headline in weights]))
        return self._bounds

    def _bound(self, i: int) -> tuple[Any, Any]:
        """The bounds of the ``i``-th thread's text and headline cosines to every thread:
        the products of its bucketed weights, over its buckets that hold any (a few dozen
        of :data:`BUCKETS <iscg_mailbot.analyse.overlap_filter.BUCKETS>`; element-wise,
        not a matrix-vector product, which costs more CPU time on a loaded machine)."""
        import numpy as np

        if i not in self._rows:
            rows = []
            for matrix in self._matrices():
                held = np.flatnonzero(matrix[i])
                rows.append((matrix[:, held] * matrix[i, held]).sum(axis=1))
            self._rows[i] = (rows[0], rows[1])
        return self._rows[i]

    def _nearer(self, a: int, b: int, similarity: bool, cap: int) -> int:
        """How many of ``a``'s candidates (``b`` apart) are nearer to it in wording than
        ``b``, counted up to ``cap``: by the similarity, else by the text cosine."""
        import numpy as np

        score: Callable[[int, int], float] = (self._text if similarity
                                              else self._text.text_cosine)
        value = score(a, b)
        i = self._index[a]
        text, headline = self._bound(i)
        bound = (text + headline) / 2 if similarity else text
        mask = self._candidates.mask(i, self._ids)
        mask[i] = False
        mask[self._index[b]] = False
        above = np.flatnonzero(mask & (bound >= value - MARGIN))
        count = 0
        for j in above[np.argsort(-bound[above], kind="stable")]:
            if score(a, self._ids[j]) > value:
                count += 1
                if count >= cap:
                    break
        return count

    def _few(self, a: int) -> bool:
        """Whether ``a`` has fewer than :data:`FEWEST` candidates: among a few threads
        (a digest of an early week) the nearest are most of them and say nothing."""
        return int(self._candidates.mask(self._index[a], self._ids).sum()) < FEWEST

    def within(self, a: int, b: int, text_most: int, similarity_most: int) -> bool:
        """Whether each thread is among the other's ``text_most`` nearest candidates by
        the text cosine and ``similarity_most`` nearest by the similarity (False when
        either is not among the candidates read, or has fewer than :data:`FEWEST`)."""
        if a not in self._index or b not in self._index or self._few(a) or self._few(b):
            return False
        return all(self._nearer(x, y, similarity, most) < most
                   for similarity, most in ((False, text_most), (True, similarity_most))
                   for x, y in ((a, b), (b, a)))


__all__ = ["WordingRanks"]
