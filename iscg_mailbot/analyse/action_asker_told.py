"""A reply's "please" about what the asker collects is part of the answer, no new item.

A message asks for names, comments or choices ("Those who intend to stay should send
their names", "comments by Friday 14 May", "tell me which of your old attachments must be
kept"); the replies give them, often as a "please" to the asker: "Please add me and my
colleague to the evening list", "Count me in - vegetarian, please", "Vegetarian for me,
please", "Please leave me out", "Rule (3): essential, please keep it as it is", "Please
add 'a single secretariat contact'", "for TSB please keep the SG folders' attachments",
"please treat these as preliminary". Nobody labels them (`w3`, `w5`, `w8`, `w12`,
`w14`-`w17` dev): the asker's own
item stands, and the reply answers it. A "please" with a day of its own ("please add
your line by Friday") or asking anything else ("please send the slides") is read as
before, and so is every such sentence in a message that replies to no request.

    >>> from iscg_mailbot.records import ActionCandidate, ActionInput
    >>> said = "Please add me to the evening list."
    >>> item = ActionCandidate(kind="action", sentence=said, span=(0, len(said)),
    ...     owner="Nadia Haddad", owner_kind="addressees", due=None, due_text=None,
    ...     confidence=0.8, rule="please_do")
    >>> from iscg_mailbot.records import Address
    >>> reply = ActionInput(said, None, parent_sender=Address("Nadia", "nadia@itu.int"))
    >>> drop_told_asker([item], reply)
    []
    >>> len(drop_told_asker([item], ActionInput(said, None)))
    1
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate, ActionInput

# What the asker is to do with what the reply gives: keep, add, leave out, take or treat
# it so; "count me in", "Vegetarian for me, please" (the sender's own name or choice).
_TOLD_ASKER = re.compile(
    r"\bplease\s+(?:(?:also|just|do|kindly)\s+)?(?:keep|add|leave|count|treat|take|delete|"
    r"remove|drop|replace|reword|insert|put\s+(?:me|us|my|our)\b)|"
    r"^\W*count\s+(?:me|us)\s+in\b|\bfor\s+(?:me|us)\s*,?\s*please\W*$", re.IGNORECASE)
_PLEASE_RULES = ("please_do",)


def drop_told_asker(candidates: list[ActionCandidate],
                    message: ActionInput) -> list[ActionCandidate]:
    """The undated "please" of a reply to a request that tells the asker what to do with
    the names, comments or choices it gives: the answer, not a new item."""
    if message.parent_sender is None:
        return candidates
    return [c for c in candidates if not (
        c.rule in _PLEASE_RULES and c.due is None and _TOLD_ASKER.search(c.sentence))]


__all__ = ["drop_told_asker"]
