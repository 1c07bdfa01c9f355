"""Paraphrase evidence for the duplication watch: how close two threads are in meaning
when they share few words ("returning old phones to manufacturers" beside "e-waste
collection and producer responsibility").

A thread's *meaning vector* is the WordLlama static embedding (``l2_supercat``, 256
dimensions, shipped inside the ``wordllama`` wheel: no download, no torch) of its content
terms as the watch reads them without the subject concepts
(:func:`overlap_text.thread_terms <iscg_mailbot.analyse.overlap_text.thread_terms>`):
each term's first spelling, repeated as often as it occurs up to
:data:`MOST_REPEATS`. Common words, the list's words and the liaison form's words are
left out before embedding, so two liaison statements on different subjects are not
close because their forms are. The vector does not depend on the other threads, so it
can be computed once per thread. Cost (measured): ~1 s to import and load the model
once per process (~110 MB), ~1.3 ms per thread.

    >>> round(meaning_similarity((1.0, 0.0), (0.6, 0.8)), 2)
    0.6
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from iscg_mailbot.analyse.overlap_text import thread_terms

# A term said many times says no more about the subject after a few times.
MOST_REPEATS = 3
# Raised when the vectors a text gives change (the model, the text embedded).
MEANING_VERSION = "wordllama-l2_supercat-256-1"

Vector = tuple[float, ...]


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


def meaning_text(subject: str, text: str, *, subjects: bool = True) -> str:
    """What is embedded of a thread: its content terms, spelled, in order."""
    read = thread_terms(subject, text, subjects=subjects)
    return " ".join(" ".join([word] * min(read.counts[term], MOST_REPEATS))
                    for term, word in read.spelled())


def meaning_vectors(texts: Sequence[tuple[str, str]], *, subjects: bool = True) -> list[Vector]:
    """The unit meaning vectors of threads given as (subject, text)."""
    if not texts:
        return []
    embedded = _model().embed([meaning_text(s, t, subjects=subjects) for s, t in texts],
                              norm=True)
    return [tuple(float(x) for x in row) for row in embedded]


def meaning_similarity(a: Sequence[float], b: Sequence[float]) -> float:
    """The cosine of two meaning vectors (0 when either is empty)."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))
    return dot / norm if norm else 0.0


__all__ = ["MEANING_VERSION", "meaning_similarity", "meaning_text", "meaning_vectors"]
