"""The sentence split's shortcuts give what the plain code gave.

``_segments`` tries each line-start pattern (greeting, header key, deadline header,
salutation) only on a line whose first letter (or colon) it can start with, and
``_append`` trims a sentence's offsets without a loop per character: both are held here
to the code they replaced, on lines made of the patterns' own words, bullets, colons,
tabs and the letters a case-insensitive pattern reads as "s", "k" and "i".
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import action_text
from iscg_mailbot.analyse.action_text import (
    _BULLET_RE,
    _GREETING_RE,
    _HEADER_RE,
    _SALUTATION_START_RE,
    DEADLINE_HEADER,
    Sentence,
)


def _plain_segments(text: str) -> list[tuple[int, int]]:
    """``_segments`` as it was: every pattern tried on every line."""
    segments: list[tuple[int, int]] = []
    start: int | None = None
    end = pos = 0
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        if not line.strip():
            if start is not None:
                segments.append((start, end))
                start = None
            continue
        greeting = _GREETING_RE.match(line) is not None
        bullet = _BULLET_RE.match(line)
        if start is not None and (greeting or bullet or _HEADER_RE.match(line)
                                  or DEADLINE_HEADER.match(line)
                                  or _SALUTATION_START_RE.match(line)):
            segments.append((start, end))
            start = None
        if start is None:
            start = line_start + (bullet.end() if bullet else len(line) - len(line.lstrip()))
        end = line_start + len(line.rstrip())
        if greeting:
            segments.append((start, end))
            start = None
    if start is not None:
        segments.append((start, end))
    return segments


def _plain_append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(" ".join(text[start:end].split()), start, end))


_PIECES = ["Dear", "dear", "Hi", "HELLO", "Best regards", "\u017fincerely", "\u212aind regards",
           "Thanks", "colleagues", "all", "Deadline", "deadline", "Reply date", "Fecha l\u00edmite",
           "prazo", "For action", "To", "Subject", "Action items", "note", "-", "*", "\u2022",
           "1.", "(a)", "b)", "AI-2", "Action 4.", ":", ",", ".", "!", " ", "  ", "\t", "\n",
           "\n\n", "TSB", "is invited to", "x", "\u0131", "\u0130", "\u00a0", "\u2003", "\r\n",
           "Thank you", "CHEERS", "Yours \u017fincerely", "Good morning", "warm", "Many thanks",
           "Hey", "Greetings", "Regards", "Best", "Colleagues", "The", "To all", "Th", "h\u0130",
           "\u212aind regards", "dEAR", "S"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_segments_are_the_plain_segments(text: str) -> None:
    assert action_text._segments(text) == _plain_segments(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join),
       st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=40))
def test_append_trims_as_the_plain_loop(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    fast: list[Sentence] = []
    plain: list[Sentence] = []
    action_text._append(fast, text, start, end)
    _plain_append(plain, text, start, end)
    assert fast == plain


def _plain_ends_with_abbreviation(text: str, stop: int) -> bool:
    """``_ends_with_abbreviation`` as it was: the word before the stop read back one
    character at a time."""
    if text[stop] != ".":
        return False
    if (stop >= 1 and text[stop - 1].isdigit() and (stop < 3 or not text[stop - 3].isdigit())
            and action_text._MONTH_AFTER_RE.match(text, stop)):
        return True
    word_start = stop
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "([":
        word_start -= 1
    word = text[word_start:stop].lower()
    if not word:
        return False
    if word in action_text.ABBREVIATIONS:
        return True
    if len(word) == 1 and action_text._LABELLED_LETTER_RE.search(text[:word_start]):
        return False
    return len(word.replace(".", "")) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


# The stop as it was written ("[.!?]+": the same matches, searched more slowly).
_PLAIN_STOP_RE = re.compile(r"[.!?]+[\"')\]\u201d\u2019]*(?=\s+[\"'(\[\u201c\u2018]?[A-Z0-9])")


def _plain_sentences(clean: str) -> tuple[Sentence, ...]:
    """The sentences as the split made them: every segment searched for stops, every
    stop's word read back, every piece trimmed by the plain loop."""
    sentences: list[Sentence] = []
    for seg_start, seg_end in _plain_segments(clean):
        segment = clean[seg_start:seg_end]
        cursor = 0
        for match in _PLAIN_STOP_RE.finditer(segment):
            if _plain_ends_with_abbreviation(segment, match.start()):
                continue
            _plain_append(sentences, clean, seg_start + cursor, seg_start + match.end())
            cursor = match.end()
        _plain_append(sentences, clean, seg_start + cursor, seg_end)
    return tuple(sentences)


# Stops, abbreviations, initials, dates with a full stop, brackets, long words (longer
# than the window the word before a stop is read from), the letters of a bullet.
_STOP_PIECES = [*_PIECES, "e.g.", "Dr.", "J.", "U.S.", "Annex A.", "15.", "December", "Mar",
                "del", "(see", "[ref", "x" * 30, "y" * 23, "?", "!!", ".\u201d", "?!\u2019", ".\"", ")", "A",
                "The", "4", "a.", "c)", "\u0663.", "\u00b2)", "Ab", "(i", "[", "(", "\u00a0."]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(_STOP_PIECES), max_size=18).map("".join))
def test_sentences_are_the_plain_sentences(text: str) -> None:
    assert action_text._sentences(text) == _plain_sentences(text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_STOP_PIECES), max_size=12).map("".join), st.data())
def test_the_word_before_a_stop_is_read_as_before(text: str, data: st.DataObject) -> None:
    stop = data.draw(st.integers(min_value=0, max_value=len(text) - 1)) if text else None
    if stop is not None:
        assert (action_text._ends_with_abbreviation(text, stop)
                == _plain_ends_with_abbreviation(text, stop))
        word_start = stop
        while (word_start > 0 and not text[word_start - 1].isspace()
               and text[word_start - 1] not in "(["):
            word_start -= 1
        assert action_text._word_start(text, stop) == word_start


def test_the_sample_archive_splits_as_before() -> None:
    """Every new text of the sample archive, quotes blanked, split as before."""
    from iscg_mailbot.parse.quoting import unquoted_text

    texts = _sample_texts()
    assert len(texts) > 100
    for text in texts:
        clean = unquoted_text(text)
        assert action_text._sentences(clean) == _plain_sentences(clean)


def _sample_texts() -> list[str]:
    """The new text of every message of the sample archive."""
    import mailbox

    from iscg_mailbot.parse.message import parse_message
    from iscg_mailbot.records import Provenance, RawMessage
    from iscg_mailbot.services.demo import sample_archive

    return [parse_message(RawMessage(m.as_bytes(), Provenance())).new_text
            for m in mailbox.mbox(sample_archive())]


def test_every_greeting_opens_with_two_letters_the_split_looks_for() -> None:
    """The greeting pattern is tried only on a line whose first two letters (ASCII) open
    one of its words: each word it can start with, read from the pattern itself."""
    from iscg_mailbot.analyse.pattern_words import leading_strings

    words = re.compile(_GREETING_RE.pattern.replace("^[ \\t]*", "", 1), _GREETING_RE.flags)
    starts = leading_strings(words)
    assert {"dear", "thanks", "yours sincerely"} <= set(starts)
    assert {w[:2] for w in starts} == action_text._GREETING_STARTS
