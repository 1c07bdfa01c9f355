"""Closure: a reply that hands a point to somebody else gives no answer to it.

Replies written point by point often pass a point on instead of answering it: a bare
label naming whose point it is ("[for TSB]" under a quoted question, "2. for BR",
"For BDT."), or whoever knows better ("Lihua knows this better than me"). Such a clause
says nothing now (:func:`passes_on`), and the point stays open until that somebody
answers (the twenty-third and thirty-fourth writers); the reply's other points are
answered as before. A reply may also leave part of one request with somebody or for
later: "The SG3 line is with my colleague", "5 and 6 need the SG12 counsellor", "Q3 and
Q5 need the TDAG bureau's view", "questions 1 and 3 for now" (:func:`leaves_points`, the
thirty-third writer's questionnaires): what it answers is then a part, read by
:func:`~iscg_mailbot.analyse.closure_reading.deferral` as work left.

    >>> passes_on("[for TSB]"), passes_on("for BR"), passes_on("For information.")
    (True, True, False)
    >>> passes_on("Done for BDT.")
    False
    >>> leaves_points("5 and 6 need the SG12 counsellor, who is away this week.")
    True
"""

from __future__ import annotations

import re

from iscg_mailbot.analyse.action_owners import find_mentions

# The whole clause is a label "for <owner>", maybe after initials ("[SL: for TSB"), in
# brackets or with a full stop: the owner read by the owner finder (not "For now.",
# "For information.").
_BARE_LABEL = re.compile(
    r"^[\W\d]*(?:(?-i:[A-Z]{1,3})\s*:\s*)?for\s+(?P<who>(?:the\s+)?[\w/-]+(?:\s+[\w/-]+)?)[\s.\])]*$",
    re.IGNORECASE)
# Somebody else knows, or is better placed to answer; the point is with a colleague.
_KNOWS_BETTER = re.compile(
    r"\bknows?\s+(?:this|that|it|more|the\s+answer)\b[^.;]{0,30}?\bbetter\b|"
    r"\bbetter\s+placed\s+to\s+(?:answer|reply|respond|say|comment)\b|"
    # A colleague added who will know (close-r27): "Adding my colleague Ahmed, who
    # handles the contracts - he will know what is possible" (the thirty-sixth writer).
    # Only as the whole clause: "Yes, we host, copying my colleague Omar" and "so
    # they will know the venue" answer (review6).
    r"^\W*(?:adding|copying)\s+(?:in\s+)?(?:my|our)\s+colleagues?\b[^.;:!?]{0,120}\W*$|"
    r"^\W*(?:he|she|they)\s+will\s+know(?:\s+(?:more|better|best|this|that|it|the\s+answer|"
    r"what|whether|how|if|who|when)\b[^.;:!?]{0,80})?\W*$",
    re.IGNORECASE)
# Numbered points left for somebody or for later: "5 and 6 need the SG12 counsellor",
# "Q5-Q7 need input from the study group", "questions 1 and 3 for now", "Q1 to Q4 only".
_NUMBERS = r"(?:(?:points?|questions?|items?|lines?)\s+)?Q?\d{1,2}[a-z]?" \
    r"(?:\s*(?:,|and|to|-|\u2013|&)\s*Q?\d{1,2}[a-z]?){0,6}"
_POINTS_LEFT = re.compile(
    r"\b(?:is|are|lies|sits)\s+with\s+(?:my|our|a)\s+colleagues?\b|"
    r"^\W*" + _NUMBERS + r"\s+(?:still\s+)?(?:need|needs|require|requires|depend|depends|"
    r"await|awaits|wait)\b|"
    r"\b(?:points?|questions?|Q)\s*\d{1,2}[a-z]?(?:\s*(?:,|and|to|-|\u2013|&)\s*Q?\d{1,2}[a-z]?)"
    r"{0,6}\s+(?:for\s+now|only)\b"
    # (not "Question 4 only concerns BR": a point's scope, not a part left)
    r"(?!\s+(?:concerns?|applies|apply|relates?|affects?|covers?|matters?)\b)",
    re.IGNORECASE)
# ... but not the sender's own knowing or being placed ("I know this better than most:
# ...", "We are better placed to answer this than TSB"), nor nobody's ("Nobody knows this
# better than BR", praise): the word before it, or "am"/"are" after such a subject.
_OWN_KNOWING = re.compile(
    r"\b(?:I|we|nobody|no\s+one)(?:['\u2019](?:m|re))?\s+(?:(?:am|are|were|was|certainly|"
    r"really|surely|probably|do|clearly)\s+){0,2}$", re.IGNORECASE)
# Each match holds one of these words (the gates: most clauses hold none).
_PASSES_GATE = frozenset(("for", "knows", "know", "placed", "adding", "copying"))
_LEAVES_GATE = frozenset(("with", "need", "needs", "require", "requires", "depend",
                          "depends", "await", "awaits", "wait", "now", "only"))


def passes_on(clause: str, words: frozenset[str] | None = None) -> bool:
    """Whether a clause hands its point to somebody else ("[for TSB]", "2. for BR",
    "Lihua knows this better than me"): it says nothing now, and puts off no answer of
    the sender's own (the other points of the reply are answered in full);
    ``words``: the clause's :func:`~iscg_mailbot.analyse.closure_words.words_of`."""
    if words is not None and _PASSES_GATE.isdisjoint(words):
        return False
    if len(clause) <= 40:
        label = _BARE_LABEL.match(clause)
        if label is not None and find_mentions(label.group("who"), None):
            return True
    knows = _KNOWS_BETTER.search(clause)
    return knows is not None and _OWN_KNOWING.search(
        clause, max(0, knows.start() - 40), knows.start()) is None


def leaves_points(clause: str, words: frozenset[str] | None = None) -> bool:
    """Whether a clause leaves part of what was asked with somebody or for later ("The
    SG3 line is with my colleague", "5 and 6 need the SG12 counsellor", "questions 1 and
    3 for now"): what the reply answers is then a part."""
    if words is not None and _LEAVES_GATE.isdisjoint(words):
        return False
    return bool(_POINTS_LEFT.search(clause))
