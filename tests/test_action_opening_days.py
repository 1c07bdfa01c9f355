"""A day the work starts after is no deadline (issue 13, action round 8): "I will share
the note after our call with WMO on 20 April" was due on 20 April, the only date of
the sentence taken as its deadline. The seventh writer's dev part labels it undated
(w7-002); "From 1 January please write to them" (w8-006) was dated the same way. A
marked date ("by 3 May, after the call") stays the deadline, and "from <a place> on
<day>" is where, not since when. Our own wording; the first test failed before."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 4, 12, 10, 0, tzinfo=timezone(timedelta(hours=2)))
STAFF = Address("Hiroshi Takemura", "hiroshi.takemura@itu.int")


def dues(text: str) -> list[date | None]:
    return [c.due for c in extract_actions(ActionInput(text, SENT, sender=STAFF))]


def test_a_day_after_which_the_work_is_done_is_no_deadline() -> None:
    assert dues("I will share the concept note after our call with WMO on 20 April.") == [None]
    assert dues("I will circulate the draft following the workshop on 3 May.") == [None]
    due = find_due("From 1 June please send the forms to the new address.", SENT)
    assert due is None or due.value is None


def test_the_same_day_marked_or_said_as_when_stays_the_deadline() -> None:
    # The pairs: the same sentences with the day a deadline or the day of the work.
    assert dues("I will share the concept note by 20 April.") == [date(2027, 4, 20)]
    assert dues("I will share the concept note by 3 May, after our call with WMO.") == [
        date(2027, 5, 3)]
    assert dues("I will give the briefing remotely from Bangkok on 19 May.") == [
        date(2027, 5, 19)]
    # A meeting's span is when it meets: its first day, as before.
    assert [c.due for c in extract_actions(ActionInput(
        "TSAG is invited to discuss it at its meeting from 8 to 12 November 2027.", SENT))] == [
        date(2027, 11, 8)]
