"""Due dates of the twenty-first to twenty-third writers' forms (issue 13, capability 9;
our own wording, minimal pairs; each first assertion failed before):

- a follow-up deadline after the requests or questions it dates: said to whom ("Answers
  to me by Fri 2 August, ..."), for all that was asked ("Deadline for all three: Fri 18
  October."), as "Please inform until ...", or in French or Portuguese ("Merci de nous
  répondre d'ici le 3 décembre.", "Agradeço uma resposta até meados de setembro.");
- a body named with when it opens: "before TSAG opens on Monday 19 February" is the day
  before (as "before the meeting on ..." is), "one week before RAG opens on 16 April"
  counts from that day, and "two weeks before the next call (27 September)" from the
  call's; without the day, none (never guessed).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import partial

import pytest

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.settings.members import MembersConfig
from tests import action_found

SENT = datetime(2029, 7, 22, 10, 0, tzinfo=timezone(timedelta(hours=2)))
dues = partial(action_found.dues, sent=SENT)


QUESTIONS = ("Two questions from the workshop:\n\n(1) BR: is there ITU-R guidance on landing "
             "rights fees?\n(2) TSB: is there an ITU-T Recommendation on short codes?\n\n")


@pytest.mark.parametrize(("followup", "day"), [
    ("Answers to me by Fri 3 August, so that I can reply before the office closes.",
     date(2029, 8, 3)),
    ("Deadline for all three: Fri 3 August.", date(2029, 8, 3)),
    ("Please inform until Friday 3 August, because our own deadline is end of August.",
     date(2029, 8, 3)),
    ("Merci de nous répondre d'ici le 3 août.", date(2029, 8, 3)),
    ("Agradeço uma resposta até meados de agosto.", date(2029, 8, 15)),
])
def test_a_followup_dates_the_questions_before_it(members: MembersConfig, followup: str,
                                                  day: date) -> None:
    assert dues(QUESTIONS + followup, members) == [("BR", day), ("TSB", day)]
    # The pair: the same day told as news dates nothing.
    assert dues(QUESTIONS + "The office closes on Fri 3 August.", members) == [
        ("BR", None), ("TSB", None)]


def test_before_a_body_opens_is_the_day_before() -> None:
    sent = datetime(2029, 2, 2, 13, 0, tzinfo=timezone(timedelta(hours=1)))
    due = find_due("Could BDT tell us before TSAG opens on Monday 19 February whether it "
                   "works?", sent)
    assert due is not None and due.value == date(2029, 2, 18)
    due = find_due("Could BDT tell us by Monday 19 February whether it works?", sent)
    assert due is not None and due.value == date(2029, 2, 19)


def test_counted_from_a_body_opening_or_the_next_call() -> None:
    sent = datetime(2029, 3, 23, 15, 0, tzinfo=timezone(timedelta(hours=1)))
    due = find_due("General Secretariat to prepare the slides - one week before RAG opens "
                   "on 16 April.", sent)
    assert due is not None and due.value == date(2029, 4, 9)
    due = find_due("BR to send the calendars - two weeks before the next call (27 September).",
                   sent)
    assert due is not None and due.value == date(2029, 9, 13)
    # No day said: no date, never a guess.
    due = find_due("General Secretariat to prepare the slides - one week before RAG opens.",
                   sent)
    assert due is None or due.value is None

