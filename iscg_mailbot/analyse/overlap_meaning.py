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
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from iscg_mailbot.analyse.overlap_text import ReadTerms, thread_terms

# A term said many times says no more about the subject after a few times.
MOST_REPEATS = 3
# Raised when the vectors a text gives change (the text embedded, the model's use).
MEANING_VERSION = 2

Vector = tuple[float, ...]


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
    return " ".join(" ".join([word] * min(counts[term], MOST_REPEATS))
                    for term, word in read.spelled())


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
    return [tuple(float(x) for x in embed([text], norm=True)[0]) for text in texts]


def meaning_vectors(texts: Sequence[tuple[str, str]], *, subjects: bool = True) -> list[Vector]:
    """The unit meaning vectors of threads given as (subject, text)."""
    return embedded([meaning_text(s, t, subjects=subjects) for s, t in texts])


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
    ``candidates(a, b)`` allows (led by another Sector, active within the window).
    Each thread's cosines are computed when first asked for: the watch asks only about
    the pairs that reach the meaning evidence."""

    def __init__(self, vectors: dict[int, Vector],
                 candidates: Callable[[int, int], bool]) -> None:
        self.vectors = {tid: v for tid, v in vectors.items() if v}
        self._norms = {tid: math.sqrt(sum(x * x for x in v)) or 1.0
                       for tid, v in self.vectors.items()}
        self._candidates = candidates
        self._cosines: dict[int, list[float]] = {}

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

    def rank(self, a: int, b: int) -> int | None:
        """1 + how many of ``a``'s candidates are nearer to it than ``b``."""
        cosine = self.cosine(a, b)
        if cosine is None:
            return None
        if a not in self._cosines:
            self._cosines[a] = [self._cosine(a, other) for other in self.vectors
                                if other != a and self._candidates(a, other)]
        return 1 + sum(1 for value in self._cosines[a] if value > cosine)

    def mutual_rank(self, a: int, b: int) -> int | None:
        """The larger of the two ranks: each is among the other's that many nearest."""
        first, second = self.rank(a, b), self.rank(b, a)
        return None if first is None or second is None else max(first, second)

    def within(self, a: int, b: int, most: int) -> bool:
        """Whether each thread is among the other's ``most`` nearest: ``mutual_rank`` at
        most ``most``, the thread whose cosines are already known asked first, so that
        a pair that fails on it costs no other thread's cosines (the digest asks about
        every pair of a week's thread, and the week's threads are few)."""
        first, second = (b, a) if b in self._cosines and a not in self._cosines else (a, b)
        rank = self.rank(first, second)
        if rank is None or rank > most:
            return False
        rank = self.rank(second, first)
        return rank is not None and rank <= most


__all__ = ["MEANING_VERSION", "MeaningNeighbours", "embedded", "load_model", "meaning_available",
           "meaning_similarity", "meaning_text", "meaning_vectors", "meaning_version",
           "model_loaded", "packed_vector", "terms_text", "unpacked_vector"]
