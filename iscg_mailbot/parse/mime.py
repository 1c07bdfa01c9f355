"""The stdlib ``compat32`` message tree, built and read without repeated work.

Parsing is the costliest step of ingest after analysis, and most of it was the stdlib
parser itself (see ``bench/parse.py``), which passes every line through a line buffer
and a generator (~1 us a line; ITU and 3GPP mail carries 60-70 header lines) and, in a
multipart body, matches each line against a boundary pattern it compiles per message.
So a message's header block is read by :mod:`~iscg_mailbot.parse.header_block` and its
body taken whole, or, for ``multipart/*`` and ``message/*``, read into parts by
:mod:`~iscg_mailbot.parse.multipart` (the stdlib parser reads what that leaves, fed in
one piece); and a part's charset parameter, which both the header and the body decoding
ask for and which the stdlib re-parses from the Content-Type header at every call, is
read once per part. ``tests/test_parse_mime.py`` and ``tests/test_parse_multipart.py``
check the tree is the stdlib's, attribute by attribute.
"""

from __future__ import annotations

import binascii
import quopri
import re
from email.feedparser import FeedParser
from email.message import Message
from email.policy import compat32
from itertools import pairwise

from iscg_mailbot.parse.header_block import head_end, read_head
from iscg_mailbot.parse.multipart import Unsupported, read_parts

# Where a part keeps its charset once read: (readable, charset). An attribute on the
# part itself, so the memo lives exactly as long as the parse that made the part.
_CHARSET_MEMO = "_iscg_charset"
_TYPE_MEMO = "_iscg_content_type"
_FIELDS_MEMO = "_iscg_fields"
# A Content-Type value the stdlib's parameter reader takes apart by plain ";" and "="
# splitting (when each piece holds whole quoted strings): ASCII, no escapes, RFC 2231
# stars or angle brackets to undo.
_PLAIN_PARAMETERS = re.compile(r'[^\\*<>\x80-\U0010ffff]*')
#: Main types the stdlib parser reads a body of parts from, rather than as one payload.
_CONTAINERS = ("multipart", "message")
# Transfer encodings get_payload(decode=True) decodes besides quoted-printable.
_STDLIB_DECODED = frozenset({"base64", "x-uuencode", "uuencode", "uue", "x-uue"})
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
    end = head_end(text)
    if 0 < end < len(text):
        message, rest = read_head(text[:end])
        # The body: the lines of the head the headers did not take, then the rest.
        pieces = [*rest, text[end:]]
        body = "".join(pieces)
        if not _may_hold_parts(text[:end]) or message.get_content_maintype() not in _CONTAINERS:
            # The stdlib parser puts every line after the headers into the payload.
            message.set_payload(body)
            return message
        if not _joins_a_line_break(pieces):
            return _with_parts(message, body)
    parser: FeedParser[Message] = FeedParser(Message, policy=compat32)
    parser.feed(text)
    return parser.close()


def _joins_a_line_break(pieces: list[str]) -> bool:
    """True when joining ``pieces`` makes one CRLF of a piece's lone CR and the next
    one's LF. The stdlib parser reads its parts from those lines as two (an envelope
    line "From ...\\r" that the header block gave back to the body, then the rest,
    which starts with an empty line "\\n"); the parts reader, given the joined text,
    would read one line, so such a message is left to the stdlib parser.

    >>> _joins_a_line_break(["From a\\r", "\\nx\\n"]), _joins_a_line_break(["From a\\r\\n", "\\nx"])
    (True, False)
    """
    return any(a.endswith("\r") and b.startswith("\n") for a, b in pairwise(pieces))


def _may_hold_parts(head: str) -> bool:
    """False when no field of ``head`` can give a ``multipart/*`` or ``message/*`` type
    (one scan of the text, where the stdlib looks the field up among all the fields)."""
    lowered = head.lower()
    return "multipart/" in lowered or "message/" in lowered


def _with_parts(message: Message, body: str) -> Message:
    """``message`` (headers read) with ``body`` read into parts as the stdlib parser reads
    them: by :func:`~iscg_mailbot.parse.multipart.read_parts`, else by the parser itself.

    The parser reads a body by the two fields it asks of a message, its first
    Content-Type and Content-Transfer-Encoding; it is given those alone above the body
    rather than the whole header block again, and the message it returns takes the
    real fields, envelope line and header defects (which come first, as there).
    """
    header_defects = list(message.defects)
    try:
        read_parts(message, body)
    except Unsupported:
        message.defects[:] = header_defects
    else:
        return message
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


def first_fields(part: Message) -> dict[str, str]:
    """Lower-case field name -> the first raw value of that field, read once per part.

    >>> sorted(first_fields(read_message(b"Subject: a\\nSUBJECT: b\\nTo: x\\n\\nbody")).items())
    [('subject', 'a'), ('to', 'x')]
    """
    memo: dict[str, str] | None = part.__dict__.get(_FIELDS_MEMO)
    if memo is None:
        memo = {}
        for name, value in part.raw_items():
            memo.setdefault(name.lower(), value)
        part.__dict__[_FIELDS_MEMO] = memo
    return memo


def remember_first_fields(part: Message, values: dict[str, list[str]]) -> None:
    """Give :func:`first_fields` of ``part`` from ``values`` (lower-case name -> every raw
    value, in order, as the message stage groups them), rather than another pass over
    the fields. The names need no stripping: every reader of a header block (this
    package's and the stdlib's) takes a name of printable ASCII without blanks.
    """
    if _FIELDS_MEMO not in part.__dict__:
        part.__dict__[_FIELDS_MEMO] = {name: found[0] for name, found in values.items()}


def content_type(part: Message) -> str:
    """``part.get_content_type()``, read once per part: the stdlib looks the header up
    among all of the part's fields at every call, and the body walk asks several times.

    >>> content_type(read_message(b"Content-Type: Text/HTML; charset=utf-8\\n\\nx"))
    'text/html'
    """
    memo: str | None = part.__dict__.get(_TYPE_MEMO)
    if memo is None:
        memo = part.__dict__[_TYPE_MEMO] = _read_content_type(part)
    return memo


def _read_content_type(part: Message) -> str:
    """``part.get_content_type()`` from the fields already read (:func:`first_fields`)."""
    value = _content_type(part)
    if value is None:
        return part.get_default_type()
    if not value.isascii():  # the stdlib reads it through an email.header.Header
        return part.get_content_type()
    found = value.partition(";")[0].strip().lower()
    return found if found.count("/") == 1 else "text/plain"


def decoded_payload(part: Message) -> object:
    """``part.get_payload(decode=True)``; for an ASCII payload, from the first
    Content-Transfer-Encoding value as :func:`first_fields` read it, without the stdlib's
    look-up of the field among all of the part's fields.

    >>> decoded_payload(read_message(b"Content-Transfer-Encoding: Quoted-Printable\\n\\na=3Db"))
    b'a=b'
    """
    payload = vars(part).get("_payload")
    if isinstance(payload, str) and payload.isascii():
        encoding = first_fields(part).get("content-transfer-encoding") or ""
        if encoding.isascii():  # else the stdlib reads it through an email.header.Header
            encoding = encoding.lower()
            if encoding == "quoted-printable":
                return quopri.decodestring(payload.encode("ascii"))
            if encoding not in _STDLIB_DECODED:
                return payload.encode("ascii")
    return part.get_payload(decode=True)


def ascii_payload(part: Message) -> str | None:
    """The payload of a leaf ``part`` when it is ASCII text that no transfer encoding
    changes (7bit, 8bit, none...): what the body walk's payload bytes decode to in any
    ASCII-compatible charset, with no copy to bytes and back. None otherwise (base64, as
    the walk reads it leniently; quoted-printable, uuencode; 8-bit text; a container).

    >>> ascii_payload(read_message(b"Content-Transfer-Encoding: 7bit\\n\\nHi")), ascii_payload(
    ...     read_message(b"Content-Transfer-Encoding: base64\\n\\nSGk="))
    ('Hi', None)
    """
    payload = vars(part).get("_payload")
    if not isinstance(payload, str) or not payload.isascii():
        return None
    encoding = first_fields(part).get("content-transfer-encoding") or ""
    if not encoding.isascii():
        return None
    encoding = encoding.lower()
    if (encoding == "quoted-printable" or encoding in _STDLIB_DECODED
            or encoding.strip().strip(";").strip() == "base64"):
        return None
    return payload


def lenient_base64(raw: bytes) -> bytes:
    """Base64 decoded leniently: stray characters skipped, padding made good, b"" if hopeless."""
    compact = re.sub(rb"[^A-Za-z0-9+/]", b"", without_padding(raw))
    compact = compact[: len(compact) - len(compact) % 4 if len(compact) % 4 == 1 else None]
    try:
        return binascii.a2b_base64(compact + b"=" * (-len(compact) % 4))
    except binascii.Error:
        return b""


def without_padding(data: bytes) -> bytes:
    """``data`` without the "=" padding (and the white space after it) that ends it.

    What ``re.sub(rb"=+\\s*$", b"", data)`` gives, without a pattern tried at every
    "=" of a megabyte attachment.
    """
    stripped = data.rstrip()
    return stripped.rstrip(b"=") if stripped.endswith(b"=") else data


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
