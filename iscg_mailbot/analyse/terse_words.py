"""Mobile and telegraphic shorthand read as the words it stands for.

Mail typed on a phone or between sessions writes "pls send BDT input til 5/3", "can u
confirm?", "b4 TSAG": the request words the extractor knows ("please", "you", "until",
"before") in their short forms. :func:`spelt_out` writes them out before the message is
read, so every rule that knows "please" or "until" knows the short form too, rather than
each rule learning each abbreviation.

Only forms that stand for one word whatever the sentence are written out, and only as
whole words: "u", "ur" and "b4" in lower case only (an upper-case "U" is a letter or
an initial, "B4" a paper size), never inside an address, a path or a code ("u/2", "ur-ITU", "pls.doc").
"asap" and "FYI" stay: the readers know them as they are. Chat tools' marks
(@-mentions, check boxes) are written as plain mail first (:mod:`.chat_marks`).

>>> spelt_out("Pls send BDT input til 5/3, can u confirm b4 TSAG?")
'Please send BDT input until 5/3, can you confirm before TSAG?'
>>> spelt_out("Bureau U, the ur-text, a B4 sheet")
'Bureau U, the ur-text, a B4 sheet'
"""

from __future__ import annotations

import re
from functools import lru_cache

from iscg_mailbot.analyse.chat_marks import plain_marks

# The short form (lower case) and the word it stands for.
_WORDS = {"pls": "please", "plz": "please", "plse": "please", "til": "until"}
# Lower case only: "U", "UR" and "B4" are letters, initials, codes (a paper size).
_LOWER_ONLY = {"u": "you", "ur": "your", "b4": "before"}
# One pass over the text; a short form is a whole word, not part of an address, a path,
# a file name or a hyphenated code on either side.
_SHORT = re.compile(
    r"(?<![\w/@.'\u2019&-])(?:(?i:plse|pl[sz]|til)|u|ur|b4)(?![\w/@'\u2019&-]|\.\w)")
# A cheap test first: most mail holds no short form, and :data:`_SHORT`, opening with a
# look-behind, is tried at every character (~60 us for a 2,000-character message). This
# opens with the short forms' first letters, which the engine skips to, and finds every
# place :data:`_SHORT` can match (and a few more: it does not look past the word's end),
# so a text it finds nothing in is returned untouched, the same as the substitution's.
_MAYBE_SHORT = re.compile(
    r"[pPtTub](?<![\w/@.'\u2019&-][pPtTub])"
    r"(?:(?<=[pP])[lL](?:[sS][eE]|[sSzZ])|(?<=[tT])[iI][lL]|(?<=u)r?|(?<=b)4)(?!\w)")


def _word(match: re.Match[str]) -> str:
    short = match.group()
    lowered = short.lower()
    if lowered in _LOWER_ONLY:
        return _LOWER_ONLY[lowered] if short == lowered else short
    word = _WORDS[lowered]
    if short.isupper():
        return word.upper()
    return word.capitalize() if short[0].isupper() else word


# A message's text is spelt out when it is read, again as the parent of each reply to it
# and for the points of its open items at each closure scan: kept for the last texts.
@lru_cache(maxsize=256)
def spelt_out(text: str) -> str:
    """``text`` with its shorthand request words written out and chat marks as plain
    mail (see the module's doc)."""
    text = plain_marks(text)
    if _MAYBE_SHORT.search(text) is None:
        return text  # most mail: one quick scan
    return _SHORT.sub(_word, text)
