"""Closure: a question asking whether is answered by "Yes, ..." or "No, ...", whatever
the rest promises.

"Is a similar calendar planned for the Americas region?" - "Yes, the Regional Office
for the Americas will prepare a similar calendar in the first quarter of 2029" (the
nineteenth writer); "would BR be available to take part remotely?" - "Yes, BR can join
remotely on 9 November (the department will send one engineer)" (the fourteenth);
"Would BDT be interested in our results as a case study?" - "Yes, definitely. Please
send a one-page summary ... and we will include it" (the seventh); "I would ask BDT if
the Regional Office could help with the invitations" - "Yes - our Area Office ... will
send the invitation" (the fourteenth). The promise is the answer: what will be done is
what was asked about. Not a request to deliver put as a question ("Could BDT send the
list?" - "Yes, we will send it": an acceptance, the list still to come), nor a bare
"Yes, will do", nor an answer put off ("Yes, I will check with the team").
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.closure_reading import content_words
from iscg_mailbot.analyse.closure_reply import Answer

# A clause opening with the answer: "Yes, ...", "Yes - ...", "No: ..." (not "No
# problem", "No worries": acceptances).
_YES_NO = re.compile(r"^\W*(?:yes|no)\b(?!\s+(?:problem|worries)\b)", re.IGNORECASE)
# A question asking whether: opening with its auxiliary ("Is ...?", "would BR be ...?",
# after a name or a body: "BDT: would you ...?") or asking "if"/"whether".
_WHETHER = re.compile(
    r"^\W*(?:[\w/-]+[,:]\s+)?(?:is|are|was|were|does|do|did|can|could|would|will|has|have|"
    r"should|shall)\b|\b(?:if|whether)\b", re.IGNORECASE)


def answered_yes_or_no(read: Answer, question: str) -> bool:
    """Whether a reply answers a question asking whether by "Yes"/"No" and something
    more than the question's own words (two words of its own), while it puts off no
    answer (see the module). The caller rules out requests to deliver."""
    if read.put_off or not _WHETHER.search(question):
        return False
    clauses = (*read.says, *read.promised)
    if not any(_YES_NO.match(c) for c in clauses):
        return False
    asked = content_words(question)
    return any(len(content_words(c) - asked) >= 2 for c in clauses)
