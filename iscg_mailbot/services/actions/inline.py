"""The parts of a reply answering quotes inline, each with the open items it quotes
(:mod:`~iscg_mailbot.analyse.closure_quotes`): the closure scan reads each item quoted
by the answer below its quote, and the others by the reply's whole new text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar, cast

from iscg_mailbot.analyse.closure_quotes import inline_answers, quoted_at
from iscg_mailbot.store.analysis_rows import MessageRow

T = TypeVar("T")


class _Part:
    """A message whose new text is one of its inline answers (all else the message's)."""

    def __init__(self, message: MessageRow, new_text: str) -> None:
        self._message = message
        self.new_text = new_text

    def __getattr__(self, name: str) -> Any:
        return getattr(self._message, name)

    @property
    def date(self) -> datetime | None:
        return self._message.date


def inline_parts(message: MessageRow, items: Sequence[T], sentence: Callable[[T], str]
                 ) -> list[tuple[MessageRow, list[T]]]:
    """``[(message, items)]`` for most replies; for one answering two or more quotes
    inline, the message with the items it quotes none of, then each answer (as a
    message) with the items its quote quotes."""
    pairs = inline_answers(message.body_text or "")
    if not pairs:
        return [(message, list(items))]
    quotes = [quote for quote, _ in pairs]
    rest: list[T] = []
    quoted: dict[int, list[T]] = defaultdict(list)
    for item in items:
        at = quoted_at(sentence(item), quotes)
        (rest if at is None else quoted[at]).append(item)
    return [(message, rest), *((cast(MessageRow, _Part(message, pairs[at][1])), group)
                               for at, group in sorted(quoted.items()))]
