"""Cut an archive file (mbox, MMDF, or messages that start at a header) into messages.

Why a hand-written splitter rather than ``mailbox.mbox``: the stdlib class splits on
*every* line that starts with ``From `` (so an unescaped "From Russia with love" in a
body starts a new message), silently drops everything before the first ``From_`` line
(a UTF-8 BOM hides the first message), does not undo ``>From`` quoting, and cannot
read archives that have no ``From_`` lines at all. ``mailbox.MMDF`` drops the first
line of each message (it expects a ``From_`` line there, which old MMDF files lack) and
does not recognise CRLF delimiters. The splitters read the file line by line (mbox: in
blocks, searched for ``From `` lines, :mod:`iscg_mailbot.source.archive_mbox`), so a
50 MB archive is never held in memory; on well-formed mbox files they find exactly
the messages ``mailbox.mbox`` finds (tested on the shared corpus).

Formats recognised, by the first non-blank line of the file (after a BOM):

- ``From `` line: mbox (mboxo, mboxrd, Content-Length mboxes with bare ``From -``).
  Later ``From `` lines start a message if they look like an envelope line
  (``From <sender>`` alone or followed by a date with a time of day) and the next line
  is a header field, or, whatever follows, if they carry a full envelope date
  (``Thu Dec  3 06:42:30 2026``) after a blank line: that is how Python's
  ``mailbox.mbox`` and mutt write a message that starts with its body or with a blank
  line, and such a message must never be glued to the one before it.
- ``^A^A^A^A``: MMDF.
- anything else: a file of messages that start at a header. A new message starts after
  a blank line when a header block follows that has at least three fields including
  ``From:`` and ``Date:`` (RFC 5322 requires both in every message; Outlook's quoted
  ``From:/Sent:/To:`` blocks have no ``Date:``). A file with no such second block is a
  single message.

Each message keeps its bytes as they are in the file; only the framing goes (the
``From_`` line, kept apart as the envelope, MMDF delimiters, the blank line a writer
adds after each message, one ``>`` of ``>From `` lines).
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.utils import parsedate_to_datetime
from typing import BinaryIO

from iscg_mailbot.source.archive_mbox import (
    FROM_LINE,
    HEADER_FIELD,
    TIME_OF_DAY,
    Chunk,
    is_envelope,
    split_mbox,
)

log = logging.getLogger(__name__)

_BOM = b"\xef\xbb\xbf"
_MMDF_DELIMITER = re.compile(rb"\x01\x01\x01\x01\r?\n?\Z")
# Where the date starts in "From jjl at pobox.com  Thu Nov  1 11:19:12 2001" (pipermail
# writes obfuscated senders with spaces in them).
_WEEKDAY = re.compile(rb"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b")
# The ``From_`` line's usual date (C's asctime: "Fri Dec  4 20:15:33 2026"), read
# without the email package (tests/test_source_archive.py holds it to parsedate; a year
# below 1000, which parsedate may move by a century, is left to it).
_MONTH_NAMES = (b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep",
                b"Oct", b"Nov", b"Dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_ASCTIME = re.compile(rb"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (" + b"|".join(_MONTH_NAMES)
                      + rb") +(\d{1,2}) (\d\d):(\d\d):(\d\d) ([1-9]\d{3})[ \t\r\n]*")
# A bare year on its own line separates messages in some old list archives.
_YEAR_MARKER = re.compile(rb"(?:19|20)\d\d[ \t]*\r?\n?\Z")
_FORWARD_INTRO = re.compile(rb"forwarded message|original message", re.IGNORECASE)
# How far to look ahead for the end of a header block before giving up on it.
_MAX_HEADER_LINES = 500


# --- splitting files --------------------------------------------------------------------


class _Lookahead:
    """Iterate over the lines of a binary file, with a window of lines to peek at."""

    def __init__(self, fh: BinaryIO) -> None:
        self._lines = iter(fh)
        self._ahead: deque[bytes] = deque()

    def __iter__(self) -> _Lookahead:
        return self

    def __next__(self) -> bytes:
        if self._ahead:
            return self._ahead.popleft()
        return next(self._lines)

    def peek(self, offset: int = 0) -> bytes | None:
        """The line ``offset`` lines after the last one returned, or None at the end."""
        while len(self._ahead) <= offset:
            line = next(self._lines, None)
            if line is None:
                return None
            self._ahead.append(line)
        return self._ahead[offset]

    def peeked(self, count: int) -> list[bytes]:
        """The first ``count`` lines peeked at (they must have been)."""
        return list(self._ahead)[:count]


def split_archive(fh: BinaryIO) -> Iterator[Chunk]:
    """Split an archive file into messages, choosing the format from its first line."""
    start = len(_BOM) if fh.read(len(_BOM)) == _BOM else 0
    fh.seek(start)
    lines = _Lookahead(fh)
    offset = 0
    while (first := lines.peek(offset)) is not None and _is_blank(first):
        offset += 1
    if first is None:
        return
    if first.startswith(b"From "):
        # Searched in blocks from the envelope line on (see archive_mbox.py).
        fh.seek(start + sum(len(blank) for blank in lines.peeked(offset)))
        yield from split_mbox(fh)
        return
    for _ in range(offset):
        next(lines)
    if _MMDF_DELIMITER.match(first):
        yield from _split_mmdf(lines)
    else:
        yield from _split_headers(lines)


def _split_mmdf(lines: _Lookahead) -> Iterator[Chunk]:
    """MMDF: each message sits between two ``^A^A^A^A`` lines."""
    current: Chunk | None = None
    ignored = 0
    for line in lines:
        if _MMDF_DELIMITER.match(line):
            if current is None:
                current = Chunk([])
            else:
                yield _finish(current)
                current = None
        elif current is None:
            ignored += 0 if _is_blank(line) else 1
        elif not current.lines and current.envelope is None and FROM_LINE.match(line):
            current.envelope = line  # MMDF written by Python's mailbox carries a From_ line
        else:
            current.lines.append(line)
    if current is not None and current.lines:
        yield _finish(current)  # the last delimiter is missing: keep the message anyway
    if ignored:
        log.warning("%d non-blank lines outside MMDF delimiters were ignored", ignored)


def _split_headers(lines: _Lookahead) -> Iterator[Chunk]:
    """Messages that start at a header, with no envelope line: see the module docstring.

    Inside a MIME body (a multipart before its closing boundary, or a ``message/*``
    body) header blocks and envelope lines belong to enclosed messages (forwards,
    bounces, digests) and start no new message.
    """
    reading: _Reading | None = None
    for line in lines:
        blank = _is_blank(line)
        if reading is None:
            if not blank and not _is_year_marker(line, lines):
                reading = _Reading.start(line, lines)
            continue
        if reading.may_end_at(blank):
            boundary = _boundary(line, lines, reading.last_text)
            if boundary is not None:
                yield _finish(reading.chunk)
                # A year marker line is dropped; the next message starts after it.
                reading = None if boundary == "year" else _Reading.start(line, lines)
                continue
        reading.add(line, blank)
    if reading is not None:
        yield _finish(reading.chunk)


@dataclass
class _Reading:
    """The message :func:`_split_headers` is reading, and where in it the reader is."""

    chunk: Chunk
    mime: _MimeBody = field(default_factory=lambda: _MimeBody())
    in_headers: bool = True
    has_body: bool = False
    previous_blank: bool = False
    last_text: bytes = b""  # the last non-blank line

    @classmethod
    def start(cls, line: bytes, lines: _Lookahead) -> _Reading:
        """A message starting at ``line``: an envelope line, else its first header."""
        if line.startswith(b"From ") and is_envelope(line, lines.peek()):
            return cls(Chunk([], envelope=line))
        return cls(Chunk([line]), last_text=line)

    def may_end_at(self, blank: bool) -> bool:
        """Whether a non-blank line here could start the next message: after a blank
        line that follows body text, outside any MIME body."""
        return self.previous_blank and self.has_body and not blank and not self.mime.inside

    def add(self, line: bytes, blank: bool) -> None:
        self.chunk.lines.append(line)
        if self.in_headers and blank:
            self.mime.read_headers(self.chunk.lines)
        elif not self.in_headers:
            self.mime.see(line)
        if blank:
            self.in_headers = False
        else:
            self.has_body = self.has_body or not self.in_headers
            self.last_text = line
        self.previous_blank = blank


def _boundary(line: bytes, lines: _Lookahead, last_text: bytes) -> str | None:
    """What makes ``line`` start the next message ("envelope", "year" for a year marker
    line, "header"), or None: a header block right after "Forwarded message" or
    "Original message" is the forwarded one's."""
    if line.startswith(b"From ") and is_envelope(line, lines.peek()):
        return "envelope"
    if _is_year_marker(line, lines):
        return "year"
    if _starts_message(line, lines) and not _FORWARD_INTRO.search(last_text):
        return "header"
    return None


class _MimeBody:
    """Whether the lines being read are inside the MIME body of the current message."""

    def __init__(self) -> None:
        self.closing: bytes | None = None  # "--boundary--" of an open multipart
        self.enclosed = False  # a message/* body: all of it is the enclosed message

    @property
    def inside(self) -> bool:
        return self.enclosed or self.closing is not None

    def read_headers(self, header_lines: list[bytes]) -> None:
        """Read the top-level Content-Type once the header block is complete."""
        try:
            headers = BytesHeaderParser().parsebytes(b"".join(header_lines))
            maintype = headers.get_content_maintype()
            boundary = headers.get_boundary() if maintype == "multipart" else None
        except (LookupError, ValueError, TypeError, UnicodeError):
            return
        self.enclosed = maintype == "message"
        if boundary:
            self.closing = b"--" + boundary.encode("utf-8", "surrogateescape") + b"--"

    def see(self, line: bytes) -> None:
        """A body line: the closing boundary ends the multipart."""
        if self.closing is not None and line.rstrip() == self.closing:
            self.closing = None


# --- line tests ---------------------------------------------------------------------------


def _is_blank(line: bytes) -> bool:
    return not line.strip()


def _is_year_marker(line: bytes, lines: _Lookahead) -> bool:
    nxt = lines.peek()
    return bool(_YEAR_MARKER.match(line)) and nxt is not None and bool(HEADER_FIELD.match(nxt))


def _starts_message(first: bytes, lines: _Lookahead) -> bool:
    """Whether ``first`` and the lines after it form a message's header block."""
    match = HEADER_FIELD.match(first)
    if match is None:
        return False
    names = {match["name"].lower()}
    for offset in range(_MAX_HEADER_LINES):
        line = lines.peek(offset)
        if line is None:
            return False
        if _is_blank(line):
            return len(names) >= 3 and {b"from", b"date"} <= names
        if line[:1] in (b" ", b"\t"):
            continue  # folded continuation of the previous field
        match = HEADER_FIELD.match(line)
        if match is None:
            return False
        names.add(match["name"].lower())
    return False


def _finish(chunk: Chunk) -> Chunk:
    """Drop the one blank line that mbox and MMDF writers put after each message."""
    if chunk.lines and chunk.lines[-1] in (b"\n", b"\r\n"):
        chunk.lines.pop()
    return chunk


def envelope_date(envelope: bytes | None) -> datetime | None:
    """The date of a ``From_`` line as aware UTC (naive dates are taken as UTC)."""
    if envelope is None:
        return None
    match = FROM_LINE.match(envelope)
    rest = match["rest"] if match else None
    if not rest or not TIME_OF_DAY.search(rest):
        return None
    weekday = _WEEKDAY.search(rest)
    if weekday is not None:
        rest = rest[weekday.start() :]
    plain = _ASCTIME.fullmatch(rest)
    if plain is not None:
        # What parsedate_to_datetime reads in this form (no zone: naive, taken as UTC),
        # without its Python tokenizing: half this function's cost (every mbox message).
        month, day, hour, minute, second, year = plain.groups()
        try:
            return datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute),
                            int(second), tzinfo=UTC)
        except ValueError:
            return None
    try:
        when = parsedate_to_datetime(rest.decode("ascii", "replace"))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        return when.replace(tzinfo=UTC)
    return when.astimezone(UTC)
