"""The sentence split's shortcuts give what the plain code gave.

``_segments`` tries each line-start pattern (greeting, header key, deadline header,
salutation) only on a line whose first letter (or colon) it can start with, and
``_append`` trims a sentence's offsets without a loop per character: both are held here
to the code they replaced, on lines made of the patterns' own words, bullets, colons,
tabs and the letters a case-insensitive pattern reads as "s", "k" and "i".
"""

from __future__ import annotations

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
           "\n\n", "TSB", "is invited to", "x", "\u0131", "\u0130", "\u00a0", "\u2003", "\r\n"]


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
