"""Where a message's items are, for the passes that ask it of every sentence.

Each question sentence looking at every item was quadratic in a long list of questions
and requests ("Could BR check it? Is it ready? " repeated): :class:`ItemSpans` sorts
the items' spans once and answers by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

from iscg_mailbot.records import ActionCandidate


class ItemSpans:
    """The items' spans, sorted once, for the questions' tests of where the items are:
    each question sentence looking at every item was quadratic in a long list of
    questions and requests ("Could BR check it? Is it ready? " repeated)."""

    def __init__(self, items: Sequence[ActionCandidate]) -> None:
        keyed = sorted((item.span[0], item.span[1], position)
                       for position, item in enumerate(items))
        self.starts = [a for a, _, _ in keyed]
        self.positions = [position for _, _, position in keyed]
        self.reach = list(accumulate((b for _, b, _ in keyed), max))
        self.first_end = min((b for _, b, _ in keyed), default=None)

    def starting_in(self, start: int, end: int) -> list[int]:
        """The positions of the items that start in ``start:end``."""
        return self.positions[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def ends_by(self, pos: int) -> bool:
        """Whether an item ends at or before ``pos``."""
        return self.first_end is not None and self.first_end <= pos

    def holding(self, pos: int) -> bool:
        """Whether an item's span holds ``pos``."""
        last = bisect_right(self.starts, pos) - 1
        return last >= 0 and self.reach[last] > pos

    def overlapping(self, start: int, end: int) -> bool:
        """Whether an item's span starts before ``end`` and ends after ``start``."""
        index = bisect_left(self.starts, end)
        return index > 0 and self.reach[index - 1] > start


__all__ = ["ItemSpans"]
