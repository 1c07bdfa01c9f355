"""A deadline or a need told in a reply is no new item.

"Yes - Academia members can submit contributions to SG20 like any other member. The
next SG20 meeting is in September and the deadline for contributions is 28 August."
(`w10`-017), "Contributions are due 12 calendar days before, i.e. 27 January 2027."
(`w11`-010): the reply tells the asker a date of somebody's process; neither writer
labels it, and the asker's own promise that may follow ("I will submit through the
university by 28 August") is the item. So is a need the reply describes ("It follows
the six dimensions ... and flags where TSB and BR input is needed", `w3`-046, of an
attachment). Any reply, whatever its parent asked: `w11`-010's answer follows another
reply. The same deadline in a first message is read as before ("Responses are due by
31 May" under a request, `w2`-049); so is a deadline put as a request ("please send it
by ...") or as an invitation ("Comments are welcome until 18 June", which `w5` labels
and `w11` does not).

    >>> from iscg_mailbot.records import ActionCandidate, ActionInput, Address
    >>> said = "Contributions are due 12 calendar days before, i.e. 27 January 2027."
    >>> item = ActionCandidate(kind="action", sentence=said, span=(0, len(said)),
    ...     owner=None, owner_kind=None, due=None, due_text=None, confidence=0.7,
    ...     rule="passive_request")
    >>> reply = ActionInput(said, None, parent_sender=Address("Omar", "omar@example.edu"))
    >>> drop_dates_told([item], reply)
    []
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate, ActionInput

# The rules that read a deadline stated ("the deadline is ...", "X are due ...").
_STATED = frozenset({"deadline", "passive_request"})
# Asking still: a request, an invitation (left as it was), a question, or the sender's
# own step.
# ("I" in its case: "i.e." is no sender.)
_ASKS = re.compile(r"\b(?:please|kindly|could|would|can\s+you|welcome|we)\b|(?-i:\bI\b)|\?",
                   re.IGNORECASE)


def drop_dates_told(candidates: list[ActionCandidate],
                    message: ActionInput) -> list[ActionCandidate]:
    """In a reply, a deadline or need stated (not asked) is part of what the reply
    tells: no item."""
    if message.parent_sender is None:
        return candidates
    return [c for c in candidates
            if not (c.rule in _STATED and not _ASKS.search(c.sentence))]


__all__ = ["drop_dates_told"]
