"""Closure: a reply that tells the deed asked for as still to come has not done it.

"Could the conference service test the audio set-up before the next meeting?" -
"Sorry about that - it was a faulty microphone, replaced yesterday. The conference
service will run a test the day before our next meeting." The reply talks about the
test, and says something, but what it says of the test is a future: the deed is
promised, not done. The same for a plan ("The evaluation is planned for December, and
we are happy for it to be shared here when it is cleared"), an acceptance inside a
longer reply ("Video: yes, happy to."), an offer ("I can send the English edition if it
helps") and a future in the reply's own language ("la versión en español se publicará
en abril"). Writers label such a request open until the deed is reported done.

:func:`only_to_come` reads the clauses of a reply's answer that talk about the item
(share a content word with it): when each of them tells its deed as to come
(:func:`to_come`) and none reports a delivery, the reply has not done what was asked.
A reply that talks about the item in no clause is left to the other readings.

    >>> to_come("The conference service will run a test the day before the meeting.")
    True
    >>> to_come("The conference service ran a test yesterday.")
    False
    >>> to_come("Video: yes, happy to.")
    True
"""

from __future__ import annotations

import re
from functools import lru_cache

from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.closure_reading import talks_about
from iscg_mailbot.analyse.closure_reply import Answer

# The deed told as to come: a future ("will run", "'ll send", "shall", "going to"), a
# plan or schedule ("is planned for December", "is scheduled", "is foreseen"), what
# is still to be done ("to be shared when ..."), a willingness or an offer ("happy to",
# "I can send it if it helps", "would be glad to"), or the future of Spanish, French
# and Portuguese ("se publicará", "enviaremos", "nous enverrons", "enviaremos").
# Not "will be" + a state ("will be glad", "will not"): those are no deed. (An offer's
# condition is looked for within 200 characters: a long line of "we can ..." stays linear.)
# Not a cause ("The delay is due to the server migration") nor a statement made in the
# saying ("I am pleased to confirm that the report is on the website", "happy to report
# that ..."): the words after "due to" and "pleased to" that make them so.
_CAUSE = r"(?:the|a|an|its|their|our|his|her|this|that|these|those|some|staff|lack)\b"
_TELLING = r"confirm|inform|report|announce|say|tell|advise|let\s+you\s+know|note|share\s+that"
_TO_COME = re.compile(
    r"\b(?:will|shall)\s+(?:(?:also|then|now|gladly|certainly|probably|still)\s+)?"
    r"(?!not\b|be\s+(?:happy|glad|pleased|grateful|fine|ok)\b)\w+"
    r"|['\u2019]ll\s+\w+|\bgoing\s+to\s+\w+|\bwill\s+do\b"
    r"|\b(?:is|are)\s+(?:now\s+)?(?:(?:planned|scheduled|foreseen|expected)\s+(?:for|to|in|on)"
    r"|due\s+(?:for|in|on|to\s+(?!" + _CAUSE + r")))\b"
    r"|\b(?:happy|glad|pleased|delighted)\s+to\b(?!\s+(?:" + _TELLING + r")\b)"
    r"|\b(?:I|we)\s+(?:can|could)\s+\w+\b[^.;]{0,200}?\bif\s+(?:it|that|you)\b"
    r"|\bto\s+be\s+\w+ed\s+(?:when|once|after|as\s+soon\s+as)\b"
    r"|\b\w{3,}(?:ará|erá|irá|arán|erán|irán|aremos|eremos|iremos|erons|irons|erai|rons)\b",
    re.IGNORECASE)

# Every match holds one of these (a cheap test before the pattern).
_GATE = ("will", "shall", "ll", "going", "planned", "scheduled", "foreseen", "expected",
         "due", "happy", "glad", "pleased", "delighted", " if ", " to be ", "á", "rons", "rai")


@lru_cache(maxsize=4096)  # a reply's clauses are read for each of its thread's items
def to_come(clause: str) -> bool:
    """Whether a clause tells its deed as still to come (see the module)."""
    lowered = clause.casefold()
    return any(g in lowered for g in _GATE) and _TO_COME.search(clause) is not None


# Where a clause's statements part ("Flagged to the rapporteur \u2705 she'll add it";
# "room 3. Invitation letters will go out", two sentences the splitter kept together).
# Also where a future follows a statement, joined by "and" or a comma ("The badges have
# been reprinted and will be delivered on Monday", "The flyer went up yesterday, it will
# stay there"): the statement before is read apart, and may report the deed done.
_PARTS = re.compile(r"[.;!?]\s+|\s[-\u2013\u2014]\s|[\u2705\u2714]"
                    r"|,?\s+(?:and|but)\s+(?=(?:will|shall)\b)"
                    r"|,\s+(?=(?:and\s+|but\s+)?(?:it|they|this|he|she|we|I)\s*"
                    r"(?:will|shall|['\u2019]ll)\b)")

# A request about people ("one speaker from each of TSB and BR. Names please"), any word
# of a role, names or "who" (not only closure_people's nominate-a-role requests): a future
# naming who fills the role answers it ("Ms Oberholzer will speak for TSB": the first
# writer's labels; :mod:`~iscg_mailbot.analyse.closure_people` reads such futures).
_ABOUT_PEOPLE = re.compile(r"\b(?:speakers?|trainers?|experts?|moderators?|panell?ists?|"
                           r"presenters?|names|nominees?|who)\b", re.IGNORECASE)


def only_to_come(answer: Answer, item_sentence: str) -> bool:
    """Whether every statement of a reply's answer that talks about the item (in a clause
    said or promised) tells the deed as still to come, none reporting a delivery; False
    when none talks about it, or when the item asks for people."""
    clauses = (*answer.says, *answer.promised)
    coming = [c for c in clauses if to_come(c)]
    # (Most replies tell nothing as to come, or not of this item: no other word compared.)
    about = [c for c in coming if talks_about(c, item_sentence)]
    if not about or _ABOUT_PEOPLE.search(item_sentence) or any(
            talks_about(c, item_sentence) for c in clauses if c not in coming):
        return False  # (a clause not told as to come has no part told so)
    parts = [p for c in about for p in _PARTS.split(c) if talks_about(p, item_sentence)]
    return all(to_come(p) for p in parts) and not any(delivery_statement(p) for p in parts)
