"""Sentences that take a stance rather than hand out work: advice given, and a reader
told of their own affairs "for information" (issue 13, act-false).

- :func:`gives_advice`: "We think regulators should give input", "Then SG13 should
  tell WP 4C", "TDAG's report should say something on the pilot": what ought to happen,
  said as an opinion with no promise ("will") and no day, asks nobody on the list for
  anything (dev `w6`, `w15`, `w24`; `w16`'s "... and why girls should consider these
  careers" too). The read is of the clause: "should" after its subject ("should they
  consider ..." is a condition, "which survey should we ...?" a question), no
  "will"/"shall" in the sentence (a promise beside it is read by the promise rules), no
  date ("SG5 should send the text by 4 May" is an assignment). An obligation ("BR has to
  confirm the venue", "BDT must decide", `tests/test_action_own_needs.py`) stays an
  item, and "I should check with the chair", the speaker's own step, is left alone.
- :func:`tells_a_fact`: "Grace FYI, you have the mission 20-24 March", "Andrés, FYI
  your mailbox is bouncing list mail": told "for information" to the reader about the
  reader's own affairs (a clause in the second person, nothing given), a heads-up to one
  person, not a note for the list (dev `w18`, `w29`). A note gives a thing ("I attach the
  checklist for your information", "For information to: ITU-T SG5", "FYI: TSAG-TD512")
  or tells the list news of general interest: "For your information, the WSIS Forum will
  take place from 10 to 14 May" and "This is for information; no action is required" are
  notes by the sentence set's convention (`tests/data/action_sentences.yaml`), so other
  facts told for information (dev `w16`, `w19`, `w28`, unlabelled there) stay notes.

    >>> gives_advice("Then SG13 should tell WP 4C about it.")
    True
    >>> gives_advice("SG13 will tell WP 4C about it.")
    False
    >>> tells_a_fact("FYI, your mailbox is bouncing.")
    True
    >>> tells_a_fact("FYI, the list server is bouncing.")
    False
    >>> tells_a_fact("The report is attached for information.")
    False
"""

from __future__ import annotations

import re

from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACTION, NOTE

# An opinion of what ought to be done: not a promise, nor an obligation ("must").
_ADVICE = re.compile(r"\b(?:should|ought\s+to)\b", re.IGNORECASE)
# A promise said beside it ("BDT will compile it; the reply should be ready in June"):
# the promise rules read that sentence.
_PROMISE = re.compile(r"\b(?:will|shall|going\s+to)\b|['\u2019]ll\b", re.IGNORECASE)
# What may stand just before the modal: "I" (the speaker's own step, left alone) or a
# break ("..., should they consider it", "- should we ...": a condition or a question).
_OWN_OR_BREAK = re.compile(r"(?:\bI|[,;:(\u2013-])\s*(?:\w+ly\s+|still\s+)*$")
# What follows a modal that opens a condition or a question: its subject.
_INVERTED = re.compile(r"\s+(?:we|you|they|I|it|he|she|there|the\s+\w+)\b", re.IGNORECASE)
# How far before a modal its subject or break is looked for: the adverbs between
# ("I really still should") are short. Reading the whole text before each "should" made a
# long sentence of many ("BDT should ..., TSB should ...") quadratic (seconds for 50 KB).
_LOOK_BACK = 80


def gives_advice(sentence: str) -> bool:
    """Whether the sentence says what should happen, promising nothing: every "should"
    in it stands after its subject, and none is "I"'s."""
    if sentence.rstrip().endswith("?") or _PROMISE.search(sentence):
        return False
    found = False
    opening = len(sentence) - len(sentence.lstrip())  # where the sentence's first word is
    for modal in _ADVICE.finditer(sentence):
        start = modal.start()
        if start <= opening or _OWN_OR_BREAK.search(
                sentence, max(0, start - _LOOK_BACK), start) or _INVERTED.match(
                sentence, modal.end()):
            return False
        found = True
    return found


def drop_advice(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """A named party's undated "should", with no promise (:func:`gives_advice`), is
    no item."""
    return [c for c in candidates if not (
        c.kind == ACTION and c.rule == "entity_will" and c.due is None
        and gives_advice(c.sentence))]


# What a note gives: a document attached, sent, forwarded, posted, or the addressees of a
# liaison's header ("For information to: ITU-T SG5").
_GIVES = re.compile(
    r"\b(?:attach\w*|enclos\w*|annex\w*|herewith|forward\w*|send\w*|sent|circulat\w*|"
    r"shar\w*|post(?:s|ed|ing)?|upload\w*|available|link\w*|below|here\s+is|"
    r"find|copy|copied)\b|\bto\s*:", re.IGNORECASE)
# The reader's own affairs told: "you have the ...", "your mailbox is ...".
# Not "your information" itself: "For your information the Forum will take place in May"
# (no comma) is news for the list, as it is with one.
_YOURS = re.compile(r"\b(?:you\s+(?:have|are|will)|your\s+(?!info(?:rmation)?\b)[\w\s-]{1,40}?"
                    r"\b(?:is|are|has|have|will))\b", re.IGNORECASE)
# A request in the same sentence ("FYI Omar, you are on the panel, please confirm"): the
# sentence is the request's, not a fact told.
_ASKS = re.compile(r"\b(?:please|kindly|(?:could|can|would)\s+you|(?:need|needs|have|has)\s+to|"
                   r"let\s+(?:me|us)\s+know)\b", re.IGNORECASE)


def tells_a_fact(sentence: str) -> bool:
    """Whether a "for information" sentence tells the reader of their own affairs (a
    clause in the second person, nothing given, nothing asked); a question is left to
    the question reader."""
    text = sentence.rstrip()
    return (not text.endswith("?") and _GIVES.search(text) is None
            and _ASKS.search(text) is None and _YOURS.search(text) is not None)


def drop_facts_told(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """A "for information" note that only tells the reader of their own affairs
    (:func:`tells_a_fact`) is no note."""
    return [c for c in candidates if not (
        c.kind == NOTE and c.rule == "for_information" and tells_a_fact(c.sentence))]


__all__ = ["drop_advice", "drop_facts_told", "gives_advice", "tells_a_fact"]
