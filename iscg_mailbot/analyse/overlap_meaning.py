"""Paraphrase evidence for the duplication watch: whether two threads are, in meaning,
each other's nearest threads of another Sector ("returning old phones to manufacturers"
beside "e-waste collection and producer responsibility").

A thread's *meaning vector* is the WordLlama static embedding (``l2_supercat``, 256
dimensions, shipped inside the ``wordllama`` wheel: no download, no torch) of its content
terms as the watch reads them (:func:`overlap_text.thread_terms
<iscg_mailbot.analyse.overlap_text.thread_terms>`): each term's first spelling, repeated
as often as it occurs up to :data:`MOST_REPEATS`. Common words, the list's words and the
liaison form's words are left out before embedding, so two liaison statements on
different subjects are not close because their forms are. The vector does not depend on
the other threads: analysis computes it once and stores it (float32 bytes,
:func:`packed_vector`, under :func:`meaning_version`).

A raw cosine does not carry from one corpus to another (the sample archive's threads,
on a few broad subjects, are closer to each other than the blind sets' threads), so the
watch asks a relative question (:class:`MeaningNeighbours`): is each thread among the
other's ``k`` nearest *candidates* (threads led by another Sector, active within the
window)? Cost (measured): ~0.7 s to import ``wordllama`` and ~0.25 s to load the model
once per analysing process (~100 MB), ~0.65 ms to embed a thread.

    >>> round(meaning_similarity((1.0, 0.0), (0.6, 0.8)), 2)
    0.6
    >>> unpacked_vector(packed_vector((0.5, -0.25)))
    (0.5, -0.25)
"""

from __future__ import annotations

import math
import operator
from array import array
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iscg_mailbot.analyse.overlap_headlines import headline
from iscg_mailbot.analyse.overlap_text import (
    Counted,
    ReadTerms,
    ThreadTerms,
    joined_terms,
    terms,
    thread_terms,
)

if TYPE_CHECKING:
    from iscg_mailbot.analyse.overlap_neighbourhood import SharedNeighbours
    from iscg_mailbot.analyse.overlap_wording import WordingRanks

# A term said many times says no more about the subject after a few times.
MOST_REPEATS = 3
# Raised when the vectors a text gives change (the text embedded, the model's use).
# 3: a thread's vector is stored with that of its headline and first message after it.
MEANING_VERSION = 3

Vector = tuple[float, ...]

#: How many of a thread's nearest candidates are kept in order (the watch asks about the
#: 1-3 nearest); a rank beyond them reads the thread's cosines again.
NEAREST_KEPT = 16
#: Cosines of the matrix product this close to a pair's exact cosine are compared by
#: their exact cosine (the two sums differ by ~1e-14 for 256 dimensions).
TIE_MARGIN = 1e-9
#: Threads whose nearest candidates are found with one matrix product.
ROWS_AT_ONCE = 128


@lru_cache(maxsize=1)
def meaning_version() -> str:
    """What stored vectors must match: :data:`MEANING_VERSION` and the ``wordllama``
    release (its weights ship in the wheel). Read from the package metadata: the
    digest checks stored vectors without importing the model."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        shipped = version("wordllama")
    except PackageNotFoundError:
        shipped = "absent"
    return f"{MEANING_VERSION}-l2_supercat-256-{shipped}"


def meaning_available() -> bool:
    """Whether the ``wordllama`` package is installed (without importing it)."""
    from importlib.util import find_spec

    return find_spec("wordllama") is not None


@lru_cache(maxsize=1)
def _model() -> Any:
    """The WordLlama model from the files inside the installed package. ``load()``
    alone would look for its tokenizer under ``wordllama/tokenizer/`` (the wheel ships
    ``tokenizers/``) and then download it; the package folder as ``cache_dir`` finds the
    shipped one, and ``disable_download`` makes any missing file an error, never a
    network call."""
    import wordllama

    return wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent,
                                    disable_download=True)


def load_model() -> None:
    """Load the model now (a process that forks analysers loads it once for them)."""
    _model()


def model_loaded() -> bool:
    """Whether this process has the model in memory already (loaded, or inherited)."""
    return _model.cache_info().currsize > 0


def terms_text(read: ReadTerms) -> str:
    """What is embedded of a thread read as ``read``: its content terms, spelled, in order."""
    counts = read.counts
    # One join of every word (a join a term cost twice as much); a term of count 0
    # (none is stored) still gives its empty string, as a join a term did.
    words: list[str] = []
    add, extend = words.append, words.extend
    for term, word in read.spelled():
        count = counts[term]
        if count == 1:
            add(word)
        elif count > 0:
            extend([word] * min(count, MOST_REPEATS))
        else:
            add("")
    return " ".join(words)


def meaning_text(subject: str, text: str, *, subjects: bool = True) -> str:
    """What is embedded of a thread given as its subject and text."""
    return terms_text(thread_terms(subject, text, subjects=subjects))


def embedded(texts: Sequence[str]) -> list[Vector]:
    """The unit vectors of texts of :func:`terms_text` (the model loaded on first use).

    One text a call: the model pads each batch of texts to its longest one's tokens and
    gathers and multiplies the padding too (a thread's terms run from a few tokens to
    thousands: 5x the work at its default 64 a batch). The padding adds only zeros, so
    the vectors are the same bytes either way (``tests/test_overlap_meaning_batch.py``).
    """
    if not texts:
        return []
    embed = _model().embed
    # ``tolist`` gives each value as a Python float (what ``float(x)`` gives), in C.
    return [tuple(embed([text], norm=True)[0].tolist()) for text in texts]


def meaning_vectors(texts: Sequence[tuple[str, str]], *, subjects: bool = True) -> list[Vector]:
    """The unit meaning vectors of threads given as (subject, text)."""
    return embedded([meaning_text(s, t, subjects=subjects) for s, t in texts])


def opening_terms(subject: str, subject_terms: Counted,
                  parts: Sequence[Any]) -> ThreadTerms | None:
    """The terms of a thread's headline and first message alone (what its opening
    vector is made of), from its stored parts (``read_thread_terms``' rows); None for a
    thread kept whole (it spells out an acronym: its terms depend on its whole text)."""
    if not parts:
        return None
    return joined_terms(subject_terms, terms(headline(subject)), [parts[0][0], parts[0][1]])


def packed_vector(vector: Sequence[float]) -> bytes:
    """A vector as stored: little-endian float32 (1 KB for 256 dimensions)."""
    packed = array("f", vector)
    if packed.itemsize != 4:  # pragma: no cover - every platform CPython runs on
        raise ValueError("float32 arrays are not 4 bytes here")
    return packed.tobytes()


def unpacked_vector(data: bytes) -> Vector:
    """The vector :func:`packed_vector` stored."""
    values = array("f")
    values.frombytes(data)
    return tuple(values)


def meaning_similarity(a: Sequence[float], b: Sequence[float]) -> float:
    """The cosine of two meaning vectors (0 when either is empty)."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))
    return dot / norm if norm else 0.0


class MeaningNeighbours:
    """How near in meaning each thread is to another among its candidates: the threads
    ``candidates(a, b)`` allows (led by another Sector, active within the window), or,
    faster, ``rows`` (:class:`Candidates`: each thread's candidates at once).

    A thread's cosines to all others come from one matrix product (numpy) when first
    asked for, and only its :data:`NEAREST_KEPT` nearest candidates are kept in order:
    the watch asks whether a thread is among another's 1-3 nearest. The ranks are those
    of the exact cosines (:meth:`cosine`, summed in order as :func:`meaning_similarity`
    does): a candidate whose matrix cosine is within :data:`TIE_MARGIN` of the pair's is
    compared by its exact cosine, so that ties and near-ties count as before.
    """

    def __init__(self, vectors: Mapping[int, Vector],
                 candidates: Callable[[int, int], bool] | None = None, *,
                 rows: Candidates | None = None) -> None:
        import numpy as np

        self.vectors = {tid: v for tid, v in vectors.items() if v}
        self._norms = {tid: math.sqrt(sum(x * x for x in v)) or 1.0
                       for tid, v in self.vectors.items()}
        self._ids = list(self.vectors)
        self._index = {tid: i for i, tid in enumerate(self._ids)}
        matrix = np.array([self.vectors[t] for t in self._ids], dtype=np.float64)
        norms = np.array([self._norms[t] for t in self._ids], dtype=np.float64)
        self._unit = matrix / norms[:, None] if len(self._ids) else matrix
        self._candidates, self._rows = candidates, rows
        self._nearest: dict[int, tuple[list[float], list[int], int]] = {}
        self._all: dict[int, tuple[list[float], list[int], int]] = {}
        # The same threads' neighbours by the meaning of their headline and first
        # message alone (``OverlapRules.meaning_opening``), when known.
        self.opening: MeaningNeighbours | None = None
        # Their shared nearest neighbours (``OverlapRules.meaning_shared``), when asked.
        self.shared: SharedNeighbours | None = None
        # Their ranks in wording among the candidates (``OverlapRules.meaning_wording``).
        self.wording: WordingRanks | None = None

    def _cosine(self, a: int, b: int) -> float:
        # The norms once per thread: a thread's cosines to a year of threads are most of
        # the evidence's time.
        dot: float = sum(map(operator.mul, self.vectors[a], self.vectors[b]))
        return dot / (self._norms[a] * self._norms[b])

    def cosine(self, a: int, b: int) -> float | None:
        """The cosine of the two threads' vectors, None when either has none."""
        if a not in self.vectors or b not in self.vectors:
            return None
        return self._cosine(a, b)

    def _row(self, a: int, most: int | None) -> tuple[list[float], list[int], int]:
        """``a``'s candidates by matrix cosine, nearest first (its ``most`` nearest, all
        when None), and how many candidates it has."""
        i = self._index[a]
        return self._select(i, self._unit @ self._unit[i], most)

    def _kept(self, a: int) -> tuple[list[float], list[int], int]:
        """``a``'s :data:`NEAREST_KEPT` nearest candidates, made with those of the
        threads beside it (:data:`ROWS_AT_ONCE`: one matrix product, not one a thread)."""
        if a not in self._nearest:
            start = self._index[a] - self._index[a] % ROWS_AT_ONCE
            block = self._unit[start:start + ROWS_AT_ONCE] @ self._unit.T
            for row, values in enumerate(block):
                tid = self._ids[start + row]
                if tid not in self._nearest:
                    self._nearest[tid] = self._select(start + row, values, NEAREST_KEPT)
        return self._nearest[a]

    def _select(self, i: int, values: Any, most: int | None
                ) -> tuple[list[float], list[int], int]:
        import numpy as np

        if self._rows is not None:
            mask = self._rows.mask(i, self._ids)
        else:
            a = self._ids[i]
            mask = np.array([other != a and self._candidates is not None
                             and self._candidates(a, other) for other in self._ids], dtype=bool)
        mask[i] = False
        chosen = np.flatnonzero(mask)
        if most is not None and most < len(chosen):
            chosen = chosen[np.argpartition(-values[chosen], most - 1)[:most]]
        chosen = chosen[np.argsort(-values[chosen], kind="stable")]
        return [float(x) for x in values[chosen]], [self._ids[j] for j in chosen], int(mask.sum())

    def possibly_within(self, most: int) -> set[tuple[int, int]]:
        """Ordered pairs (a, b) where ``b`` may be among ``a``'s ``most`` nearest: each
        pair of which each is among the other's ``most`` nearest is here both ways (the
        matrix cosines down to 2 ``TIE_MARGIN`` below a thread's ``most``-th nearest)."""
        found: set[tuple[int, int]] = set()
        for a in self._ids:
            values, ids, total = self._kept(a)
            if not values:
                continue
            floor = values[min(most, len(values)) - 1] - 2 * TIE_MARGIN
            if len(values) < total and values[-1] >= floor:
                values, ids, total = self._all_of(a)
            found.update((a, b) for value, b in zip(values, ids, strict=True) if value >= floor)
        return found

    def _nearer(self, a: int, cosine: float, cap: int | None) -> int:
        """How many of ``a``'s candidates are nearer to it than ``cosine`` (exact
        cosines), counted up to ``cap`` (None: all)."""
        values, ids, total = self._kept(a)
        if cap is None or cap >= len(values) < total:
            values, ids, total = self._all_of(a)
        count = 0
        for value, other in zip(values, ids, strict=True):
            if value < cosine - TIE_MARGIN:
                return count
            if value > cosine + TIE_MARGIN or self._cosine(a, other) > cosine:
                count += 1
                if cap is not None and count >= cap:
                    return count
        if len(values) < total:  # more than NEAREST_KEPT near-ties
            return self._nearer_all(a, cosine, cap)
        return count

    def _all_of(self, a: int) -> tuple[list[float], list[int], int]:
        """All of ``a``'s candidates in order (kept: ``overlaps evaluate --misses`` asks
        the full rank of each missed pair)."""
        if a not in self._all:
            self._all[a] = self._row(a, None)
        return self._all[a]

    def _nearer_all(self, a: int, cosine: float, cap: int | None) -> int:
        values, ids, _total = self._all_of(a)
        count = sum(1 for value, other in zip(values, ids, strict=True)
                    if value >= cosine - TIE_MARGIN and (value > cosine + TIE_MARGIN
                                                         or self._cosine(a, other) > cosine))
        return count if cap is None else min(count, cap)

    def rank(self, a: int, b: int) -> int | None:
        """1 + how many of ``a``'s candidates are nearer to it than ``b``."""
        cosine = self.cosine(a, b)
        if cosine is None:
            return None
        return 1 + self._nearer(a, cosine, None)

    def mutual_rank(self, a: int, b: int) -> int | None:
        """The larger of the two ranks: each is among the other's that many nearest."""
        first, second = self.rank(a, b), self.rank(b, a)
        return None if first is None or second is None else max(first, second)

    def within(self, a: int, b: int, most: int) -> bool:
        """Whether each thread is among the other's ``most`` nearest: ``mutual_rank`` at
        most ``most``, the thread whose neighbours are already known asked first, so
        that a pair that fails on it costs no other thread's cosines (the digest asks
        about every pair of a week's thread, and the week's threads are few)."""
        cosine = self.cosine(a, b)
        if cosine is None:
            return False
        first, second = (b, a) if b in self._nearest and a not in self._nearest else (a, b)
        return (self._nearer(first, cosine, most) < most
                and self._nearer(second, cosine, most) < most)


_MICROSECOND = timedelta(microseconds=1)


class Candidates:
    """Which threads each thread may be compared with, for all at once: another group
    (``groups``: the leading Sector) and active within ``window`` of it (``spans``:
    first and last activity, in whole microseconds; None for a thread without dates,
    which is close to every thread)."""

    def __init__(self, groups: Mapping[int, str], spans: Mapping[int, tuple[int, int] | None],
                 window: int) -> None:
        self._groups, self._spans, self._window = groups, spans, window
        self._arrays: tuple[Any, ...] | None = None

    @classmethod
    def of(cls, threads: Sequence[tuple[int, str, datetime | None, datetime | None]],
           window: timedelta) -> Candidates:
        """From (id, group, first activity, last activity) of each thread."""
        spans = {}
        for tid, _group, first, last in threads:
            if first is not None and last is not None:
                epoch = datetime(1970, 1, 1, tzinfo=first.tzinfo and UTC)
                spans[tid] = ((first - epoch) // _MICROSECOND, (last - epoch) // _MICROSECOND)
        return cls({tid: group for tid, group, _first, _last in threads}, spans,
                   window // _MICROSECOND)

    def _build(self, ids: Sequence[int]) -> tuple[Any, ...]:
        import numpy as np

        codes: dict[str, int] = {}
        group = np.array([codes.setdefault(self._groups[t], len(codes)) for t in ids])
        spans = [self._spans.get(t) for t in ids]
        dated = np.array([s is not None for s in spans], dtype=bool)
        first = np.array([s[0] if s else 0 for s in spans], dtype=np.int64)
        last = np.array([s[1] if s else 0 for s in spans], dtype=np.int64)
        return group, dated, first, last

    def mask(self, i: int, ids: Sequence[int]) -> Any:
        """Whether each of ``ids`` is a candidate of the ``i``-th (itself included)."""
        if self._arrays is None:
            self._arrays = self._build(ids)
        group, dated, first, last = self._arrays
        close = ~(dated & dated[i]) | ((first[i] - self._window <= last)
                                       & (first - self._window <= last[i]))
        return (group != group[i]) & close

    def around(self, i: int, ids: Sequence[int]) -> list[int]:
        """The positions of the ``i``-th thread's candidates among ``ids``."""
        import numpy as np

        mask = self.mask(i, ids)
        mask[i] = False
        return [int(j) for j in np.flatnonzero(mask)]

    def after(self, i: int, ids: Sequence[int]) -> list[int]:
        """The positions after the ``i``-th of its candidates among ``ids``."""
        import numpy as np

        return [i + 1 + int(j) for j in np.flatnonzero(self.mask(i, ids)[i + 1:])]


__all__ = ["MEANING_VERSION", "Candidates", "MeaningNeighbours", "embedded", "load_model",
           "meaning_available", "meaning_similarity", "meaning_text", "meaning_vectors", "meaning_version",
           "model_loaded", "packed_vector", "terms_text", "unpacked_vector"]
