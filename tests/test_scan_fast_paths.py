"""Fast paths of the shared scanning machinery, each held to its plain reading.

- :class:`~iscg_mailbot.analyse.pattern_words.StartedSearch` finds its places with the
  leading strings themselves (searched again one character on from each place), not a
  lookahead: the same first match as ``pattern.search``, places overlapping or not.
- ``action_owners._words`` reads an ASCII text's letters by a bytes translation: the
  same words as the search of ``[^\\W\\d_]+`` (and the same unaccented forms).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import action_owners
from iscg_mailbot.analyse.pattern_words import StartedSearch, leading_strings

# Starts that overlap ("aab" and "ab", "aba" and "ba") and tails that fail after some
# of them, so that a place inside an earlier one is the first that matches.
_STARTS = ["ab", "aab", "aba", "ba", "bab", "abab"]
_TAILS = [r"c", r"\s", r"(?!a)", r"b*c", r"\b", r"a(?=c)"]


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_STARTS), min_size=1, max_size=3, unique=True),
       st.sampled_from(_TAILS), st.booleans(), st.booleans(),
       st.text(alphabet="abcAB -", max_size=24))
def test_a_started_search_finds_the_first_match(starts: list[str], tail: str, bounded: bool,
                                                 caseless: bool, text: str) -> None:
    source = (r"\b" if bounded else "") + "(?:" + "|".join(starts) + ")" + tail
    pattern = re.compile(source, re.IGNORECASE if caseless else 0)
    fast = StartedSearch(pattern)
    assert fast.places is not None and leading_strings(pattern)
    lowered = text.lower() if caseless else text  # (the caller's lower case of ASCII)
    if not caseless and text != text.lower():
        return  # a case-sensitive pattern is asked of lower-case text only
    found, plain = fast.search(text, lowered), pattern.search(text)
    assert (found and found.span()) == (plain and plain.span())


def test_a_place_inside_a_failed_one_is_tried() -> None:
    # "aab" at 0 fails ("aabx" wanted), "ab" at 1 matches: a non-overlapping scan of
    # the places would have skipped it.
    pattern = re.compile(r"(?:aabx|abc)")
    assert StartedSearch(pattern).search("aabc", "aabc").span() == (1, 4)  # type: ignore[union-attr]


_OLD_WORD = re.compile(r"[^\W\d_]+")


def _old_words(text: str) -> set[str]:
    """``action_owners._words`` as it was: the regex search of the lower-case text."""
    words = set(_OLD_WORD.findall(text.lower()))
    if not text.isascii():
        words |= {action_owners._strip_accents(w) for w in words}
    return words


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    [*"aZq09_ -.,'/\t\n@", "\u00e9", "\u0130", "\u212a", "\u00df", "\u0131", "\u00a0",
                                 "\u0301", "\u4e2d"]), max_size=30))
def test_owner_words_are_the_letter_runs(text: str) -> None:
    assert action_owners._words(text) == _old_words(text)


def test_owner_words_of_ascii_mail() -> None:
    text = "Dear Olga_P, could TSB (ITU-T SG17) send it by 3 May? O'Brien-Smith; e.g. x2y"
    assert action_owners._words(text) == _old_words(text)
    assert {"olga", "p", "tsb", "itu", "t", "sg", "brien", "x", "y"} <= action_owners._words(text)
