"""The body of a ``multipart/*`` or ``message/*`` message read into the stdlib's parts.

The stdlib ``FeedParser`` reads a multipart body line by line: each line goes through
its line buffer and generator and is matched against the boundary pattern of every
multipart it is inside (~1 us a line), and it compiles a pattern for every boundary it
meets (~0.2 ms; boundaries are unique, so the ``re`` cache never holds them). A
multipart message cost it ~0.6 ms, most of a multipart message's parse.

:func:`read_parts` builds the same tree from offsets into the body text: the lines that
start with "--" are found once, at C speed, and a multipart's boundary lines are those
of them that start with its separator and end as the stdlib's pattern ends them; each
part is the text up to the next boundary line of its own multipart (or the end of the
enclosing part, where the stdlib's stack of boundary patterns stops it), its header
block read by :func:`~iscg_mailbot.parse.header_block.read_head`. The stdlib's rules
are kept one by one: the preamble and the line break it gives to the first boundary,
repeated boundary lines read as one, the line break before a boundary taken from the
part (or the epilogue of a multipart part) above it, the epilogue after a closing
boundary, ``multipart/digest`` parts read as ``message/rfc822`` by default, the defects
and their order. What it leaves to the stdlib (:class:`Unsupported`): a
``message/delivery-status`` part (blocks of headers split by empty lines), a container
part whose envelope line the header block gives back to its body, and parts nested
deeper than :data:`MAX_DEPTH`. ``tests/test_parse_mime.py`` compares every attribute of
every part with ``email.message_from_bytes``.
"""

from __future__ import annotations

import re
from email import errors
from email.message import Message
from typing import NamedTuple

from iscg_mailbot.parse.header_block import empty_line_end, read_head, without_line_break

#: Parts nested deeper than this are left to the stdlib parser (which recurses too).
MAX_DEPTH = 40
# What may follow the separator on a boundary line (the stdlib's boundary pattern after
# its separator): "--" for the closing one, blanks, then the end of the line.
_BOUNDARY_TAIL = re.compile(r"(--)?[ \t]*(\r\n|\r|\n|\Z)")
# Transfer encodings a multipart may declare without a defect (RFC 2045 6.4).
_MULTIPART_ENCODINGS = ("7bit", "8bit", "binary")
_DIGEST = "multipart/digest"


class Unsupported(Exception):
    """A body this reader leaves to the stdlib parser."""


class _Boundary(NamedTuple):
    start: int  # where the boundary line starts
    end: int  # where the line after it starts
    closing: bool  # the "--boundary--" line


def read_parts(message: Message, body: str) -> None:
    """Give ``message`` (headers read, a ``multipart/*`` or ``message/*`` type) the parts,
    payload, preamble, epilogue and defects the stdlib parser reads from ``body``.

    Raises :class:`Unsupported` (``message`` then half read) for what it leaves to the
    stdlib parser.

    >>> from iscg_mailbot.parse.header_block import read_head
    >>> message = read_head("Content-Type: multipart/mixed; boundary=b\\n\\n")[0]
    >>> read_parts(message, "preamble\\n--b\\n\\nHi\\n--b--\\n")
    >>> message.preamble, [part.get_payload() for part in message.get_payload()]
    ('preamble', ['Hi'])
    """
    _Reader(body).body(message, 0, len(body), 0)
    if message.get_content_maintype() == "multipart" and not message.is_multipart():
        message.defects.append(errors.MultipartInvariantViolationDefect())


class _Reader:
    """One message's body text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def part(self, start: int, stop: int, parent_type: str, depth: int) -> tuple[Message, Message]:
        """The part in ``text[start:stop]`` and the last message read in it (whose line
        break before the next boundary the stdlib takes away)."""
        if depth > MAX_DEPTH:
            raise Unsupported("nested too deep")
        text = self.text
        head_stop = empty_line_end(text, start, stop)
        if head_stop < 0:
            head_stop = stop
        message, rest = read_head(text[start:head_stop])
        if parent_type == _DIGEST:
            message.set_default_type("message/rfc822")
        if message.get_content_maintype() not in ("multipart", "message"):
            message.set_payload("".join(rest) + text[head_stop:stop])
            return message, message
        # The body of a container must be one piece of the text: the lines the header
        # loop gave back are those right above the end of the header block, unless an
        # envelope line was given back past the empty line.
        given_back = "".join(rest)
        body_start = head_stop - len(given_back)
        if not text.startswith(given_back, body_start):
            raise Unsupported("an envelope line given back to the body of a container")
        return message, self.body(message, body_start, stop, depth)

    def body(self, message: Message, start: int, stop: int, depth: int) -> Message:
        """Read ``text[start:stop]`` as the body of ``message``; the last message read."""
        content_type = message.get_content_type()
        if content_type == "message/delivery-status":
            raise Unsupported("message/delivery-status")
        if content_type.startswith("message/"):
            inner, last = self.part(start, stop, content_type, depth + 1)
            message.attach(inner)
            return last
        if content_type.startswith("multipart/"):
            self.multipart(message, content_type, start, stop, depth)
        else:
            message.set_payload(self.text[start:stop])
        return message

    def multipart(self, message: Message, content_type: str, start: int, stop: int,
                  depth: int) -> None:
        """Read ``text[start:stop]`` into the parts of ``message`` (``FeedParser._parsegen``
        for a multipart)."""
        text = self.text
        boundary = message.get_boundary()
        if boundary is None:
            message.defects.append(errors.NoBoundaryInMultipartDefect())
            message.set_payload(text[start:stop])
            return
        encoding = str(message.get("content-transfer-encoding", "8bit")).lower()
        if encoding not in _MULTIPART_ENCODINGS:
            message.defects.append(errors.InvalidMultipartContentTransferEncodingDefect())
        lines = self.boundaries("--" + boundary, start, stop)
        if not lines or lines[0].closing:
            message.defects.append(errors.StartBoundaryNotFoundDefect())
            message.set_payload(text[start : lines[0].start if lines else stop])
            message.epilogue = ""
            return
        if lines[0].start > start:  # the line break before a boundary is the boundary's
            message.preamble = without_line_break(text[start : lines[0].start])
        index = 0
        while True:
            # lines[index] starts a part; boundary lines right after it are skipped.
            part_start = lines[index].end
            index += 1
            while index < len(lines) and lines[index].start == part_start:
                part_start = lines[index].end
                index += 1
            part_stop = lines[index].start if index < len(lines) else stop
            part, last = self.part(part_start, part_stop, content_type, depth + 1)
            message.attach(part)
            _drop_line_break(last)
            if index == len(lines):
                message.defects.append(errors.CloseBoundaryNotFoundDefect())
                return
            if lines[index].closing:
                message.epilogue = text[lines[index].end : stop]
                return

    def boundaries(self, separator: str, start: int, stop: int) -> list[_Boundary]:
        """The lines of ``text[start:stop]`` the stdlib's boundary pattern for
        ``separator`` matches, in order (none where the separator spans a line break).

        A line starts the text or follows a line end, so its separator is found by
        ``str.find`` with the line end in front (a long needle: the scan skips ahead).
        """
        text = self.text
        found: list[_Boundary] = []
        if "\n" in separator or "\r" in separator:
            return found  # the stdlib matches it against one line at a time
        lines = [start] if text.startswith(separator, start, stop) else []
        for line_end in ("\n", "\r"):
            needle = line_end + separator
            at = text.find(needle, start, stop)
            while at != -1:
                lines.append(at + 1)
                at = text.find(needle, at + 1, stop)
        if lines and "\r" + separator in text:
            lines.sort()  # CR line ends: the two scans interleave
        for line in lines:
            tail = _BOUNDARY_TAIL.match(text, line + len(separator))
            if tail is not None:
                found.append(_Boundary(line, tail.end(), tail.group(1) is not None))
        return found


def _drop_line_break(last: Message) -> None:
    """The stdlib's hand-over of the line break before a boundary: it is the boundary's,
    so it leaves the payload (or the epilogue, of a multipart) of the last message read."""
    if last.get_content_maintype() == "multipart":
        epilogue = last.epilogue
        if epilogue == "":
            last.epilogue = None
        elif epilogue is not None:
            last.epilogue = without_line_break(epilogue)
        return
    payload = last._payload  # type: ignore[attr-defined]
    if isinstance(payload, str):
        last._payload = without_line_break(payload)  # type: ignore[attr-defined]

