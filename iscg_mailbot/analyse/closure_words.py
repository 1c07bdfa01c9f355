"""A clause's words read once, for the gates of the patterns asked of it.

Closure detection asks several patterns of each clause of a reply (the delivery
statements, whether it puts off the answer or leaves work, whether it promises). Each
pattern is searched only when the clause holds a word every match holds; searching
the clause for the words of each gate in turn (a trie search a gate) cost more than the
patterns the gates ruled out. The clause's words are read here once, as a set, and
each gate asks the set (:func:`gate_words`): a word a pattern matches whole
(``\\bwill\\s+``: a run of word characters of its own) is an element of it.

    >>> sorted(words_of("I'll send it -- WILL-do!"))
    ['do', 'i', 'it', 'll', 'send', 'will']
    >>> gate_words(("will",)).isdisjoint(words_of("Willing to help"))
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from iscg_mailbot.analyse.text_gates import folded

# An ASCII text's runs of word characters ([A-Za-z0-9_], what ``\w`` matches in it):
# every other byte becomes a space, and the runs are what ``split`` leaves (a bytes
# translation: far cheaper than a regex finding each run).
_GAPS = bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(256))
_RUN = re.compile(r"\w+")


def word_runs(text: str) -> str:
    """The runs of word characters of ``text`` (its ``\\w+`` matches), folded
    (:func:`~iscg_mailbot.analyse.text_gates.folded`), each between spaces: a run
    ending in "ed" holds "ed " (``" ed "``: the run "ed").

    >>> word_runs("Wİll send_it, OK?")
    ' will send_it ok '
    """
    if text.isascii():
        return f" {text.lower().encode('ascii').translate(_GAPS).decode('ascii')} "
    # The runs of the text itself (its word boundaries are the patterns'), then folded
    # (no folded letter is a space).
    return f" {folded(' '.join(_RUN.findall(text)))} "


def words_of(text: str, runs: str | None = None) -> frozenset[str]:
    """The runs of word characters of ``text``, folded, as a set (``runs``:
    :func:`word_runs` of it, when the caller has them)."""
    return frozenset((word_runs(text) if runs is None else runs).split())


def gate_words(words: Iterable[str]) -> frozenset[str]:
    """The words one of which every match of a pattern holds, each a run of word
    characters of its own in the match (lower case): a clause none of whose
    :func:`words_of` is one of them cannot match."""
    found = frozenset(words)
    if not found or any(w != folded(w) or _RUN.fullmatch(w) is None for w in found):
        raise ValueError(f"gate words must be folded runs of word characters: {sorted(found)}")
    return found


_SUFFIXES = (("ations", ""), ("ation", ""), ("ions", ""), ("ion", ""), ("ings", ""), ("ing", ""), ("ies", "y"),
             ("ied", "y"), ("ates", ""), ("ated", ""), ("ate", ""), ("ees", ""), ("ee", ""),
             ("ed", ""), ("es", ""), ("s", ""), ("e", ""))


def crude_stem(word: str) -> str:
    """A crude stem, enough to meet "moderators" and "moderator", "confirmed" and
    "confirm", "suggestions" and "suggest", "nominee" and "nominate"."""
    if len(word) < 5 or word.endswith("ss"):
        return word  # (no suffix leaves four letters, or "ss" keeps every one)
    for suffix, then in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[:-len(suffix)] + then
    return word
