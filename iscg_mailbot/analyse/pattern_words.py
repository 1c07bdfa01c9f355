"""The words a pattern's every match must hold, read from the compiled pattern itself.

:func:`required_words` walks the parse tree of a compiled pattern (``re._parser``, the
tree ``re.compile`` builds) and gives groups of lower-case words: each match of the
pattern holds, in lower case, one word of every group. Nothing is kept by hand, so a
pattern edited in ``settings/action_rules.py`` brings its own gate along, and the gate
is necessary by construction: a text that lacks every word of a group cannot match.

    >>> import re
    >>> required_words(re.compile(r"\\b(?:will|shall)\\s+be\\s+(?:posted|sent)\\b", re.I))
    (('shall', 'will'), ('posted', 'sent'))

Words shorter than three letters ("be") are left out: nearly every sentence holds them.
The words hold for an ASCII text (a case-insensitive pattern's letters then match their
own two cases only; beyond ASCII, "k" matches the Kelvin sign, "s" the long s). What
cannot be read as words (a character class of many letters, ``\\w``, any character) is
no requirement; an optional part is none; a lookaround needs nothing of the match but
breaks no word either, since it is zero-width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Past these, a finite set of strings is given up for what it must contain.
_MAX_STRINGS = 64
_MAX_CLASS = 4
_MAX_GROUPS = 8
# A word shorter than this is no useful gate ("a", "to" are in most sentences).
MIN_WORD = 3


@dataclass(frozen=True)
class _Words:
    """What a part of a pattern matches: every string it can match (``exact``, when
    finite and few), else groups of words each match holds one of (``groups``)."""

    exact: frozenset[str] | None
    groups: tuple[frozenset[str], ...] = ()

    def as_groups(self) -> tuple[frozenset[str], ...]:
        if self.exact is None:
            return self.groups
        return (self.exact,) if all(self.exact) else ()


_EMPTY = _Words(frozenset({""}))
_UNKNOWN = _Words(None)


# Cached: a gate is built once a process, but tests and tools build many; parsing
# each pattern again is the whole cost of building one.
@lru_cache(maxsize=1024)
def required_words(pattern: re.Pattern[str], min_word: int = MIN_WORD
                   ) -> tuple[tuple[str, ...], ...]:
    """Groups of words (lower case), one of each of which every match of ``pattern``
    holds in an ASCII text; groups with a word shorter than ``min_word`` are left out
    (they would let nearly every sentence through), as are repeats."""
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    found: list[tuple[str, ...]] = []
    for group in _sequence(list(tree)).as_groups():
        words = tuple(sorted(_minimal(group)))
        if min(map(len, words)) >= min_word and words not in found:
            found.append(words)
    return tuple(found)


# Memoised: the rules share their word groups (a group of 121 words comes back in
# dozens of them), and the test is one of every pair, the most of building the gate.
@lru_cache(maxsize=1024)
def _minimal(words: frozenset[str]) -> frozenset[str]:
    """The words without those holding a shorter one of the group (the same test)."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _sequence(items: list[tuple[Any, Any]]) -> _Words:
    """Parts one after the other: runs of finite parts joined, the rest's groups kept."""
    groups: list[frozenset[str]] = []
    run = frozenset({""})  # the strings the current run of finite parts can be
    for op, arg in items:
        part = _node(op, arg)
        if part.exact is not None:
            joined = frozenset(a + b for a, b in product(run, part.exact))
            if len(joined) <= _MAX_STRINGS:
                run = joined
                continue
        groups.extend(_Words(run).as_groups())  # the run ends here
        if part.exact is not None:
            run = part.exact  # too many strings: a new run starts with this part
        else:
            groups.extend(part.groups)
            run = frozenset({""})
    if not groups:
        return _Words(run)
    return _Words(None, (*groups, *_Words(run).as_groups()))


def _node(op: Any, arg: Any) -> _Words:
    """What one node of the parse tree matches."""
    if op is sre.LITERAL:
        return _Words(frozenset({chr(arg).lower()}))
    if op is sre.IN:
        return _class(arg)
    if op is sre.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is sre.BRANCH:
        return _branches([_sequence(list(b)) for b in arg[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = arg
        if low == 0:
            return _UNKNOWN
        inner = _sequence(list(body))
        if low == high == 1:
            return inner
        return _Words(None, inner.as_groups())
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # zero-width: nothing of the match, and no break in a word
    return _UNKNOWN


def _class(items: list[tuple[Any, Any]]) -> _Words:
    """A character class of a few literal characters, as those; any other: unknown."""
    chars = set()
    for op, arg in items:
        if op is not sre.LITERAL:
            return _UNKNOWN
        chars.add(chr(arg).lower())
    return _Words(frozenset(chars)) if len(chars) <= _MAX_CLASS else _UNKNOWN


def _branches(branches: list[_Words]) -> _Words:
    """Alternatives: all their strings when finite and few; else, since a match holds
    what one alternative needs (every group of it), it holds a word of each union of
    one group of each alternative: those unions (at most ``_MAX_GROUPS``)."""
    if all(b.exact is not None for b in branches):
        every = frozenset().union(*(b.exact for b in branches if b.exact is not None))
        if len(every) <= _MAX_STRINGS:
            return _Words(every)
    choices: list[Any] = [b.as_groups() for b in branches]
    if not all(choices):
        return _UNKNOWN  # an alternative that needs nothing
    # The most telling groups of each alternative first (the longest shortest word).
    choices = [sorted(c, key=lambda g: -min(map(len, g)))[:_MAX_GROUPS] for c in choices]
    unions: list[frozenset[str]] = []
    for picked in product(*choices):
        union = frozenset().union(*picked)
        if union not in unions:
            unions.append(union)
        if len(unions) == _MAX_GROUPS:
            break
    return _Words(None, tuple(unions))


# Cached: a gate is built once a process, but tests and tools build many; parsing
# each pattern again is the whole cost of building one.
@lru_cache(maxsize=1024)
def leading_strings(pattern: re.Pattern[str], min_length: int = 2) -> tuple[str, ...]:
    """The strings (lower case) one of which every match of ``pattern`` starts with in
    an ASCII text, or none when a match can start with what cannot be listed (a class
    of many letters, an optional part) or with a string shorter than ``min_length``
    (found nearly everywhere): where a match can start, found by a plain search of
    the lower-case text.

    >>> leading_strings(re.compile(r"\\b(?:will|shall|needs?\\s+to)\\s+be", re.I))
    ('need', 'shall', 'will')
    """
    run = _leading(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    if not run or min(map(len, run)) < min_length:
        return ()
    # A match starting with "remains" starts with "remain": that place is found.
    return tuple(sorted(w for w in run if not any(o != w and w.startswith(o) for o in run)))


def _leading(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The strings every match of these parts starts with (None: not known)."""
    run = frozenset({""})
    for op, arg in items:
        part = _node(op, arg)
        if part.exact is not None:
            joined = frozenset(a + b for a, b in product(run, part.exact))
            if len(joined) > _MAX_STRINGS:
                return run if "" not in run else None
            run = joined
            continue
        # Not finite: what it starts with, if known, ends the strings.
        if op is sre.SUBPATTERN:
            starts = _leading(list(arg[-1]))
        elif op is sre.BRANCH:
            each = [_leading(list(b)) for b in arg[1]]
            known = [e for e in each if e is not None]
            starts = frozenset().union(*known) if len(known) == len(each) else None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            starts = _leading(list(arg[2]))
        else:
            starts = None
        if starts is not None:
            joined = frozenset(a + b for a, b in product(run, starts))
            if len(joined) <= _MAX_STRINGS:
                run = joined
        break
    return None if "" in run else run


class StartedSearch:
    """``pattern.search(text)``, tried only where a match can start.

    Given ``lowered`` (``text.lower()`` of an ASCII ``text``), the pattern is matched
    (``pattern.match(text, place)``) at the places of its :func:`leading_strings` in
    ``lowered``, in order, instead of at every character: the first place that matches
    gives ``search``'s match (a match at a place reads the text before it for ``\\b`` and
    lookbehinds). Without ``lowered``, or for a pattern whose starts cannot be listed,
    the plain search.

    >>> lead = StartedSearch(re.compile(r"\\b(?:ask|will)\\s+(?=TSB)", re.I))
    >>> text = "We will ask TSB to reply."
    >>> lead.search(text, text.lower()).group(), lead.search(text).span()
    ('ask ', (8, 12))
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        from iscg_mailbot.analyse.text_gates import trie_pattern

        self.pattern = pattern
        starts = leading_strings(pattern)
        # The strings themselves, not in a lookahead: a pattern that opens with a
        # literal or an alternation of them is searched by skipping to their first
        # letters; a lookahead was tried at every character (~1.3x the places' cost).
        # Searched again one character on from each place, as the places may overlap.
        self.places = re.compile(trie_pattern(starts)) if starts else None

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """The first match of the pattern in ``text`` (``lowered``: its lower case,
        when ``text`` is ASCII)."""
        if lowered is None or self.places is None:
            return self.pattern.search(text)
        match, find = self.pattern.match, self.places.search
        place = find(lowered)
        while place is not None:
            start = place.start()
            found = match(text, start)
            if found is not None:
                return found
            place = find(lowered, start + 1)
        return None
