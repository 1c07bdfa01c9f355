"""Dates of events, not deadlines (issue 13, action round 6). "Before our CITEL meeting
on 20 July": the day given is the meeting's, and what is asked must be there before the
meeting starts, so the deadline is the day before (the sixth, seventh and eighth writers'
dev parts label it so, in English and French). A bare "before 15 March" is the day before
too by default (eleven of the fourteen writers who state it; the list's `before`
convention, tests/test_list_conventions.py), and so is the next meeting with its date
(act-due2: w8, w18 and w21 label it so; it was the meeting's first day before). Our own
wording; the first test failed before."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))


def items(text: str) -> list[tuple[str | None, date | None]]:
    message = ActionInput(text, SENT, sender=Address("", "someone@example.org"))
    return [(c.owner, c.due) for c in extract_actions(message)]


def test_before_a_meeting_on_its_day_is_the_day_before() -> None:
    assert items("Could BDT share the outline before our planning meeting on 20 July?") == [
        ("BDT", date(2027, 7, 19))]
    assert items("Could TSB send the report before the SG12 meeting (it starts on 31 May)?"
                 ) == [("TSB", date(2027, 5, 30))]
    assert items("Could BR send the figures before we brief the minister on 12 June?") == [
        ("BR", date(2027, 6, 11))]
    due = find_due("Une réponse avant la réunion des régulateurs (12 avril) serait idéale.",
                   SENT)
    assert due is not None and (due.value, due.marked) == (date(2027, 4, 11), True)


def test_a_bare_date_and_the_next_meeting_are_the_day_before() -> None:
    # The pair: the same requests with a deadline said as a date, or by "by".
    assert items("Could BDT share the outline before 20 July?") == [("BDT", date(2027, 7, 19))]
    assert items("Could BDT share the outline by our planning meeting on 20 July?") == [
        ("BDT", date(2027, 7, 20))]
    assert items("Could TSB send it before the next TSAG meeting (20-24 January 2028)?") == [
        ("TSB", date(2028, 1, 19))]
    assert items("Could TSB send it by the next TSAG meeting (20-24 January 2028)?") == [
        ("TSB", date(2028, 1, 20))]
    assert items("Before the meeting, could BR send it by 15 March?") == [
        ("BR", date(2027, 3, 15))]
