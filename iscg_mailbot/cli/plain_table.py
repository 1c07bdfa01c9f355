"""Tables drawn as rich draws them (its default heavy-head box), without importing rich.

Start-up time (issue 17): importing rich's table and console and laying out 50 rows
took ~40 ms of a 0.45 s query; the widths are ours anyway
(:func:`iscg_mailbot.cli.output.column_widths`), so what is left is drawing the box and
wrapping the cells. The wrapping is rich's (``rich._wrap.divide_line``: words with the
white space after them, a word longer than the line folded), so a table reads exactly
as before; ``tests/test_cli_table.py`` compares the two on generated tables.
Headers are bold and the title italic on a terminal, as rich's defaults make them.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from itertools import pairwise

_WORD = re.compile(r"\s*\S+\s*")
ELLIPSIS = "…"


def _char_cells(character: str) -> int:
    """Terminal cells one character takes: 2 for wide East Asian ones, 0 for combining
    marks and control characters."""
    import unicodedata

    code = ord(character)
    if code < 32 or 0x7F <= code < 0xA0:
        return 0
    if unicodedata.combining(character) or unicodedata.category(character) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def cells(text: str) -> int:
    """Terminal cells ``text`` takes (its length for ASCII)."""
    if text.isascii():
        return len(text)
    return sum(_char_cells(c) for c in text)


def _chop(text: str, width: int) -> list[str]:
    """``text`` cut into pieces of at most ``width`` cells (a word folded)."""
    pieces, piece, used = [], "", 0
    for character in text:
        size = _char_cells(character) if not character.isascii() else 1
        if piece and used + size > width:
            pieces.append(piece)
            piece, used = "", 0
        piece += character
        used += size
    pieces.append(piece)
    return pieces


def _breaks(text: str, width: int) -> list[int]:
    """Where ``text`` is broken to fit ``width`` cells (rich's ``divide_line``, fold)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = cells(word.rstrip())
        if width - offset >= length:
            offset += cells(word)
        elif length > width:
            pieces = _chop(word, width)
            for number, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if number == len(pieces) - 1:
                    offset = cells(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = cells(word)
    return breaks


def _crop(text: str, width: int, ellipsis: bool) -> str:
    """``text`` cut to ``width`` cells, ending in "…" when ``ellipsis`` (a wide character
    cut in two leaves a space, as in rich)."""
    if cells(text) <= width:
        return text
    room = max(width - 1, 0) if ellipsis else width
    kept, used = "", 0
    for character in text:
        size = cells(character)
        if used + size > room:
            break
        kept += character
        used += size
    kept += " " * (room - used)
    return kept + ELLIPSIS if ellipsis and width > 0 else kept


def wrap(text: str, width: int, *, one_line: bool = False) -> list[str]:
    """The lines ``text`` takes in a column ``width`` cells wide: wrapped at words (and
    folded inside a word longer than the line), or kept on one line and cut with "…"."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if "\t" in paragraph:
            paragraph = paragraph.expandtabs(8)
        if one_line:
            lines.append(_crop(paragraph, width, ellipsis=True))
            continue
        edges = [0, *_breaks(paragraph, width), len(paragraph)]
        lines.extend(_crop(paragraph[a:b], width, ellipsis=False)
                     for a, b in pairwise(edges))
    return lines


def _padded(line: str, width: int) -> str:
    return line + " " * max(width - cells(line), 0)


def _styled() -> bool:
    """Whether standard output takes rich's styles (a colour terminal)."""
    return (sys.stdout.isatty() and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM", "") != "dumb")


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int],
           one_line: Sequence[bool], title: str | None = None,
           styled: bool | None = None) -> str:
    """The table as text, one line per terminal line, each ending in a newline.

    ``widths`` are the widest each column's text may be; a column is as wide as its
    widest line within that (rich's layout). ``one_line`` flags columns whose cells
    stay on one line, cut with "…".
    """
    styled = _styled() if styled is None else styled
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(headers)
    sizes = [min(limit, max(cells(line) for cell in [header, *column]
                            for line in cell.split("\n")))
             for header, column, limit in zip(headers, columns, widths, strict=True)]
    out: list[str] = []
    table_width = sum(sizes) + 3 * len(sizes) + 1
    if title:
        for line in (line.rstrip() for line in wrap(title, table_width)):
            excess = table_width - cells(line)
            left = excess // 2
            text = f"\x1b[3m{line}\x1b[0m" if styled else line
            out.append(" " * left + text + " " * (excess - left))
    out.append("┏" + "┳".join("━" * (s + 2) for s in sizes) + "┓")
    header_cells = [wrap(h, s, one_line=flag)
                    for h, s, flag in zip(headers, sizes, one_line, strict=True)]
    out.extend(_row(header_cells, sizes, "┃", bottom=True, bold=styled))
    out.append("┡" + "╇".join("━" * (s + 2) for s in sizes) + "┩")
    for row in rows:
        lines = [wrap(cell, s, one_line=flag)
                 for cell, s, flag in zip(row, sizes, one_line, strict=True)]
        out.extend(_row(lines, sizes, "│", bottom=False, bold=False))
    out.append("└" + "┴".join("─" * (s + 2) for s in sizes) + "┘")
    return "".join(line + "\n" for line in out)


def _row(lines: list[list[str]], sizes: Sequence[int], bar: str, *, bottom: bool,
         bold: bool) -> list[str]:
    """One table row: its cells' lines side by side, the short cells filled with blank
    lines (below the text, or above it for the header row, as rich aligns them)."""
    height = max(len(cell) for cell in lines)
    filled = [[""] * (height - len(cell)) + cell if bottom else cell + [""] * (height - len(cell))
              for cell in lines]
    out = []
    for number in range(height):
        parts = []
        for cell, size in zip(filled, sizes, strict=True):
            text = _padded(cell[number], size)
            parts.append(f" \x1b[1m{text}\x1b[0m " if bold and cell[number] else f" {text} ")
        out.append(bar + bar.join(parts) + bar)
    return out
