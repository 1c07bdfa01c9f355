"""Courtesy promises to come back: "We will revert as soon as possible.", "BR will revert
with a name in due course.", "Passed to the Q13/12 rapporteur, will revert.", "we will
inform the Group of any change", "We shall keep you informed."

A reply that promises only to answer later, by no day, owes nothing the list follows: the
work it will report on is the item already open, asked earlier in the thread (`w18`,
`w19`, `w22`, `w24`, `w25`, `w26`, and `w11`'s "I'll revert" label none). The promise
that names work of its own ("I will check with the SG5 counsellor and revert", "TSB will
look into such a session and revert by the end of January") or a day ("I will revert by
12 February at the latest") stays.

    >>> from iscg_mailbot.records import ActionCandidate
    >>> said = ActionCandidate(kind="action", span=(0, 30), owner="BDT", owner_kind="group",
    ...     sentence="We will revert as soon as possible.",
    ...     due=None, due_text=None, confidence=0.65, rule="commitment")
    >>> drop_reverts([said])
    []
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate

_WILL = r"(?:will|shall|['\u2019]ll)\s+(?:(?:certainly|then|duly|surely|also|of\s+course)\s+)*"
# The promise to answer later, said right after "will".
_REVERT = re.compile(
    rf"\b{_WILL}(?:revert|get\s+back|come\s+back|respond\s+in\s+due\s+course"
    rf"|(?:inform|notify|tell|update|advise)\s+(?:you|the\s+(?:group|list|ISCG|members)|all"
    rf"|everyone|members)\s+(?:\w+\s+)?(?:of|about|on)\s+any\s+(?:further\s+)?"
    rf"(?:change|news|development|progress|update)s?"
    rf"|keep\s+(?:you|the\s+(?:group|list|ISCG|members)|all|everyone|members)\s+"
    rf"(?:\w+\s+)?(?:informed|posted|updated|in\s+the\s+loop))\b",
    re.IGNORECASE)
# Any other promised work in the sentence ("will nominate ...; will revert").
_OTHER_WILL = re.compile(rf"\b{_WILL}(?!revert|get\s+back|come\s+back)\w+", re.IGNORECASE)


def only_reverts(sentence: str) -> bool:
    """Whether the sentence's only promise is to come back later."""
    revert = _REVERT.search(sentence)
    if revert is None:
        return False
    return not any(m.start() != revert.start() for m in _OTHER_WILL.finditer(sentence))


def drop_reverts(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """The items less the undated promises only to come back later."""
    return [c for c in candidates
            if not (c.kind == "action" and c.due is None and only_reverts(c.sentence))]
