"""Questions that ask nothing of anybody: idle ones and rhetorical ones.

"Why not?", "Right?" (two words at most) ask nothing. Nor does a question put to make a
point rather than to learn something: "Do we really need a third glossary?", "Isn't
that what the working party already does?", "Why would an operator pay twice for the
same test?", "It belongs in the BDT plan, no?". The writer argues; no answer is owed
(`w24`, `w28` dev leave them unlabelled). Nor does a guess or a suggestion opened as
one: "Maybe the working party already has figures?", "Perhaps the Group could draft one
reply instead of two?" (`w18`, `w28`, `w30`, `w38` dev leave them unlabelled; "Could BR
send the figures?" asks, and so does "..., maybe you have the contacts?"). A genuine
question that happens to doubt ("Does BR still keep that register?", "Why was the item
dropped?") has none of these marks and stays.

    >>> asks_nothing("Do we really need a third glossary?")
    True
    >>> asks_nothing("Does BR still keep that register?")
    False
"""

from __future__ import annotations

import re

# Questions that ask nothing of anybody: "Why not?", "Right?". Possessive runs: each
# word is taken whole, so a question of three words or more fails at once; written
# "(?:\W*\w+){0,2}" it tried every split of a long word (quadratic: 7 s for a question
# of 20,000 letters). The same questions match: at most two words before the "?".
_IDLE_QUESTION = re.compile(r"^(?:\W*+\w++){0,2}\W*\?$")

# The marks of a question put to make a point: "really"/"surely" in it, a negative
# opening ("Isn't this ...?", "Don't we ...?"; not "Couldn't BDT ...?", a request), "why
# would/should", a tag at its end (", no?", ", right?"), or "Maybe"/"Perhaps" opening it
# (a guess or a suggestion). Fixed words and one bounded class each: linear.
_APOSTROPHE = "['\u2019]"
_RHETORICAL = re.compile(
    r"\b(?:really|surely)\b"
    r"|^\W*(?:is|are|was|does|do|did|should)n" + _APOSTROPHE + r"t\s+(?:this|that|it|we|they|"
    r"there|everyone|anyone)\b"
    r"|\bwhy\s+(?:on\s+earth\s+)?(?:would|should)\b"
    r"|,\s*(?:no|right|surely|isn" + _APOSTROPHE + r"t\s+it)\s*\?$"
    r"|^\W*(?:maybe|perhaps)\b", re.IGNORECASE)


def asks_nothing(question: str) -> bool:
    """Whether a sentence ending in "?" owes no answer: idle ("Why not?") or rhetorical
    (see the module's docstring)."""
    return bool(_IDLE_QUESTION.match(question) or _RHETORICAL.search(question))


__all__ = ["asks_nothing"]
