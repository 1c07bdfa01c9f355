"""The date of a Day the calendar observes ("the International Girls in ICT Day on 22
April", "For the day of girls in technology on 22 April") is when the Day is held, not a
deadline of the work said around it (the second and fourth writers label none)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def _dues(text: str) -> list[date | None]:
    return [item.due for item in extract_actions(ActionInput(text, SENT))]


def test_an_observed_days_date_is_no_deadline() -> None:
    assert _dues("TDAG will coordinate a joint web page for the International Girls in "
                 "ICT Day on 22 April, showing what each Sector does.") == [None]
    assert _dues("TDAG will coordinate a joint web page for the day of girls in "
                 "technology on 22 April.") == [None]


def test_the_work_dated_otherwise_keeps_its_date() -> None:
    # The pair: the same work with its own day.
    assert _dues("TDAG will coordinate a joint web page on 22 April, showing what each "
                 "Sector does.") == [date(2027, 4, 22)]
    assert _dues("Could the Bureaux send their profiles for the International Girls in "
                 "ICT Day by 12 March?") == [date(2027, 3, 12)]
