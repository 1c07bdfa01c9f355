"""Days a question asks about are not due dates (analyse/date_asked.py).

Minimal pairs of our own wording: the same day is a deadline when the request is made
by it ("send the slides before 12 June"), and what is asked when the question's own
clause holds it ("does the working party meet before 12 June?", "check whether the room
is free on 12 June", "is the cut-off 5 or 12 June?"). A day set off by a comma or marked
by "by" stays the request's deadline even after "whether".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.date_asked import asked_day
from iscg_mailbot.settings.members import MembersConfig
from tests.action_found import dues

SENT = datetime(2030, 5, 6, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def _due(text: str) -> date | None:
    found = find_due(text, SENT)
    return found.value if found is not None else None


@pytest.mark.parametrize(("asked", "told"), [
    # a polar question about somebody else's meeting / the request made by the day
    ("Omar, one thing: does the working party meet before 12 June?",
     "Omar, one thing: could you send the slides before 12 June?"),
    # the room's day, in the clause "whether" opens / the request's day set off by a comma
    ("Could the secretariat check whether the small room is free on 12 June?",
     "Could the secretariat check whether the small room is free, by 12 June?"),
    # "does anyone know whether ..." / the same knowledge asked for by a day
    ("Does anyone know whether the focus group closes before the end of June?",
     "Could anyone tell us whether the focus group closes, before the end of June?"),
    # two days offered as a choice / one day given
    ("Is the cut-off for the September workshop 5 or 12 June?",
     "The cut-off for the September workshop is 12 June, please send it by then."),
])
def test_a_day_asked_about_is_no_due_date(asked: str, told: str) -> None:
    assert _due(asked) is None
    assert _due(told) is not None


def test_a_deadline_word_keeps_the_day_inside_the_asked_clause() -> None:
    # "whether ... by 12 June": the answer is wanted by the day.
    assert _due("Could you tell us whether Ghana agrees by 12 June?") == date(2030, 6, 12)
    assert _due("Could you tell us whether Ghana agrees on 12 June?") is None


def test_a_request_to_the_reader_is_not_a_question_about_a_day() -> None:
    # "do you ..." asks the reader to act; "does SG13 ..." asks about a third party.
    text = "Does the study group meet on 12 June?"
    start = text.index("12 June")
    assert asked_day(text, start, start + len("12 June"))
    text = "Please send it on 12 June."
    start = text.index("12 June")
    assert not asked_day(text, start, start + len("12 June"))


def test_an_asked_question_item_carries_no_due(members: MembersConfig) -> None:
    asked = "Dear all,\n\nIs the contribution deadline for the SG2 meeting 5 or 12 June?\n\nKlaus"
    told = "Dear all,\n\nCould TSB confirm the contribution deadline before 12 June?\n\nKlaus"
    assert [due for _, due in dues(asked, members, sent=SENT)] == [None]
    assert [due for _, due in dues(told, members, sent=SENT)] == [date(2030, 6, 11)]


def test_a_placeholder_subject_asks_for_a_thing_by_the_day() -> None:
    # "is there any chance ... before 12 June?" asks for the draft by the day, as "is it
    # possible ..." does; "does TSB meet before 12 June?" asks about TSB's meeting.
    assert _due("Is there any chance TSB could send the draft before 12 June?") == date(
        2030, 6, 12)
    assert _due("Does TSB meet before 12 June?") is None


def test_a_choice_of_days_after_by_is_a_deadline() -> None:
    # "by 12 June or 13 June": the answer is wanted by the first; "5 or 12 June?" with no
    # deadline word asks which of the two days.
    assert _due("Could TSB send the draft by 12 June or 13 June?") == date(2030, 6, 12)
    assert _due("Is the cut-off for the workshop 12 June or 13 June?") is None
