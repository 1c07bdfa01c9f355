"""A day said with the part of the day or the hour something happens then ("a room for a
side meeting at lunchtime on 7 October", "a test session on Friday at 11:00") is when it
is held, not a deadline of the work around it (the seventeenth and first writers)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

# A Wednesday.
SENT = datetime(2027, 4, 7, 9, 0, tzinfo=UTC)


def _dues(text: str) -> list[date | None]:
    return [item.due for item in extract_actions(ActionInput(text, SENT))]


def test_a_part_of_the_day_makes_it_held() -> None:
    assert date(2027, 10, 7) not in _dues(
        "I will ask the host for a room for a short side meeting at lunchtime on 7 October.")
    # The pair: the same day with no part of it is the request's. (Said after "check
    # whether", the day is what is checked, no deadline either: tests/test_action_asked_dates.py.)
    assert _dues("I will ask the host for a room for a short side meeting on 7 October."
                 ) == [date(2027, 10, 7)]


def test_a_weekday_with_its_hour_is_when_it_is_held() -> None:
    assert _dues("We will do a test session of the new platform on Friday at 11:00.") == [None]
    assert _dues("We will do a test session of the new platform on Friday.") == [
        date(2027, 4, 9)]


def test_a_marked_day_keeps_its_part() -> None:
    assert _dues("Please send me your slides by noon on 9 April.") == [date(2027, 4, 9)]
