"""Futures that are a part in somebody's programme or process, not work owed the list.

A promise ("I will ...", "we will ...", "TSB will ...") is an item when its agent is to
deliver something. Three readings of the agent and what the future is about say it is
not:

- :func:`speaking_role`: "Rajesh will present.", "Dr Lee, who will present the survey",
  "I will speak to it, no document": who speaks in a meeting's programme. Taking
  something *to* an audience ("I will present the outcome to the advisory groups", "BDT
  will present the findings at the next meeting") is a delivery, and stays; so does a
  sentence that goes on to deliver ("... and send the written version afterwards").
- :func:`hands_over`: "I will let Omar reply", "I'll let the two of you take it from
  here": the sender leaves the deed to others ("I will let you know" is the sender's
  own promise to tell, and stays).
- :func:`meeting_deliberates`: "The study group meeting on 4 May should approve the
  text", "TDAG (3-6 June) will review the plan": a meeting's own deliberation told as
  news of its process. With a delivery to the readers ("... and copied to this list") it
  stays. (A body named alone, "TSAG will review the list at its January meeting", is
  left an item, as ``test_action_they_will`` has it.)

:func:`drop_roles` drops the promises (rules ``commitment``, ``i_will``, ``entity_will``)
so read. Each test first looks for a plain word, so most sentences cost a substring test.

    >>> speaking_role("Our delegate will present.")
    True
    >>> speaking_role("Our delegate will present the study at the next plenary.")
    False
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.action_statements import TO_READERS
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACT_VERBS, ACTION, PROMISES

_FUTURE = r"(?:will|shall|'ll|\u2019ll|(?:am|is|are)\s+going\s+to)"
# "will present", "will also speak", "who will present": a speaker's part.
_ROLE = re.compile(
    r"\b" + _FUTURE + r"\s+(?:\w+ly\s+|also\s+|then\s+|myself\s+)?(?:present|speak)\b",
    re.IGNORECASE)
# Up to the end of the clause: a colon, semicolon or dash ends it, as does a sentence end.
_CLAUSE_END = re.compile(r"[;:.!?]\s|\s[-\u2013\u2014]\s|[;:]$|[.!?]$")
# An audience or a meeting the thing is taken to: "to TSAG", "at the next meeting",
# "before the working party"; not "to it", "on Thursday".
_AUDIENCE = re.compile(
    r"\b(?:to|at|before|in\s+front\s+of|during)\s+(?!(?:it|them|this|that|these|those)\b)"
    r"(?:the\s+|our\s+|its\s+|their\s+)?(?:next\s+)?[A-Z\w]", re.IGNORECASE)
# "... and send the written version afterwards": a delivery follows in the sentence.
_AND_DELIVERS = re.compile(
    r"\b(?:and|then)\s+(?:(?:will|shall|also|then)\s+)*(?:" + ACT_VERBS + r"|circulate|post)\b",
    re.IGNORECASE)


def speaking_role(sentence: str) -> bool:
    """Whether the sentence tells who will present or speak, with no audience the thing
    is taken to and no delivery after it."""
    lowered = sentence.lower()
    if "present" not in lowered and "speak" not in lowered:
        return False
    role = _ROLE.search(sentence)
    if role is None:
        return False
    end = _CLAUSE_END.search(sentence, role.end())
    clause = sentence[role.end():end.start() if end else len(sentence)]
    return not _AUDIENCE.search(clause) and not _AND_DELIVERS.search(sentence, role.end())


# "I will let Omar reply", "we'll let the secretariat decide"; not "let you/us know".
_LET = re.compile(r"\b" + _FUTURE + r"\s+let\s+(?!(?:\w+\s+){0,3}?know\b)\w", re.IGNORECASE)


def hands_over(sentence: str) -> bool:
    """Whether the sender's future leaves the deed to somebody else ("I'll let Grace
    reply")."""
    return " let " in sentence.lower() and _LET.search(sentence) is not None


# A deliberation: what a meeting or a body does with a text, not what it delivers.
_DELIBERATE = re.compile(
    r"\b(?:will|shall|should|is\s+to|are\s+to)\s+(?:\w+ly\s+|then\s+|also\s+)?(?:consider|discuss|"
    r"review|examine|approve|adopt|decide|look\s+(?:at|into))\b", re.IGNORECASE)
# The agent is a meeting: "The SG5 meeting on 4 May should ...", "TDAG (3-6 June) will".
_MEETING_AGENT = re.compile(
    r"(?:\b(?:meeting|session|plenary|assembly)\b[^.;:,]{0,30}|\([^()]*\d[^()]*\))\s*$",
    re.IGNORECASE)


def meeting_deliberates(sentence: str) -> bool:
    """Whether the sentence tells what a meeting will deliberate (its agent is the
    meeting), with nothing delivered to the readers."""
    lowered = sentence.lower()
    if not any(w in lowered for w in ("meeting", "session", "plenary", "assembly", ")")):
        return False
    future = _DELIBERATE.search(sentence)
    if future is None:
        return False
    agent = sentence[max(0, future.start() - 60):future.start()]
    return bool(_MEETING_AGENT.search(agent)) and not TO_READERS.search(sentence)


def drop_roles(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """The promises that are a speaker's part, a deed left to others or a meeting's
    deliberation (see the module's docstring): no items."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.rule in PROMISES and (
            speaking_role(c.sentence) or hands_over(c.sentence)
            or (c.rule == "entity_will" and meeting_deliberates(c.sentence))))]


__all__ = ["drop_roles", "hands_over", "meeting_deliberates", "speaking_role"]
