"""A reply taking up an offer is no new item.

"I am happy to share her spreadsheet if useful." - "And yes please, do send the
spreadsheet." / "If useful I could share our measurement data." - "Omar, yes please,
that would be very welcome.": the reply says yes to what the other offered. The offer
is the offerer's to keep (a promise, if they make one, is read where they make it:
`w9`-004's "Sure, I will send the data set ... by the end of next week"); the "yes" asks
nothing new, and neither writer (`w9`, `w10`) labels it. With a day of its own ("Yes
please - could you send it by Friday?") it asks anew, as a chase does
(:mod:`iscg_mailbot.analyse.action_chases`).

    >>> from iscg_mailbot.records import ActionInput, Address
    >>> reply = ActionInput("", None, parent_sender=Address("Omar", "omar@example.edu"))
    >>> takes_offer(reply, "And yes please, do send the spreadsheet.")
    True
    >>> takes_offer(reply, "Yes please - could you send it by Friday?")
    False
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.text_gates import GatedPattern, folded
from iscg_mailbot.records import ActionInput

# "Yes please", "And yes, please", "Omar, yes please": the acceptance opening the
# sentence, after at most a name or "and".
_YES_PLEASE = re.compile(r"^\W*(?:(?:and|so|oh)\s+|[\w-]+\s*[,:\u2013-]\s*)?yes\s*[,!-]?\s*please\b",
                         re.IGNORECASE)
# A day of its own makes it a request.
_DAY = re.compile(r"\b(?:by|before|within|until|till|no\s+later\s+than)\b", re.IGNORECASE)


def takes_offer(message: ActionInput, sentence: str) -> bool:
    """Whether a reply's sentence only says yes to an offer ("Yes please, do send the
    spreadsheet"): no new item unless it sets a day of its own."""
    if message.parent_sender is None:
        return False
    return bool(_GATED_YES.search(sentence, folded(sentence))) and not _DAY.search(sentence)


# Every acceptance holds this word; most sentences do not.
_GATED_YES = GatedPattern(_YES_PLEASE, ("yes",))


__all__ = ["takes_offer"]
