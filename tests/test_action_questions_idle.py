"""Idle questions ("Why not?", "Right?") ask nothing; the test of one is linear.

The pattern that tells them (at most two words before the "?") tried every split of a
long word of a question that has more: a question holding a 20,000-letter token (a
pasted key, a hash run together) took seconds. Its runs are possessive now; it tells
the same questions apart (held to the old pattern here).
"""

from __future__ import annotations

import re
import time

from hypothesis import given
from hypothesis import strategies as st

from iscg_mailbot.analyse.actions import find_questions
from iscg_mailbot.records import ActionInput

# The pattern as it was before: the reference for what is an idle question.
_OLD_IDLE = re.compile(r"^(?:\W*\w+){0,2}\W*\?$")


def _asks(text: str) -> bool:
    return bool(find_questions(ActionInput(text, None)))


def test_idle_questions_ask_nothing() -> None:
    assert not _asks("Why not?")
    assert not _asks("Right?")
    assert _asks("Could TSB confirm the dates?")


def test_a_question_with_a_huge_token_is_read_in_linear_time() -> None:
    text = "a" * 20_000 + " is the key?"  # the long word first: every split tried
    began = time.process_time()
    found = find_questions(ActionInput(text, None))
    assert time.process_time() - began < 2.0
    assert [q.kind for q in found] == ["question"]


@given(st.text(alphabet="ab1_ ?!.\n\u00e9-", max_size=24))
def test_idle_question_pattern_tells_what_the_old_one_told(text: str) -> None:
    from iscg_mailbot.analyse.action_rhetoric import _IDLE_QUESTION

    assert bool(_IDLE_QUESTION.match(text)) == bool(_OLD_IDLE.match(text))
