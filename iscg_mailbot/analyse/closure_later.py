"""What a reply says is still to come: part of the work left for later ("the highlights
will follow", "one moderator is still to be confirmed"), the rest dated to come ("will
be added next week") or still sought ("Still looking for days 2 and 3").

Read by :func:`~iscg_mailbot.analyse.closure_reading.deferral` for each clause of a reply
(behind :data:`LEAVES_WORK_WORDS`, its gate), and by a reply's answer
(:data:`REST_TO_COME`: what it reports is then a part of what was asked). Also the
owner's promise to check and come back (:data:`COMES_BACK`, kept by the owner's next reply),
and a liaison's request to a group left open while the group's reply is still a draft or
still planned (:func:`not_awaiting_reply`).

    >>> bool(LEAVES_WORK.search("The Arab region answers will be added next week"))
    True
    >>> bool(REST_TO_COME.search("For the other venues I'll check with the hotels"))
    True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from iscg_mailbot.analyse.closure_speaker import doers, owner_parts
from iscg_mailbot.analyse.closure_words import gate_words
from iscg_mailbot.analyse.text_gates import GatedPattern
from iscg_mailbot.records import OpenItem
from iscg_mailbot.settings.members import MembersConfig

# The rest of what was asked still sought, or left for later by name: "Still looking
# for days 1 and 3", "For the other seminar venues I'll check with conference services"
# (the seventh and eighth writers' dev parts: the part reported does not close the item,
# whatever words the rest shares with it).
_REST_TO_COME = (r"\bstill\s+(?:looking|searching|checking|working\s+on)\b|"
                 # What is sent is not the last word: "Some first reactions from TDAG;
                 # Priya will add hers, so please treat these as preliminary", "please
                 # treat it as provisional" (the fourteenth and seventeenth writers).
                 r"\btreat\s+(?:it|this|these|them)\s+as\s+(?:preliminary|provisional)\b|"
                 r"\bfor\s+the\s+(?:other|remaining|rest)\b[^.;]*?\b(?:I|we)\s*"
                 r"(?:will|'ll|\u2019ll)\s|"
                 # The rest dated with an apology, no verb: "Events list and duplication
                 # cases on Monday, sorry", "TSB on Monday sorry, waiting Director
                 # clearance" (the sixteenth and eighteenth writers: late, still to come).
                 r"\b(?:on\s+(?:mon|tues|wednes|thurs|fri)day|tomorrow|next\s+week)\W+"
                 r"(?:sorry|apologies)\b")
REST_TO_COME = re.compile(_REST_TO_COME, re.IGNORECASE)
# An hour of the day: "16:00", "4.30", "9h30", "4 pm".
_HOUR = r"\d{1,2}(?:[:.h]\d\d|\s*[ap]\.?m\b)"
# Part of the work is still to come: "the highlights are being cleared and will follow",
# "one moderator is still to be confirmed", "for the indicators we need another week".
# Not "will need" or "will be held": only a delivery put off, or unfinished work.
LEAVES_WORK = re.compile(
    r"\bwill\s+(?:follow|send|compile|share|circulate|provide|prepare|submit|confirm)\b|"
    r"\b(?:I|we)\s*(?:am|are|'m|\u2019m|'re|\u2019re)\s+(?:still\s+)?(?:collecting|compiling|"
    r"preparing|working\s+on)\b|\b(?:I|we)\s+still\s+(?:need|expect|have\s+not|haven't)\b|"
    r"\b(?:is|are)\s+(?:still\s+)?(?:collecting|compiling|preparing|being\s+\w+ed|under\s+way|"
    r"in\s+progress|pending|outstanding|missing)\b|"
    r"\bstill\s+(?:to\s+be|missing|pending|outstanding|open|being|waiting|awaiting)\b|"
    r"\b(?:follows?|to\s+follow)\s+(?:tomorrow|shortly|soon|later|next|by|separately|after|"
    r"on\s+\w+day|this\s+week|within)\b|\bwill\s+(?:come|follow)\s+(?:separately|later|after)\b|"
    r"\bneed\s+(?:another|more|a\s+few\s+more)\s+(?:week|weeks|days|time)\b|"
    r"\bwill\s+be\s+(?:ready|available|sent|provided|shared|circulated|finali[sz]ed)\b|"
    r"\blet\s+(?:me|us)\s+(?:write|send|prepare|draft|compile|share)\b|"
    # The rest of the work dated to come: "The Arab region answers will be added next
    # week", "Recommendation 5 needs clearance - I expect it next week" (the eighth and
    # ninth writers' dev parts: a part delivered, the rest promised, closes nothing).
    r"\bwill\s+be\s+[a-z]+(?:ed|en|ne)\s+(?:next|later|tomorrow|shortly|soon)\b|"
    + _REST_TO_COME + r"|"
    r"\b(?:I|we)\s+(?:still\s+)?expect\s+(?:it|them|this|that|ours)\s+"
    r"(?:next|later|tomorrow|shortly|soon|by|within)\b|"
    # A delivery said to be late, or coming on a day (close-r27): "The BDT input will
    # come a bit late, on Monday at the latest", "TSB paragraph coming by the 20th,
    # sorry" (the thirtieth and thirty-fourth writers). Not an hour ("the Apia session
    # will be a bit late in the day, from 16:00"), nor people or events coming within
    # a clause ("the forum, with delegates coming by the 20th"): the thing coming opens
    # the clause, and is no person said by a pronoun (review6).
    r"\bwill\s+(?:come|be)\s+(?:a\s+(?:bit|little)\s+|slightly\s+|somewhat\s+)?"
    r"(?:late\b(?!\s+in\s+the\b|\W+(?:from|at|until)\s+" + _HOUR + r")|"
    r"delayed\b(?!\W+(?:to|until)\s+" + _HOUR + r"))|"
    r"^\W*(?!(?:I|we|they|he|she|you)\b)(?:[\w'\u2019/.-]+\s+){1,4}coming\s+"
    r"(?:by\s+(?:the\s+)?\d|on\s+\w+day\b|next\s+week|tomorrow|later|soon|shortly)",
    re.IGNORECASE,
)


# The words one of which each match holds, each a word of its own in the match
# (:func:`~iscg_mailbot.analyse.closure_words.words_of`): most clauses hold none.
LEAVES_WORK_WORDS = gate_words(("will", "collecting", "compiling", "preparing", "working",
                                "being", "under", "progress", "pending", "outstanding",
                                "missing", "still", "follow", "follows", "need", "let",
                                "expect", "other", "remaining", "rest", "treat", "sorry",
                                "apologies", "coming"))


# The owner's promise to find the answer and come back with it: "I will check
# availability in the team and revert by Friday", "I'll check with our conference
# services", "let me check who is available" (not "I will ask the co-rapporteurs to
# prepare a reply": a deed of its own).
COMES_BACK = re.compile(
    r"\b(?:I|we)\s*(?:will|shall|'ll|\u2019ll)\s+(?:\w+\s+){0,2}?(?:revert|come\s+back|get\s+back|"
    r"check|verify|confirm|find\s+out|look\s+into|let\s+you\s+know)\b|"
    r"\blet\s+(?:me|us)\s+(?:first\s+)?(?:check|find\s+out|verify|look\s+into)\b", re.IGNORECASE)


# The one asked checks with somebody first, said in the present: "I check with the
# rapporteur", "I need to check with Sofia" (the seventh and thirty-second writers; "I
# will check with ..." is in COMES_BACK): the answer is put off (close-r27; a branch of
# closure_reading's deferral).
CHECKS_FIRST = (r"\b(?:I|we)\s+(?:(?:still\s+|first\s+)?(?:need|have)\s+to\s+|must\s+|"
                r"first\s+)?check\s+with\b")


# What a liaison statement asks of the groups it is sent to ("ITU-D SG2 is invited to
# share ...", "Action required: ...", "To: ITU-T SG11 (for action)").
LIAISON_ASK = re.compile(r"\b(?:is|are)\s+(?:kindly\s+)?invited\s+to\b|\baction\s+required\b|"
                          r"\bfor\s+action\b", re.IGNORECASE)
# The group's reply still a draft or still to come.
_REPLY_TO_COME = re.compile(
    r"\bdraft\s+(?:reply|response|answer)\b|"
    r"\b(?:reply|response|answer)\s+(?:is\s+)?(?:planned|scheduled|foreseen|expected)\b|"
    r"\b(?:reply|response|answer)\s+will\s+(?:then\s+|only\s+)?(?:go|be\s+(?:sent|agreed|"
    r"approved|finali[sz]ed|adopted))\b", re.IGNORECASE)
# Asked of a reply's whole text, a reply to every open item of a thread: every match
# says "reply", "response" or "answer", which most replies do not (a substring test of
# the text's lower case, against a case-insensitive search of it: a third of the cost).
_GATED_REPLY_TO_COME = GatedPattern(_REPLY_TO_COME, ("reply", "response", "answer"))


def not_awaiting_reply(reply_new_text: str, open_items: Sequence[OpenItem]
                       ) -> Sequence[OpenItem]:
    """The items a reply may close: a liaison's request to a group is met by the group's
    reply, not by its draft sent round for comment nor by news while the reply is still
    planned ("Reply planned for the October meeting", "the reply will then go to SG2")."""
    if not open_items or not _GATED_REPLY_TO_COME.search(reply_new_text):
        return open_items
    return [i for i in open_items if not LIAISON_ASK.search(i.sentence)]


def still_to_come(pending: Sequence[str], item: OpenItem, by: frozenset[str],
                  members: MembersConfig | None) -> list[str]:
    """What is left for later of the share done: "BDT's contribution was sent. The SG2
    reply will come separately" leaves SG2's share of an item of SG2 and BDT for later,
    not BDT's."""
    others = owner_parts(item.owner) - by if by else frozenset()
    if not others:
        return list(pending)
    return [p for p in pending
            if not {q for m in doers(p, members) for q in owner_parts(m.owner)} & others]
