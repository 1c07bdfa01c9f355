"""Questions: what a message asks to know, and who owes the answer.

A message that asks something waits for a reply. A request phrased as a question
("Could BDT share the list?") is an action item already; any other sentence ending with
"?" that asks something of somebody is a question (:func:`find_questions`).

Who owes the answer (:func:`asked`): the member or body the question is put to, else
whom the message greets, else the Bureau of the one Sector it asks about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from iscg_mailbot.analyse.action_addressee import asked_parties, sector_bureau
from iscg_mailbot.analyse.action_scope import forwards_mail, owes_nothing
from iscg_mailbot.analyse.action_text import split_sentences
from iscg_mailbot.analyse.action_who import Owners, Who
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_rules import BOILERPLATE
from iscg_mailbot.settings.members import MembersConfig

QUESTION = "question"

def asked(owners: Owners) -> Who:
    """Who owes a question's answer: the member or body it is put to ("Olga, ...?",
    "Does BDT plan to ...?", "Would TSB and BR be willing ...?"), whom the message
    greets, else the Bureau of the one Sector it asks about ("Is there work in ITU-T
    on ...?"), else whom a reply answers (the sender of its parent); nobody when none
    of these says."""
    subject = owners.subject()
    named = subject if subject.explicit and subject.kind == "group" else None
    inverted = asked_parties(owners.text, owners.mentions)
    found = owners.vocative() or named or (Who(inverted, "group", True) if inverted else None)
    if found is not None:
        return found
    addressed = owners.addressees()
    if addressed.owner is not None:
        return addressed
    unit = owners.unit()
    bureau = sector_bureau(owners.mentions, unit.owner if unit else None)
    return Who(bureau, "group", False) if bureau else owners.replied()


# Questions that ask nothing of anybody: "Why not?", "Right?".
_IDLE_QUESTION = re.compile(r"^(?:\W*\w+){0,2}\W*\?$")


def find_questions(
    message: ActionInput,
    items: Sequence[ActionCandidate] = (),
    members: MembersConfig | None = None,
) -> list[ActionCandidate]:
    """The message's first question that is not already an item, as kind "question".

    A message that asks something waits for a reply: the item stays open until somebody
    else writes in the thread. At most one per message: it marks the message as asking,
    which is all the chair's "awaiting a reply" needs. ``items`` are the message's
    action candidates (a request phrased as a question is already one of them).
    """
    taken = {item.span for item in items}
    if owes_nothing(message):
        return []
    for sentence in split_sentences(message.new_text, forwarded=forwards_mail(message)):
        text = sentence.text
        if not text.endswith("?") or (sentence.start, sentence.end) in taken:
            continue
        if _IDLE_QUESTION.match(text) or BOILERPLATE.search(text):
            continue
        who = asked(Owners(text, message, members))
        return [ActionCandidate(kind=QUESTION, sentence=text, span=(sentence.start, sentence.end),
                                owner=who.owner, owner_kind=who.kind, due=None, due_text=None,
                                confidence=0.5, rule="question")]
    return []
