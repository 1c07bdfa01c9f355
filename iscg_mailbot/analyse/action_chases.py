"""A reply that chases what was asked before is no new item.

"I still need the BR tables - could you send them?", "Still waiting to hear from BDT",
"Could I still have ...?", "Any news?": the earlier item stays the one open. The same
chase put to the people who owe it, by name or body before it ("BDT colleagues, any
news on the pilot countries?", "Pierre, Grace - any news on the BDT timeline?"), or
opened by what is still missing ("Still missing BR - Sofia, could you let me know?"),
is a chase too, unless it sets a day of its own ("Still missing the BR slides - could
you send them by Monday noon?" asks anew, by a new date). So is a reminder of what was
asked ("Reminder: TSB and BR inputs are due Friday.", "May I kindly remind BDT about
question (2) below?", "Reminder to BDT on point (b), please"), the chase after a greeting
("Hola Tomás, any news from the laboratories?") and the party still silent ("Still nobody
from TDAG - María, Andrés, Priya?"), each unless it sets a day of its own ("Just a gentle
reminder about the TSB speaker - could you let me know by Wednesday?").

    >>> from iscg_mailbot.records import ActionInput, Address
    >>> reply = ActionInput("", None, parent_sender=Address("Sofia", "sofia@itu.int"))
    >>> chases(reply, "Pierre, Grace - any news on the BDT timeline?")
    True
    >>> chases(reply, "Still missing the BR slides - could you send them by Monday noon?")
    False
    >>> chases(reply, "Reminder to BDT on point (b), please, meeting is on Thursday.")
    True
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.text_gates import GatedPattern, folded
from iscg_mailbot.records import ActionInput

# (Names open with a letter, as in _CHASED below: a run of dashes stays linear.)
_CHASE = re.compile(
    r"\b(?:I|we)(?:\s+am|\s+are|'m|'re)?\s+still\s+(?:need|waiting|missing|expecting|"
    r"looking\s+for)\b|^\W*(?:\w[\w-]*(?:\s*,\s*[\w-]+)*\s*[,:\u2013-]\s*)?still\s+waiting\b|"
    r"\b(?:could|can|may)\s+(?:I|we)\s+still\s+(?:have|get|receive)\b|"
    r"^\W*any\s+(?:news|updates?|progress)\b", re.IGNORECASE)
# The people chased, named before the chase: "BDT colleagues, ", "Pierre, Grace - ".
# (The first name opens with a letter: leading dashes are the ``^\W*``'s, which keeps a run
# of dashes linear.)
_CHASED = r"(?:\w[\w-]*(?:\s+(?:colleagues|team))?(?:\s*(?:,|and|&)\s*[\w-]+){0,3}\s*[,:\u2013-]\s*)"
# A greeting before the names ("Hola Tomás, any news ...?").
_GREETING = r"(?:(?:hi|hello|hola|dear|bonjour|hallo|ciao)\s+)?"
# A reminder by the sender, as a noun opening the sentence ("Reminder: ...", "Gentle
# reminder - ...", "Just a reminder to BDT ...") or as the verb ("May I kindly remind
# BDT about ...?"): what was asked before, named again.
_REMINDER = (r"^\W*(?:just\s+)?(?:a\s+)?(?:(?:gentle|kind|friendly|quick|small|short)\s+)?"
             r"reminder\b|\b(?:may|can|could|let)\s+(?:I|me|we|us)\s+(?:kindly\s+|gently\s+|"
             r"just\s+)?remind\b")
# "Where are we (on the SG2 comments)?", "any word from BR?", "¿alguna novedad?": the
# status asked of what is owed (`w20`-002, -019, -020; `w4`-040), as "any news?" is.
_STATUS = (r"(?:any\s+(?:news|updates?|progress|word)|where\s+are\s+we(?=\s*(?:\?|on\b|with\b))|"
           r"\u00bf?\s*(?:hay\s+)?alguna\s+novedad)\b")
_CHASE_ADDRESSED = re.compile(
    r"^\W*" + _GREETING + _CHASED + r"?\u00bf?" + _STATUS +
    r"|^\W*still\s+(?:missing|outstanding|pending|nobody|no\s+one)\b|" + _REMINDER,
    re.IGNORECASE)
# The status asked tersely, of what a thread already asked for: "... due Mon 10 June -
# status?", "Rajesh - on track for tomorrow?", "Luis - anything from SG2 on the case
# studies?", and, after the name or body asked, the thing with its participle and no
# verb ("Hiroshi - backlog cleared?", "TSB: chair confirmed?"): a chair's chase of open
# items, as "any news?" is (`w23` dev; `w4`, `w20` chase with "any news", "where are we").
# No word before the participle is an auxiliary or asks what, when or who ("Luis - when
# was it posted?" is a question); each word is bounded, so that a long hyphenated run stays
# linear.
_TERSE_STATUS = re.compile(
    r"(?:^|[-\u2013:]\s*)status\s*\?|^\W*" + _CHASED + r"?(?:on\s+track\b|anything\s+(?:from|on|"
    r"new)\b)[^?]{0,60}\?|^\W*" + _CHASED + r"(?:(?!(?:is|are|was|were|has|have|had|did|do|does|can|"
    r"could|will|would|should|shall|may|might|what|which|who|whom|whose|when|where|why|how)\b)"
    r"[\w'\u2019-]{1,40}\s+){0,3}(?:sent|done|cleared|"
    r"confirmed|received|posted|submitted|uploaded|visible)(?:\s+on\s+your\s+side)?\s*\?",
    re.IGNORECASE)
# A day of its own makes the chase a new request.
_DAY = re.compile(r"\b(?:by|before|within|until|till|no\s+later\s+than)\b", re.IGNORECASE)


def chases(message: ActionInput, sentence: str) -> bool:
    """Whether a reply's request only chases one made before: the earlier item stays the
    one open, so the chase is no new item."""
    if message.parent_sender is None:
        return False
    lowered = folded(sentence)
    return bool(_GATED_CHASE.search(sentence, lowered)) or (
        (bool(_GATED_CHASE_ADDRESSED.search(sentence, lowered))
         or bool(_GATED_TERSE_STATUS.search(sentence, lowered))) and not _DAY.search(sentence))


# Every chase holds one of these words; most sentences neither.
_GATED_CHASE = GatedPattern(_CHASE, ("still", "any"))
_GATED_CHASE_ADDRESSED = GatedPattern(_CHASE_ADDRESSED, ("still", "any", "remind", "where",
                                                         "novedad"))
_GATED_TERSE_STATUS = GatedPattern(_TERSE_STATUS, (
    "status", "track", "anything", "sent", "done", "cleared", "confirmed", "received",
    "posted", "submitted", "uploaded", "visible"))


__all__ = ["chases"]
