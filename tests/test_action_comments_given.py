"""The sender's comments on a draft, under a heading that says so, are no item (action
round 9; minimal pairs of our own wording, each first assertion failed before):
"Two comments: (a) please allow ...", "Two corrections: ... and please add ...", "Two
small comments on the text: in row 8 please say ...". The same requests with no such
heading, or with a day of their own, stay items.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def sentences(text: str) -> list[str]:
    found = extract_actions(ActionInput(new_text="Thanks Lucia,\n\n" + text, date=SENT))
    return [c.sentence for c in found]


def test_comments_under_a_heading_are_the_senders_input() -> None:
    heading = ("Two comments: (a) please allow trainees from ministries, not only CIRTs; "
               "(b) sessions should be in the evening for the Americas.")
    assert sentences(heading) == []
    bare = "Please allow trainees from ministries, not only CIRTs."
    assert sentences(bare) == [bare]


def test_corrections_and_small_comments_on_the_text() -> None:
    assert sentences("Two corrections: X.1148 is the framework (not X.1147), and please "
                     "add Y.3602 on data provenance.") == []
    assert sentences('Two small comments on the text: in row 8 please say "capacity '
                     'development" instead of "trainings".') == []
    dated = "Two corrections: please add Y.3602 on data provenance by 5 March."
    found = extract_actions(ActionInput(new_text="Thanks Lucia,\n\n" + dated, date=SENT))
    assert [c.due for c in found] == [date(2027, 3, 5)]
