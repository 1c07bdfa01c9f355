"""Follow-up deadlines in the forms the follow-up readings missed (action dates round of
session 41; minimal pairs of our own wording, each first case failed on 6037fb3):

- a short line of one word for the thing or the manner, and to whom, then the deadline
  ("Slides to me by ...", "Realistically by ...") dates the undated request before it; "Not
  before ..." or a verb there ("Send by ...") does not;
- the third party named by a pronoun needing the answer by a day ("They need our reply
  by ...") dates the question before it, as "The organisers need ... by" does;
- "Same date." said alone after a request dates it with the day of the request before.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import partial

import pytest

from iscg_mailbot.settings.members import MembersConfig
from tests import action_found

SENT = datetime(2027, 2, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))  # a Monday
dues = partial(action_found.dues, sent=SENT)
FEB_19 = date(2027, 2, 19)


@pytest.mark.parametrize(("followed", "other"), [
    ("Could TSB prepare two slides on the toolkit? Slides to me by Friday 19 February.",
     "Could TSB prepare two slides on the toolkit? Not before Friday 19 February."),
    ("Could TSB prepare two slides on the toolkit? Realistically by 19 February.",
     "Could TSB prepare two slides on the toolkit? Printed on 19 February."),
])
def test_a_one_word_deadline_line_dates_the_request(
    members: MembersConfig, followed: str, other: str,
) -> None:
    assert dues(followed, members) == [("TSB", FEB_19)]
    assert dues(other, members) == [("TSB", None)]


def test_they_need_the_answer_by_dates_the_question(members: MembersConfig) -> None:
    asked = ("The venue offers a second screen for the hall. Would BR and BDT share the "
             "cost? They need our reply by Friday 19 February.")
    assert dues(asked, members) == [("BR, BDT", FEB_19)]
    own = ("The venue offers a second screen for the hall. Would BR and BDT share the "
           "cost? They need to close the hall on Friday 19 February.")
    assert dues(own, members) == [("BR, BDT", None)]


def test_same_date_alone_dates_the_request_before_it(members: MembersConfig) -> None:
    text = ("Dear colleagues,\n\n- TSB: could you send the list of study group chairs by "
            "19 February?\n- BR: are any of your study group chairs available? {tail}\n\n"
            "Thanks,\nKlaus")
    assert dues(text.format(tail="Same date."), members) == [("TSB", FEB_19), ("BR", FEB_19)]
    assert dues(text.format(tail="Same room."), members) == [("TSB", FEB_19), ("BR", None)]
