"""The deferral readings' gates: "will" alone does not send a clause to the patterns.

``closure_reading.deferral`` searches ``_DEFERS_ANSWER`` and ``LEAVES_WORK`` only in a
clause holding a word of their gates. "will" is in most replies, but a match holding no
other gate word is a "will <verb>" branch, whose verb is a word of its own: the clause
is searched only when it holds one of those verbs too (docs/performance-history.md,
perf-r16). These tests hold the gates to the plain searches, on clauses built from the
patterns' words and their near misses, and show which clauses are no longer searched.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import closure_later, closure_reading
from iscg_mailbot.analyse.closure_reading import deferral

# "will" and "'ll" with every verb of the patterns' "will <verb>" branches, the other
# gate words, near misses ("willing", "sending", "been"), and the letters a
# case-insensitive pattern reads as "s", "k" and "i".
PIECES = ["I", "we", "will", "WILL", "Will", "'ll", "\u2019ll", "you", "it", "to", "the",
          "reply", "respond", "answer", "update you", "let you know", "check", "look into",
          "raise it", "ask", "a\u017fk", "consult", "find out", "get in touch", "contact you",
          "chec\u212a", "send", "\u017fend", "compile", "share", "circulate", "provide",
          "prepare", "submit", "confirm", "come", "come later", "follow", "follow separately",
          "be", "be ready", "be sent", "be added", "next", "later", "soon", "replied",
          "sending", "been", "willing", "checking", "come back", "back", "revert", "let",
          "still", "pending", "hold", "meeting", "\u0130", "\u0131", "-", "_", "'", ".", ",",
          "\n"]
# The other paired words of the gates, their partners and near misses: "open" at the
# end or not, "so far", "no ... yet", "answer due", "leave it to", "for the other".
PAIRED = ["open", "OPEN", "ope\u0274", "- open", ": open", "\u2013 open", "opened", "so", "far",
          "so far", "only", "Japan", "no", "yet", "news", "answers", "replies", "response",
          "input", "feedback", "due", "outstanding", "awaited", "is", "are", "am", "'m", "Iam",
          "leave", "leaving", "this", "Grace", "into", "looking", "see", "verify", "comment",
          "take", "know", "me", "us", "have", "asked", "already", "our", "for", "other",
          "remaining", "rest", "need", "another", "more", "a few more", "week", "days",
          "being", "cleared", "working", "on", "under", "way", "expect", "them", "ours",
          "sorry", "apologies", "on Friday", "tomorrow", "next week", "write", "draft", "!",
          ":", ")"]


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=9).map(" ".join))
def test_gates_are_the_plain_searches(text: str) -> None:
    _same_as_plain(text)


@pytest.mark.slow
@settings(max_examples=6000, deadline=None)
@given(st.lists(st.sampled_from(PIECES + PAIRED), max_size=9).map(" ".join))
def test_paired_gates_are_the_plain_searches(text: str) -> None:
    _same_as_plain(text)


def _same_as_plain(text: str) -> None:
    for clause in (text, text.replace(" ", ""), text + "\n", text + " ."):
        assert deferral(clause) == (closure_reading._DEFERS_ANSWER.search(clause) is not None,
                                    closure_later.LEAVES_WORK.search(clause) is not None)


@pytest.mark.parametrize("clause", [
    "I will come back to you", "We'll check with the team", "I\u2019ll ask BDT",
    "I will let you know", "The figures will follow", "The report will be ready on Monday",
    "The slides will be sent next week", "I will send it", "We will confirm",
    "BR answer due tomorrow", "(a) BR - open", "(c) only Japan so far", "No answer yet",
    "I leave it to Grace", "let me check", "I have asked the SG3 chairman.",
    "The highlights are being cleared", "For the other venues I will check",
    "we need another week", "TSB on Monday sorry", "I expect it next week",
])
def test_will_clauses_still_read(clause: str) -> None:
    # Each of these is a match of one pattern or the other, as before.
    assert any(deferral(clause))
    assert any(deferral(clause)) == (
        closure_reading._DEFERS_ANSWER.search(clause) is not None
        or closure_later.LEAVES_WORK.search(clause) is not None)


class _Spy:
    def __init__(self, folded: Any) -> None:
        self.folded, self.searched = folded, []

    def found(self, text: str) -> bool:
        self.searched.append(text)
        return bool(self.folded.found(text))


def test_will_alone_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    # Minimal pairs: "will" with a verb of no branch is searched by neither pattern;
    # with "check" by the answer's, with "send" by the work's.
    answer = _Spy(closure_reading._DEFERS_ANSWER_FOLDED)
    work = _Spy(closure_reading._LEAVES_WORK_FOLDED)
    monkeypatch.setattr(closure_reading, "_DEFERS_ANSWER_FOLDED", answer)
    monkeypatch.setattr(closure_reading, "_LEAVES_WORK_FOLDED", work)
    assert deferral("We will hold the meeting in Geneva") == (False, False)
    assert answer.searched == [] and work.searched == []
    assert deferral("We will check the dates") == (True, False)
    assert answer.searched == ["We will check the dates"] and work.searched == []
    assert deferral("We will send the dates") == (False, True)
    assert work.searched == ["We will send the dates"]
    answer.searched.clear(), work.searched.clear()
    # "open" not at the end, "other" without "for", "due" without an answer, "need"
    # without "another" or "more": neither searched.
    assert deferral("The other room is open on Friday, as needed when due") == (False, False)
    assert answer.searched == [] and work.searched == []
    assert deferral("The other room - open") == (True, False)
    assert answer.searched == ["The other room - open"]
