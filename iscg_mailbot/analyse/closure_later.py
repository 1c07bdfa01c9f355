"""What a reply says is still to come: part of the work left for later ("the highlights
will follow", "one moderator is still to be confirmed"), the rest dated to come ("will
be added next week") or still sought ("Still looking for days 2 and 3").

Read by :func:`~iscg_mailbot.analyse.closure_reading.deferral` for each clause of a reply
(behind :data:`LEAVES_WORK_WORDS`, its gate), and by a reply's answer
(:data:`REST_TO_COME`: what it reports is then a part of what was asked). Also the
owner's promise to check and come back (:data:`COMES_BACK`, kept by the owner's next reply).

    >>> bool(LEAVES_WORK.search("The Arab region answers will be added next week"))
    True
    >>> bool(REST_TO_COME.search("For the other venues I'll check with the hotels"))
    True
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.closure_words import gate_words

# The rest of what was asked still sought, or left for later by name: "Still looking
# for days 1 and 3", "For the other seminar venues I'll check with conference services"
# (the seventh and eighth writers' dev parts: the part reported does not close the item,
# whatever words the rest shares with it).
_REST_TO_COME = (r"\bstill\s+(?:looking|searching|checking|working\s+on)\b|"
                 r"\bfor\s+the\s+(?:other|remaining|rest)\b[^.;]*?\b(?:I|we)\s*"
                 r"(?:will|'ll|\u2019ll)\s")
REST_TO_COME = re.compile(_REST_TO_COME, re.IGNORECASE)
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
    r"(?:next|later|tomorrow|shortly|soon|by|within)\b",
    re.IGNORECASE,
)


# The words one of which each match holds, each a word of its own in the match
# (:func:`~iscg_mailbot.analyse.closure_words.words_of`): most clauses hold none.
LEAVES_WORK_WORDS = gate_words(("will", "collecting", "compiling", "preparing", "working",
                                "being", "under", "progress", "pending", "outstanding",
                                "missing", "still", "follow", "follows", "need", "let",
                                "expect", "other", "remaining", "rest"))


# The owner's promise to find the answer and come back with it: "I will check
# availability in the team and revert by Friday", "I'll check with our conference
# services", "let me check who is available" (not "I will ask the co-rapporteurs to
# prepare a reply": a deed of its own).
COMES_BACK = re.compile(
    r"\b(?:I|we)\s*(?:will|shall|'ll|\u2019ll)\s+(?:\w+\s+){0,2}?(?:revert|come\s+back|get\s+back|"
    r"check|verify|confirm|find\s+out|look\s+into|let\s+you\s+know)\b|"
    r"\blet\s+(?:me|us)\s+(?:first\s+)?(?:check|find\s+out|verify|look\s+into)\b", re.IGNORECASE)
