"""Questions that ask nothing of anybody: idle ones and rhetorical ones.

"Why not?", "Right?" (two words at most) ask nothing. Nor does a question put to make a
point rather than to learn something: "Do we really need a third glossary?", "Isn't
that what the working party already does?", "Why would an operator pay twice for the
same test?", "It belongs in the BDT plan, no?". The writer argues; no answer is owed
(`w24`, `w28` dev leave them unlabelled). Nor does a guess or a suggestion opened as
one: "Maybe the working party already has figures?", "Perhaps the Group could draft one
reply instead of two?" (`w18`, `w28`, `w30`, `w38` dev leave them unlabelled; "Could BR
send the figures?" asks, and so does "..., maybe you have the contacts?"). A polite
request opened so still asks: one put to the reader ("Perhaps you could send it by
Monday?") or with a deadline ("Maybe BR could confirm by 3 May?"). A genuine
question that happens to doubt ("Does BR still keep that register?", "Why was the item
dropped?") has none of these marks and stays.

    >>> asks_nothing("Do we really need a third glossary?")
    True
    >>> asks_nothing("Does BR still keep that register?")
    False
    >>> asks_nothing("Perhaps you could send the list by Monday?")
    False
"""

from __future__ import annotations

import re
from datetime import datetime

from iscg_mailbot.analyse.action_dates import find_due

# Questions that ask nothing of anybody: "Why not?", "Right?". Possessive runs: each
# word is taken whole, so a question of three words or more fails at once; written
# "(?:\W*\w+){0,2}" it tried every split of a long word (quadratic: 7 s for a question
# of 20,000 letters). The same questions match: at most two words before the "?".
_IDLE_QUESTION = re.compile(r"^(?:\W*+\w++){0,2}\W*\?$")

# The marks of a question put to make a point: "really"/"surely" in it, a negative
# opening ("Isn't this ...?", "Don't we ...?"; not "Couldn't BDT ...?", a request), "why
# would/should" or a tag at its end (", no?", ", right?"). Fixed words and one bounded
# class each: linear.
_APOSTROPHE = "['\u2019]"
_RHETORICAL = re.compile(
    r"\b(?:really|surely)\b"
    r"|^\W*(?:is|are|was|does|do|did|should)n" + _APOSTROPHE + r"t\s+(?:this|that|it|we|they|"
    r"there|everyone|anyone)\b"
    r"|\bwhy\s+(?:on\s+earth\s+)?(?:would|should)\b"
    r"|,\s*(?:no|right|surely|isn" + _APOSTROPHE + r"t\s+it)\s*\?$", re.IGNORECASE)

# "Maybe"/"Perhaps" opening a question: a guess or a suggestion, unless it is put to the
# reader ("Perhaps you could ...", "Maybe could you ...") or sets a deadline (below).
_GUESS = re.compile(r"^\W*(?:maybe|perhaps)\b", re.IGNORECASE)
_TO_YOU = re.compile(r"\b(?:you\s+(?:could|can|would|might|may)|(?:could|can|would|will)\s+"
                     r"you)\b", re.IGNORECASE)


def asks_nothing(question: str, sent: datetime | None = None) -> bool:
    """Whether a sentence ending in "?" owes no answer: idle ("Why not?") or rhetorical
    (see the module's docstring). ``sent``, the message's date, reads a deadline ("by
    3 May") that keeps a question opened with "Maybe" a request; without it only one put
    to the reader stays."""
    if _IDLE_QUESTION.match(question) or _RHETORICAL.search(question):
        return True
    if _GUESS.match(question) is None or _TO_YOU.search(question):
        return False
    due = find_due(question, sent)  # "Maybe BR could confirm by 3 May?": a request
    return due is None or not due.marked


__all__ = ["asks_nothing"]
