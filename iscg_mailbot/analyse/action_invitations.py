"""Invitations that owe nothing: an open welcome and a request to correct the sender.

"Comments are welcome.", "Contributions from Sector Members are welcome.", "Any help is
very appreciated.": a welcome put to nobody and to no date says what would be received,
not what anybody is to do (the sixth and eighth writers' dev parts leave them
unlabelled). Dated, it is a call for input ("Comments are welcome by 18 June": the first
and fifth writers label it), and a party welcomed to act ("BDT colleagues are welcome to
propose a session") is asked: both stay.

"Please tell me if I missed anything.", "Please correct me if needed by replying to the
list.": under the sender's own account (a list of agreed actions), the request is for a
correction only if the account is wrong, which nobody owes (the fifth and sixth writers'
dev parts leave them unlabelled).
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate

_WELCOME = re.compile(
    r"^\W*(?:(?:any|all|your|further|more|other|additional)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:comments?|contributions?|inputs?|help|suggestions?|feedback|views|ideas|support|"
    r"proposals?)(?:\s+from\s+[^,.;]{1,40}?)?\s+(?:is|are|would\s+be|will\s+be)\s+"
    r"(?:(?:very|most|always|also|much|greatly|highly)\s+)?(?:welcome|appreciated)\s*[.!]?$",
    re.IGNORECASE)
_CORRECT_ME = re.compile(
    r"^\W*please\s+(?:(?:tell|let)\s+me(?:\s+know)?\s+if\s+I\s+(?:have\s+)?(?:missed|forgot|"
    r"overlooked|got\s+\w+\s+wrong)|correct\s+me\s+if)\b", re.IGNORECASE)


def drop_open_invitations(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """The items less undated open welcomes and requests to correct the sender."""
    return [c for c in candidates if not (c.due is None and (
        _WELCOME.match(c.sentence) or _CORRECT_ME.match(c.sentence)))]
