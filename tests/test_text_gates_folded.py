"""Folded patterns are an optimisation only: found where the plain search finds.

A :class:`~iscg_mailbot.analyse.text_gates.FoldedPattern` searches a case-insensitive
pattern's lower-case copy in an ASCII text's lower case. Each one the readers make
(answers put off, work left, "not yet" before a delivery statement) is held to its
plain ``pattern.search`` on every clause of the shipped sample archive and of the
labelled sentences, in other cases and with the letters a case-insensitive pattern
reads as "i", "s" and "k"; the copies refuse the patterns they could misread.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import (
    action_closure,
    closure_later,
    closure_reading,
    closure_received,
    closure_speaker,
)
from iscg_mailbot.analyse.closure_received import received_items
from iscg_mailbot.analyse.text_gates import FoldedPattern, folded_patterns, gated_patterns
from iscg_mailbot.records import OpenItem
from tests.test_text_gates import clause_texts  # noqa: F401 - the fixture, shared

# Clauses each reader's pattern finds, so that no comparison below is vacuous.
_FOUND = [
    "I will come back to you next week.",
    "The highlights will follow tomorrow.",
    "Once it has been sent",
    "BDT's mapping reached me directly on 18 February.",
    "It includes Priya's summary on India.",
    "The figures were received; Amara's table is not included.",
    "Klaus is sick this week, he asked me to cover.",
]


def test_the_readers_search_folded_copies() -> None:
    # Fails on the code before: the readers searched the plain patterns.
    plain = {f.pattern for f in folded_patterns()}
    assert {closure_reading._DEFERS_ANSWER, closure_later.LEAVES_WORK,
            action_closure._NOT_YET} <= plain
    # perf-r18: the words of a sender standing in for a member, asked of every reply.
    assert closure_speaker._STAND_IN_WORDS.pattern in plain
    assert closure_received._CAME_IN in {g.pattern for g in gated_patterns()}


def test_every_folded_pattern_finds_as_its_plain_search(
        clause_texts: list[str]) -> None:  # noqa: F811 - the shared fixture
    texts = clause_texts + _FOUND + [t.upper() for t in _FOUND] + [t.swapcase() for t in _FOUND]
    readers = {closure_reading._DEFERS_ANSWER, closure_later.LEAVES_WORK, action_closure._NOT_YET,
               closure_speaker._STAND_IN_WORDS.pattern}
    for folded in folded_patterns():
        hits = 0
        for text in texts:
            plain = folded.pattern.search(text) is not None
            assert folded.found(text) == plain, (folded.pattern.pattern[:40], text)
            hits += plain
        # Not vacuous (other tests may have made patterns of their own).
        assert hits > 0 or folded.pattern not in readers, folded.pattern.pattern[:40]


_PIECES = ["I", "we", "We", "will", "WILL", "Will", "'ll", "\u2019ll", "come back", "GET BACK",
           "revert", "still", "STILL", "to be", "follow", "Follows", "tomorrow", "n't", "not",
           "once", "going to", "sent", "Leave it to", "Grace", "let", "me", "check", "being",
           "Cleared", "expect it", "NEXT", "for the rest", "includes", "reached us",
           "SICK", "Away", "asked  me", "on behalf", "travelling", "standing",
           "-", "_", "'", ".", ";", "\u0130", "\u0131", "\u017f", "\u212a", "\u00e9", "\n"]


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map(" ".join))
def test_folded_copies_are_the_plain_searches(text: str) -> None:
    for clause in (text, text.replace(" ", ""), text.upper(), text.swapcase()):
        for folded in folded_patterns():
            assert folded.found(clause) == (folded.pattern.search(clause) is not None), clause


@pytest.mark.parametrize("source", [
    r"(?-i:\b[A-Z]\w*)\s+will",  # a part read in its case
    r"(?i)will",
    r"\x41ttached",  # "A" by number
    r"(sent)\s+\1",  # a group's number
    "\u212aB",  # the Kelvin sign is "k" to the pattern
    r"[A-z]+",  # "_" in the range, not in "[a-z]"
])
def test_a_copy_that_could_misread_is_refused(source: str) -> None:
    with pytest.raises(ValueError):
        FoldedPattern(re.compile(source, re.IGNORECASE))
    with pytest.raises(ValueError):
        FoldedPattern(re.compile("sent"))  # not case-insensitive


def test_escapes_keep_their_case() -> None:
    # "\S" (not white space) stays itself in the copy; its letters go to lower case.
    found = FoldedPattern(re.compile(r"\bSENT\S", re.IGNORECASE))
    assert found.found("it was sent.") and found.found("It Was SENT!")
    assert not found.found("it was sent ") and not found.found("consent.")
    apostrophe = FoldedPattern(re.compile(r"we\u2019ll", re.IGNORECASE))
    assert apostrophe.found("WE\u2019LL do") and not apostrophe.found("we'll do")


def test_received_items_behind_the_gate() -> None:
    item = OpenItem(1, "BDT", "person", "Could BDT send the mapping by 19 February?", None)
    said = ["BDT's mapping REACHED ME on 18 February", "Thanks for the update"]
    assert received_items(said, [item]) == [(item, said[0], ())]
    assert received_items(["BDT's mapping is still missing"], [item]) == []


def test_named_groups_are_kept() -> None:
    # "(?P<...>" lower-cased is "(?p<", which re does not read: the copy keeps "(?P".
    found = FoldedPattern(re.compile(r"(?P<Verb>SENT|posted)\s+(?P=Verb)", re.IGNORECASE))
    assert found.found("it was Sent sent") and not found.found("it was sent posted")
