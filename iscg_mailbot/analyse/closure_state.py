"""Closure: the state a deed left, told of the thing in the present passive.

"Could you book a room for the editors?" - "The small room is booked for Tuesday";
"Please publish the minutes" - "The minutes are published on the group page". The reply
tells no deed ("I booked", "was published"): it says the thing is now as the deed left
it, which writers label as the deed done (the thirteenth, twenty-ninth and thirty-second
writers). :func:`state_told` reads such a clause (not a delivery statement: the other
readings of a reply are unchanged), and :func:`other_state` keeps it from closing any
item but one asking that very deed (and a headline of a thing sent on for someone else's
work, "Draft sent to the chair for comments", from closing an item asking no sending).

    >>> sorted(state_deeds("The slides are uploaded and the report is published."))
    ['publish', 'upload']
    >>> state_told("Once the room is booked I will tell you.") is None
    True
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.action_closure import not_yet
from iscg_mailbot.analyse.closure_deeds import deeds_asked
from iscg_mailbot.analyse.closure_words import gate_words, words_of

# The state a deed left, said of the thing in the present passive: "Room XIX is booked
# for Monday", "The outcome report is published: <link>", "the revised file is posted as
# TD-053 Rev.1", "the recording is uploaded", "Corrigendum 1 is issued" (the thirteenth,
# twenty-ninth and thirty-second writers). The booking, signing and putting out of a
# thing, whose result stays; not "is sent", "is shared" (as often the way things are
# done: "the invitation is sent to all members"), nor "is published every year", "is
# published by ITU" (what is usual, whose task it is). A state is weaker evidence than
# a deed told: it is no delivery statement, and closes only an item asking that deed
# ("Could you book a room?"; closure_items.detect_closure).
STATE = "state"
# The participles, each with the verb of the deed whose state it tells.
_STATE_OF = {"booked": "book", "reserved": "reserve", "posted": "post", "published": "publish",
             "uploaded": "upload", "issued": "issue", "signed": "sign"}
_STATE_TOLD = re.compile(
    r"\b(?:is|are)\s+(?:now\s+|all\s+)?(?P<state>" + "|".join(_STATE_OF) + r")\b"
    r"(?!\s+(?:weekly|monthly|daily|regularly|every|each|once|twice|annually|yearly|by\b|"
    # nor as not yet or only under a condition: "I don't think the small room is booked
    # yet", "the room is booked only if you confirm"
    r"yet\b|(?:only\s+)?(?:if|unless|provided)\b))",
    re.IGNORECASE)
# Each match holds one of these as a word of its own (:func:`gate_words`).
_STATE_WORDS = gate_words(_STATE_OF)


def state_told(clause: str, words: frozenset[str] | None = None) -> str | None:
    """:data:`STATE` when a clause says a thing is in the state a deed left ("the room is
    booked"), not as to come ("once the room is booked") nor asked ("Is the room
    booked?"); else None. ``words``: :func:`words_of` the clause, when known."""
    if _STATE_WORDS.isdisjoint(words_of(clause) if words is None else words) \
            or clause.rstrip().endswith("?"):
        return None
    return STATE if state_deeds(clause) else None


def state_deeds(clause: str) -> frozenset[str]:
    """The verbs of the deeds whose state a clause tells ("the room is booked": book),
    when :func:`state_told` reads one; empty otherwise."""
    deeds: set[str] = set()
    to_come, read_to = False, 0  # whether a condition is open where the text is read to
    for match in _STATE_TOLD.finditer(clause):
        deed = _STATE_OF[match.group("state").casefold()]
        # The last condition or break before the state decides ("once the room on the
        # third floor is booked"; "if you can, the room is booked"), read once over the
        # clause: each state's whole text before it, read again, was the square of a
        # long clause's length.
        for mark in _TO_COME_OR_BREAK.finditer(clause, read_to, match.start()):
            to_come = mark.group("to_come") is not None
        read_to = match.start()
        # (the negation is read in the few words before the state: ``not_yet``)
        if deed not in deeds and not to_come \
                and not not_yet(clause[max(0, read_to - _NEAR):read_to]):
            deeds.add(deed)
    return frozenset(deeds)


# A state said under a condition, a time still to come or a request to check it, however
# long the thing named ("once the small room on the third floor is booked", "let me know
# whether the room is booked", "please confirm that the room is booked"), up to a comma.
_TO_COME_OR_BREAK = re.compile(
    r"\b(?P<to_come>once|when|if|unless|until|after|before|as\s+soon\s+as|whether|"
    r"make\s+sure|ensure|(?:please|kindly|you)\s+(?:\w+\s+)?(?:confirm|check|verify))\b"
    r"|[,;:]", re.IGNORECASE)
# How far before a state its negation or "will" is read (``not_yet`` reads three words).
_NEAR = 120


def other_state(statement: str, clause: str, item_sentence: str) -> bool:
    """Whether a clause read as ``statement`` tells the state of a deed the item does not
    ask for ("the room is booked" of "Could you send the agenda?"), or is the headline of
    a thing sent on for someone else's work ("Draft sent to the chair for comments") and
    the item asks no sending ("Please review the draft"): it closes no such item (a
    delivery told closes the owner's items, a state only its own deed's, and a thing
    passed on for others to work on is not the work done)."""
    if statement == STATE:
        return not deeds_asked(state_deeds(clause), item_sentence)
    return statement == SENT and _FOR_OTHERS_WORK.search(clause) is not None \
        and not deeds_asked(_SENDING, item_sentence)


# The headline of a thing sent (``action_closure``'s "sent" statement); the work it was
# sent on for; the deeds it is the doing of.
SENT = "sent"
_FOR_OTHERS_WORK = re.compile(
    r"\bfor\s+(?:(?:his|her|their|your|its)\s+)?(?:comments?|review|approval|clearance|"
    r"signature|input|feedback|translation|checking|validation)\b", re.IGNORECASE)
_SENDING = frozenset({"send", "forward", "circulate", "submit", "share", "provide", "transmit",
                      "give", "distribute"})
