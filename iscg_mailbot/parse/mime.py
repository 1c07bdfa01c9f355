"""The stdlib ``compat32`` message tree, built and read without repeated work.

Parsing is the costliest step of ingest after analysis, and most of it is the stdlib
parser itself (see ``bench/parse.py``). Three things here shave what the stdlib would do
for us at greater cost: the bytes are fed to the parser in one piece (``message_from_bytes``
feeds 8 KB chunks, each a round of the parser's generator); a message that is not
``multipart/*`` or ``message/*`` (most list mail) has its header block read here and its
body taken whole, where the parser passes every line of both through a line buffer and a
generator (the stdlib's ~1 us a line is most of a list message's parse: ITU and 3GPP
mail carries 60-70 header lines); and a part's charset parameter, which both the header
and the body decoding ask for and which the stdlib re-parses from the Content-Type
header at every call, is read once per part. ``tests/test_parse_mime.py`` checks the
tree is the stdlib's, attribute by attribute.
"""

from __future__ import annotations

import re
from email import errors
from email.feedparser import FeedParser
from email.message import Message
from email.policy import compat32
from io import StringIO

# Where a part keeps its charset once read: (readable, charset). An attribute on the
# part itself, so the memo lives exactly as long as the parse that made the part.
_CHARSET_MEMO = "_iscg_charset"
_TYPE_MEMO = "_iscg_content_type"
_FIELDS_MEMO = "_iscg_fields"
# A Content-Type value the stdlib's parameter reader takes apart by plain ";" and "="
# splitting (when each piece holds whole quoted strings): ASCII, no escapes, RFC 2231
# stars or angle brackets to undo.
_PLAIN_PARAMETERS = re.compile(r'[^\\*<>\x80-\U0010ffff]*')
_LINE_ENDS = ("\r", "\n")
_LINE_BREAKS = ("\r\n", "\r", "\n")
# The stdlib parser's test for a header line (email.feedparser.headerRE): an envelope
# line, a field name and colon, or a continuation.
_HEADER_LINE = re.compile(r"^(From |[\041-\071\073-\176]*:|[\t ])")
# The end of a line and the start of an empty one after it.
_EMPTY_LINE_STARTS = ("\n\n", "\n\r", "\r\r")
#: Main types the stdlib parser reads a body of parts from, rather than as one payload.
_CONTAINERS = ("multipart", "message")
# The fields the stdlib parser reads of a message to read its body into parts.
_BODY_FIELDS = ("content-type", "content-transfer-encoding")


def read_message(data: bytes) -> Message:
    """``email.message_from_bytes(data)`` (compat32): the same tree, built in one feed.

    A message that is not ``multipart/*`` or ``message/*`` (most list mail) has its
    header block parsed alone: its body is the rest of the text, exactly what the
    stdlib parser would make of it line by line.

    >>> read_message(b"Subject: Hi\\n\\nBody\\n").get_payload()
    'Body\\n'
    """
    text = data.decode("ascii", "surrogateescape")
    end = _head_end(text)
    if 0 < end < len(text):
        message, rest = _read_head(text[:end])
        # The body: the lines of the head the headers did not take, then the rest.
        body = "".join(rest) + text[end:]
        if message.get_content_maintype() not in _CONTAINERS:
            # The stdlib parser puts every line after the headers into the payload.
            message.set_payload(body)
            return message
        return _with_parts(message, body)
    parser: FeedParser[Message] = FeedParser(Message, policy=compat32)
    parser.feed(text)
    return parser.close()


def _with_parts(message: Message, body: str) -> Message:
    """``message`` (headers read) with ``body`` read into parts by the stdlib parser.

    The parser reads a body by the two fields it asks of a message, its first
    Content-Type and Content-Transfer-Encoding; it is given those alone above the body
    rather than the whole header block again, and the message it returns takes the
    real fields, envelope line and header defects (which come first, as there).
    """
    fields = "".join(f"{name}:{value}\n" for name, value in _first_fields(message, _BODY_FIELDS))
    parser: FeedParser[Message] = FeedParser(Message, policy=compat32)
    parser.feed(f"{fields}\n{body}")
    root = parser.close()
    vars(root)["_headers"] = vars(message)["_headers"]
    root.set_unixfrom(message.get_unixfrom())  # type: ignore[arg-type]
    root.defects[:0] = message.defects
    return root


def _first_fields(message: Message, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """The first field of each of ``names`` (lower case), in the order of the message."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name, value in message.raw_items():
        key = name.lower()
        if key in names and key not in seen:
            seen.add(key)
            found.append((name, value))
    return found


def _head_end(text: str) -> int:
    """The end of the first empty line, where the headers end at the latest; 0 if none.

    Lines end as the stdlib parser ends them (CRLF, CR or LF), so an empty line starts
    right after an LF or a CR not followed by LF, with a CR or an LF: it is found by
    the first "\\n\\n", "\\n\\r" or "\\r\\r". An empty first line counts as none.
    """
    if text[:1] in _LINE_ENDS:
        return 0
    first = len(text)
    for pair in _EMPTY_LINE_STARTS:
        found = text.find(pair, 0, first + 1)
        if found != -1:
            first = found
    if first == len(text):
        return 0
    return first + (3 if text.startswith("\r\n", first + 1) else 2)


def _read_head(head: str) -> tuple[Message, list[str]]:
    """A message with the headers of ``head`` as the stdlib ``FeedParser`` reads them,
    and the lines it leaves for the body.

    ``head`` ends with an empty line. This is the parser's header loop, then its
    ``_parse_headers`` (compat32), without the generator and line buffer the parser
    puts around every line: same names, values, envelope line and defects, in order.
    """
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
                message.set_unixfrom(_without_line_break(line))
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


def _without_line_break(line: str) -> str:
    for end in _LINE_BREAKS:  # CRLF first
        if line.endswith(end):
            return line[: -len(end)]
    return line


def first_fields(part: Message) -> dict[str, str]:
    """Lower-case field name -> the first raw value of that field, read once per part.

    >>> first_fields(read_message(b"Subject: a\\nSUBJECT: b\\nTo: x\\n\\nbody"))
    {'subject': 'a', 'to': 'x'}
    """
    memo: dict[str, str] | None = part.__dict__.get(_FIELDS_MEMO)
    if memo is None:
        memo = {}
        for name, value in part.raw_items():
            memo.setdefault(name.lower(), value)
        part.__dict__[_FIELDS_MEMO] = memo
    return memo


def content_type(part: Message) -> str:
    """``part.get_content_type()``, read once per part: the stdlib looks the header up
    among all of the part's fields at every call, and the body walk asks several times.

    >>> content_type(read_message(b"Content-Type: Text/HTML; charset=utf-8\\n\\nx"))
    'text/html'
    """
    memo: str | None = part.__dict__.get(_TYPE_MEMO)
    if memo is None:
        memo = part.__dict__[_TYPE_MEMO] = part.get_content_type()
    return memo


def content_charset(part: Message) -> tuple[bool, str | None]:
    """``(True, part.get_content_charset())``, or ``(False, None)`` where reading it raises.

    >>> content_charset(read_message(b"Content-Type: text/plain; charset=UTF-8\\n\\nx"))
    (True, 'utf-8')
    """
    memo: tuple[bool, str | None] | None = part.__dict__.get(_CHARSET_MEMO)
    if memo is None:
        memo = _read_charset(part)
        part.__dict__[_CHARSET_MEMO] = memo
    return memo


def _read_charset(part: Message) -> tuple[bool, str | None]:
    value = _content_type(part)
    if value is None:
        return True, None
    pieces = value.split(";") if _PLAIN_PARAMETERS.fullmatch(value) else []
    if all(piece.count('"') % 2 == 0 for piece in pieces):
        # What get_content_charset() computes here, without its general parameter
        # reader (escapes, RFC 2231), which costs more than the rest of a part. Like it,
        # the first piece counts too (a bare "charset=utf-8" value).
        for piece in pieces:
            name, _, setting = piece.partition("=")
            if name.strip().lower() == "charset":
                return True, _unquoted(setting.strip()).lower()
        if pieces:
            return True, None
    try:
        return True, part.get_content_charset()
    except (LookupError, ValueError, UnicodeError):
        return False, None


def _unquoted(value: str) -> str:
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] == '"' else value


def _content_type(part: Message) -> str | None:
    """The first Content-Type value as the parser stored it (``Message.get`` without the
    wrapping of 8-bit values)."""
    return first_fields(part).get("content-type")
