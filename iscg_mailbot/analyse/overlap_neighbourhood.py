"""One neighbourhood in meaning: two threads whose nearest threads are each other or the
same threads (shared nearest neighbours), for the duplication watch's paraphrase evidence.

The watch's other meaning rules ask whether each thread is among the *other's* nearest
candidates (another Sector, active within the window). When three or four threads of
several Sectors work on one subject, and a hard negative of that subject (an event, a
liaison to the other's work) sits close by, each thread's one or two nearest places are
taken by its other partners, and a true pair is each other's 3rd-5th nearest: "WP 5D
draft Report on HIBS deployment" beside a BDT "toolkit idea: solar aircraft and
stratospheric balloons as cell towers in the sky", with ITU-T SG13's HAPS draft nearer
to both. Here a thread's neighbours are its :data:`NEAREST` nearest threads *of any
Sector* (its own Sector's too, and threads the chair or an observer started) active
within the window (of at least :data:`FEWEST` threads). A pair in which one thread
holds the other among its neighbours scores one for each thread holding the other and
one for each neighbour they share; a pair in which neither does scores 0 (two guides
on different subjects, each near the same two handbooks, are no cluster). Two threads
of one subject cluster meet through the cluster's other threads, where a homonym
("charging" of electric cars and of IoT traffic) or a broad area shares none. The score
is counted with the whole threads' vectors and with their openings' (headline and first
message), and the pair scores the lower of the two.

    >>> from datetime import timedelta
    >>> vectors = {1: (1.0, 0.0), 2: (0.9, 0.1), 3: (0.8, 0.3), 4: (0.0, 1.0), 5: (0.1, 1.0)}
    >>> near = shared_neighbours([(t, v, ()) for t, v in vectors.items()],
    ...                          [(t, None, None) for t in vectors], timedelta(days=90),
    ...                          fewest=2)
    >>> near.score(1, 2), near.score(1, 4), sorted(near.pairs(3))
    (3, 0, [(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2), (4, 5), (5, 4)])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from iscg_mailbot.analyse.overlap_meaning import ROWS_AT_ONCE, Candidates, Vector

#: How many nearest threads make a thread's neighbourhood (chosen leaving one set out:
#: bench/overlap_shared_loso.py).
NEAREST = 2
#: The pair is also each among the other's this many nearest candidates (another Sector:
#: ``MeaningNeighbours.within``, which asks the thread it knows first): a digest then
#: reads the neighbours of a few threads, not of a year's (10 threads' pairs among 5,000:
#: 10 s -> 57 s without it; fewer than ``NEAREST_KEPT``, whose ranks are kept). The
#: pairs it gains on the labelled sets are 2nd-5th.
CANDIDATES = 10
#: A thread's nearest are of at least this many threads in its window: among fewer, the
#: 2 nearest are most of them and say nothing (a digest of an early week: 3 threads,
#: every two of them "one neighbourhood").
FEWEST = 8


class SharedNeighbours:
    """Each thread's ``most`` nearest threads by each of ``kinds`` (vectors by thread id:
    the whole thread's, the opening's), among the threads ``window`` allows (active
    within the window of it; :class:`Candidates` with every thread a group of its own),
    found one thread at a time when first asked (the digest asks about a week's
    threads)."""

    def __init__(self, kinds: Sequence[Mapping[int, Vector]], window: Candidates,
                 most: int = NEAREST, fewest: int = FEWEST) -> None:
        import numpy as np

        self._ids = [tid for tid, vector in kinds[0].items() if vector] if kinds else []
        self._index = {tid: i for i, tid in enumerate(self._ids)}
        self._units = []
        for vectors in kinds:
            matrix = np.array([vectors.get(t) or kinds[0][t] for t in self._ids]
                              or [(0.0,)], dtype=np.float64)[:len(self._ids)]
            norms = np.linalg.norm(matrix, axis=1)
            self._units.append(matrix / np.where(norms > 0, norms, 1.0)[:, None])
        self._window, self._most, self._fewest = window, most, fewest
        self._near: dict[tuple[int, int], frozenset[int]] = {}

    def nearest(self, kind: int, tid: int) -> frozenset[int]:
        """The ``most`` nearest threads of ``tid`` by the ``kind``-th vectors (ties: the
        earlier thread first); none when its window holds fewer than ``fewest``. One
        thread's alone (the digest asks about a few threads' pairs)."""
        key = (kind, tid)
        if key not in self._near:
            i, unit = self._index[tid], self._units[kind]
            self._near[key] = self._select(i, unit @ unit[i])
        return self._near[key]

    def _all(self, kind: int) -> None:
        """Every thread's nearest by the ``kind``-th vectors, :data:`ROWS_AT_ONCE`
        threads a matrix product (every pair: ``overlaps list``, the annual report)."""
        unit = self._units[kind]
        for start in range(0, len(self._ids), ROWS_AT_ONCE):
            block = unit[start:start + ROWS_AT_ONCE] @ unit.T
            for row, values in enumerate(block):
                key = (kind, self._ids[start + row])
                if key not in self._near:
                    self._near[key] = self._select(start + row, values)

    def _select(self, i: int, values: Any) -> frozenset[int]:
        import numpy as np

        mask = self._window.mask(i, self._ids)
        mask[i] = False
        allowed = np.flatnonzero(mask)
        if len(allowed) < self._fewest:
            return frozenset()
        values = values[allowed]
        if self._most < len(allowed):
            # Every candidate as near as the most-th (ties), then in order, earlier first.
            floor = values[np.argpartition(-values, self._most - 1)[self._most - 1]]
            allowed, values = allowed[values >= floor], values[values >= floor]
        order = np.argsort(-values, kind="stable")[:self._most]
        return frozenset(self._ids[allowed[j]] for j in order)

    def _scored(self, kind: int, a: int, b: int) -> int:
        near_a, near_b = self.nearest(kind, a), self.nearest(kind, b)
        held = (b in near_a) + (a in near_b)
        return len(near_a & near_b) + held if held else 0

    def score(self, a: int, b: int) -> int:
        """The lower over the kinds of vectors of: when one of ``a`` and ``b`` holds the
        other among its neighbours, one for each holding the other plus the neighbours
        they share; else 0 (also when either has no vector)."""
        if a not in self._index or b not in self._index:
            return 0
        return min(self._scored(k, a, b) for k in range(len(self._units)))

    def pairs(self, at_least: int) -> set[tuple[int, int]]:
        """Every ordered pair whose :meth:`score` is ``at_least`` (at least 1)."""
        for kind in range(len(self._units)):
            self._all(kind)
        held = {(tid, other) for tid in self._ids for other in self.nearest(0, tid)}
        return {pair for a, b in held for pair in ((a, b), (b, a))
                if self.score(a, b) >= at_least}


def shared_neighbours(threads: Sequence[tuple[int, Vector, Vector]],
                      spans: Sequence[tuple[int, Any, Any]], window: Any,
                      most: int = NEAREST, fewest: int = FEWEST) -> SharedNeighbours:
    """The neighbourhoods of threads given as (id, whole vector, opening vector; an
    empty opening: the whole vector's), active as ``spans`` (id, first, last activity)
    say within ``window`` (a timedelta)."""
    whole = {tid: vector for tid, vector, _opening in threads if vector}
    opening = {tid: opening or vector for tid, vector, opening in threads if vector}
    groups = Candidates.of([(tid, str(tid), first, last) for tid, first, last in spans
                            if tid in whole], window)
    return SharedNeighbours([whole, opening], groups, most, fewest)


__all__ = ["CANDIDATES", "FEWEST", "NEAREST", "SharedNeighbours", "shared_neighbours"]
