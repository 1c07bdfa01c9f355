"""Requests to say something are questions; requests to deliver or do are actions.

Minimal pairs of our own wording: each ``question`` case failed before (it was an
action), each ``action`` case shows the neighbour that stays one. Chases of an earlier
request in a reply ("I still need ...") are no new item.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2026, 10, 30, 10, 0, tzinfo=timezone(timedelta(hours=1)))  # a Friday
INGRID = Address("Ingrid Solheim", "ingrid.solheim@example.no")
NADIA = Address("Nadia Haddad", "nadia.haddad@itu.int")


def kinds(text: str, members: MembersConfig, *, parent: Address | None = None,
          sender: Address = INGRID) -> list[tuple[str, str | None, date | None]]:
    message = ActionInput(text, SENT, sender=sender, parent_sender=parent,
                          parent_asks=parent is not None)
    found = extract_actions(message, members=members)
    found += find_questions(message, found, members)
    return [(c.kind, c.owner, c.due) for c in found]


@pytest.mark.parametrize(("asks", "wants", "owner", "due"), [
    ("Could BDT tell us whether the guide has a French version?",
     "Could BDT send us the French version of the guide?", "BDT", None),
    ("Could BR let me know by 6 November which groups would join?",
     "Could BR let me know by 6 November?", "BR", date(2026, 11, 6)),
    ("Could TSB indicate who will coordinate the reply on the ITU-T side?",
     "Could TSB nominate who will coordinate the reply on the ITU-T side?", "TSB", None),
    ("Could TSB and BR confirm whether remote participation is possible?",
     "Could TSB and BR confirm the dates of the meeting?", "TSB, BR", None),
    # The verb asked must be one of saying: checking is work ("..., and tell us how to
    # correct them" after it is a second request, a question: test_action_coverage).
    ("Could BDT tell us how to correct the figures?",
     "Could BDT check how to correct the figures?", "BDT", None),
])
def test_a_request_to_say_something_is_a_question(
    members: MembersConfig, asks: str, wants: str, owner: str, due: date | None,
) -> None:
    assert kinds(asks, members) == [("question", owner, due)]
    assert kinds(wants, members) == [("action", owner, due)]


def test_a_question_to_each_of_several_collects_inputs(members: MembersConfig) -> None:
    assert kinds("Could each Bureau indicate by 6 November which meetings are planned?",
                 members) == [("action", "BR, TSB, BDT", date(2026, 11, 6))]
    assert kinds("Could the Bureaux indicate by 6 November which meetings are planned?",
                 members)[0][0] == "question"


def test_asking_what_somebody_plans_is_a_question(members: MembersConfig) -> None:
    assert kinds("Will TSB hold the workshop in Nairobi again next year?",
                 members) == [("question", "TSB", None)]
    assert kinds("When will BDT publish the toolkit?", members) == [
        ("question", "BDT", None)]
    assert kinds("Will you send the toolkit to the list?", members)[0][0] == "action"


def test_asking_what_a_party_should_do_asks_whoever_decides(
    members: MembersConfig,
) -> None:
    # Not the sender's own commitment ("I ... BR add it") nor BR's.
    text = ("Dear Nadia,\n\nI saw that the table does not mention the space resolution - "
            "should BR add it, or is it out of scope?\n")
    assert kinds(text, members, sender=Address("Sofia Lindqvist", "sofia.lindqvist@itu.int"),
                 parent=NADIA) == [("question", "Nadia Haddad", None)]


def test_a_reply_chasing_an_earlier_request_is_no_new_item(members: MembersConfig) -> None:
    chase = "Pierre - I still need the BDT table; could you send it by Wednesday?"
    assert kinds(chase, members, parent=NADIA) == []
    assert kinds("Any news on the BDT table?", members, parent=NADIA) == []
    assert kinds("Could I still have the BDT table?", members, parent=NADIA) == []
    # The same request as a new one, and a chase in a first message, stay items.
    assert kinds("Pierre, could you send the BDT table by Wednesday?", members,
                 parent=NADIA)[0][0] == "action"
    assert kinds(chase, members)[0][0] == "action"
