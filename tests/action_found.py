"""What the extractor finds in one message (its rules' items, then the questions asked),
for the tests that read a message's owners and due dates: one helper, not a copy each."""

from __future__ import annotations

from datetime import date, datetime

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionCandidate, ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

KLAUS = Address("Klaus Brenner", "klaus.brenner@example.de")


def found(text: str, members: MembersConfig, *, sent: datetime,
          sender: Address = KLAUS) -> list[ActionCandidate]:
    """The items and questions of ``text`` sent by ``sender`` at ``sent``, in the order
    they are written."""
    message = ActionInput(text, sent, sender=sender)
    candidates = extract_actions(message, members=members)
    candidates += find_questions(message, candidates, members)
    return sorted(candidates, key=lambda c: c.span)


def dues(text: str, members: MembersConfig, *, sent: datetime,
         sender: Address = KLAUS) -> list[tuple[str | None, date | None]]:
    """(owner, due) of each item and question of ``text``, in the order written."""
    return [(c.owner, c.due) for c in found(text, members, sent=sent, sender=sender)]
