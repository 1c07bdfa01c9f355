"""Another party's promise, passed on by the sender on that party's word, is no item.

"I understand from Luis that ITU-D SG2 is still collecting material and will reply
separately", "BR will follow next week, I understand from Sofia", "Sofia asked me to tell
you that the BR rows will only be done next week": the sender relays what somebody else
said they (or their unit) will do. Nobody takes anything on in this message, and the
relayed promise is the other party's to make on the list; the sentence is news, not an
item. The attribution is the structure read: a source named as the origin of the
statement ("I understand from X", "X asked me to tell you", "X tells me", "I am told
that"), in front of the statement or after it.

A sentence that also asks something ("I understand from Sofia that BR is late - could
TSB send its part?") stays: a request or a question is the sender's own.

    >>> from iscg_mailbot.records import ActionCandidate
    >>> told = ActionCandidate(kind="action", span=(0, 50), owner="BR", owner_kind="group",
    ...     sentence="BR will follow next week, I understand from Sofia.", due=None,
    ...     due_text=None, confidence=0.7, rule="entity_will")
    >>> drop_relayed([told])
    []
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACTION

# A named source (a capitalised name, a body or "the chair"/"colleagues in X") given as
# the origin of what the sentence says.
_SOURCE = r"(?:(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}|(?:the|our)\s+\w+(?:\s+\w+)?)"
_RELAYED = re.compile(
    r"\bI\s+(?:understand|hear|heard|learn(?:ed|t)?|gather)\s+from\s+" + _SOURCE
    + r"|\b" + _SOURCE + r"\s+(?:has\s+|had\s+)?(?:asked|asks)\s+me\s+to\s+(?:tell|let|say|"
    r"inform|pass\s+on|convey|relay)\b"
    r"|\b" + _SOURCE + r"\s+(?:tells|told|informs|informed)\s+me\b"
    r"|\b(?:I\s+am|I'm|I\s+was|we\s+are|we\s+were)\s+(?:told|informed)\s+(?:by\s+" + _SOURCE
    + r"\s+)?that\b")
# What the sender asks in the same sentence keeps it: a request or a question.
_ASKS = re.compile(r"\?|\b(?i:please|(?:could|can|would)\s+you)\b|\b(?i:could|can|would)\s+"
                   r"(?:the\s+)?[A-Z][\w-]*\s+(?:please\s+)?[a-z]+|\b(?i:is|are)\s+(?i:kindly\s+)?"
                   r"(?i:invited|requested|asked)\s+to\b")


def relays(sentence: str) -> bool:
    """Whether the sentence passes on what a named source said, and asks nothing."""
    return bool(_RELAYED.search(sentence)) and not _ASKS.search(sentence)


def drop_relayed(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """Actions read from a relayed promise are no items (notes and questions stay)."""
    return [c for c in candidates if not (c.kind == ACTION and relays(c.sentence))]
