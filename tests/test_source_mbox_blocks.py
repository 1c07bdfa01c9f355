"""The mbox splitter that searches blocks gives what reading line by line gave.

The reference is the line-by-line splitter it replaced (kept here, unchanged but for
names), run on generated mbox files full of the lines that decide where a message
ends: ``From `` lines with and without envelope dates, ``From :`` headers, blank and
whitespace-only lines, ``>From`` quoting, CRLF and CR, no final newline; the blocks are
made tiny so that every such line also falls across a block's end.
"""

from __future__ import annotations

import io
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from iscg_mailbot.source import archive_mbox
from iscg_mailbot.source.archive import count_messages, read_archive
from iscg_mailbot.source.archive_mbox import Chunk, is_envelope, is_header_from
from iscg_mailbot.source.archive_split import _Lookahead, split_archive

_QUOTED_FROM = re.compile(rb">+From ")


def _line_by_line(data: bytes) -> list[tuple[bytes | None, bytes]]:
    """The splitter before the blocks: (envelope, message) of each message."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    lines = _Lookahead(io.BytesIO(data))
    while (first := lines.peek()) is not None and not first.strip():
        next(lines)
    return [(chunk.envelope, b"".join(chunk.lines)) for chunk in _split_mbox(lines)]


def _split_mbox(lines: _Lookahead) -> Iterator[Chunk]:
    current: Chunk | None = None
    previous_blank = True
    append = None
    for line in lines:
        if line[:5] == b"From ":
            if current is None or is_envelope(line, lines.peek(), after_blank=previous_blank):
                if current is not None:
                    yield _finish(current)
                current = Chunk([], envelope=line)
                append = current.lines.append
                previous_blank = False
                continue
            if previous_blank and is_header_from(line, lines.peek()):
                assert current is not None
                yield _finish(current)
                current = Chunk([line])
                append = current.lines.append
                previous_blank = False
                continue
        previous_blank = not line.strip()
        if append is None:
            continue
        if line[:1] == b">" and _QUOTED_FROM.match(line):
            line = line[1:]
        append(line)
    if current is not None:
        yield _finish(current)


def _finish(chunk: Chunk) -> Chunk:
    if chunk.lines and chunk.lines[-1] in (b"\n", b"\r\n"):
        chunk.lines.pop()
    return chunk


_LINES = [
    b"From ann@example.org Thu Dec  3 06:42:30 2026", b"From bob@example.org",
    b"From - Mon Jun  3 12:50:27 1996", b"From Russia with love", b"From Geneva at 10:00 we go",
    b"From: Ann <ann@example.org>", b"From  : Ann <ann@example.org>", b"Subject: hello",
    b"Date: Mon, 06 Jul 2026 10:00:00 +0000", b"", b" ", b"\t", b"\x0c", b">From here",
    b">>From there", b">From", b"> From", b"body text", b"x", b"From", b"From ",
    b"<ftp://host/path>", b"From ann Thu Dec  3 06:42 PST 2026", b"\xef\xbb\xbf",
]


def _generated(rng: random.Random) -> bytes:
    ending = rng.choice([b"\n", b"\r\n", b"\n", b"\r"])
    start = rng.choice([b"", b"\n", b" \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"])
    lines = [b"From first@example.org Thu Dec  3 06:42:30 2026"]
    lines += [rng.choice(_LINES) for _ in range(rng.randint(0, 60))]
    text = ending.join(line + (rng.choice([b"\r\n", b"\n"]) if rng.random() < 0.05 else b"")
                       for line in lines)
    return start + text + rng.choice([ending, b"", ending * 2])


@pytest.mark.parametrize("block", [1, 3, 7, 64, 1 << 20])
def test_blocks_split_as_lines_did(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive_mbox, "BLOCK", block)
    rng = random.Random(block)
    for _ in range(400 if block < 100 else 1500):
        data = _generated(rng)
        got = [(c.envelope, b"".join(c.lines)) for c in split_archive(io.BytesIO(data))]
        assert got == _line_by_line(data), data


def test_a_file_of_messages_as_read_by_the_import(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = b"".join(_generated(rng) + b"\n" for _ in range(200))
    path = tmp_path / "list.mbox"
    path.write_bytes(data)
    expected = _line_by_line(data)
    messages = [m for batch in read_archive(path, batch_size=50) for m in batch.messages]
    assert [m.data for m in messages] == [body for _, body in expected]
    assert count_messages(path) == len(expected) > 200
