"""Requests to correct the sender's own account, which nobody owes.

"Please tell me if I missed anything.", "Please correct me if needed by replying to the
list.": under the sender's own account (a list of agreed actions), the request is for a
correction only if the account is wrong (the fifth and sixth writers' dev parts leave
them unlabelled). With a day of its own it stays. An open welcome ("Comments are
welcome.") is :func:`.action_forecasts.drop_open_wishes`'.
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate

_CORRECT_ME = re.compile(
    r"^\W*please\s+(?:(?:tell|let)\s+me(?:\s+know)?\s+if\s+I\s+(?:have\s+)?(?:missed|forgot|"
    r"overlooked|got\s+\w+\s+wrong)|correct\s+me\s+if)\b", re.IGNORECASE)


def drop_corrections_asked(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """The items less undated requests to correct the sender ("tell me if I missed")."""
    return [c for c in candidates if not (c.due is None and _CORRECT_ME.match(c.sentence))]
