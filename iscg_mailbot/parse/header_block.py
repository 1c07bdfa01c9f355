"""A message's header block read as the stdlib ``FeedParser`` reads it, without its line loop.

The stdlib parser passes every line through a line buffer and a generator (~1 us a
line); ITU and 3GPP mail carries 60-70 header lines. These are the parser's header loop
and its ``_parse_headers`` (compat32) over a block of text: same names, values, envelope
line and defects, in order. :mod:`iscg_mailbot.parse.mime` reads a message's headers
here, :mod:`iscg_mailbot.parse.multipart` those of each part.
"""

from __future__ import annotations

import re
from email import errors
from email.message import Message
from email.policy import compat32
from io import StringIO

_LINE_ENDS = ("\r", "\n")
_LINE_BREAKS = ("\r\n", "\r", "\n")
# The stdlib parser's test for a header line (email.feedparser.headerRE): an envelope
# line, a field name and colon, or a continuation.
_HEADER_LINE = re.compile(r"^(From |[\041-\071\073-\176]*:|[\t ])")
# The end of a line and the start of an empty one after it, those with a CR first.
_CR_FIRST = ("\n\r", "\r\r", "\n\n")
# Where a field of a plain header block starts: a line break not followed by the blank
# that opens a continuation line (a literal first character, so the split runs at C speed).
_FIELD_START_LF = re.compile(r"\n(?![ \t])")
_FIELD_START_CRLF = re.compile(r"\r\n(?![ \t])")


def head_end(text: str) -> int:
    """The end of the first empty line, where the headers end at the latest; 0 if none.

    Lines end as the stdlib parser ends them (CRLF, CR or LF), so an empty line starts
    right after an LF or a CR not followed by LF, with a CR or an LF: it is found by
    the first "\\n\\n", "\\n\\r" or "\\r\\r". An empty first line counts as none.

    >>> head_end("Subject: a\\n\\nBody"), head_end("\\nBody"), head_end("Subject: a\\n")
    (12, 0, 0)
    """
    if text[:1] in _LINE_ENDS:
        return 0
    return max(empty_line_end(text, 0, len(text)), 0)


def empty_line_end(text: str, start: int, stop: int) -> int:
    """The end of the first empty line in ``text[start:stop]`` (which starts a line and
    ends one, or the text); -1 if there is none. An empty first line counts.

    >>> empty_line_end("a: 1\\r\\n\\r\\nb", 0, 9), empty_line_end("\\nx", 0, 2)
    (8, 1)
    >>> empty_line_end("a: 1\\n\\n", 0, 5)
    -1
    """
    if text.startswith(_LINE_ENDS, start, stop):
        return start + (2 if text.startswith("\r\n", start, stop) else 1)
    # The pairs are looked for in an order that keeps each scan to the header block:
    # with no CR in the text (one fast scan says so) only "\n\n" can start it; with CRs
    # (CRLF mail, where "\n\n" would be looked for through the whole body) those first.
    first = stop
    cr = text.find("\r", start, stop)
    for pair in ("\n\n",) if cr == -1 else _CR_FIRST:
        begin = start if pair == "\n\n" else max(start, cr - 1)  # a pair with a CR
        found = text.find(pair, begin, min(first + 1, stop))
        if found != -1:
            first = found
    if first == stop:
        return -1
    return first + (3 if text.startswith("\r\n", first + 1, stop) else 2)


def read_head(head: str) -> tuple[Message, list[str]]:
    """A message with the headers of ``head`` as the stdlib ``FeedParser`` reads them,
    and the lines it leaves for the body.

    ``head`` ends with an empty line, or is all there is of the part. This is the
    parser's header loop, then its ``_parse_headers`` (compat32), without the generator
    and line buffer the parser puts around every line: same names, values, envelope line
    and defects, in order.
    """
    fields = _plain_fields(head)
    if fields is not None:
        # Most header blocks: (name, value) pairs at C speed, all the loop would find.
        message = Message(policy=compat32)
        vars(message)["_headers"] = fields
        return message, []
    return _read_lines(head)


def _plain_fields(head: str) -> list[tuple[str, str]] | None:
    """The fields of ``head`` when it is plain fields only (no envelope line, nameless
    field, continuation first or other line; one kind of line end), then the empty line.

    A field is a line "name:value" (the name printable ASCII without spaces, the blanks
    after the colon not the value's) and the continuation lines below it (starting with
    a space or a tab; each line end between them stays in the value). The block is cut
    where a line does not start with a blank, by one split at C speed, and each piece is
    cut at its first colon: no pattern walks the values character by character (a
    header block of list mail is ~4 KB, most of it Received and DKIM values).
    """
    if "\r" in head:
        end, starts = "\r\n", _FIELD_START_CRLF
        breaks = head.count("\n")
        if head.count("\r") != breaks or head.count(end) != breaks:
            return None  # a line ended by a lone CR or LF
    else:
        end, starts = "\n", _FIELD_START_LF
    if not head.endswith(end + end) or head[:1] in " \t":
        return None  # no empty line at the end, or a continuation line first
    pieces = starts.split(head)
    del pieces[-2:]  # the empty line: "" before its line end and "" after it
    fields = [piece.partition(":") for piece in pieces]
    names = [name for name, _, _ in fields]
    joined = "".join(names)
    if (not fields or "" in names or " " in joined or not joined.isascii()
            or not joined.isprintable()
            or len("".join([colon for _, colon, _ in fields])) != len(fields)):
        return None  # an empty name, a name with a blank, line end or other character, no colon
    return [(name, value.lstrip(" \t")) for name, _, value in fields]


def _read_lines(head: str) -> tuple[Message, list[str]]:
    """:func:`read_head` line by line, for any header block."""
    message = Message(policy=compat32)
    lines = StringIO(head, newline="").readlines()
    stop = len(lines)
    for index, line in enumerate(lines):
        if not _HEADER_LINE.match(line):
            stop = index
            break
    if stop < len(lines) and lines[stop] not in _LINE_BREAKS:
        # No empty line after the headers: the line that ended them is the body's.
        message.defects.append(errors.MissingHeaderBodySeparatorDefect())
        rest = lines[stop:]
    else:
        rest = lines[stop + 1 :]
    pushed_back = _read_fields(message, lines, stop)
    return message, ([pushed_back, *rest] if pushed_back is not None else rest)


def _read_fields(message: Message, lines: list[str], stop: int) -> str | None:
    """``FeedParser._parse_headers`` on ``lines[:stop]``; returns the last line when it is
    an envelope line, which goes back to the body, else None."""
    defects = message.defects
    start = -1  # the first line of the field being read
    for index in range(stop):
        line = lines[index]
        if line[0] in " \t":  # a continuation line
            if start < 0:
                defects.append(errors.FirstHeaderLineIsContinuationDefect(line))
            continue
        if start >= 0:
            message.set_raw(*_field(lines, start, index))
            start = -1
        if line.startswith("From "):
            if index == 0:
                message.set_unixfrom(without_line_break(line))
            elif index == stop - 1:
                return line
            else:
                defects.append(errors.MisplacedEnvelopeHeaderDefect(line))
            continue
        if line[0] == ":":
            defects.append(errors.InvalidHeaderDefect("Missing header name."))
            continue
        start = index
    if start >= 0:
        message.set_raw(*_field(lines, start, stop))
    return None


def _field(lines: list[str], start: int, end: int) -> tuple[str, str]:
    """``compat32.header_source_parse``: a field's name and raw value from its lines."""
    name, value = lines[start].split(":", 1)
    value = value.lstrip(" \t")
    if end - start > 1:
        value += "".join(lines[start + 1 : end])
    return name, value.rstrip("\r\n")


def without_line_break(line: str) -> str:
    """``line`` without the one line break it ends with, if any (CRLF first).

    >>> without_line_break("a\\r\\n"), without_line_break("a\\n\\r"), without_line_break("a")
    ('a', 'a\\n', 'a')
    """
    for end in _LINE_BREAKS:  # CRLF first
        if line.endswith(end):
            return line[: -len(end)]
    return line
