"""Shapes of a sentence that decide who owes it, for :mod:`~iscg_mailbot.analyse.action_who`:
a party asked to pass a request on ("Could BR ask WP 5D to ...?"), a name closing the
sentence ("..., Sofia."), a verb after "and" sharing the sentence's subject ("I am
checking with X and will reply"), "with me" (the sender joins the work), a member or a
body addressed by name ("Klaus, could you ...", "BDT, could you ...")."""

from __future__ import annotations

import re

# Between a party and the verb of asking it is asked to use: "Could BR ask WP 5D to",
# "grateful if the advisory group representatives could encourage their offices to".
ASKED_TO_ASK = re.compile(r"^(?:\s+(?:representatives?|colleagues|members|team|staff|"
                           r"secretariat))?\s+(?:could|can|would|might|will)\s+"
                           r"(?:please\s+|kindly\s+|also\s+)?$", re.IGNORECASE)
ADVERB_GAP = re.compile(r"\s+(?:please\s+|kindly\s+|also\s+)?", re.IGNORECASE)
MODAL_LEAD = re.compile(r"\b(?:could|can|would|will)\s+(?:the\s+)?$", re.IGNORECASE)
YOU_TO_ASK = re.compile(r"\b(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+|also\s+)?$",
                         re.IGNORECASE)
TRAILING_NAME = re.compile(r"\s*[.?!]*\s*")
# "... and will reply": a verb sharing the subject of the one before "and".
AND_LEAD = re.compile(r"\band\s+(?:then\s+|also\s+)?$", re.IGNORECASE)
OPENS_WITH_SENDER = re.compile(r"^\W*(?:(?:so|but|also|meanwhile|for\s+now)\s*,?\s+)?"
                                r"(?P<who>I|[Ww]e)\b")
WITH_ME = re.compile(r"\b(?:together\s+)?with\s+me\b", re.IGNORECASE)
# "our experts", "my colleagues": the sender's people, not the readers.
OUR_PEOPLE = re.compile(r"\b(?:our|my)\s+(?:\w+\s+)?$", re.IGNORECASE)
# A label before the party a sentence speaks to: "Question to BR:", "Attn TSB:".
# A connective may open it: "And BDT, could you ...", "Also, TSB: please ...".
LABEL_LEAD = re.compile(r"\W*(?:(?:and|also|finally|lastly|separately|in\s+addition)\b[\s,]*)?"
                        r"(?:(?:(?:(?:a|one|quick|short|another)\s+)?(?:question|request|note|"
                        r"reminder|action)s?\s+)?(?:to|for)\s+"
                        r"(?:the\s+)?|(?:attn|attention)\s*[.:]?\s*(?:the\s+)?)?", re.IGNORECASE)
# Between a name and the request addressed to it: "Klaus, could you" / "María: please".
# A hyphen typed between spaces is a dash ("Sofia - could you ..."), as an en dash is.
VOCATIVE_GAP = re.compile(r"^(?:\s*[,:\u2013\u2014]|\s+-(?=\s))\s*(?:(?:could|can|would|will)\s+)?$",
                          re.IGNORECASE)
# A body addressed as a person is: "BDT, could you ...", "BDT and TSB, could you ...",
# "TSB colleagues, is there ...?", "BR, which bands ...?". The comma alone is not enough
# ("BDT, as agreed, will ..." is BDT acting): a request or question must open right after.
BODY_VOCATIVE = re.compile(
    r"(?:\s+(?:colleagues|team|friends))?\s*,\s*"
    # an aside between the name and the request: "BDT, in addition, could you ..."
    r"(?:(?:also|too|in\s+addition|separately|finally|as\s+well)\s*,\s*)?"
    r"(?:(?:could|can|would|will)\s+you\b|please\b|"
    r"(?:do|did)\s+you\b|(?:is|are)\s+there\b|(?:which|what|when|where|how|who)\b|"
    r"(?:does|do|did|has|have)\s+(?:the\s+)?(?:ITU|SG|WP|it|your|any)\b)",
    re.IGNORECASE)
