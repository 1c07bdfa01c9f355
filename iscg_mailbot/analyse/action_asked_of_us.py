"""A request somebody outside made of the writer's side, told as background.

"WHO's Department of Mental Health is setting up a working group and asks ITU to
nominate a focal point", "the health ministry asks us what minimum bandwidth they
should put in the tender", "Our regulator will ask me this first": the one asking is
neither the writer nor a reader, and the one asked is the writer's own side (me, us,
ITU as a whole). The sentence says why the writer writes; what the list owes is what
the writer then asks or undertakes in sentences of their own ("Could TSB and BDT propose
names to me by 20 July?"), so the told request is no item (the eighth, ninth and tenth
writers' dev parts label none). "I would ask ITU to ...", "we ask you to ...", "please
ask us ..." are the writer's own requests and stay.

    >>> from iscg_mailbot.records import ActionCandidate
    >>> told = ActionCandidate(kind="action", span=(0, 60), owner=None, owner_kind=None,
    ...     sentence="The ministry asks us what delay they should allow.",
    ...     due=None, due_text=None, confidence=0.85, rule="we_request")
    >>> drop_requests_of_us([told])
    []
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACTION

# The rules whose trigger is the asking verb itself ("asks ITU to", "will ask me").
_ASKING_RULES = frozenset({"we_request", "entity_will"})

# A verb of asking in the third person or after a modal, whose object is the writer's
# side: "asks us", "will ask me", "requests ITU" (not "ITU-D": a Sector is a reader).
_ASKS_OUR_SIDE = re.compile(
    r"\b(?:(?:will|would|may|might|can|could)\s+(?:\w+ly\s+|also\s+|again\s+)?ask"
    r"|(?:asks|requests|invites|urges))\s+(?:again\s+)?(?:us|me|ITU(?![-\w]))\b",
    re.IGNORECASE)

# The writer or a reader as the one asking: "I would ask ITU", "we ask ITU", "could you
# ask us", "please ask me", "may I ask".
_OURS = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Pp]lease|[Kk]indly|[Ll]et)\b")


def asks_our_side(sentence: str) -> bool:
    """Whether the sentence tells that somebody else asks the writer's side (see the
    module's docstring)."""
    match = _ASKS_OUR_SIDE.search(sentence)
    return match is not None and _OURS.search(sentence, 0, match.start()) is None


def drop_requests_of_us(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """The items less the requests told of somebody outside, made of the writer's side."""
    return [c for c in candidates
            if not (c.kind == ACTION and c.rule in _ASKING_RULES and asks_our_side(c.sentence))]
