"""The questions of an item's message, found in one pass (closure by points)."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse.closure_points import point_of, question_spans

# The pattern question_spans replaces: the same spans, in quadratic time.
_OLD_QUESTION = re.compile(r"[^.?!\n]*(?:\n(?!\s*\n)[^.?!\n]*)*\?")
_PIECES = ["a", "is it", " ", "\n", "\n\n", " \n", "\t", "\r", "\x0b", "\u2028", "?", ".", "!",
           "\u00a0", "1) ", "- "]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=20))
def test_question_spans_are_those_of_the_old_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert question_spans(text) == [m.span() for m in _OLD_QUESTION.finditer(text)]


def test_a_long_paragraph_without_a_question_is_read_in_linear_time() -> None:
    # 20,000 characters with no sentence end: the old pattern took ~8 s of CPU.
    text = "Two questions: is it free? Who runs it? " + "word " * 4000
    started = time.process_time()
    assert point_of(text, 20) == 1
    assert point_of(text, len(text) - 1) is None
    assert time.process_time() - started < 1.0
