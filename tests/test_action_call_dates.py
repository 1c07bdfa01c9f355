"""A call dated earlier in the message, pointed back to (action round 9; minimal pairs of
our own wording, each first assertion failed before):

- "before the call": the call's day is the event's, what is asked is due the day before
  (as "before our meeting on 20 July" already was);
- "within a week after the call": counted from the call's day.

A call with no date before it gives no date; "before the meeting" dated before is now
the day before, like the call, and so is "before our next meeting" (act-due2: w18 and
w21 label "before the next call" the day before, as the calendar reads "before the next
TSAG meeting"; it kept the meeting's day before).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 1, 20, 12, 0, tzinfo=timezone(timedelta(hours=1)))


def dues(text: str) -> list[date | None]:
    found = extract_actions(ActionInput(new_text="Dear all,\n\n" + text, date=SENT))
    return [c.due for c in found]


def test_before_the_call_dated_earlier_is_the_day_before() -> None:
    text = ("A reminder of our short call on Tuesday 26 January at 14:00. "
            "BDT and TSB, could you send a short status before the call?")
    assert dues(text) == [date(2027, 1, 25)]
    undated = ("A reminder of our short call next week. "
               "BDT and TSB, could you send a short status before the call?")
    assert dues(undated) == [None]


def test_a_commitment_before_the_call_named_in_the_reply() -> None:
    text = "I would like to join the call on 19 February. I will share a short note before the call."
    assert dues(text) == [date(2027, 2, 18)]
    assert dues("I will share a short note before the call.") == [None]


def test_within_a_week_after_the_call() -> None:
    text = ("Thank you for joining the call on 16 February. "
            "We will circulate the minutes within a week after the call.")
    assert dues(text) == [date(2027, 2, 23)]


def test_before_our_next_meeting_is_the_day_before() -> None:
    # "the next meeting" dated before is an event like the call and "the meeting"; "by
    # our next meeting" keeps its day.
    text = ("Our next meeting is on 9 March. "
            "Could TSB send the draft before our next meeting?")
    assert dues(text) == [date(2027, 3, 8)]
    assert dues(text.replace("before our next", "by our next")) == [date(2027, 3, 9)]
    assert dues(text.replace("before our next meeting", "before the meeting")) == [
        date(2027, 3, 8)]
