"""The configured closure phrases ("done", "has been sent"), found in a clause.

A clause says something is done when it holds one of the phrases of the settings,
not negated ("not done yet", "once it has been sent"): the longest phrase first, each
searched only when the clause holds its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iscg_mailbot.analyse.text_gates import GatedPattern, folded, trie_pattern

_WORD_RUN = re.compile(r"\w+")

NEGATION = re.compile(
    r"\b(?:not|n't|never|no|yet\s+to|still\s+to|to\s+be|will\s+be|would\s+be|should\s+be|"
    r"must\s+be|once|when|if|after|until|before|well|almost|nearly|hardly|is\s+it|"
    r"are\s+they|has\s+it|have\s+you|has\s+the|get|gets|getting)\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Phrases:
    # The longest word of each phrase: a text holding none of them (most do not) cannot
    # match, and a substring test is far cheaper than any regex over a long message.
    gate: tuple[str, ...]
    # Longest first; each phrase's pattern is searched only in a text holding the
    # phrase's longest word,
    each: tuple[tuple[str, GatedPattern], ...]
    # and its other words ("has been sent": "been", then "has" and "sent"), folded: a
    # phrase of letters a case-insensitive pattern reads in any case only as their
    # folded selves (the words of a phrase not all ASCII: none).
    rest: tuple[tuple[str, ...], ...] = ()

    def __post_init__(self) -> None:
        # All the words in one search (the same answer as a substring test of each);
        # no phrases, nothing to find.
        gate = re.compile(trie_pattern(self.gate)) if self.gate else None
        object.__setattr__(self, "_gate", gate)
        # The longest words that a match holds as a run of their own (folded ASCII word
        # characters: all of the default phrases'), asked of the clause's words; the
        # others as substrings.
        runs = {folded(w) for w in self.gate if w.isascii() and _WORD_RUN.fullmatch(w)}
        object.__setattr__(self, "_runs", frozenset(runs))
        object.__setattr__(self, "_others", tuple(w for w in self.gate if folded(w) not in runs))

    def may_match(self, text: str) -> bool:
        gate: re.Pattern[str] | None = self._gate  # type: ignore[attr-defined]
        return gate is not None and gate.search(text.lower()) is not None

    def find(self, text: str, words: frozenset[str] | None = None) -> str | None:
        """The first phrase (longest first) the text holds not negated; ``words``:
        :func:`~iscg_mailbot.analyse.closure_words.words_of` the text, when known."""
        if words is None:
            if not self.may_match(text):
                return None
        elif (self._runs.isdisjoint(words) and not (  # type: ignore[attr-defined]
                self._others and any(w in text.lower() for w in self._others))  # type: ignore[attr-defined]
              ) or not self.may_match(text):
            # (The words first, they rule out most clauses; then the search of the
            # lower-case text as above, which a clause holding "clo\u017fed" fails.)
            return None
        lowered = folded(text)
        for (listed, pattern), rest in zip(self.each, self.rest, strict=True):
            if pattern.words[0] not in lowered:
                continue  # (the one word of the gate, tested here without a call)
            if rest and not all(word in lowered for word in rest):
                continue
            match = pattern.pattern.search(text)
            if match and not NEGATION.search(text[:match.start()]):
                return listed
        return None


_PHRASE_CACHE: dict[tuple[str, ...], _Phrases] = {}


def _phrase_pattern(phrase: str) -> str:
    return r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?![\w-])"


def _longest_word(phrase: str) -> str:
    return max(phrase.lower().split(), key=len)


def _other_words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase but its longest, folded, when all are ASCII (else none)."""
    words = [folded(w) for w in phrase.split()]
    if not phrase.isascii():
        return ()
    longest = folded(_longest_word(phrase))
    return tuple(w for w in dict.fromkeys(words) if w != longest)


def phrase_patterns(phrases: tuple[str, ...]) -> _Phrases:
    """The reading of a list of phrases (made once a list)."""
    cached = _PHRASE_CACHE.get(phrases)
    if cached is None:
        # Longest first so that "we have sent the liaison" is reported, not "have sent".
        ordered = [p for p in sorted(phrases, key=len, reverse=True) if p.strip()]
        cached = _Phrases(
            tuple({_longest_word(p) for p in ordered}),
            tuple((p, GatedPattern(re.compile(_phrase_pattern(p), re.IGNORECASE),
                                   (folded(_longest_word(p)),))) for p in ordered),
            tuple(_other_words(p) for p in ordered),
        )
        _PHRASE_CACHE[phrases] = cached
    return cached
