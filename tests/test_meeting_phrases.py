"""Meeting-tied deadlines worded otherwise: which of a body's meetings ("the January TSAG
meeting", "the 2027 TDAG meeting"), a study group without its Sector ("the SG17
meeting"), its opening ("by the start of TSAG") and months before it ("one month before
the TSAG meeting", which was read as the day before)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.analyse.meeting_dates import date_from_meetings, find_meeting_due
from iscg_mailbot.records import ActionInput
from iscg_mailbot.settings.meetings import Meeting, MeetingsConfig

CALENDAR = MeetingsConfig(meetings=(
    Meeting(id="tsag-27", body="TSAG", start=date(2027, 1, 25), end=date(2027, 1, 29)),
    Meeting(id="tsag-27b", body="TSAG", start=date(2027, 9, 20), end=date(2027, 9, 24)),
    Meeting(id="tdag-27", body="TDAG", start=date(2027, 2, 8), end=date(2027, 2, 10)),
    Meeting(id="tdag-28", body="TDAG", start=date(2028, 2, 7), end=date(2028, 2, 9)),
    Meeting(id="sg17-27", body="ITU-T SG17", start=date(2027, 4, 13), end=date(2027, 4, 22)),
    Meeting(id="iscg-26-12", body="ISCG", start=date(2026, 12, 2)),
))
DAY = date(2026, 10, 7)


@pytest.mark.parametrize(("text", "day", "meeting"), [
    ("Please send comments before the January TSAG meeting.", date(2027, 1, 24), "tsag-27"),
    ("Please send comments before the September TSAG meeting.", date(2027, 9, 19), "tsag-27b"),
    ("Please send comments before the 2028 TDAG meeting.", date(2028, 2, 6), "tdag-28"),
    ("Please send comments before the SG17 meeting.", date(2027, 4, 12), "sg17-27"),
    ("Please send comments before the April SG17 meeting.", date(2027, 4, 12), "sg17-27"),
    ("Please send comments by the December ISCG meeting.", date(2026, 12, 2), "iscg-26-12"),
    ("Please send comments by the start of TSAG.", date(2027, 1, 25), "tsag-27"),
    ("Please send comments by the opening of the TSAG meeting.", date(2027, 1, 25), "tsag-27"),
    ("Please send comments no later than one month before the TSAG meeting.",
     date(2026, 12, 25), "tsag-27"),
])
def test_which_meeting_and_which_day(text: str, day: date, meeting: str) -> None:
    due = find_meeting_due(text, DAY, CALENDAR)
    assert due is not None and (due.value, due.meeting_id) == (day, meeting)


@pytest.mark.parametrize("text", [
    "Please send comments before the March TSAG meeting.",  # TSAG does not meet in March
    "Please send comments before the SG5 meeting.",  # no SG5 meeting in the calendar
    "Please send comments before the 2029 TDAG meeting.",
])
def test_no_such_meeting_gives_no_date(text: str) -> None:
    assert find_meeting_due(text, DAY, CALENDAR) is None


def test_a_request_is_dated_from_the_calendar() -> None:
    sent = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    items = extract_actions(ActionInput(
        new_text="Could BR send its comments before the January TSAG meeting?", date=sent))
    (item,) = date_from_meetings(items, sent, CALENDAR)
    assert (item.owner, item.due, item.due_meeting) == ("BR", date(2027, 1, 24), "tsag-27")
