"""The duplication watch: two Sectors (or the General Secretariat) working on the same
subject in separate threads.

A pair of threads is flagged when

* different Sectors lead them (:func:`iscg_mailbot.analyse.sectors.leading_sector`; a
  thread no Sector leads is never flagged),
* they were active within ``window_days`` of each other,
* neither headline is about an event, and the two do not already work together: neither
  names a document the other names (a TD or LS passed on), neither headline names the
  other headline's body or titled work, and neither headline names the other thread's
  Sector (a liaison, an invitation or data addressed to it)
  (:mod:`iscg_mailbot.analyse.overlap_headlines`),
* and they share a subject topic (not the process topics ``governance`` and ``events``)
  and close wording (:class:`iscg_mailbot.analyse.overlap_text.TextSimilarity`: TF-IDF
  of lemmas and ITU-domain concepts, text and headline, at least ``min_similarity``), or
  their wording alone is very close (``strong_similarity``).

The ITU entities both name (Questions, study groups, resolutions) are reported as
evidence; on the labelled pairs of the sample they did not tell overlaps apart on their
own (SG17 or Resolution 191 are named in many unrelated threads), so they do not decide.
Each :class:`OverlapFlag` names the two threads, their Sectors and the shared evidence.
Pure: thread records in, flags out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from iscg_mailbot.analyse.overlap_headlines import is_event, names_the_other, sectors_named
from iscg_mailbot.analyse.overlap_text import TextSimilarity
from iscg_mailbot.analyse.sectors import SECTORS

# Entities specific enough to show two threads are on the same work. Sector, Bureau and
# advisory-group names, conferences and the word "LS" are named everywhere.
SPECIFIC_LABELS = frozenset({"QUESTION", "STUDY_GROUP", "WORKING_PARTY", "DOCUMENT",
                             "RESOLUTION"})

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
    """The watch's settings (the defaults were set on the dev parts of the labelled pairs
    of the sample and of ``eval/overlaps``)."""

    window_days: int = 90
    min_similarity: float = 0.12
    strong_similarity: float = 0.40


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
    terms: tuple[str, ...] = ()

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
        similarity = f"text similarity {self.similarity:.2f}"
        if self.terms:
            similarity += " (" + ", ".join(self.terms) + ")"
        parts.append(similarity)
        return "; ".join(parts)


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


def _addresses(a: ThreadView, b: ThreadView) -> bool:
    """Whether ``a``'s headline names ``b``'s Sector, not its own: a liaison, an
    invitation or data addressed to that Sector's work."""
    return b.sector != a.sector and b.sector in sectors_named(a.subject)


def _works_apart(a: ThreadView, b: ThreadView) -> bool:
    """Whether the two threads could be separate work on one subject: neither is about an
    event, and neither works with the other (passes its document on, or names its body
    or titled work in the headline)."""
    if is_event(a.subject) or is_event(b.subject):
        return False
    if _documents(a) & _documents(b):
        return False  # one thread passes the other's document on: they work together
    if _addresses(a, b) or _addresses(b, a):
        return False
    return not names_the_other(a.subject, b.subject)


def _flag(a: ThreadView, b: ThreadView, text: TextSimilarity,
          rules: OverlapRules) -> OverlapFlag | None:
    """The flag for a pair of threads led by two Sectors and active together, or None."""
    if not _works_apart(a, b):
        return None
    similarity = text(a.id, b.id)
    topics = tuple(sorted(set(a.topics) & set(b.topics)))
    subject_topics = set(topics) - PROCESS_TOPICS
    if not ((subject_topics and similarity >= rules.min_similarity)
            or similarity >= rules.strong_similarity):
        return None
    entities = tuple(sorted(_specific(a.entities) & _specific(b.entities)))
    first, second = (a, b) if a.id < b.id else (b, a)
    return OverlapFlag(first.id, second.id, first.sector or "", second.sector or "", topics,
                       entities, round(similarity, 3), tuple(text.shared(a.id, b.id)))


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
    text = TextSimilarity({t.id: (t.subject, t.text) for t in threads})
    window = timedelta(days=rules.window_days)
    skip = set(dismissed)
    flags = []
    for index, a in enumerate(led):
        for b in led[index + 1:]:
            if wanted is not None and a.id not in wanted and b.id not in wanted:
                continue
            if (a.sector == b.sector or not _close_in_time(a, b, window)
                    or f"{min(a.id, b.id)}-{max(a.id, b.id)}" in skip):
                continue
            flag = _flag(a, b, text, rules)
            if flag is not None:
                flags.append(flag)
    return sorted(flags, key=lambda f: (-len(f.entities), -f.similarity, f.pair_key))


__all__ = ["OverlapFlag", "OverlapRules", "ThreadView", "find_overlaps"]
