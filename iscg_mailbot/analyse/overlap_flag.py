"""A flag of the duplication watch (:mod:`iscg_mailbot.analyse.overlaps`): two threads,
their Sectors and the evidence they share, in words for the chair."""

from __future__ import annotations

from dataclasses import dataclass


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
    concepts: tuple[str, ...] = ()
    meaning: float | None = None
    # The thread of a third Sector flagged beside both (the flag's only ground beside
    # the meaning evidence), or None.
    beside: int | None = None

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
        if self.concepts:
            parts.append("subjects " + ", ".join(self.concepts))
        similarity = f"text similarity {self.similarity:.2f}"
        if self.terms:
            similarity += " (" + ", ".join(self.terms) + ")"
        parts.append(similarity)
        if self.meaning is not None:
            parts.append(f"texts close in meaning: {self.meaning:.2f}")
        if self.beside is not None:
            parts.append(f"both flagged beside thread {self.beside} of a third Sector")
        return "; ".join(parts)


__all__ = ["OverlapFlag"]
