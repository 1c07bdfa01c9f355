"""What analysis reports, and its work per transaction: what a process that only starts
analysis workers and reads their reports (the importing process) needs of analysis,
without importing the analysis code (~0.2 s of CPU: its rules are compiled on import).
``services/analysis.py`` re-exports both."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

#: Work per transaction, in seconds: what a kill can cost at most.
TARGET_SECONDS = 1.0


@dataclass
class AnalysisReport:
    """What one call of :func:`~iscg_mailbot.services.analysis.analyse_pending` did.

    ``failed`` lists (thread id, reason) of threads whose analysis raised; they are
    retried later (see ``status``). A thread that got mail again while it was analysed
    is analysed again and counted once.
    """

    thread_ids: set[int] = field(default_factory=set)
    messages: int = 0
    actions_added: int = 0
    actions_closed: int = 0
    topics_added: Counter[str] = field(default_factory=Counter)
    transactions: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)

    @property
    def threads(self) -> int:
        """Threads analysed."""
        return len(self.thread_ids)

    @property
    def tagged_threads(self) -> int:
        return sum(self.topics_added.values())

    def merge(self, other: AnalysisReport) -> None:
        """Add another analyser's report (a worker process's) to this one."""
        self.thread_ids |= other.thread_ids
        self.messages += other.messages
        self.actions_added += other.actions_added
        self.actions_closed += other.actions_closed
        self.topics_added.update(other.topics_added)
        self.transactions += other.transactions
        self.failed.extend(other.failed)


__all__ = ["TARGET_SECONDS", "AnalysisReport"]
