"""How to read what the message sends is no item.

"The latest draft is attached. Please treat it as a working document.", "Please see my
comments in the attached, mainly ...": the sender tells the reader how to take the text
the message delivers (see it, find it, read it, treat or regard it as something). Nothing
is owed once it is read; the delivery itself is what the thread waited for. A sentence
that also asks for work ("Please read the attached and send comments by Friday") or sets
a day stays an item.

    >>> from iscg_mailbot.records import ActionCandidate
    >>> said = ActionCandidate(kind="action", span=(0, 40), owner=None, owner_kind=None,
    ...     sentence="Please treat it as a working document.", due=None, due_text=None,
    ...     confidence=0.7, rule="please_do")
    >>> drop_reading_notes([said])
    []
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACTION

# "Please see my comments in the attached", "please read it as", "Please treat it as a
# working document", "Kindly regard the table as provisional".
_READING = re.compile(
    r"^\W*(?:please|kindly)\s+(?:see|find|read|treat|regard)\s+(?:it|this|them|these|my|our|"
    r"the)\b[^.;]{0,60}?(?:\b(?:in|from)\s+the\s+attach(?:ed|ment)\b|\bas\s+(?:an?\s+)?"
    r"(?:working|draft|informal|preliminary|provisional|background|non-?paper|input|"
    r"contribution)\b)", re.IGNORECASE)
# Work asked beside the reading: "... and send comments", "... and confirm".
_MORE_WORK = re.compile(r"\b(?:and|then)\s+(?:please\s+)?(?:send|reply|confirm|comment|let|"
                        r"provide|share|tell|advise|indicate|return)\b", re.IGNORECASE)


def reads_only(sentence: str) -> bool:
    """Whether a request only says how to read what the message sends."""
    return bool(_READING.search(sentence)) and not _MORE_WORK.search(sentence)


def drop_reading_notes(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """Actions that only say how to read what is sent, with no day, are no items."""
    return [c for c in candidates
            if not (c.kind == ACTION and c.due is None and reads_only(c.sentence))]
