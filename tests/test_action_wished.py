"""Owners named by a wish before a request, and a meeting named in a lead that only
dates the sentence (issue 13, act-own2): minimal pairs in our own wording."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from iscg_mailbot.analyse.action_wished import wished_parties
from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.action_found import found

MEMBERS = Path(__file__).resolve().parent / "data" / "action_members.yaml"
SENT = datetime(2031, 2, 3, 9, 0, tzinfo=timezone(timedelta(hours=1)))
HENRIK = Address("Henrik Solberg", "henrik.solberg@example.org")
TOMAS = Address("Tomás Rivera", "tomas.rivera@example.int")


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(MEMBERS)


def owners(text: str, members: MembersConfig, sender: Address = HENRIK) -> list[str | None]:
    return [c.owner for c in found(f"Dear colleagues,\n\n{text}\n\nBest,\nHenrik\n", members,
                                   sent=SENT, sender=sender)]


def test_request_after_a_wish_for_people_from_two_bureaux_is_theirs(
        members: MembersConfig) -> None:
    wished = ("Our regulator runs a seminar on drones in April, and we would like one "
              "trainer from TSB and one from BR (20 minutes each).\n\n"
              "Could you send me the names by 20 February?")
    plain = ("Our regulator runs a seminar on drones in April.\n\n"
             "Could you send me the names by 20 February?")
    assert owners(wished, members) == ["TSB, BR"]
    assert owners(plain, members) == [None]


def test_bare_request_in_the_wish_paragraph_is_the_wished_parties(
        members: MembersConfig) -> None:
    wished = ("We would like one early-career engineer from BDT and one from TSB to tell "
              "their story at the fair. Names by Monday 10 March, please.")
    assert owners(wished, members) == ["BDT, TSB"]
    # A wish about a topic, not a party: "on the TSAG outcome" names no one to send people.
    topic = ("We would like a short talk on the TSAG outcome at the fair. "
             "Names by Monday 10 March, please.")
    assert owners(topic, members) != ["TSAG"]


def test_the_other_bureaux_leave_out_the_senders_own(members: MembersConfig) -> None:
    text = ("We would like one panellist from each of the other two Bureaux:\n\n"
            "Could you send me a name by Friday 21 February?")
    assert owners(text, members, sender=TOMAS) == ["BR, TSB"]


def test_an_owner_the_request_names_is_kept(members: MembersConfig) -> None:
    text = ("We would like one trainer from TSB and one from BR.\n\n"
            "Could BDT book the room by 20 February?")
    assert owners(text, members) == ["BDT"]


def test_a_meeting_in_a_time_lead_is_not_who_is_asked(members: MembersConfig) -> None:
    lead = ("Ahead of TSAG in May I would like to know: do BR and BDT have any study "
            "on drone detection?")
    # The body that wishes to know is not asked either: the parties after the verb are.
    named = "RAG would like to know: do BR and BDT have any study on drone detection?"
    assert owners(lead, members) == ["BR, BDT"]
    assert owners(named, members) == ["BR, BDT"]


def test_views_wished_of_vice_chairs_after_a_time_lead(members: MembersConfig) -> None:
    text = ("Before TSAG, I would appreciate the views of the TDAG vice-chairs "
            "by Friday 14 February.")
    assert owners(text, members) == ["TDAG"]


def test_the_secretariat_asked_in_a_question_is_the_configured_unit(
        members: MembersConfig) -> None:
    text = ("Dear Grace,\n\nThe agenda posted on Monday lists the budget item twice. Could the "
            "secretariat find out which entry is meant?\n")
    message = ActionInput(text, SENT, sender=HENRIK)
    asked = find_questions(message, extract_actions(message, members=members), members,
                           secretariat="General Secretariat")
    items = extract_actions(message, members=members) + asked
    # Not the member greeted: the secretariat the question names.
    assert [c.owner for c in items] == ["General Secretariat"]


def test_the_secretariat_asked_whether_is_put_to_it(members: MembersConfig) -> None:
    asked = "Could the secretariat find out whether the two surveys overlap?"
    unasked = "Could anybody find out whether the two surveys overlap?"
    assert owners(asked, members) == ["Secretariat"]  # no unit configured in the tests
    assert owners(unasked, members) != ["Secretariat"]


def test_a_huge_wish_stays_fast() -> None:
    text = "We would like " + "one from BR and from TSB " * 2000 + ". Could you?"
    start = time.perf_counter()
    assert wished_parties(text, 20, None, None, end=len(text)) == "BR, TSB"
    spaces = "We would like from" + " " * 50_000 + "BR. Could you?"
    assert wished_parties(spaces, 20, None, None, end=len(spaces)) is None
    assert time.perf_counter() - start < 0.5


# review2 (session 42): readings of the wish and of "the secretariat" out of context.

def test_an_unrelated_request_after_a_wish_is_not_the_wished_parties(
        members: MembersConfig) -> None:
    wish = "For the June forum we would like one panellist from BDT and one from BR."
    asks_people = f"{wish}\n\nCould you let me have their names by 12 March?"
    own_business = f"{wish}\n\nSeparately, could you circulate the draft budget by 12 March?"
    assert owners(asks_people, members) == ["BDT, BR"]
    assert owners(own_business, members) == [None]


def test_a_body_a_wish_talks_about_is_not_asked(members: MembersConfig) -> None:
    givers = ("We would appreciate the comments of TSB on the roadmap. "
              "Could you let us know by 9 May?")
    topic = ("We would appreciate a short note on the work of TSB on the roadmap. "
             "Could you let us know by 9 May?")
    assert owners(givers, members) == ["TSB"]
    assert owners(topic, members) == [None]


def test_another_organisations_secretariat_is_not_ours(members: MembersConfig) -> None:
    ours = "Could the secretariat check whether the room is free on 4 May?"
    theirs = "Could the secretariat of the regional forum check whether the room is free on 4 May?"
    assert owners(ours, members) == ["Secretariat"]
    assert owners(theirs, members) != ["Secretariat"]


def test_a_time_lead_before_a_run_of_spaces_stays_fast() -> None:
    from iscg_mailbot.analyse.action_shapes import TIME_LEAD
    assert TIME_LEAD.sub("", "Before TSAG, I would like", count=1) == "I would like"
    start = time.perf_counter()
    assert TIME_LEAD.match("Before " + " " * 50_000 + "x") is None
    assert time.perf_counter() - start < 0.5
