"""The quote an item's sentence stands under, found fast and the same (perf, session 39).

:func:`~iscg_mailbot.analyse.closure_quotes.quoted_at` measures the longest run of words
a quote shares with an item's sentence only when the two share a run long enough to
count; :func:`~iscg_mailbot.analyse.closure_quotes.inline_answers` splits the answers of
a reply only when it has two quotes answered. Both must answer as the plain reading
(every quote measured, every answer split) does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse.closure_quotes import inline_answers, quoted_at

_WORD = re.compile(r"\w+")


def _plain_quoted_at(sentence: str, quotes: Sequence[str]) -> int | None:
    """The reading before the shortcut: every quote of three words or more measured."""
    words = [w.casefold() for w in _WORD.findall(sentence)][:300]
    best, found = 0, None
    for index, quote in enumerate(quotes):
        quoted = [w.casefold() for w in _WORD.findall(quote)][:300]
        if len(quoted) < 3 or not words:
            continue
        run = SequenceMatcher(None, words, quoted, autojunk=False).find_longest_match(
            0, len(words), 0, len(quoted)).size
        if run >= min(5, len(quoted), len(words)) and run > best:
            best, found = run, index
    return found


_WORDS = st.lists(st.sampled_from(["could", "BR", "send", "the", "list", "by", "Friday",
                                   "TSB", "report", "Is", "there", "any", "reason"]),
                  max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_WORDS, st.lists(_WORDS, max_size=5))
def test_the_quote_found_is_the_plain_readings(sentence: str, quotes: list[str]) -> None:
    assert quoted_at(sentence, quotes) == _plain_quoted_at(sentence, quotes)


def test_a_trimmed_quote_is_found_and_a_short_one_is_not() -> None:
    sentence = "Could BR please report reading-order errors by 2031-02-21?"
    quotes = ["Thanks all", "report reading-order errors by 2031-02-21?", "BR"]
    assert quoted_at(sentence, quotes) == 1
    assert quoted_at(sentence, ["Thanks", "see you"]) is None


def test_one_quote_answered_is_no_inline_reply_two_are() -> None:
    assert inline_answers("> Can you come?\n\nYes.\n") == []
    assert inline_answers("Yes.\n\n> Can you come?\n> And BR?\n") == []
    assert inline_answers("> Can you come?\n\nYes.\n\n> And BR?\n\nNo.\n") == [
        ("Can you come?", "Yes."), ("And BR?", "No.")]
    # A quote with only blank lines under it answers nothing.
    assert inline_answers("> Can you come?\n\n\n> And BR?\n\nNo.\n") == []


def _plain_words(text: str) -> tuple[str, ...]:
    """Each word folded apart, at most 300 (the reading before perf-r18)."""
    return tuple(w.casefold() for w in _WORD.findall(text))[:300]


_LETTERS = st.text(st.sampled_from(list("aBz Q_9-.\n\u00df\u0130\ufb01\u00e9K")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_LETTERS, st.integers(0, 400))
def test_the_words_compared_are_the_plain_readings(text: str, repeat: int) -> None:
    """An ASCII text folded whole ("Straße", "İstanbul", "ﬁle" folded word by word),
    and a text of more than 300 words cut before it is folded: the same words."""
    from iscg_mailbot.analyse.closure_quotes import _runs, _words

    for sample in (text, "Word " * repeat + text, text.encode("ascii", "ignore").decode()):
        assert _words(sample) == _plain_words(sample)
        for need in (1, 3, 5):
            words = _plain_words(sample)
            assert _runs(sample, need) == frozenset(
                tuple(words[i:i + need]) for i in range(len(words) - need + 1))
