"""Asking leave to ask ("May I ask whether BDT can cover the travel?") or asking a
party to clarify what follows ("I would like to kindly ask BR to clarify: will ...?")
owes an answer: a question, not an action (issue 13, action round 7: the fifth, eighth
and ninth writers' dev parts label each so). Our own wording; each first assertion
failed on `main`, the others are its pairs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
MEMBER = Address("Klaus Brenner", "klaus.brenner@example.de")


def items(text: str, members: MembersConfig) -> list[tuple[str, str | None]]:
    message = ActionInput("Dear colleagues,\n\n" + text + "\n\nKind regards,\nKlaus",
                          SENT, sender=MEMBER)
    found = extract_actions(message, members=members)
    found += find_questions(message, found, members)
    return [(item.kind, item.owner) for item in found]


def test_leave_to_ask_is_a_question(members: MembersConfig) -> None:
    assert items("The expert can come in June. May I ask whether BDT can cover the "
                 "travel, or should the administration cover it?",
                 members) == [("question", "BDT")]
    assert items("I would like to kindly ask BR to clarify: will the draft report be "
                 "available in Russian before February?", members) == [("question", "BR")]
    # The pair: asking leave to ask for a deliverable stays a request to deliver it.
    assert items("May I ask BDT to send the slides by Friday 5 March?",
                 members) == [("action", "BDT")]
