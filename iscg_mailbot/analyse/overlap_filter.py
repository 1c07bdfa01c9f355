"""Which pairs of a year's threads the duplication watch need compare at all: an exact
filter before its checks of each pair (:func:`iscg_mailbot.analyse.overlaps.find_overlaps`,
every pair: ``overlaps list``, the annual report).

A pair is flagged on its wording only when its similarity (the mean of the text and
headline cosines) reaches the lowest of ``min_similarity``, ``concept_similarity`` and
``strong_similarity``, or its text cosine ``text_similarity``; on its meaning only when
each thread is among the other's few nearest (:class:`MeaningNeighbours`). The TF-IDF
weights are never negative, so the dot product of two threads' weights summed into
:data:`BUCKETS` buckets by term is at least their cosine: a pair whose bucketed text and
headline products fall short of both thresholds by :data:`MARGIN` cannot be flagged on
its wording, and is compared only when it may be close in meaning. Flags, evidence and
reasons are those of comparing every pair (``tests/test_overlap_filter.py``).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from typing import Any

from iscg_mailbot.analyse.overlap_meaning import MeaningNeighbours
from iscg_mailbot.analyse.overlap_neighbourhood import CANDIDATES

#: Buckets of the terms' weights: more, a tighter bound and a larger matrix (float32:
#: 8 KB a thread for text and headline).
BUCKETS = 1024
#: Kept below each threshold: the bucketed products are summed in float32.
MARGIN = 1e-3
#: Rows of the bucketed products computed at once.
BLOCK = 256

Weights = Mapping[str, float]


def bucketed(vectors: Sequence[Weights]) -> Any:
    """The weights of each vector summed into :data:`BUCKETS` buckets by term (float32 rows):
    the product of two rows is at least the two vectors' cosine."""
    import numpy as np

    matrix = np.zeros((len(vectors), BUCKETS), dtype=np.float32)
    for row, vector in enumerate(vectors):
        for term, weight in vector.items():
            matrix[row, zlib.crc32(term.encode()) % BUCKETS] += weight
    return matrix


class PairFilter:
    """For each thread (by its place in ``ids``), the later places it may be flagged
    with: ``weights`` its TF-IDF weights (text, headline), ``sum_floor`` the lowest
    similarity that flags (twice: text and headline cosines summed), ``text_floor`` the
    whole-text rule's cosine, ``near`` the ordered pairs each possibly among the other's
    nearest in meaning (:meth:`MeaningNeighbours.possibly_within`)."""

    def __init__(self, ids: Sequence[int], weights: Sequence[tuple[Weights, Weights]],
                 sum_floor: float, text_floor: float, near: set[tuple[int, int]]) -> None:
        self._ids, self._near = list(ids), near
        self._text = bucketed([text for text, _headline in weights])
        self._headline = bucketed([headline for _text, headline in weights])
        self._sum_floor, self._text_floor = sum_floor - MARGIN, text_floor - MARGIN
        self._block: tuple[int, Any] = (-1, None)

    @property
    def bounds(self) -> tuple[Any, Any]:
        """The bucketed (text, headline) weights of ``ids`` (for
        :class:`overlap_wording.WordingRanks <iscg_mailbot.analyse.overlap_wording.WordingRanks>`)."""
        return self._text, self._headline

    def after(self, i: int, places: Sequence[int]) -> list[int]:
        """Of ``places`` (later than ``i``), those that may be flagged with the ``i``-th."""
        start = i - i % BLOCK
        if self._block[0] != start:
            rows = slice(start, start + BLOCK)
            text = self._text[rows] @ self._text.T
            either = ((text + self._headline[rows] @ self._headline.T >= self._sum_floor)
                      | (text >= self._text_floor))
            self._block = (start, either)
        row, a = self._block[1][i - start], self._ids[i]
        return [j for j in places if row[j] or ((a, self._ids[j]) in self._near
                                                and (self._ids[j], a) in self._near)]


def pair_filter(ids: Sequence[int], weights: Sequence[tuple[Weights, Weights]],
                rules: Any, neighbours: MeaningNeighbours | None) -> PairFilter:
    """The filter for the watch's ``rules`` (:class:`OverlapRules`)."""
    sum_floor = 2 * min(rules.min_similarity, rules.concept_similarity,
                        rules.strong_similarity)
    most = max(rules.meaning_neighbours or 0, rules.meaning_alone or 0,
               rules.meaning_cluster or 0)
    near = (neighbours.possibly_within(most)
            if neighbours is not None and rules.meaning_neighbours is not None and most
            else set())
    if neighbours is not None and neighbours.opening is not None and rules.meaning_opening:
        # Near by their openings: a pair passes when each may be the other's nearest by
        # one vector or the other (the union is never stricter than either).
        near |= neighbours.opening.possibly_within(rules.meaning_opening)
    if neighbours is not None and neighbours.opening is not None and rules.meaning_wording:
        # Near by their openings and in wording among the candidates (``meaning_wording``).
        near |= neighbours.opening.possibly_within(rules.meaning_wording)
    if neighbours is not None and neighbours.shared is not None and rules.meaning_shared:
        # One neighbourhood in meaning (``meaning_shared``): the pairs that score it, each
        # among the other's CANDIDATES nearest candidates.
        near |= (neighbours.shared.pairs(rules.meaning_shared)
                 & neighbours.possibly_within(CANDIDATES))
    return PairFilter(ids, weights, sum_floor, rules.text_similarity, near)


__all__ = ["BUCKETS", "MARGIN", "PairFilter", "bucketed", "pair_filter"]
