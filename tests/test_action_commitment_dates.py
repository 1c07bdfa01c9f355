"""A commitment is due when it is to be done: "I will confirm it next week"."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

# A Tuesday in Geneva.
TUESDAY = datetime(2027, 3, 2, 16, 0, tzinfo=timezone(timedelta(hours=1)))
SENDER = Address("Kenji Watanabe", "kenji.watanabe@example.org")


def due_of(text: str) -> date | None:
    (item,) = extract_actions(ActionInput(new_text=text, date=TUESDAY, sender=SENDER))
    return item.due


def test_next_week_in_a_commitment_is_that_weeks_friday() -> None:
    assert due_of("I will circulate the revised agenda next week.") == date(2027, 3, 12)
    assert due_of("I will circulate the revised agenda this week.") == date(2027, 3, 5)


def test_a_weekday_in_a_commitment_is_that_day() -> None:
    assert due_of("I will send you the figures on Thursday.") == date(2027, 3, 4)


def test_a_day_of_another_event_does_not_date_the_commitment() -> None:
    assert due_of("The group meets next week, so I will circulate the agenda.") is None
    assert due_of("I will circulate the agenda after the meeting next week.") is None


def test_next_week_alone_is_no_deadline_of_a_request_or_a_statement() -> None:
    # Only a commitment is dated by when it happens; a request needs "by".
    assert find_due("The workshop takes place next week.", TUESDAY) is None
    assert find_due("Please reply by next week.", TUESDAY) is not None


def test_a_delivery_that_will_follow_on_a_day_is_a_commitment() -> None:
    # "will follow" with a day: the sender's (their unit's when on the staff).
    assert due_of("The highlights are being cleared and will follow by the end of next "
                  "week.") == date(2027, 3, 12)
    (item,) = extract_actions(ActionInput(new_text="The abstract follows tomorrow.",
                                          date=TUESDAY, sender=SENDER))
    assert (item.owner, item.due) == ("Kenji Watanabe", date(2027, 3, 3))
    # Without a day it promises nothing checkable; "follow the discussion" is no delivery.
    assert extract_actions(ActionInput(new_text="Details will follow.", date=TUESDAY,
                                       sender=SENDER)) == []
    assert extract_actions(ActionInput(new_text="As follows: the agenda is attached.",
                                       date=TUESDAY, sender=SENDER)) == []
