"""A day the month has not that year is no date and no crash (issue 13, hostile).

A date without a year is this year's unless that is more than a month past, then next
year's. "29 February" written in December 2027 is 29 February 2028, as "29/02" already
was (date_phrases reads the year by the month's 28th); the named month asked the year
of a date that does not exist and gave up. Written in January or March 2027 it is this
year's, which has no such day: no date, not another day. A meeting's span with a last
day its month has not ("our meeting on 27-30 February") raised ValueError in the
counting of a deadline after the meeting: that meeting gives no day now.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from iscg_mailbot.analyse.action_back_dates import meeting_day
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput


def _due(text: str, sent: datetime) -> date | None:
    [item] = extract_actions(ActionInput(text, sent))
    return item.due


@pytest.mark.parametrize("day", ["29 February", "February 29", "the 29th of February",
                                 "29/02", "29.02"])
@pytest.mark.parametrize(("sent", "due"), [
    (datetime(2027, 1, 10, tzinfo=UTC), None),   # this year's: 2027 has no 29 February
    (datetime(2027, 3, 15, tzinfo=UTC), None),   # the recent past's: none either
    (datetime(2027, 12, 1, tzinfo=UTC), date(2028, 2, 29)),  # next year's
    (datetime(2028, 2, 1, tzinfo=UTC), date(2028, 2, 29)),
    (datetime(2028, 12, 20, tzinfo=UTC), None),  # next year's: 2029 has none
])
def test_29_february_is_dated_only_in_a_leap_year(day: str, sent: datetime,
                                                  due: date | None) -> None:
    assert _due(f"Please send it by {day}.", sent) == due


@pytest.mark.parametrize("text", [
    "Our meeting on 27-30 February went well. Please send it within two weeks after the meeting.",
    "Please send the report within two weeks after our meeting on 27-29 February 2027.",
    "Please send the report within one week after the meeting on 9-45 March.",
])
def test_a_meetings_impossible_last_day_is_no_day(text: str) -> None:
    sent = datetime(2027, 1, 10, tzinfo=UTC)
    assert meeting_day(text, len(text), after=True, sent=sent) is None
    extract_actions(ActionInput(text, sent))  # no ValueError


def test_a_meetings_last_day_still_counts() -> None:
    text = "Please send the report within two weeks after our meeting on 9-11 March."
    assert meeting_day(text, len(text), after=True,
                       sent=datetime(2027, 1, 10, tzinfo=UTC)) == date(2027, 3, 11)
