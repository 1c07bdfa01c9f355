"""Substring tests that rule a pattern out before it is searched.

Closure and reply reading asks a dozen case-insensitive patterns of every clause of
every reply ("was sent", "please find attached", "I will", "still to be confirmed");
most clauses hold none of the words any match of a pattern must hold. A
:class:`GatedPattern` knows those words and searches its pattern only when one of them
is in the clause's :func:`folded` text: the same matches, at a fraction of the cost.

    >>> sent = GatedPattern(re.compile(r"\\b(?:was|has\\s+been)\\s+sent\\b", re.IGNORECASE),
    ...                     ("sent",))
    >>> sent.search("The LS was SENT yesterday.").group(), sent.search("Thanks!")
    ('was SENT', None)

The words must be lower case, and each match of the pattern must contain one of them
(in any case: the pattern is case-insensitive); ``tests/test_text_gates.py`` holds
each gated pattern of the package to its plain search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# (folded: a text as a case-insensitive pattern reads it; on the ground floor, for the
# parse stage's gates too.)
from iscg_mailbot.text import folded

_REGISTERED: list[GatedPattern] = []


class GatedPattern:
    """A compiled pattern and the words (lower case) one of which each match holds.

    Every gated pattern made is registered (:func:`gated_patterns`), so that the tests
    can hold each to its plain search.
    """

    __slots__ = ("_gate", "_word", "pattern", "words")

    def __init__(self, pattern: re.Pattern[str], words: Iterable[str]) -> None:
        self.pattern = pattern
        self.words = tuple(sorted(set(words), key=lambda w: (-len(w), w)))
        if not self.words or any(w != w.lower() or not w for w in self.words):
            raise ValueError(f"gate words must be non-empty lower case: {self.words!r}")
        # One word: a substring test; more: one plain search for all of them, as a trie
        # ("co(?:mpiling|llecting)": fewer branches tried at each position than a flat
        # alternation), with no flags (the text is folded already).
        self._word = self.words[0] if len(self.words) == 1 else None
        self._gate = re.compile(trie_pattern(self.words))
        _REGISTERED.append(self)

    def may_match(self, lowered: str) -> bool:
        """Whether the pattern can match a text whose :func:`folded` form is ``lowered``."""
        if self._word is not None:
            return self._word in lowered
        return self._gate.search(lowered) is not None

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when no word of the gate is in the text
        (``lowered``: ``folded(text)`` when the caller has it already)."""
        if not self.may_match(folded(text) if lowered is None else lowered):
            return None
        return self.pattern.search(text)

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, none when no word of the gate is in the text."""
        if not self.may_match(folded(text) if lowered is None else lowered):
            return iter(())
        return self.pattern.finditer(text)


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, their common prefixes written once.

    >>> trie_pattern(["will", "working", "waiting"])
    'w(?:aiting|ill|orking)'
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else f"(?:{'|'.join(branches)})"
        return body + ("?" if ends else "")

    return pattern(tree)


def top_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern's source (its ``|`` outside groups and
    character classes).

    >>> top_alternatives(r"a(?:b|c)|[|]d|e\\|f")
    ['a(?:b|c)', '[|]d', 'e\\\\|f']
    """
    found: list[str] = []
    depth, start, index = 0, 0, 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2  # an escaped character, whatever it is
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1:index + 2] == "^":
                index += 1
            if pattern[index + 1:index + 2] == "]":
                index += 1  # "[]...]", "[^]...]": a first "]" is a member
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(pattern[start:index])
            start = index + 1
        index += 1
    found.append(pattern[start:])
    return found


def gated_patterns() -> tuple[GatedPattern, ...]:
    """Every gated pattern made so far (those of the modules imported)."""
    return tuple(_REGISTERED)


_FOLDED: list[FoldedPattern] = []
# Escapes naming a character by its number (``\x41`` is "A", ``\u2019`` an apostrophe),
# which a lower-case copy of the pattern keeps as they are; by name or as a group's
# number, which it would not read alike; inline flags, which it would change.
_NUMBERED = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")
_NAMING_ESCAPE = re.compile(r"\\[N0-9]")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")
# An upper-case letter by a hyphen may end a range ("[A-z]" holds "_", "[a-z]" does not).
_CASED_RANGE = re.compile(r"[A-Z]-|-[A-Z]")
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _lower_source(pattern: re.Pattern[str]) -> str:
    """The source of a case-insensitive pattern in lower case, its escapes kept as they
    are (``\\S`` is no ``\\s``). Raises ValueError for a pattern whose lower-case copy
    could read an ASCII text otherwise: inline flags (``(?-i:...)``), a character named
    by a group's number or by name, a range ending in an upper-case letter, a character
    beyond ASCII that is some ASCII letter's other case (U+212A, the Kelvin sign, is "k"
    to a case-insensitive pattern)."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE:
        raise ValueError(f"not a case-insensitive pattern: {source!r}")
    if _NAMING_ESCAPE.search(source) or _INLINE_FLAGS.search(source) \
            or _CASED_RANGE.search(source):
        raise ValueError(f"escapes, inline flags or a range a lower-case copy would misread: "
                         f"{source!r}")
    numbered = {chr(int("".join(m.groups("")), 16)) for m in _NUMBERED.finditer(source)}
    for char in {c for c in source if not c.isascii()} | numbered:
        if any(re.fullmatch(re.escape(char), letter, re.IGNORECASE) for letter in _ASCII_LETTERS):
            raise ValueError(f"{char!r} is an ASCII letter to the pattern: {source!r}")
    parts, index = [], 0
    while index < len(source):
        if source[index] == "\\":
            parts.append(source[index:index + 2])  # an escape, kept in its case
            index += 2
        elif source.startswith("(?P", index):
            parts.append("(?P")  # a named group: re reads no "(?p"
            index += 3
        else:
            parts.append(source[index].lower())
            index += 1
    return "".join(parts)


class FoldedPattern:
    """A case-insensitive pattern asked only whether it is found: in an ASCII text (most
    mail), its lower-case copy is searched case-sensitively in the text's lower case.

    A case-insensitive search tries each character of the text in both cases and skips
    ahead to no literal; on the clauses of the generated corpus the copy finds the same
    places two to three times sooner. In an ASCII text the two searches agree: lower
    case keeps every offset, an ASCII letter's other case is only its upper or lower
    case, and ``re.ASCII`` changes ``\\w``, ``\\b`` and ``\\s`` only beyond ASCII.
    Other texts are searched with the pattern itself. Every folded pattern made is
    registered (:func:`folded_patterns`), so that the tests can hold each to its plain
    search.
    """

    __slots__ = ("_ascii", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._ascii = re.compile(_lower_source(pattern),
                                 (pattern.flags & ~(re.IGNORECASE | re.UNICODE)) | re.ASCII)
        _FOLDED.append(self)

    def found(self, text: str) -> bool:
        """``pattern.search(text) is not None``."""
        if text.isascii():
            return self._ascii.search(text.lower()) is not None
        return self.pattern.search(text) is not None


def folded_patterns() -> tuple[FoldedPattern, ...]:
    """Every folded pattern made so far (those of the modules imported)."""
    return tuple(_FOLDED)


class WordSet:
    """Which of some words (lower case, no white space) a folded text holds, read from
    its white-space-separated tokens in one pass: a word is in the text exactly when it
    is in one of its tokens, and what each token holds is worked out once and kept
    (tokens repeat across mail). The answer is bits: test them with :meth:`mask`.

    >>> days = WordSet(["mon", "month", "week"])
    >>> found = days.bits("by the end of the month")
    >>> bool(found & days.mask(["mon"])), bool(found & days.mask(["week"]))
    (True, False)
    """

    _MAX_TOKENS = 50_000  # then the kept tokens are cleared

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(sorted(set(words)))
        if any(not w or w != w.lower() or len(w.split()) != 1 or w != w.strip()
               for w in self.words):
            raise ValueError(f"words must be lower case, without white space: {self.words!r}")
        self._bit = {w: 1 << i for i, w in enumerate(self.words)}
        # At each character of a new token, the longest word starting there (a trie in
        # a lookahead), and so every shorter one, a prefix of it.
        self._pattern = re.compile(f"(?=({trie_pattern(self.words)}))")
        self._with_prefixes = {w: self.mask(q for q in self.words if w.startswith(q))
                               for w in self.words}
        self._tokens: dict[str, int] = {}

    def mask(self, words: Iterable[str]) -> int:
        """The bits of ``words`` (each one of this set's)."""
        bits = 0
        for word in words:
            bits |= self._bit[word]
        return bits

    def bits(self, lowered: str) -> int:
        """The words that ``lowered`` (a :func:`folded` text) holds, as bits."""
        tokens, found = self._tokens, 0
        for token in lowered.split():
            bits = tokens.get(token)
            if bits is None:
                if len(tokens) >= self._MAX_TOKENS:
                    tokens.clear()
                bits = 0
                for longest in self._pattern.findall(token):
                    bits |= self._with_prefixes[longest]
                tokens[token] = bits
            found |= bits
        return found


__all__ = ["FoldedPattern", "GatedPattern", "WordSet", "folded", "folded_patterns", "gated_patterns",
           "top_alternatives", "trie_pattern"]
