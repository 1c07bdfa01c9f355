"""Deeds a reply reports done, in the past, by the one who did them: "I replied to APT
this morning" reports the deed of "Could you reply to APT?" (:func:`reports_deed`),
"I checked the figures" not that of "send the figures". (Moved from closure_reading,
which had reached its size limit, when the search for a word putting a deed off was
made linear.)

    >>> reports_deed("I replied to APT this morning.", "Could you reply to APT?")
    True
    >>> reports_deed("Once I replied to APT, nothing moved.", "Could you reply to APT?")
    False
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from iscg_mailbot.analyse.closure_words import crude_stem, gate_words

# The deed asked, reported done by the one who did it: "I replied to APT this morning"
# (to "Could you reply to APT?"), "Update: I asked the co-rapporteurs on Friday" (to "I
# will ask the Q6/2 co-rapporteurs ..."), "We have contacted the organisers".
_DID = re.compile(
    r"\b(?:I|we|(?-i:[A-Z][A-Za-z]*[A-Z][\w/-]*))\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:(?:just|already|also|now|\w+ly)\s+)?(?P<verb>[a-z]+ed|sent|gave|wrote|told|made|met|"
    r"spoke|took|brought|found|held|began)\b", re.IGNORECASE)
_PAST_OF = {"sent": "send", "gave": "give", "wrote": "write", "told": "tell", "made": "make",
            "met": "meet", "spoke": "speak", "took": "take", "brought": "bring",
            "found": "find", "held": "hold", "began": "begin"}
_NOT_DONE = re.compile(r"\b(?:will|shall|would|should|must|once|when|if|after|until|before|"
                       r"not|n't|never|yet|soon|as|going\s+to|plan\s+to)\W+(?:\w+\W+){0,2}$",
                       re.IGNORECASE)
# A match of ``_NOT_DONE`` before a deed is its word (one or two runs of word characters:
# "will", "going to", "n't") and at most two words more: it starts at one of the last
# four runs of word characters before the deed. It is searched from the sixth last (a
# run's start, where "\b" reads as in the whole text), not from the clause's start:
# that was the square of a long one-sentence reply ("I need to " a thousand times, 1 s).
_NOT_DONE_RUNS = 6
_WORD_RUN = re.compile(r"\w+")


def reports_deed(clause: str, item_sentence: str) -> bool:
    """Whether a clause reports done, in the past, the deed an item asks for: its verb
    is the item's ("I replied to APT" - "Could you reply to APT?"), not another one
    ("I checked the figures" - "send the figures")."""
    done = _deeds(clause)
    return bool(done) and not done.isdisjoint(_asked_words(item_sentence))


def deeds_asked(deeds: frozenset[str], item_sentence: str) -> bool:
    """:func:`reports_deed` of a clause whose :func:`deeds` are ``deeds`` (not empty)."""
    return not deeds.isdisjoint(_asked_words(item_sentence))


def deeds(clause: str, read: tuple[str, frozenset[str]] | None = None) -> frozenset[str]:
    """What the deeds a clause reports done in the past may be the past of: "sent" send;
    empty when it reports none (most clauses), or for a question. ``read``: the
    clause's :func:`word_runs` and :func:`words_of`, when the caller has them."""
    if read is not None and not _may_report_deed(clause, *read):
        return frozenset()
    return _deeds(clause)


# A deed reported (``_DID``) is a run of its own: a verb ending in "ed" or one of the
# irregular ones, after "I", "we" or an acronym (two capitals): four clauses in five
# hold no such pair, and a few tests of the clause's runs cost a third of the search.
_IRREGULAR = gate_words(_PAST_OF)
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]")


def _may_report_deed(clause: str, runs: str, words: frozenset[str]) -> bool:
    return ("ed " in runs or not _IRREGULAR.isdisjoint(words)) and (
        " i " in runs or " we " in runs or _ACRONYM.search(clause) is not None)


# Each clause and each item sentence is read once, however many items and replies a
# thread holds.
@lru_cache(maxsize=4096)
def _deeds(clause: str) -> frozenset[str]:
    """What the deeds a clause reports done may be the past of (empty for a question)."""
    if clause.rstrip().endswith("?"):
        return frozenset()
    found: set[str] = set()
    starts: list[int] | None = None
    for match in _DID.finditer(clause):
        if starts is None:
            starts = [run.start() for run in _WORD_RUN.finditer(clause)]
        # (the runs of word characters before the deed, which starts one)
        before = bisect_left(starts, match.start())
        begin = starts[before - _NOT_DONE_RUNS] if before > _NOT_DONE_RUNS else 0
        if not _NOT_DONE.search(clause, begin, match.start()):
            found.update(_bases(match.group("verb").casefold()))
    return frozenset(found)


@lru_cache(maxsize=4096)
def _asked_words(item_sentence: str) -> frozenset[str]:
    words = {w.casefold() for w in _ITEM_WORD.findall(item_sentence)}
    return frozenset(words | {crude_stem(w) for w in words})


_ITEM_WORD = re.compile(r"[^\W\d_]{3,}")


def _bases(verb: str) -> set[str]:
    """What a past form may be the past of: "sent" send, "shared" share, "asked" ask,
    "replied" reply, "submitted" submit."""
    if verb in _PAST_OF:
        return {_PAST_OF[verb]}
    found = {verb[:-1], verb[:-2], verb[:-3] + "y", verb[:-3]}
    return {b for b in found | {crude_stem(b) for b in found} if len(b) >= 3}
