"""Owners of requests and questions that name nobody: whom the message addresses.

Minimal pairs: the same request under a salutation that names somebody and under one
that names nobody in particular ("Dear colleagues,").
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from iscg_mailbot.analyse.action_addressee import greeted
from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig, load_members

MEMBERS = Path(__file__).resolve().parent / "data" / "action_members.yaml"
WHEN = datetime(2027, 3, 3, 10, 0, tzinfo=timezone(timedelta(hours=1)))
KENJI = Address("Kenji Watanabe", "kenji.watanabe@example.org")


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(MEMBERS)


def mail(text: str, sender: Address = KENJI) -> ActionInput:
    return ActionInput(new_text=text, date=WHEN, sender=sender)


def owners(text: str, members: MembersConfig) -> list[str | None]:
    return [item.owner for item in extract_actions(mail(text), members=members)]


def test_a_request_to_greeted_staff_is_owed_by_their_unit(members: MembersConfig) -> None:
    request = "\n\nCould you send me the slides of the workshop by Friday?"
    assert owners("Dear Fatima," + request, members) == ["BR"]
    assert owners("Dear colleagues," + request, members) == [None]


def test_each_greeted_staff_member_stands_for_their_unit(members: MembersConfig) -> None:
    request = "\n\nPlease send me the name of the moderator by 10 March."
    assert owners("Dear Marc, dear Tomás," + request, members) == ["TSB, BDT"]
    assert owners("Hola Tomás:" + request, members) == ["BDT"]


def test_a_greeted_delegate_is_named(members: MembersConfig) -> None:
    assert owners("Hi Olga,\n\nCould you share the national report?", members) == [
        "Olga Petrova"]


def test_bodies_greeted_own_the_request_but_not_the_list_itself(members: MembersConfig) -> None:
    request = "\n\nPlease share the draft programme by 12 March."
    assert owners("Dear TSB and BDT colleagues," + request, members) == ["TSB, BDT"]
    assert owners("Dear colleagues of BR," + request, members) == ["BR"]
    assert owners("Dear ISCG colleagues," + request, members) == [None]


def test_a_question_is_owed_by_the_greeted(members: MembersConfig) -> None:
    text = "Bonjour Marc,\n\nOur lab measured call drops in Dakar. Do you have the dates yet?"
    (question,) = find_questions(mail(text), members=members)
    assert question.owner == "TSB"
    (unaddressed,) = find_questions(mail(text.replace("Bonjour Marc", "Bonjour à tous")),
                                    members=members)
    assert unaddressed.owner is None


def test_a_statement_owes_the_greeted_nothing(members: MembersConfig) -> None:
    # Only a sentence that speaks to its reader (a question, "please", "you", "asks
    # whether") is owed by whom the greeting names.
    assert owners("Dear Fatima,\n\nThe revised draft is attached for comments by 4 December.",
                  members) == [None]
    # Without a day it says what the document is for, and is no item at all.
    assert owners("Dear Fatima,\n\nThe revised draft is attached for comments.", members) == []
    assert owners("Dear Fatima,\n\nYour comments on the revised draft would be welcome.",
                  members) == ["BR"]


def test_greeting_stops_where_the_salutation_ends(members: MembersConfig) -> None:
    assert greeted("Many thanks, Fatima - TSB will reply next week.", members) == ("BR", "group")
    assert greeted("Thank you, Olga - happy to help BDT.", members) == ("Olga Petrova", "member")
    assert greeted("Marc, please find the table attached.", members) == ("TSB", "group")
    assert greeted("TSB will reply next week.", members) is None


def question_owner(text: str, members: MembersConfig, sender: Address = KENJI) -> str | None:
    (question,) = find_questions(mail(text, sender), members=members)
    return question.owner


def test_a_question_opening_with_its_verb_asks_the_bodies_after_it(
        members: MembersConfig) -> None:
    assert question_owner("Would BR and BDT be ready to co-host the forum?", members) == "BR, BDT"
    assert question_owner("Could TSB extend the deadline by a week?", members) == "TSB"
    # The same bodies named to say what is meant: nobody is asked.
    assert question_owner("Is the BR and BDT forum still planned?", members) is None
    assert question_owner("Would the forum of BR and BDT move to May?", members) is None


def test_a_question_about_one_sectors_work_is_owed_by_its_bureau(members: MembersConfig) -> None:
    assert question_owner("Is any ITU-R working party studying lunar links?", members) == "BR"
    assert question_owner("Is there a Recommendation from ITU-T SG12 on call drops?",
                          members) == "TSB"
    # Two Sectors named as the alternatives asked: both Bureaux (act-r23: `w12`-006 and
    # `w26`-005 label both; this read nobody before).
    assert question_owner("Is ITU-T or ITU-D working on call drops?", members) == "TSB, BDT"
    # The asker's own Bureau is not asking itself.
    marc = Address("Marc Dubois", "marc.dubois@example.int")
    assert question_owner("Is there any work in ITU-T on call drops?", members, marc) is None


def test_the_sectors_asked_together_are_their_bureaux(members: MembersConfig) -> None:
    assert owners("Comments from the Sectors are invited by 30 April.", members) == [
        "BR, TSB, BDT"]
    assert owners("Each Sector is invited to nominate a speaker.", members) == ["BR, TSB, BDT"]
    assert owners("Comments from Sector Members are invited by 30 April.", members) == [
        "Sector Members"]
