"""Closure: a request put to everyone is closed when its asker declares the round over.

"Could you all let me know by Monday whether you will be in the room or online?",
"Please send suggestions by 22 November", "Please fill in the poll by 29 February": a
call to the whole list (owned by the ISCG, or by nobody in particular) is not done by
one member's answer ("Online for me"); it is done when the one who asked says the
round is over: "Poll closed, 17 replies", "Thanks all - suggestions are in", "No
objections, so 15:00 CEST it is", "I now have everything I need", "no need to write to
me any more", "list closed", "AOB closed", "Final agenda as 28/1-0 rev.1" (the
seventeenth to twentieth writers label these so; eval/notes/w18.md, w19.md, w20.md).

    >>> declares_round_over("Thanks all - suggestions are in. I'll fold them in.")
    True
    >>> declares_round_over("Online for me, as usual.")
    False
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.text_gates import GatedPattern

# Each alternative is a short run of words read left to right (no nested repetition):
# linear in the length of the text.
_ROUND_OVER = re.compile(
    r"\b(?:poll|survey|list|round|consultation|aob|call\s+for\s+\w+)\s+(?:is\s+)?(?:now\s+)?"
    r"closed\b"
    # A period for answers that ran out: "The comment period is now closed", "the comment
    # period on the zero draft is closed", "The silence period ended at 17:00 today
    # without objection" (the thirtieth, thirty-seventh and thirty-eighth writers).
    r"|\b(?P<period>(?:comment|comments|silence|review|consultation)\s+period)\s+(?:on\s+[^.;?!]{1,40}?\s+)?"
    r"(?:(?:is|has)\s+(?:now\s+)?)?(?:closed|ended|expired|over)\b"
    r"|\b(?:suggestions|replies|answers|inputs|responses|comments|contributions|views|names|"
    r"nominations|proposals)\s+(?:are|have)\s+(?:all\s+)?(?:now\s+)?(?:in|been\s+received)\b"
    r"|\bno\s+need\s+to\s+(?:write|reply|respond|send)\b"
    r"|\bI\s+(?:now\s+)?have\s+(?:everything|all\s+(?:I\s+need|the\s+(?:replies|answers|names))|"
    r"enough\s+(?:replies|answers|names|volunteers))\b"
    r"|\bno\s+objections?\b[^.;?!]{0,30}?\b(?:so|received)\b"
    r"|\bthanks?\s+(?:you\s+)?(?:to\s+)?(?:everyone|all)\s+(?:who\s+(?:replied|answered|sent|"
    r"responded)|for\s+(?:your|the)\s+(?:replies|answers|input|suggestions))\b"
    r"|\bfinal\s+(?:agenda|list|summary)\s+(?:is\s+)?(?:as|attached|posted|circulated|"
    r"out|available)\b",
    re.IGNORECASE,
)
_GATED = GatedPattern(_ROUND_OVER, ("closed", "are", "have", "need", "objection", "thank",
                                    "final", "period"))
# A period said to run out only when or if it does, or asked about: "Once the comment
# period is over, I will compile the replies", "If the silence period has ended ...",
# "Is the comment period closed?" (a reminder, not the round's end).
_NOT_YET = re.compile(r"\b(?:once|when|whenever|if|unless|after|until|till|before|is|has|"
                      r"as\s+soon\s+as)\s+(?:the\s+|our\s+|this\s+|that\s+)?$",
                      re.IGNORECASE)


def declares_round_over(text: str) -> bool:
    """Whether a message says the collection it asked for is complete (see the module)."""
    return any(match.group("period") is None
               or _NOT_YET.search(text, max(0, match.start() - 20), match.start()) is None
               for match in _GATED.finditer(text))


def everyones(owner: str | None) -> bool:
    """Whether an item is put to the whole list: owned by the ISCG or by nobody named."""
    parts = {p.strip().casefold() for p in (owner or "").split(",") if p.strip()}
    return not parts or parts == {"iscg"}


# A question that is a call to everyone: it asks the list to send or say something
# ("Please send suggestions by 22 November", "Please shout by Friday if that does not
# work for you", "Could you all let me know ...").
_CALL = re.compile(
    r"\bplease\s+(?:(?:all|everyone)\s+)?(?:send|shout|reply|respond|suggest|propose|fill|"
    r"let\s+(?:me|us)\s+know|tell\s+(?:me|us)|indicate)\b"
    r"|\b(?:you\s+all|all\s+of\s+you|everyone|everybody)\b",
    re.IGNORECASE,
)


def is_call(question: str) -> bool:
    """Whether a question put to everyone asks each to send or say something, a round
    that one member's answer does not close (:func:`declares_round_over` does)."""
    return _CALL.search(question) is not None

