"""Deadlines worded otherwise than "by 15 March" or "within two weeks" (date_phrases.py):
each form next to a near miss that must stay undated."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

# A Wednesday in Geneva (summer time).
WEDNESDAY = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))


def due(text: str) -> date | None:
    found = find_due(text, WEDNESDAY)
    return found.value if found is not None else None


@pytest.mark.parametrize(("text", "expected"), [
    ("Please provide your inputs in the coming fortnight.", date(2026, 10, 21)),
    ("BR is requested to reply within a fortnight.", date(2026, 10, 21)),
    ("Comments are welcome in two fortnights' time.", date(2026, 11, 4)),
    ("Please send it no later than two weeks from today.", date(2026, 10, 21)),
    ("Please send it within 10 days from the date of this message.", date(2026, 10, 17)),
    ("Please send it by the day after tomorrow.", date(2026, 10, 9)),
])
def test_counted_from_the_message_day(text: str, expected: date) -> None:
    assert due(text) == expected


def test_from_today_is_not_today() -> None:
    # The old reader took "today" out of "two weeks from today".
    assert due("Please reply no later than two weeks from today.") != WEDNESDAY.date()


@pytest.mark.parametrize(("text", "expected"), [
    ("Please send your comments no later than the 3rd of next month.", date(2026, 11, 3)),
    ("Please send your input by the 15th.", date(2026, 10, 15)),
    ("Please send your input by the 5th.", date(2026, 11, 5)),  # the 5th is past: next month's
    ("Replies by the 20th of this month, please.", date(2026, 10, 20)),
    ("Please send your input before the 15th of the month, at the latest.", date(2026, 10, 15)),
])
def test_an_ordinal_day_after_a_deadline_word(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize("text", [
    "Please send your input by the 3rd meeting.",
    "The 15th edition of the report is out.",
    "We celebrate the 25th anniversary this year.",
])
def test_an_ordinal_of_something_else_is_no_date(text: str) -> None:
    assert due(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Please send your input by 2026/11/15.", date(2026, 11, 15)),
    ("Please send your input by 2026.11.15.", date(2026, 11, 15)),
    ("Please send your input by 15-Nov-2026.", date(2026, 11, 15)),
    ("Please send your input by 15/Nov/26.", date(2026, 11, 15)),
    ("Please send your input by 18/11.", date(2026, 11, 18)),
    ("Please send your input before Wed 18.11.", date(2026, 11, 18)),
    ("Deadline: 18/11", date(2026, 11, 18)),
])
def test_dates_in_other_layouts(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize("text", [
    "Traffic grew by 2.5 per cent in 2025.",
    "Fees rose by 12.5 % last year.",
    "The work of Q4/17 is relevant; see also Question 18/11.",
    "The helpdesk is available 24/7.",
    "The share went from 18/11 to 20/11 of the members.",  # no deadline word before
])
def test_figures_that_are_no_date(text: str) -> None:
    assert due(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Please send your input by year-end.", date(2026, 12, 31)),
    ("Please send your input by month-end.", date(2026, 10, 31)),
    ("Please send your input by the last day of November.", date(2026, 11, 30)),
    ("Please send your input by the last day of the month.", date(2026, 10, 31)),
    ("Please reply by the end of Q1 2027.", date(2027, 3, 31)),
    ("Please reply before the end of the second quarter.", date(2027, 6, 30)),
    ("Please reply by end-Q4.", date(2026, 12, 31)),
    ("Please send your input by mid-next month.", date(2026, 11, 15)),
    ("Please send your input by the beginning of next month.", date(2026, 11, 1)),
])
def test_ends_and_parts(text: str, expected: date) -> None:
    assert due(text) == expected


@pytest.mark.parametrize("text", [
    "The report will be issued in early 2027.",
    "Please send your input in Q1 2027.",
    "Registration opens in late November.",
])
def test_vague_parts_stay_undated(text: str) -> None:
    assert due(text) is None


def test_a_weekday_with_a_time() -> None:
    assert due("Please send your input by Thursday 12:00 CET.") == date(2026, 10, 8)
    assert due("Please send your input by Friday 5 pm.") == date(2026, 10, 9)
    # The day something happens stays no deadline.
    assert due("The call is on Thursday 12:00 CET.") is None


def test_the_item_of_a_request_carries_the_date() -> None:
    (item,) = extract_actions(ActionInput(
        new_text="Could BR send the figures no later than the 3rd of next month?",
        date=WEDNESDAY))
    assert (item.owner, item.due) == ("BR", date(2026, 11, 3))


def items_of(text: str) -> list[tuple[str | None, date | None]]:
    found = extract_actions(ActionInput(new_text="Dear colleagues,\n\n" + text, date=WEDNESDAY))
    return [(item.owner, item.due) for item in found]


def test_counted_from_the_deadline_given_earlier() -> None:
    assert items_of("Comments from the Sectors are invited by 30 October 2026. The General "
                    "Secretariat will compile them into a single table within two weeks of "
                    "the closing date.") == [("BR, TSB, BDT", date(2026, 10, 30)),
                                             ("General Secretariat", date(2026, 11, 13))]
    assert items_of("Please send your inputs by 30 October. TSB will circulate a summary "
                    "within 5 working days after the deadline.")[1] == ("TSB", date(2026, 11, 6))


def test_counted_from_a_deadline_nobody_gave_is_undated() -> None:
    # Never counted from the message's own day.
    assert items_of("TSB will circulate a summary within two weeks of the deadline.") == [
        ("TSB", None)]
    assert due("Please reply within two weeks of receipt of this message.") == date(2026, 10, 21)


@pytest.mark.parametrize(("text", "expected"), [
    ("Please reply by 15-\u017fep-2027.", date(2027, 9, 15)),  # a long s
    ("Please reply by the end of the f\u0131rst quarter.", date(2027, 3, 31)),  # a dotless i
    ("Date limite : 3 \u017feptembre 2027", date(2027, 9, 3)),
    ("Please send it by m\u0131d-next month.", date(2026, 11, 15)),
])
def test_unusual_letters_read_as_the_pattern_reads_them(text: str, expected: date) -> None:
    # The patterns take them for i and s; the look-ups must too (no KeyError).
    assert due(text) == expected
