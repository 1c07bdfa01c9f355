"""Days held, not due, are read in linear time (review of session 36's later merges).

A commitment's day is the first week or weekday said after it that no later event
("after the meeting") precedes; since act-dates2 a weekday said with its hour ("on
Friday at 11:00") is when something is held and is passed over. Each day passed over
searched the whole text from the commitment to it for a later event: a 50,000-character
"I will send it on Friday at 11:00 on Friday at 11:00 ..." took ~4 s to extract (0.2 s
before act-dates2, which stopped at the first day). The later event is searched once now.
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


@pytest.mark.parametrize("unit", [" on Friday at 11:00", " after the meeting on Friday at 11:00"])
def test_many_days_held_are_passed_over_in_linear_time(unit: str) -> None:
    text = "I will send it" + unit * (50_000 // len(unit)) + "."
    started = time.process_time()
    _dues(text)
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize(("text", "due"), [
    ("I will send it on Friday at 11:00 or next week.", date(2027, 4, 16)),
    ("I will send it after the meeting on Friday at 11:00 or next week.", None),
    ("I will send it on Friday.", date(2027, 4, 9)),
    ("I will send it after the meeting on Friday.", None),
])
def test_the_day_after_a_held_one_is_still_the_commitments(text: str, due: date | None) -> None:
    assert _dues(text) == [due]
