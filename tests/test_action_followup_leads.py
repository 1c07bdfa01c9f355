"""The deadline of a list of questions said once for all of them (issue 13, action round
6): in a follow-up after the list with a word on how the answer is wanted ("A short reply
by end of June would help", "A quick answer before ...", "Une réponse avant ... serait
idéale"), or in the line that announces the list ("Two questions for BR, if possible by
Thursday 21 January:"), which also puts to its one body the questions that name nobody.
The seventh and eighth writers' dev parts date such lists so. Our own wording; each
first assertion failed before, each second is its pair."""

from __future__ import annotations

from datetime import date

import pytest

from iscg_mailbot.settings.members import MembersConfig
from tests.test_action_followups import dues

QUESTIONS = ("Two questions, if I may:\n1. BR - has any administration notified such a "
             "system so far?\n2. BDT - is it part of any project you are running?\n\n")


@pytest.mark.parametrize(("followed", "unrelated", "want"), [
    ("A short reply by end of June would help us prepare the review.",
     "A short visit by end of June would help us prepare the review.", date(2027, 6, 30)),
    ("A quick answer by 20 July would be great.",
     "A quick workshop by 20 July would be great.", date(2027, 7, 20)),
    ("Une réponse avant le 12 avril serait idéale.",
     "Une réunion avant le 12 avril serait idéale.", date(2027, 4, 12)),
])
def test_a_reply_wanted_after_the_list_dates_its_questions(
        members: MembersConfig, followed: str, unrelated: str, want: date) -> None:
    assert dues(QUESTIONS + followed, members) == [("BR", want), ("BDT", want)]
    assert dues(QUESTIONS + unrelated, members) == [("BR", None), ("BDT", None)]


def test_the_line_announcing_the_questions_dates_them_and_puts_them() -> None:
    lead = ("BDT has shipped 20 terminals.\n\nTwo questions for BR, if possible by Thursday 18 February:\n1. Does the gateway "
            "need a new coordination, or is it covered by the filing?\n2. Is the filing "
            "still valid?\n\nThanks.")
    assert dues(lead, MembersConfig()) == [("BR", date(2027, 2, 18)), ("BR", date(2027, 2, 18))]
    # The pair: a line that announces no questions dates nothing (the gateway's day).
    other = lead.replace("Two questions for BR, if possible by", "Our gateway for BR, built by")
    assert dues(other, MembersConfig()) == [(None, None), (None, None)]


def test_a_request_reported_is_not_dated_into_an_item(members: MembersConfig) -> None:
    # "our states have asked whether ..." tells of a request made elsewhere: the follow-up
    # dates the list's questions, not it (it would stay as an item with that date).
    text = ("Since the bands opened, several of our states have asked whether it is a "
            "realistic option for villages.\n\n" + QUESTIONS
            + "A short reply by end of June would help us prepare the review.")
    assert dues(text, members) == [("BR", date(2027, 6, 30)), ("BDT", date(2027, 6, 30))]
