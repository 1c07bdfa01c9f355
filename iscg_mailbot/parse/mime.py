"""The stdlib ``compat32`` message tree, built and read without repeated work.

Parsing is the costliest step of ingest after analysis, and most of it is the stdlib
parser itself (see ``bench/parse.py``). Two things here shave what the stdlib would do
more than once for us: the bytes are fed to the parser in one piece (``message_from_bytes``
feeds 8 KB chunks, each a round of the parser's generator), and a part's charset
parameter, which both the header and the body decoding ask for and which the stdlib
re-parses from the Content-Type header at every call, is read once per part.
"""

from __future__ import annotations

import re
from email.feedparser import FeedParser
from email.message import Message
from email.policy import compat32

# Where a part keeps its charset once read: (readable, charset). An attribute on the
# part itself, so the memo lives exactly as long as the parse that made the part.
_CHARSET_MEMO = "_iscg_charset"
# A Content-Type value the stdlib's parameter reader takes apart by plain ";" and "="
# splitting (when each piece holds whole quoted strings): ASCII, no escapes, RFC 2231
# stars or angle brackets to undo.
_PLAIN_PARAMETERS = re.compile(r'[^\\*<>\x80-\U0010ffff]*')


def read_message(data: bytes) -> Message:
    """``email.message_from_bytes(data)`` (compat32): the same tree, built in one feed.

    >>> read_message(b"Subject: Hi\\n\\nBody\\n").get_payload()
    'Body\\n'
    """
    parser: FeedParser[Message] = FeedParser(Message, policy=compat32)
    parser.feed(data.decode("ascii", "surrogateescape"))
    return parser.close()


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
    for name, value in part.raw_items():
        if name.lower() == "content-type":
            return value
    return None
