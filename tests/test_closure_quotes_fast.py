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


def _plain_inline_answers(body: str) -> list[tuple[str, str]]:
    """The reading before perf-r20: every block's answer split, the text above the first
    quote too (and then left out, having no quote)."""
    from iscg_mailbot.parse.quoting import split_new_text

    if ">" not in body:
        return []
    blocks: list[tuple[list[str], list[str]]] = []
    quote: list[str] = []
    answer: list[str] = []
    for line in body.split("\n"):
        if re.match(r"[ \t]*>", line):
            if answer:
                blocks.append((quote, answer))
                quote, answer = [], []
            quote.append(re.sub(r"^(?:[ \t]*>)+[ \t]?", "", line))
        elif quote or line.strip():
            answer.append(line)
    blocks.append((quote, answer))
    if sum(1 for quoted, answered in blocks
           if quoted and any(line.strip() for line in answered)) < 2:
        return []
    pairs = []
    for quoted, answered in blocks:
        said = split_new_text("\n".join(answered))[0].strip() if answered else ""
        if quoted and said:
            pairs.append((" ".join(q.strip() for q in quoted if q.strip()), said))
    return pairs if len(pairs) >= 2 else []


_LINES = st.lists(st.sampled_from([
    "> Could BR send the list by Friday?", "> > And TSB?", "  >Is there any reason?", ">",
    "", "  ", "Yes, attached.", "No reason I know of.", "Thanks all,", "Best regards,",
    "Olga", "-- ", "Olga Petrova, BDT", "On Tue, 3 May 2031, Ann wrote:", "\t", "Sure.",
]), max_size=14).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_the_inline_answers_are_the_plain_readings(body: str) -> None:
    """Quotes, answers, blank lines, sign-offs and attributions in any order: the pairs
    of the plain reading, the top text's split left out or not."""
    assert inline_answers(body) == _plain_inline_answers(body)


def test_the_text_above_the_first_quote_is_not_split(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A reply writing a line above the quotes it answers inline: that line has no quote
    to pair with, so the costly quote split of an answer is not made for it."""
    from iscg_mailbot.analyse import closure_quotes

    split: list[str] = []
    real = closure_quotes.split_new_text

    def spy(text: str, **kwargs: bool) -> tuple[str, str, str]:
        split.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(closure_quotes, "split_new_text", spy)
    body = "Hi Ann, answers below.\n\n> Can you come?\n\nYes.\n\n> And BR?\n\nNo.\n"
    assert inline_answers(body) == [("Can you come?", "Yes."), ("And BR?", "No.")]
    assert split == ["\nYes.\n", "\nNo.\n"]
