"""Printing helpers shared by commands: tables for people, JSON for machines.

Tables fit the terminal: its width when standard output is one, ``COLUMNS`` when set,
else :data:`PIPE_WIDTH`. Columns named in ``one_line`` (subjects, senders) stay on one
line and are cut at a word with "…" to the room the other columns leave; the others
wrap in their cells, drawn as rich's default table (``cli/plain_table.py``) without
importing rich, whose import and layout cost a query ~40 ms.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import click

#: Table width when standard output is not a terminal (a pipe, a file) and COLUMNS is
#: unset: wide enough for a subject and its topics, narrow enough for a mail or a review.
PIPE_WIDTH = 120
#: Narrowest a one-line column is cut to, however little room the terminal leaves.
MIN_ONE_LINE = 12
#: Narrowest a wrapping column is squeezed to (it wraps, so it loses no text).
MIN_WRAPPED = 10
#: The main column (a search's snippet, a thread list's subject) keeps this much room
#: while the other columns can still give some up.
MAIN_COMFORT = 40
#: Columns no wider than this (dates, numbers, short names) are never squeezed.
SHORT = 16
#: Words up to this long (topic ids, document names) are never folded in two while
#: another column can still give up room.
WHOLE_WORD = 30
#: When even the floors do not fit (a very narrow terminal), every column may go down
#: to this.
LAST_RESORT = 6
ELLIPSIS = "…"


def table_width() -> int:
    """Columns available to a table: ``COLUMNS`` when set, else the terminal's width,
    else (output piped or redirected) :data:`PIPE_WIDTH`."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((PIPE_WIDTH, 24)).columns
    return PIPE_WIDTH

from iscg_mailbot.text import shown


def shorten(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` characters, cut after a whole word with
    "…" (a single word longer than the line is the only one cut inside).

    >>> shorten("WRC-27 agenda item 1.13: direct-to-device satellite", 30)
    'WRC-27 agenda item 1.13:…'
    >>> shorten("Short subject", 30)
    'Short subject'
    >>> shorten("Antidisestablishmentarianism", 10)
    'Antidises…'
    >>> shorten("int-sect-team digest", 12)
    'int-sect-te…'
    """
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    if width <= len(ELLIPSIS):
        return ELLIPSIS[:width]
    # textwrap.shorten, but never breaking "int-sect-team" or "ITU-T" at a hyphen.
    wrapper = textwrap.TextWrapper(width=width, max_lines=1, placeholder=ELLIPSIS,
                                   break_on_hyphens=False)
    cut = wrapper.fill(flat)
    if cut == ELLIPSIS:  # the first word alone is too long: cut inside it
        return flat[: width - len(ELLIPSIS)] + ELLIPSIS
    return cut


def _natural(cells: Sequence[str]) -> int:
    return max((len(line) for cell in cells for line in cell.splitlines() or [""]), default=0)


def column_widths(headers: Sequence[str], columns: Sequence[Sequence[str]],
                  one_line: Mapping[str, int], width: int, main: str | None = None) -> list[int]:
    """Text width of each column so that the table (borders and padding included) fits
    ``width``: each column gets what its longest line needs (one-line columns at most
    their cap). When that is too wide, the columns that can give up room do, in
    proportion to what they can give, the ``main`` column last: one-line columns down
    to :data:`MIN_ONE_LINE`, wrapping ones down to :data:`MIN_WRAPPED` or their longest
    word (up to :data:`WHOLE_WORD`); short ones (:data:`SHORT` or less: dates, numbers) only when nothing else is
    left, as everything then goes down towards :data:`LAST_RESORT`.

    >>> column_widths(["id", "subject"], [["1"], ["a long subject indeed"]], {"subject": 70}, 20)
    [2, 11]
    >>> column_widths(["subject", "snippet"], [["s" * 40], ["w " * 60]], {"subject": 30}, 60,
    ...               main="snippet")
    [13, 40]
    """
    wanted, floors = [], []
    for header, cells in zip(headers, columns, strict=True):
        want, floor = _want_and_floor(header, cells, one_line)
        wanted.append(want)
        floors.append(floor)
    last_resort = [min(floor, LAST_RESORT) for floor in floors]
    # rich's default box: a border before each column and after the last, and one space
    # of padding each side of every cell.
    excess = sum(wanted) - (width - (3 * len(headers) + 1))
    widths = list(wanted)
    comfort = [min(want, MAIN_COMFORT) if header == main else floor
               for header, want, floor in zip(headers, wanted, floors, strict=True)]
    # Who gives up room, in turn: wrapping columns (they lose no text), the main one
    # down to a comfortable width, the other one-line columns, the main one, and then,
    # on a very narrow terminal, everyone.
    passes: list[tuple[list[int], Callable[[str], bool]]] = [
        (floors, lambda h: h != main and h not in one_line),
        (comfort, lambda h: h == main),
        (floors, lambda h: h != main),
        (floors, lambda h: h == main),
        (last_resort, lambda h: True),
    ]
    for limits, yielding in passes:
        if excess <= 0:
            break
        slack = [w - f if yielding(h) and w > f else 0
                 for h, w, f in zip(headers, widths, limits, strict=True)]
        cuts = _cuts(slack, excess)
        widths = [w - c for w, c in zip(widths, cuts, strict=True)]
        excess -= sum(cuts)
    return widths


def _want_and_floor(header: str, cells: Sequence[str], one_line: Mapping[str, int]
                    ) -> tuple[int, int]:
    """The width a column wants (its longest line, a one-line column at most its cap)
    and the least it may be given before the last resort."""
    natural = max(_natural(cells), len(header))
    if header in one_line:
        want = min(natural, one_line[header])
        return want, min(want, max(MIN_ONE_LINE, len(header)))
    if natural <= SHORT:
        return natural, natural
    longest_word = max((len(w) for cell in cells for w in cell.split()), default=0)
    return natural, max(MIN_WRAPPED, min(longest_word, WHOLE_WORD))


def _cuts(slack: Sequence[int], excess: int) -> list[int]:
    """Up to ``excess`` columns taken from the columns in proportion to their ``slack``."""
    total = sum(slack)
    if not total:
        return [0] * len(slack)
    cut_total = min(excess, total)
    cuts = [cut_total * s // total for s in slack]
    # Integer division leaves a few columns over: take them from the most slack first.
    for index in sorted(range(len(slack)), key=lambda i: -slack[i]):
        if sum(cuts) >= cut_total:
            break
        if cuts[index] < slack[index]:
            cuts[index] += 1
    return cuts


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None,
                *, one_line: Mapping[str, int] | None = None, main: str | None = None) -> None:
    """A plain table that fits the terminal; every cell is shown as literal text.

    ``one_line`` maps header -> widest that column may be (e.g. ``{"subject": 70}``):
    its cells are kept on one line, cut at a word with "…" to fit. ``main`` names the
    column that gives up room last (the subject of a thread list, a search's snippet).
    """
    from iscg_mailbot.cli.plain_table import render

    one_line = one_line or {}
    texts = [[format_cell(cell) for cell in row] for row in rows]
    columns = [[row[i] for row in texts] for i in range(len(headers))]
    room = table_width()
    widths = column_widths(headers, columns, one_line, room, main)
    shown_rows = [[shorten(cell, width) if header in one_line else cell
                   for header, cell, width in zip(headers, row, widths, strict=True)]
                  for row in texts]
    flags = [header in one_line for header in headers]
    if sum(widths) + 3 * len(widths) + 1 > room:
        # Too narrow a terminal for even the last resort: rich squeezes further.
        _print_with_rich(headers, shown_rows, widths, flags, title, room)
        return
    # Drawn as rich's default table (see cli/plain_table.py), without importing rich.
    click.echo(render(headers, shown_rows, widths, flags, title), nl=False)


def _print_with_rich(headers: Sequence[str], rows: Sequence[Sequence[str]],
                     widths: Sequence[int], one_line: Sequence[bool], title: str | None,
                     room: int) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title) if title else None, show_lines=False,
                  header_style="bold")
    for header, column_width, flag in zip(headers, widths, one_line, strict=True):
        table.add_column(header, max_width=column_width, no_wrap=flag,
                         overflow="ellipsis" if flag else "fold")
    for row in rows:
        # Text, not markup, so "[brackets]" in a subject are shown as written.
        table.add_row(*(Text(cell) for cell in row))
    Console(file=sys.stdout, width=room, highlight=False).print(table)


def format_cell(value: Any) -> str:
    """How a value reads in a table cell: ``-`` for nothing, dates to the minute."""
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(format_cell(v) for v in value)
    return shown(str(value))  # invisible/bidi characters out, long values cut with "…"


def to_jsonable(value: Any) -> Any:
    """Dataclasses, datetimes and sets turned into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        items = sorted(value) if isinstance(value, set) else value
        return [to_jsonable(v) for v in items]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def echo_json(value: Any) -> None:
    """``value`` as indented JSON (non-ASCII kept) on standard output."""
    click.echo(json.dumps(to_jsonable(value), indent=2, ensure_ascii=False))


#: Rows ``threads list`` and ``actions list`` show unless given --limit or --all.
SHOWN_BY_DEFAULT = 50


def shown_limit(limit: int | None, show_all: bool) -> int | None:
    """The row limit of a list command: ``--limit N`` wins, ``--all`` lifts the default of
    :data:`SHOWN_BY_DEFAULT`; both together are a usage error (exit 2)."""
    if show_all and limit is not None:
        raise click.UsageError("--all and --limit go separately: choose one")
    if show_all:
        return None
    return SHOWN_BY_DEFAULT if limit is None else limit


def echo_more(more: int, noun: str) -> None:
    """The line under a cut table: how many rows (``noun``, singular) were left out and
    how to see them."""
    if more > 0:
        click.echo(f"... and {more:,} more {noun}{'' if more == 1 else 's'}: --limit N or --all")
