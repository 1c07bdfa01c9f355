"""A day and month in figures that can only be read month first ("by 5/14", "by 5/28":
no fourteenth month) is read so, as American mail writes it (the fifth and sixteenth
writers); a date that reads either way stays day first, ITU's order, unless a weekday
or the message's day says otherwise (tests/test_action_due_forms.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

# A Tuesday.
SENT = datetime(2027, 5, 4, 9, 0, tzinfo=UTC)


def _dues(text: str) -> list[date | None]:
    return [item.due for item in extract_actions(ActionInput(text, SENT))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Could BR circulate the draft chapter by 5/14?", date(2027, 5, 14)),
    ("Could TSB send SG20's comments by 5/21?", date(2027, 5, 21)),
    ("Please send me your slides by 5/28.", date(2027, 5, 28)),
    ("Please send me your slides by 12/31.", date(2027, 12, 31)),
])
def test_month_first_when_no_day_first_reading(text: str, expected: date) -> None:
    assert _dues(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Please send me your slides by 5/7.", date(2027, 7, 5)),  # day first: both near
    # (act-due2: "by 5/12" on 4 May is 12 May, 5 December being seven months away;
    # tests/test_action_due_forms.py)
    ("Please send me your slides by 28/5.", date(2027, 5, 28)),
])
def test_day_first_when_it_reads(text: str, expected: date) -> None:
    assert _dues(text) == [expected]


@pytest.mark.parametrize("text", [
    "Please send me your slides by 5/35.",  # neither reading is a day
    "Please send me the figures by 12.31.",  # a number with a full stop: no month first
])
def test_no_date_either_way(text: str) -> None:
    assert _dues(text) == [None]
