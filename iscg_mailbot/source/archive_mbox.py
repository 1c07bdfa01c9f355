"""Cut an mbox file into messages by searching blocks of it, not reading it line by line.

Only the lines that start with ``From `` can end a message (see
:mod:`iscg_mailbot.source.archive_split` for which of them do), so the file is read in
blocks of :data:`BLOCK` bytes and searched for ``\\nFrom ``; a message is a slice of the
block, ``>From`` lines unquoted with one substitution. Reading the 20,000 messages of
``bench/e2e.py``'s corpus (132 MB) line by line cost ~2.5 s of the importing process's
CPU, and ``import`` reads the file twice (the progress bar counts the messages first).
The result is what the line-by-line reading gave, byte for byte
(``tests/test_source_archive.py`` compares both on generated files). A message is never
held twice: a block holds the message being cut and what follows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

#: Bytes read at a time.
BLOCK = 1 << 20

# "From sender" optionally followed by an asctime or RFC 5322 date.
FROM_LINE = re.compile(rb"From (?P<sender>\S+)(?:[ \t]+(?P<rest>[^\r\n]*?))?[ \t]*\r?\n?\Z")
TIME_OF_DAY = re.compile(rb"\b\d{1,2}:\d{2}\b")
# A complete asctime-style envelope date ("Thu Dec  3 06:42:30 2026", a zone allowed
# before the year): with it, a From_ line after a blank line is an envelope even when
# no header follows it. "From Geneva at 10:00 we go" is not one.
_ENVELOPE_DATE = re.compile(
    rb"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[ \t]+"
    rb"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ \t]+\d{1,2}[ \t]+"
    rb"\d{1,2}:\d{2}(?::\d{2})?[ \t]+(?:[A-Za-z]{1,5}[ \t]+|[+-]\d{4}[ \t]+)?\d{4}\b"
)
# A header field name as mail software writes them (a stricter subset of RFC 5322 ftext,
# so that lines such as "<ftp://host/path>" are not taken for fields).
HEADER_FIELD = re.compile(rb"(?P<name>[A-Za-z0-9][A-Za-z0-9_.-]*)[ \t]*:")
# One ">" of a ">From " line goes (mboxrd unquoting); lines start after each b"\n".
_QUOTED_FROM_LINE = re.compile(rb"^>(>*From )", re.MULTILINE)


@dataclass
class Chunk:
    """One message as split from an archive file: its lines and its envelope line.

    (The mbox splitter gives the whole message as one "line": only their join is read.)
    """

    lines: list[bytes]
    envelope: bytes | None = None


def is_envelope(line: bytes, next_line: bytes | None, *, after_blank: bool = True) -> bool:
    """Whether a ``From `` line inside an archive is an envelope line, not body text.

    It must read ``From <sender>`` alone or followed by something with a time of day,
    and the next line must be a header field: "From Russia with love" is body text. Or
    it follows a blank line and carries a full envelope date, whatever comes next (a
    message written by ``mailbox.mbox`` that starts with its body or a blank line).
    """
    header_next = next_line is not None and HEADER_FIELD.match(next_line) is not None
    match = FROM_LINE.match(line)
    if match is None:
        return False
    rest = match["rest"]
    if header_next:
        return not rest or TIME_OF_DAY.search(rest) is not None
    return after_blank and rest is not None and _ENVELOPE_DATE.search(rest) is not None


def is_header_from(line: bytes, next_line: bytes | None) -> bool:
    """A ``From :`` header field (space before the colon) followed by another field."""
    match = HEADER_FIELD.match(line) if line.startswith(b"From ") else None
    return (
        match is not None
        and match["name"].lower() == b"from"
        and next_line is not None
        and HEADER_FIELD.match(next_line) is not None
    )


def _message(body: bytes, envelope: bytes | None) -> Chunk:
    """The chunk of a message: without the blank line writers add after each message
    (its last line when that is exactly "\\n" or "\\r\\n"), ``>From`` unquoted."""
    if body.endswith(b"\n\n") or body == b"\n":
        body = body[:-1]
    elif body.endswith(b"\n\r\n") or body == b"\r\n":
        body = body[:-2]
    if b">From " in body:
        body = _QUOTED_FROM_LINE.sub(rb"\1", body)
    return Chunk([body] if body else [], envelope)


class _Window:
    """The part of the file being searched: from the first line of the message being cut
    to the end of the last block read."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.data = b""
        self.eof = False

    def more(self, keep: int) -> int:
        """Read the next block, dropping the bytes before ``keep``; return how many were
        dropped (positions move down by that much)."""
        block = self.fh.read(BLOCK)
        if not block:
            self.eof = True
            return 0
        self.data = self.data[keep:] + block
        return keep


def split_mbox(fh: BinaryIO) -> Iterator[Chunk]:
    """mbox from the current position of ``fh``, which is at an envelope line (the
    caller skipped a BOM and blank lines): a message starts at each envelope line and
    at a ``From :`` header after a blank line; ``>From`` loses one ``>``."""
    window = _Window(fh)
    while not window.eof and b"\n" not in window.data:
        window.more(0)
    data = window.data
    first = data.find(b"\n") + 1 or len(data)
    envelope: bytes | None = data[:first]
    start, body, search = 0, first, first - 1  # the message's first line, its body, search
    while True:
        found = data.find(b"\nFrom ", search)
        if found >= 0:
            line_start = found + 1
            line_end = data.find(b"\n", line_start) + 1
            next_end = data.find(b"\n", line_end) + 1 if line_end else 0
            if next_end or window.eof:
                line_end = line_end or len(data)
                line = data[line_start:line_end]
                following = None if line_end == len(data) else data[
                    line_end:next_end or len(data)]
                previous = data[data.rfind(b"\n", 0, found) + 1:line_start]
                after_blank = not previous.strip()
                if is_envelope(line, following, after_blank=after_blank):
                    yield _message(data[body:line_start], envelope)
                    envelope, start, body = line, line_start, line_end
                elif after_blank and is_header_from(line, following):
                    # "From  : Ann <ann@example.org>" after a blank line: a message whose
                    # writer left out the envelope line (mailbox.mbox takes this line for
                    # one). It starts a message, and the line is kept as its From header.
                    yield _message(data[body:line_start], envelope)
                    envelope, start, body = None, line_start, line_start
                search = line_end - 1
                continue
        elif window.eof:
            yield _message(data[body:], envelope)
            return
        else:
            search = max(search, len(data) - 5)  # a "\nFrom " cut by the block's end
        dropped = window.more(start)
        data = window.data
        start, body, search = start - dropped, body - dropped, search - dropped
