"""A promise to do something in a month is due by the month's last day (issue 13, action
round 6; the sixth, seventh and eighth writers' dev parts label "We will send the formal
request in December" and "The speakers list will be circulated by TSB in July" so). A
month an event is held in, part of a month ("in early March"), a request's month and a
forecast's stay undated. Our own wording; the first test failed before."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 4, 12, 10, 0, tzinfo=timezone(timedelta(hours=2)))
STAFF = Address("Hiroshi Takemura", "hiroshi.takemura@itu.int")


def items(text: str) -> list[tuple[str | None, date | None]]:
    return [(c.owner, c.due) for c in extract_actions(ActionInput(text, SENT, sender=STAFF))]


def test_a_promise_in_a_month_is_due_by_its_end() -> None:
    assert items("The speakers list will be circulated by TSB in July.") == [
        ("TSB", date(2027, 7, 31))]
    assert items("BDT will send the concept note to the regulators in May.") == [
        ("BDT", date(2027, 5, 31))]
    assert items("BR will publish the guide in February 2028.") == [("BR", date(2028, 2, 29))]


def test_an_event_month_or_part_of_one_leaves_it_undated() -> None:
    # The pairs: the same promises with the month an event's, or part of a month.
    assert items("The speakers list will be circulated by TSB at the plenary in July.") == [
        ("TSB", None)]
    assert items("BDT will send the concept note to the regulators in early May.") == [
        ("BDT", None)]
    assert items("BDT will send the concept note once the SG meets in May.") == [("BDT", None)]


def test_a_forecast_dated_by_its_month_stays_no_item() -> None:
    # Dropped undated as a forecast before; the month's date must not keep it.
    assert items("The study will be published in October.") == []
