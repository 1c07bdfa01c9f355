"""The stdlib ``compat32`` message tree, built and read without repeated work.

Parsing is the costliest step of ingest after analysis, and most of it is the stdlib
parser itself (see ``bench/parse.py``). Two things here shave what the stdlib would do
more than once for us: the bytes are fed to the parser in one piece (``message_from_bytes``
feeds 8 KB chunks, each a round of the parser's generator), and a part's charset
parameter, which both the header and the body decoding ask for and which the stdlib
re-parses from the Content-Type header at every call, is read once per part.
"""

from __future__ import annotations

from email.feedparser import FeedParser
from email.message import Message
from email.policy import compat32

# Where a part keeps its charset once read: (readable, charset). An attribute on the
# part itself, so the memo lives exactly as long as the parse that made the part.
_CHARSET_MEMO = "_iscg_charset"


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
        try:
            memo = (True, part.get_content_charset())
        except (LookupError, ValueError, UnicodeError):
            memo = (False, None)
        part.__dict__[_CHARSET_MEMO] = memo
    return memo
