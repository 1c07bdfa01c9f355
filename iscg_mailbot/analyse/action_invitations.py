"""Requests to correct the sender's own account, which nobody owes.

"Please tell me if I missed anything.", "Please correct me if needed by replying to the
list.": under the sender's own account (a list of agreed actions), the request is for a
correction only if the account is wrong (the fifth and sixth writers' dev parts leave
them unlabelled). With a day of its own it stays. An open welcome ("Comments are
welcome.") is :func:`.action_forecasts.drop_open_wishes`'.

"Two comments: (a) please allow mentees from ministries; (b) ...", "Two corrections:
X.1148 is ..., and please add Y.3602", "Two small comments on the text: in row 8 please
say ...": the sender's comments on a draft, under a heading that says so, are the
sender's input, delivered in the message; the "please" inside them asks the draft's
author nothing a list keeps open (the eighth and ninth writers' dev parts leave them
unlabelled). With a day of its own it stays.
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate

_CORRECT_ME = re.compile(
    r"^\W*please\s+(?:(?:tell|let)\s+me(?:\s+know)?\s+if\s+I\s+(?:have\s+)?(?:missed|forgot|"
    r"overlooked|got\s+\w+\s+wrong)|correct\s+me\s+if)\b", re.IGNORECASE)


# "Two comments:", "One small correction to item 3:", "My suggestions on the text:".
_COMMENTS_GIVEN = re.compile(
    r"^\W*(?:(?:one|two|three|four|a\s+few|a\s+couple\s+of|some|my|our|\d)\s+)?"
    r"(?:(?:small|minor|quick|short|editorial|last)\s+)?(?:comments?|corrections?|remarks?|"
    r"suggestions?|edits?)(?:\s+(?:on|to|for)\s+[^:]{1,40})?\s*:\s", re.IGNORECASE)


def drop_corrections_asked(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """The items less undated requests to correct the sender ("tell me if I missed") and
    the sender's own comments on a draft ("Two comments: (a) please allow ...")."""
    return [c for c in candidates if not (c.due is None and (
        _CORRECT_ME.match(c.sentence) or _COMMENTS_GIVEN.match(c.sentence)))]
