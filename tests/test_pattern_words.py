"""The words read from a pattern are needed by every match of it, in any ASCII text."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse.pattern_words import required_words

_PATTERNS = [
    r"\b(?:will|shall)\s+(?:\w+ly\s+)?be\s+(?:posted|made\s+available|ready)\b",
    r"\bfor\s+(?:action|review|(?:your\s+)?(?:input|reply))\b",
    r"(?:grateful|help)\s+if\s+[^.]{1,20}?\s+(?:could|would)\b|(?:any|a)\s+chance",
    r"(?<!\bI\s)(?:need|must)(?=\s+send)\s+\w+",
    r"organi[sz]e(?:d|s)?|analy[sz]ing",
    r"(?:ab){2,3}cde?f",
    r"x(?-i:[A-Z]\w+)(?:foo|bar)+baz",
]


def test_the_words_are_those_every_match_holds() -> None:
    flags = re.IGNORECASE
    assert required_words(re.compile(_PATTERNS[0], flags)) == (
        ("shall", "will"), ("available", "posted", "ready"), ("made", "posted", "ready"))
    assert required_words(re.compile(_PATTERNS[1], flags)) == (
        ("for",), ("action", "input", "reply", "review"))
    # A character class of a few letters is each of them; an optional tail is nothing.
    assert required_words(re.compile(_PATTERNS[4], flags)) == ((
        "analysing", "analyzing", "organise", "organize"),)
    # Each alternative's most telling words, joined: one of them is in every match.
    assert required_words(re.compile(_PATTERNS[2], flags)) == (
        ("chance", "could", "would"), ("chance", "grateful", "help"))
    # What a lookahead holds is not asked; "e?" breaks the run.
    assert required_words(re.compile(_PATTERNS[3], flags)) == (("must", "need"),)
    assert required_words(re.compile(_PATTERNS[5]), min_word=1) == (("ab",), ("cd",), ("f",))
    # A lookaround needs nothing and is no break; the words are lower case.
    assert required_words(re.compile(r"(?=x)SEND(?!z)ING")) == (("sending",),)
    assert required_words(re.compile(r"a\w+b|x")) == ()  # "x" is too short to tell
    assert required_words(re.compile(r"(?:abc)?def|ghi")) == (("def", "ghi"),)


@pytest.mark.parametrize("source", _PATTERNS)
def test_a_text_matching_the_pattern_holds_a_word_of_each_group(source: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    groups = required_words(pattern, min_word=1)
    assert groups

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow],
              database=None)
    @given(st.from_regex(pattern, alphabet=st.characters(max_codepoint=127)))
    def holds(text: str) -> None:
        assert pattern.search(text)
        lowered = text.lower()
        assert all(any(w in lowered for w in g) for g in groups), (groups, text)

    holds()
