"""Closure: a liaison's request to a group is met by the group's reply (issue 13, round 16).

"ITU-D SG1 is invited to provide case studies on the transition ..." is met when the
group's reply goes ("The ITU-D SG1 reply LS with six case studies was sent to WP 6A"),
not by whatever else the Bureau's staff or a member deliver in the thread meanwhile:
the list a Bureau was asked for ("11 African countries have not completed the
transition; the list is attached", the sixth writer), the liaison registered for the
meeting ("the LS is now registered as SG17-TD 1204", the eleventh), a member's input
to the reply ("Please find attached the description of the programme", the fourth).
A delivery meets the request when it (or the sentence before it) names a reply, talks
about what was asked (two words of the request's own), or reports the deed asked by its
verb ("Shared with SG17 today" of "... is invited to share its survey results"). The Bureaux' and the
advisory groups' shares of such requests are delivered by their officers and stay as
they were.
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.closure_later import LIAISON_ASK
from iscg_mailbot.analyse.closure_reading import shared_words
from iscg_mailbot.records import OpenItem

# The owners a liaison asks for the group's reply: study groups, working parties,
# Questions, focus groups ("ITU-D SG1", "ITU-R WP5D", "ITU-T Q28/16"); not the Bureaux
# nor the advisory groups, whose shares their officers deliver ("BR's list is attached").
_GROUPS = re.compile(r"\b(?:SG|WP|Q|FG|JCA)[\s-]?\d|\b(?:FG|JCA)-", re.IGNORECASE)
# The verb of what a liaison asks: "is invited to share ...".
_ASKED = re.compile(r"\binvited\s+to\s+([^\W\d_]{3,})", re.IGNORECASE)
# A clause naming the group's answer: "the SG1 reply LS", "its feedback", "SG17 replied",
# "the group's comments" (not a member's "contribution" to the group's work).
_NAMES_REPLY = re.compile(r"\b(?:repl(?:y|ies|ied)|respon(?:se|ses|ded)|answer(?:s|ed)?|"
                          r"feedback|comments?|respuesta|r\u00e9ponse|resposta)\b"
                          # The reply sent, by its number ("Sent to SG5 on Friday
                          # (SG2-LS31)"), or approved by the group and sent ("Approved by
                          # the Q5/2 rapporteur group on Tuesday and sent today", the
                          # twenty-third writer); not the incoming LS registered ("it is
                          # registered as SG3-LS12", the twenty-second).
                          r"|\b(?:sent|went|transmitted)\b[^.;]{0,80}?\b[\w/]+-LS\s?\d"
                          r"|\bapproved\b[^.;]{0,80}?\band\s+sent\b",
                          re.IGNORECASE)


def meets_liaison(clause: str, before: str, item: OpenItem) -> bool:
    """Whether a clause reporting a delivery may meet the item: any item but a
    liaison's request to study groups or their parts only, which it meets when it
    (or the sentence ``before`` it: "SG16 agreed a reply LS today. It was sent ...")
    names a reply, talks about what was asked (two content words shared) or reports
    the deed asked by its verb ("Shared with SG17 today")."""
    if not awaits_group_reply(item):
        return True  # (a Bureau's share with the group's: "BDT's contribution was sent")
    return bool(_NAMES_REPLY.search(clause) or _NAMES_REPLY.search(before)) \
        or shared_words(clause, item.sentence) >= 2 or _deed_asked(clause, item.sentence)


def awaits_group_reply(item: OpenItem) -> bool:
    """Whether an item is a liaison's request to study groups or their parts only, met
    by the group's reply (:func:`meets_liaison`), not by what its officers say meanwhile
    ("two cities so far; the Q1/2 meeting should approve the reply LS", the
    twenty-third writer)."""
    owners = [part for part in (item.owner or "").split(",") if part.strip()]
    return bool(owners) and all(_GROUPS.search(part) for part in owners) \
        and LIAISON_ASK.search(item.sentence) is not None


def _deed_asked(clause: str, item_sentence: str) -> bool:
    """Whether the clause reports the deed the liaison asks by its verb ("Shared with
    SG17 today" of "Q3/2 is invited to share its survey results")."""
    asked = _ASKED.search(item_sentence)
    if asked is None:
        return False
    stem = asked.group(1).casefold().removesuffix("e")
    return re.search(rf"\b{re.escape(stem)}\w*", clause, re.IGNORECASE) is not None
