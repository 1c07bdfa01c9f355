"""Which rules can apply to a sentence, found from its words in one pass.

Each :class:`~iscg_mailbot.settings.action_rules.Rule` names the lower-case words one of
which its pattern needs (``Rule.keywords``): a rule may match a sentence only when one
of them is a substring of the sentence in lower case. :class:`RuleGate` answers, for a
sentence, which of its rules those are, exactly as asking each rule would
(``Rule.may_match``), without searching the sentence for each word.

The sentence is cut at its spaces (a sentence's text holds one space between words). A
word without a space is in the sentence exactly when it is in one of its pieces; what
each piece holds is worked out once per piece and kept (pieces repeat across mail: "to",
"the", "will"). A word with a space ("may wish", " to ", "for ") can only be there when
its longest space-free part is in a piece; only then is it looked for in the sentence.
The words found pick the rules, in rule order, and the rules that name no words, which
can always apply. Earlier, one regex of all the words (a trie in a lookahead, tried at
every character) read each sentence: about twice the cost.

The same pass tells :func:`~iscg_mailbot.analyse.action_clauses.split_clauses` whether
the sentence holds a word of asking (``extra`` words: their own test would read it
again)::

    >>> from iscg_mailbot.settings.action_rules import RULES
    >>> gate = RuleGate(RULES)
    >>> sentence = "tsag is requested to reply."
    >>> [r.name for r in gate.applicable(sentence)]
    ['invited_to_note', 'we_invite_to_note', 'invited_to', 'we_request', 'minutes_action', 'passive_request']
    >>> gate.applicable(sentence) == tuple(r for r in RULES if r.may_match(sentence))
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import reduce
from operator import or_
from typing import Any

from iscg_mailbot.analyse.pattern_words import StartedSearch, required_words
from iscg_mailbot.analyse.text_gates import WordSet, top_alternatives
from iscg_mailbot.settings.action_rules import Rule


def pattern_needs(rule: Rule) -> tuple[tuple[str, ...], ...]:
    """Groups of words each match of the rule's pattern holds one of, in an ASCII
    sentence (:func:`~iscg_mailbot.analyse.pattern_words.required_words`: read from the
    pattern, none kept by hand): "for" and one of "input", "reply", ... for
    ``for_action``; "will" or "shall" and a participle of delivery for ``will_be_done``.
    Words with white space are left to the rule's own ``keywords``."""
    return tuple(g for g in required_words(rule.pattern) if all(len(w.split()) == 1 and
                                                                w.strip() == w for w in g))


class RuleGate:
    """The rules of ``rules`` a lower-cased sentence can match.

    ``exhaustive`` hands back every rule whatever the sentence says: the plain "ask
    every rule" reference the fast path is tested against. ``extra`` words (lower case,
    no spaces) are looked for in the same pass (:meth:`holds`).
    """

    def __init__(self, rules: Sequence[Rule], *, exhaustive: bool = False,
                 extra: Iterable[str] = ()) -> None:
        self.rules = tuple(rules)
        self.exhaustive = exhaustive
        words = sorted({w for r in self.rules for w in r.keywords})
        spaced = [w for w in words if " " in w]
        # One bit per word a piece can hold: the rules' words without a space, the
        # longest part of each word with one, the extra words.
        parts = {w: max(w.split(" "), key=len) for w in spaced}
        needs = {r.name: pattern_needs(r) for r in self.rules}
        probes = sorted({w for w in words if " " not in w} | set(parts.values()) | set(extra)
                        | {w for groups in needs.values() for group in groups for w in group})
        # What each piece of a sentence holds is worked out once and kept (WordSet).
        self._probes = WordSet(probes)
        bit = {p: self._probes.mask((p,)) for p in probes}
        # The rules' words with a space, by the bit of their longest part, each with a
        # bit of its own above the probes'.
        self._spaced: dict[int, list[tuple[str, int]]] = {}
        for index, word in enumerate(spaced):
            self._spaced.setdefault(bit[parts[word]], []).append(
                (word, 1 << (len(probes) + index)))
        self._spaced_mask = sum(self._spaced)
        word_bit = {w: bit[w] for w in words if " " not in w} | {
            w: b for group in self._spaced.values() for w, b in group}
        self._rule_bits = tuple(sum(word_bit[w] for w in r.keywords) for r in self.rules)
        self._rule_mask = reduce(or_, self._rule_bits, 0)
        self._need_bits = tuple(tuple(reduce(or_, (bit[w] for w in group)) for group in
                                      needs[r.name]) for r in self.rules)
        self._need_mask = reduce(or_, (b for groups in self._need_bits for b in groups), 0)
        self._extra = reduce(or_, (bit[w] for w in extra), 0)
        self._spaced_words: dict[int, tuple[tuple[str, int], ...]] = {}
        self._chosen: dict[tuple[int, bool], tuple[Rule, ...]] = {}
        self._worded: dict[int, tuple[tuple[Rule, tuple[int, ...]], ...]] = {}
        # Rules that can match only at the start or after a colon ("TSB to send ..."):
        # without a colon, a match at the start is the only one to try.
        self.anchored = frozenset(r.name for r in self.rules if _anchored(r))
        # Where a match of each rule can start in an ASCII sentence: the places of the
        # strings its every match starts with ("will", "shall" for will_be_done).
        self._starts = {r.name: StartedSearch(r.pattern) for r in self.rules}

    def search(self, rule: Rule, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """``rule.pattern.search(text)``: tried only where a match can start.

        ``lowered``: ``text.lower()`` when ``text`` is ASCII (then a match starts at a
        place of one of the rule's :func:`~iscg_mailbot.analyse.pattern_words.leading_strings`
        in it, and the pattern is matched at those places in turn, not at every
        character). An :attr:`anchored` rule is matched at the start of a sentence
        without a colon. When exhaustive: the plain search."""
        if self.exhaustive:
            return rule.pattern.search(text)
        if rule.name in self.anchored and ":" not in text:
            return rule.pattern.match(text)
        return self._starts[rule.name].search(text, lowered)

    def scan(self, lowered: str) -> int:
        """The words of the gate that the lower-cased sentence ``lowered`` holds, as
        bits: what :meth:`rules_for` and :meth:`holds` read."""
        found = self._probes.bits(lowered)
        spaced = found & self._spaced_mask
        if spaced:
            words = self._spaced_words.get(spaced)
            if words is None:
                words = self._spaced_words_for(spaced)
            for word, word_bit in words:
                if word in lowered:
                    found |= word_bit
        return found

    def _spaced_words_for(self, parts: int) -> tuple[tuple[str, int], ...]:
        """The words with a space whose longest part is among the bits ``parts``."""
        words = tuple(w for low, group in self._spaced.items() if low & parts for w in group)
        if len(self._spaced_words) < 4096:
            self._spaced_words[parts] = words
        return words

    def holds(self, found: int) -> bool:
        """Whether a sentence whose :meth:`scan` is ``found`` holds an ``extra`` word."""
        return bool(found & self._extra)

    def rules_for(self, found: int, *, ascii_text: bool = False) -> tuple[Rule, ...]:
        """The rules, in their order, that may match a sentence whose :meth:`scan` is
        ``found`` (all of them when exhaustive). ``ascii_text``: the sentence is ASCII,
        so its lower case is what a case-insensitive pattern reads
        (:func:`~iscg_mailbot.analyse.text_gates.folded`) and the rules of
        :func:`pattern_needs` are asked only when it holds a word of each group too."""
        if self.exhaustive:
            return self.rules
        found &= self._need_mask | self._rule_mask if ascii_text else self._rule_mask
        chosen = self._chosen.get((found, ascii_text))
        if chosen is None:
            # The rules with a word of the sentence first (a few hundred sets of them
            # occur), then those of them whose groups of needed words it holds too
            # (thousands of sets: the second look is over those few rules, not all).
            worded = self._worded.get(found & self._rule_mask)
            if worded is None:
                worded = tuple((r, needs) for r, bits, needs in zip(
                    self.rules, self._rule_bits, self._need_bits, strict=True)
                               if not bits or bits & found)
                _keep(self._worded, found & self._rule_mask, worded)
            chosen = tuple(r for r, needs in worded
                           if not (ascii_text and any(not n & found for n in needs)))
            _keep(self._chosen, (found, ascii_text), chosen)
        return chosen

    def applicable(self, lowered: str) -> tuple[Rule, ...]:
        """The rules, in their order, that may match the lower-cased sentence ``lowered``."""
        return self.rules_for(self.scan(lowered))


def _keep(kept: dict[Any, Any], key: Any, value: Any, most: int = 8192) -> None:
    """Keep ``value`` under ``key``; a table grown to ``most`` entries starts again (the
    word sets of mail read lately are the ones that recur)."""
    if len(kept) >= most:
        kept.clear()
    kept[key] = value


def _anchored(rule: Rule) -> bool:
    """Whether every match of the rule's pattern starts at the text's start or at a
    colon: a pattern that opens with ``(?:^|:\\s*)`` and has no other alternative."""
    source = rule.pattern.pattern
    return (source.startswith("(?:^|:\\s*)") and len(top_alternatives(source)) == 1
            and not rule.pattern.flags & re.MULTILINE)
