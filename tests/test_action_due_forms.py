"""Due-date forms of the newer writers (issue 13, act-due2). Minimal pairs of our own
wording; each first assertion failed before:

- days in figures read month first when a weekday said with them or the message's day
  says so ("Pls vote by 4/11 (Friday)", "by Fri 11/7", "by 3/7" on 18 February), the
  day first otherwise ("by 5/6" on 20 April, "by 5/12" in November);
- office shorthand for the end of a period: "EOW", "EOM", "EOQ", "EOY", "the end of the
  quarter", "end of H1"; an hour's words before figures ("by COB 12/3"); an ISO day
  with its hour run on ("2031-03-04T17:00Z");
- "before the next meeting (14 June)", "before the next call" (dated earlier): the day
  before, like any event's day ("by the next meeting (14 June)" keeps it);
- a day the writer says is none ("on 2031-06-18 (that is the exercise date, not a
  deadline ...)").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

CET = timezone(timedelta(hours=1))


def due(text: str, sent: date) -> date | None:
    found = find_due(text, datetime(sent.year, sent.month, sent.day, 10, 0, tzinfo=CET))
    return None if found is None else found.value


def items(text: str, sent: date) -> list[tuple[str | None, date | None]]:
    message = ActionInput(text, datetime(sent.year, sent.month, sent.day, 10, 0, tzinfo=CET),
                          sender=Address("", "someone@example.org"))
    return [(c.owner, c.due) for c in extract_actions(message)]


@pytest.mark.parametrize(("text", "sent", "expected"), [
    # A weekday said with the figures: the reading that falls on it.
    ("Pls vote by 4/11 (Friday).", date(2031, 4, 2), date(2031, 4, 11)),
    ("Sections by Fri 11/7 please.", date(2031, 10, 8), date(2031, 11, 7)),
    ("Sections by Thu 11/6 please.", date(2031, 10, 8), date(2031, 11, 6)),
    ("Sections by Tue 4/11 please.", date(2031, 10, 8), date(2031, 11, 4)),
    ("Send it by 6/11/2031 (Thursday).", date(2031, 10, 8), date(2031, 11, 6)),
    # The day-first reading months away, the month-first one near.
    ("Please add the dates by 3/7.", date(2031, 2, 18), date(2031, 3, 7)),
    ("Please add the dates by 10/6.", date(2031, 9, 22), date(2031, 10, 6)),
])
def test_figures_read_month_first_when_the_weekday_or_the_day_says_so(
        text: str, sent: date, expected: date) -> None:
    assert due(text, sent) == expected


@pytest.mark.parametrize(("text", "sent", "expected"), [
    ("Please add the dates by 5/6.", date(2027, 4, 20), date(2027, 6, 5)),   # both near
    ("Please add the dates by 5/12.", date(2027, 11, 20), date(2027, 12, 5)),
    ("Please add the dates by 18/11.", date(2027, 10, 20), date(2027, 11, 18)),
    ("Please add the dates by 3/7 (Thursday).", date(2031, 2, 18), date(2031, 7, 3)),
    ("Please add the dates by 6/6.", date(2031, 6, 3), date(2031, 6, 6)),
])
def test_figures_stay_day_first_otherwise(text: str, sent: date, expected: date) -> None:
    assert due(text, sent) == expected


@pytest.mark.parametrize(("text", "sent", "expected"), [
    ("Please send comments by EOW.", date(2031, 2, 19), date(2031, 2, 21)),
    ("Please send comments by EOW.", date(2031, 2, 22), date(2031, 2, 28)),  # a Saturday
    ("Please send comments by EOM.", date(2031, 2, 20), date(2031, 2, 28)),
    ("Please send comments by EOQ.", date(2031, 2, 20), date(2031, 3, 31)),
    ("Please send comments by EOY.", date(2031, 2, 20), date(2031, 12, 31)),
    ("Please send comments by the end of the quarter.", date(2031, 5, 2), date(2031, 6, 30)),
    ("Please send comments by end of H1.", date(2031, 2, 20), date(2031, 6, 30)),
    ("Please send comments by the end of H2 2032.", date(2031, 2, 20), date(2032, 12, 31)),
    ("Please send comments by COB 12/3.", date(2031, 2, 20), date(2031, 3, 12)),
    ("Please send comments by 2031-03-04T17:00Z.", date(2031, 2, 20), date(2031, 3, 4)),
])
def test_office_shorthand_and_hours(text: str, sent: date, expected: date) -> None:
    assert due(text, sent) == expected


def test_shorthand_pairs_without_it() -> None:
    assert due("Please send comments by the end of the meeting.", date(2031, 2, 20)) is None
    assert due("Please send comments, see the list EOW.", date(2031, 2, 20)) == date(2031, 2, 21)
    assert due("Please send comments, see the 12/3 list.", date(2031, 2, 20)) is None
    assert due("Please send comments by 2031-03-04 17:00 CET.", date(2031, 2, 20)) == date(
        2031, 3, 4)


@pytest.mark.parametrize(("text", "expected"), [
    # Second review: the shorthand as a word in prose is no day.
    ("Please send the EOM figures to Ana.", None),  # names a report
    ("Please send the figures to Ana EOM.", date(2031, 2, 28)),
    ("Please check our EOW list.", None),
    ("Please check the list by EOW.", date(2031, 2, 21)),
    ("Please review the draft (EOM)", None),  # end of message, in a subject's way
    ("Please review the draft by EOM", date(2031, 2, 28)),
    ("Please review the draft (by EOM)", date(2031, 2, 28)),  # brackets round more
    ("Please review the eom draft.", None),  # the shorthand is written in capitals
    ("Please review the draft by EOM.", date(2031, 2, 28)),
])
def test_shorthand_in_prose_is_no_day(text: str, expected: date | None) -> None:
    assert due(text, date(2031, 2, 20)) == expected


def test_before_the_next_meeting_with_its_day_is_the_day_before() -> None:
    sent = date(2028, 3, 15)
    assert due("BR to update the table before the next meeting (14 June).", sent) == date(
        2028, 6, 13)
    assert due("BR to update the table by the next meeting (14 June).", sent) == date(2028, 6, 14)
    assert due("Could SG9 share its experience before the next SG9 meeting (3-10 November "
               "2027)?", date(2027, 7, 2)) == date(2027, 11, 2)


def test_before_the_next_call_dated_earlier_is_the_day_before() -> None:
    text = ("Zhang Wei will report at the next call (24 May). "
            "Could TSB circulate the map before the next call?")
    assert [d for _o, d in items(text, date(2029, 3, 23))][-1] == date(2029, 5, 23)
    text = text.replace("before the next call", "at the next call")
    assert [d for _o, d in items(text, date(2029, 3, 23))][-1] == date(2029, 5, 24)


@pytest.mark.parametrize("text", [
    ("BDT is running an exercise with six administrations on 2031-06-18 (that is the exercise "
     "date, not a deadline for anyone here)."),
    "Could you send the slides for the workshop on 18 November (that's the event date)?",
    "Next call: 18 November (not a deadline, just a heads-up).",
])
def test_a_day_the_writer_says_is_no_deadline(text: str) -> None:
    assert due(text, date(2031, 5, 27)) is None
    bare = text[:text.index(" (")] + "."
    assert due(bare, date(2031, 5, 27)) is not None or bare.startswith("Next call")


@pytest.mark.parametrize(("text", "expected"), [
    # Second review: the writer's other date in figures, read one way only, tells the
    # order before nearness does (an ITU writer's "by 3/7" in February is 3 July).
    ("Please add the dates by 3/7.", date(2031, 3, 7)),  # near: month first
    ("Please add the dates by 3/7, ahead of the meeting of 20/7.", date(2031, 7, 3)),
    ("Please add the dates by 3/7, ahead of the meeting of 7/20.", date(2031, 3, 7)),
])
def test_the_writers_other_figures_tell_the_order(text: str, expected: date) -> None:
    assert due(text, date(2031, 2, 18)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Second review: nearness reads a date without its year; one in full stays day first.
    ("Please send your contribution by 2/6.", date(2027, 2, 6)),
    ("Please send your contribution by 02/06/2027.", date(2027, 6, 2)),
    ("Please send your contribution by 2/6/2027.", date(2027, 6, 2)),
    ("Please send your contribution by Wed 2/6/2027.", date(2027, 6, 2)),  # the weekday
    ("Please send your contribution by Sat 2/6/2027.", date(2027, 2, 6)),  # says so
])
def test_nearness_reads_no_date_given_in_full(text: str, expected: date) -> None:
    assert due(text, date(2027, 1, 5)) == expected
