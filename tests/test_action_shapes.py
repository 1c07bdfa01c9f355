"""Action items by the shape of a request (minimal pairs; each failed before).

Two requests joined with a repeated modal ("Could TSB ..., and could BDT ...?").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

GENEVA = timezone(timedelta(hours=1))
SENT = datetime(2027, 2, 3, 9, 30, tzinfo=GENEVA)  # a Wednesday


def owners(text: str, members: MembersConfig,
           sender: str = "ingrid.solheim@example.no") -> list[tuple[str | None, date | None]]:
    member = members.by_address(sender)
    message = ActionInput(text, SENT, sender=Address(member.name if member else "", sender))
    return [(c.owner, c.due) for c in extract_actions(message, members=members)]


def test_a_second_request_repeating_its_modal_is_an_item_of_its_own(
    members: MembersConfig,
) -> None:
    text = ("Could BR share the draft agenda of the workshop, and could BDT say which "
            "regional offices will attend?")
    assert owners(text, members) == [("BR", None), ("BDT", None)]
    # The modal not repeated: the same split, as before.
    assert owners(text.replace("and could BDT say", "and BDT say"), members) == [
        ("BR", None), ("BDT", None)]
    # One party asked two things is one request.
    assert owners("Could BR share the draft agenda, and could you say who attends?",
                  members) == [("BR", None)]


def reply_items(text: str, members: MembersConfig, *, parent_asks: bool = True,
                sender: str = "chen.lihua@itu.int") -> list[tuple[str | None, date | None]]:
    member = members.by_address(sender)
    message = ActionInput(text, SENT, sender=Address(member.name if member else "", sender),
                          parent_sender=Address("Ingrid Solheim", "ingrid.solheim@example.no"),
                          parent_asks=parent_asks)
    return [(c.owner, c.due) for c in extract_actions(message, members=members)]


def test_an_answer_to_the_parents_question_is_no_new_request(members: MembersConfig) -> None:
    # "Could TSB say whether the draft may go to SG20?" answered:
    answer = "Dear Ingrid,\n\nYes, please send it as a contribution to Q4/20 before the meeting."
    assert reply_items(answer, members) == []
    assert reply_items(answer.replace("Yes, please", "No - please"), members) == []
    assert reply_items("Ingrid - yes: please add it to the draft.", members) == []
    # The same words when the parent asked nothing, or not opening with the answer: a request.
    assert reply_items(answer, members, parent_asks=False) == [("Ingrid Solheim", None)]
    assert reply_items(answer.replace("Yes, please", "Please"), members) == [
        ("Ingrid Solheim", None)]


def test_an_answer_that_asks_or_promises_more_is_a_new_item(members: MembersConfig) -> None:
    assert reply_items("Dear Ingrid,\n\nYes, it can go ahead - please send the draft to the "
                       "rapporteur by 12 February.", members) == [("Ingrid Solheim",
                                                                    date(2027, 2, 12))]
    assert reply_items("Sure, will do - I will check the dates with the SG20 team by Friday.",
                       members) == [("Chen Lihua", date(2027, 2, 5))]
    assert reply_items("Sure, we will check the dates with the SG20 team.", members) == []


def question_owner(text: str, members: MembersConfig, parent: str | None,
                   sender: str = "andres.gutierrez@example.gov.co") -> str | None:
    parent_member = members.by_address(parent) if parent else None
    message = ActionInput(text, SENT, sender=Address("", sender), parent_sender=Address(
        parent_member.name if parent_member else "", parent) if parent else None)
    (question,) = find_questions(message, members=members)
    return question.owner


def test_a_question_in_a_reply_greeting_nobody_asks_whom_it_answers(
    members: MembersConfig,
) -> None:
    text = "Colombia can host the session.\nWill the slides be shared afterwards?"
    # Secretariat staff stand for their unit; anybody else by name.
    assert question_owner(text, members, "tomas.herrera@itu.int") == "BDT"
    assert question_owner(text, members, "priya.raman@example.gov.in") == "Priya Raman"
    # Not a reply, or a reply to oneself: nobody in particular.
    assert question_owner(text, members, None) is None
    assert question_owner(text, members, "andres.gutierrez@example.gov.co") is None
    # The salutation still says whom the question asks.
    assert question_owner("Dear Rajesh,\n\n" + text, members, "tomas.herrera@itu.int") == "BR"


def test_a_question_about_a_body_named_without_its_sector_asks_its_bureau(
    members: MembersConfig,
) -> None:
    # Q5/1 is ITU-D's (ITU-T has no SG1): its Bureau answers, before whom the reply answers.
    assert question_owner("Who is the Q5/1 rapporteur now?", members,
                          "rajesh.iyer@itu.int") == "BDT"
    assert question_owner("Who is the rapporteur now?", members, "rajesh.iyer@itu.int") == "BR"


def test_what_is_wanted_from_named_bodies_is_theirs_to_give(members: MembersConfig) -> None:
    assert owners("We would welcome one panellist from each of TSB (SG20 leadership) and "
                  "BDT (smart villages) by 1 March.", members) == [("TSB, BDT", date(2027, 3, 1))]
    text = ("For the annual report, the editorial team needs from each Bureau, by 26 February:"
            "\n\n- a short foreword;\n- two photos of 2026 events.\n")
    assert owners(text, members) == [("BR, TSB, BDT", date(2027, 2, 26))] * 2
    # Wanted from nobody named: no request to anybody in particular.
    assert owners("We would welcome one panellist from industry.", members) == []
