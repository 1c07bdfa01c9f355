"""A reply that only says where to send what its parent offers: no new item.

"I can share a short case study by the end of July" answered "Very useful - please send
it to me directly and I will pass it on": the reply takes up the offer (or answers
"where should I send it?"). The work is the offer's, already the parent's item; the
reply's request points back at it ("it", "them") and sends it to the replier. A
request with a day of its own ("please send it to me by Friday"), one naming a new
thing ("please send me the slides"), or one in a reply to a message that offered
nothing stays an item.

    >>> from datetime import datetime, timezone
    >>> from iscg_mailbot.records import ActionCandidate, ActionInput, Address
    >>> said = "Please send it to me and I will pass it on."
    >>> item = ActionCandidate(kind="action", sentence=said, span=(0, len(said)),
    ...     owner=None, owner_kind=None, due=None, due_text=None, confidence=0.7,
    ...     rule="please_do")
    >>> reply = ActionInput(said, datetime(2027, 1, 5, tzinfo=timezone.utc),
    ...     parent_sender=Address("Omar", "omar@example.org"),
    ...     parent_text="I can share our field report by the end of the month.")
    >>> drop_receipts([item], reply)
    []
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.action_statements import is_offer
from iscg_mailbot.analyse.action_text import split_sentences
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_rules import ACTION

# The thing sent is the one already spoken of ("it", "them"), and it comes to the
# replier: "send it to me (directly)", "forward them to us".
_TO_ME = re.compile(
    r"\b(?:send|forward|share|pass|e-?mail|submit)\s+(?:it|them)\s+(?:\w+ly\s+)?"
    r"to\s+(?:me|us)\b", re.IGNORECASE)
# The parent asks where its thing should go ("tell me where to send it").
_WHERE_TO = re.compile(r"\bwhere\s+(?:to|I\s+should|we\s+should|should\s+(?:I|we))\s+"
                       r"(?:send|submit|share)\b", re.IGNORECASE)


def _parent_offers(message: ActionInput) -> bool:
    """Whether the parent's new text offers something or asks where to send it."""
    text = message.parent_text
    if not text:
        return False
    if _WHERE_TO.search(text):
        return True
    return any(is_offer(sentence.text) for sentence in split_sentences(text))


def drop_receipts(candidates: list[ActionCandidate], message: ActionInput
                  ) -> list[ActionCandidate]:
    """A reply's undated requests that only direct to the replier what the parent
    offered ("please send it to me") are dropped: the offer is the item."""
    if message.parent_sender is None or not any(
            _TO_ME.search(c.sentence) for c in candidates):
        return candidates
    if not _parent_offers(message):
        return candidates
    return [c for c in candidates if not (
        c.kind == ACTION and c.due is None and _TO_ME.search(c.sentence))]


__all__ = ["drop_receipts"]
