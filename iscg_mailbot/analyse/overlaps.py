"""The duplication watch: two Sectors (or the General Secretariat) working on the same
subject in separate threads.

A pair of threads is flagged when

* different Sectors lead them (:func:`iscg_mailbot.analyse.sectors.leading_sector`; a
  thread no Sector leads is never flagged),
* they were active within ``window_days`` of each other,
* neither names a document the other names (a TD or LS passed from one thread to the
  other means the two already work together),
* and they share a subject topic (not the process topics ``governance`` and ``events``)
  and close wording (TF-IDF cosine of their text at least ``min_similarity``), or their
  wording alone is very close (``strong_similarity``).

The ITU entities both name (Questions, study groups, resolutions) are reported as
evidence; on the labelled pairs of the sample they did not tell overlaps apart on their
own (SG17 or Resolution 191 are named in many unrelated threads), so they do not decide.
Each :class:`OverlapFlag` names the two threads, their Sectors and the shared evidence.
Pure: thread records in, flags out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from iscg_mailbot.analyse.sectors import SECTORS

# Entities specific enough to show two threads are on the same work. Sector, Bureau and
# advisory-group names, conferences and the word "LS" are named everywhere.
SPECIFIC_LABELS = frozenset({"QUESTION", "STUDY_GROUP", "WORKING_PARTY", "DOCUMENT",
                             "RESOLUTION"})
_WORD = re.compile(r"[a-z][a-z0-9-]{2,}")
# Mail courtesies and the list's everyday words: they make any two threads look alike.
_STOP = frozenset("""
the and for with that this from have has are was were will would could should can may
our your their its his her they them you all any each other also more most some such
not but into than then there here what which who whom whose when where how about over
under between within without through during before after above below again further once
dear colleagues colleague regards best thank thanks kind please find attached note
information iscg itu members member list meeting meetings group sector sectors secretariat
itu-t itu-r itu-d bdt tsb study question questions work draft new next first year
""".split())  # noqa: SIM905 - a word list reads best as text


@dataclass(frozen=True)
class ThreadView:
    """What the watch reads of a thread."""

    id: int
    subject: str
    text: str
    sector: str | None
    topics: tuple[str, ...]
    entities: tuple[tuple[str, str], ...]   # (label, key)
    first: datetime | None
    last: datetime | None


# Topics about the group's own process: sharing them says nothing about the work.
PROCESS_TOPICS = frozenset({"governance", "events"})


@dataclass(frozen=True)
class OverlapRules:
    """The watch's settings (the defaults were set on the labelled pairs of the sample)."""

    window_days: int = 90
    min_similarity: float = 0.15
    strong_similarity: float = 0.35


@dataclass(frozen=True)
class OverlapFlag:
    """A possible duplication: two threads, their Sectors, and why."""

    thread_a: int
    thread_b: int
    sector_a: str
    sector_b: str
    topics: tuple[str, ...]
    entities: tuple[str, ...]
    similarity: float

    @property
    def pair_key(self) -> str:
        """"12-40": the pair, smaller thread id first (how dismissals are stored)."""
        return f"{min(self.thread_a, self.thread_b)}-{max(self.thread_a, self.thread_b)}"

    @property
    def evidence(self) -> str:
        """The shared evidence in words."""
        parts = []
        if self.topics:
            parts.append("topics " + ", ".join(self.topics))
        if self.entities:
            parts.append("both name " + ", ".join(self.entities))
        parts.append(f"text similarity {self.similarity:.2f}")
        return "; ".join(parts)


def _words(text: str) -> Counter[str]:
    return Counter(w for w in _WORD.findall(text.lower()) if w not in _STOP)


class _Vectors:
    """TF-IDF vectors (log tf, smooth idf), unit length, of the threads; each made when
    first asked for (a digest compares its week's threads only, but the document
    frequencies count every thread of the window)."""

    def __init__(self, threads: Sequence[ThreadView]) -> None:
        self.counts = {t.id: _words(f"{t.subject}\n{t.subject}\n{t.text}") for t in threads}
        self.documents = Counter(word for words in self.counts.values() for word in words)
        self.total = len(threads)
        self.made: dict[int, dict[str, float]] = {}

    def __getitem__(self, thread_id: int) -> dict[str, float]:
        found = self.made.get(thread_id)
        if found is None:
            vector = {w: (1 + math.log(n)) * math.log((1 + self.total)
                                                      / (1 + self.documents[w])) + 0.0
                      for w, n in self.counts[thread_id].items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            found = self.made[thread_id] = {w: v / norm for w, v in vector.items()}
        return found


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(word, 0.0) for word, value in a.items())


def _close_in_time(a: ThreadView, b: ThreadView, window: timedelta) -> bool:
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return True
    return a.first - window <= b.last and b.first - window <= a.last


def _specific(entities: Iterable[tuple[str, str]]) -> set[str]:
    found = set()
    for label, key in entities:
        if label in SPECIFIC_LABELS:
            # "SG17" and "ITU-T SG17" are one group.
            found.add(re.sub(r"^ITU-[RTD]\s+", "", key.upper()))
    return found


def _documents(thread: ThreadView) -> set[str]:
    return {key.upper() for label, key in thread.entities if label == "DOCUMENT"}


def find_overlaps(threads: Sequence[ThreadView], rules: OverlapRules | None = None,
                  dismissed: Iterable[str] = (),
                  involving: Collection[int] | None = None) -> list[OverlapFlag]:
    """Flags for every pair of threads that looks like duplicated work, strongest first.

    ``dismissed`` holds pair keys ("12-40") the chair dismissed: never flagged again.
    ``involving`` (the digest's threads of the week) keeps only the pairs with one of
    these threads, and compares no other pair: the same flags as filtering afterwards.
    """
    rules = rules or OverlapRules()
    led = [t for t in threads if t.sector in SECTORS]
    wanted = None if involving is None else set(involving)
    vectors = _Vectors(threads)
    window = timedelta(days=rules.window_days)
    skip = set(dismissed)
    flags = []
    for index, a in enumerate(led):
        for b in led[index + 1:]:
            if wanted is not None and a.id not in wanted and b.id not in wanted:
                continue
            if a.sector == b.sector or not _close_in_time(a, b, window):
                continue
            key = f"{min(a.id, b.id)}-{max(a.id, b.id)}"
            if key in skip:
                continue
            if _documents(a) & _documents(b):
                continue  # one thread passes the other's document on: they work together
            topics = tuple(sorted(set(a.topics) & set(b.topics)))
            entities = tuple(sorted(_specific(a.entities) & _specific(b.entities)))
            similarity = _cosine(vectors[a.id], vectors[b.id])
            subject_topics = set(topics) - PROCESS_TOPICS
            if (subject_topics and similarity >= rules.min_similarity) or (
                    similarity >= rules.strong_similarity):
                first, second = (a, b) if a.id < b.id else (b, a)
                flags.append(OverlapFlag(first.id, second.id, first.sector or "",
                                         second.sector or "", topics, entities,
                                         round(similarity, 3)))
    return sorted(flags, key=lambda f: (-len(f.entities), -f.similarity, f.pair_key))


__all__ = ["OverlapFlag", "OverlapRules", "ThreadView", "find_overlaps"]
