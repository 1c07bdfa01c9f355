"""The quote reader's shortcuts skip only what could not match.

Reading a message's new text for analysis (``unquoted_text``) and finding forwarded
parts test each line for forward markers, reply headers, attributions and quote marks;
a line (or a whole text) without the characters each of those needs is passed over
without the tests. Held here to the line tests themselves, on random lines built from
the characters that matter and on every line of the shipped sample archive.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from iscg_mailbot.parse.quote_headers import (
    forward_starts,
    is_outlook_header,
    quote_and_forwards,
    readable_text,
    unquoted_text,
)
from iscg_mailbot.parse.quote_lines import (
    SNIP,
    UNDERSCORE_RULE,
    Lines,
    attribution_span,
    is_forward_marker,
    is_original_message,
    is_quoted_line,
)

_ALPHABET = "On wrote:\uff1a->_[]<.\u2026 From Sent To Subject 2026 10:15 @a.b Forwarded message \t"
_LINE = st.text(alphabet=_ALPHABET, max_size=60)


def _without_colon_or_dash(line: str) -> bool:
    return ":" not in line and "-" not in line and "\uff1a" not in line


def _check_line(line: str, following: list[str]) -> None:
    lines = [line, *following]
    if _without_colon_or_dash(line):
        assert not is_forward_marker(line)
        assert not is_original_message(line)
        assert not is_outlook_header(lines, 0)
        assert not attribution_span(lines, 0)
        if "_" not in line:
            assert not UNDERSCORE_RULE.match(line)
    read = Lines(lines)
    assert read.marked == [is_quoted_line(x) for x in lines]
    assert read.snip == [bool(x.strip()) and bool(SNIP.match(x)) for x in lines]


@given(_LINE, st.lists(_LINE, max_size=6))
def test_skipped_lines_match_no_line_test(line: str, following: list[str]) -> None:
    _check_line(line, following)


def test_skipped_archive_lines_match_no_line_test(archive_lines: list[str]) -> None:
    for index, line in enumerate(archive_lines):
        _check_line(line, archive_lines[index + 1 : index + 8])
    assert any(is_quoted_line(x) for x in archive_lines)  # quotes were read


@given(st.lists(_LINE, max_size=12), st.booleans())
def test_text_without_marks_reads_as_it_is(lines: list[str], forwarded: bool) -> None:
    text = "\n".join(lines)
    if not any(mark in text for mark in (">", ":", "\uff1a")):
        assert unquoted_text(text, forwarded=forwarded) == readable_text(text, forwarded=forwarded)
        if "-" not in text and "_" not in text:
            assert readable_text(text, forwarded=forwarded) == text
            assert quote_and_forwards(Lines(lines), forwarded=forwarded) == (len(lines), [])


@given(st.lists(_LINE, max_size=12), st.booleans(), st.booleans())
def test_forward_starts_are_those_of_the_lines(
    lines: list[str], forwarded: bool, crlf: bool
) -> None:
    """Where forwarded messages start is read once with the sentences and kept: the
    same starts as reading the lines again (carriage returns and all)."""
    text = ("\r\n" if crlf else "\n").join(lines)
    unquoted_text(text, forwarded=forwarded)  # reads (and keeps) the quotes first
    expected = quote_and_forwards(Lines(text.split("\n")), forwarded=forwarded)[1]
    assert forward_starts(text, forwarded=forwarded) == expected


def test_forward_starts_of_a_forwarded_liaison() -> None:
    text = (
        "FYI, see below.\n\n---------- Forwarded message ---------\n"
        "From: TSB <tsb@itu.int>\nDate: Mon, 5 Oct 2026 10:15\nTo: x@y.org\n\n"
        "SG17 is invited to comment."
    )
    assert forward_starts(text, forwarded=False) == [2]
    assert "invited" in unquoted_text(text) and "tsb@itu.int" not in unquoted_text(text)
