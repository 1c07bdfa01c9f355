"""Framing clauses are read in linear time (issue 13, linear).

Since act-dates2 a day said in a clause framing the item ("if we meet on 1 June, TSB will
send it") is not the item's deadline. For each such day the frame's opener was searched
from the text's start and the deadline nouns from its comma to the text's end: "if we meet
on 1 June, " repeated to 50,000 characters before "TSB will send it." took 11-13 s to
extract. The opener is searched from the clause before the day and the nouns once a text.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 4, 7, 9, 0, tzinfo=UTC)  # a Wednesday


def _dues(text: str) -> list[date | None]:
    return [item.due for item in extract_actions(ActionInput(text, SENT))]


@pytest.mark.parametrize("unit", ["if we meet on 1 June, ", "and if we meet on 1 June, , "])
def test_many_framing_clauses_are_read_in_linear_time(unit: str) -> None:
    text = unit * (50_000 // len(unit)) + "TSB will send it."
    started = time.process_time()
    _dues(text)
    assert time.process_time() - started < 3.0


@pytest.mark.parametrize(("text", "due"), [
    ("If we meet on 1 June, TSB will send it.", None),
    ("We meet on 1 June, and TSB will send it by then.", None),
    ("Once the ISCG agrees on 1 June, TSB will send it before the ISCG meets.",
     date(2027, 6, 1)),
    ("For the meeting on 9 June, TSB will send it.", date(2027, 6, 9)),
    ("TSB will send it on 1 June, if we meet.", date(2027, 6, 1)),
])
def test_a_framed_day_is_still_not_the_items(text: str, due: date | None) -> None:
    assert _dues(text) == [due]
