"""The command line's tables (``cli/plain_table.py``) read exactly as rich drew them.

The queries print their tables without importing rich (issue 17, start-up): these tests
draw the same generated tables with rich's ``Table`` (as ``print_table`` did before) and
with ours, and compare the text, title and wrapped cells included.
"""

from __future__ import annotations

import io
import subprocess
import sys

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from iscg_mailbot.cli.output import column_widths, shorten
from iscg_mailbot.cli.plain_table import render

# Letters, digits, punctuation, accented Latin, wide CJK and some spaces and newlines: the
# characters whose width both rich and we know the same way.
_CHARACTERS = [*"abcdefghij XYZ0123456789-.,:/[]", *"\u00e9\u00fc\u00e7\u00d8\u65e5\u672c\u8a9e",
               " ", " ", "\n"]
_TEXT = st.text(alphabet=st.sampled_from(_CHARACTERS), max_size=60)
_HEADER = st.text(alphabet=st.sampled_from(list("abcdefghijklmnop ")), min_size=1, max_size=12)


def _with_rich(headers: list[str], rows: list[list[str]], widths: list[int],
               one_line: list[bool], title: str | None, width: int) -> str:
    """The table as ``print_table`` drew it with rich."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # A title as text: given as a string, rich read it as markup ("[/]" raised).
    table = Table(title=Text(title) if title else None, show_lines=False, header_style="bold")
    for header, column_width, flag in zip(headers, widths, one_line, strict=True):
        table.add_column(header, max_width=column_width, no_wrap=flag,
                         overflow="ellipsis" if flag else "fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    out = io.StringIO()
    Console(file=out, width=width, highlight=False).print(table)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(data=st.data(), columns=st.integers(1, 5), count=st.integers(0, 4),
       width=st.integers(30, 140), title=st.none() | _TEXT.filter(str.strip))
def test_a_table_reads_as_rich_drew_it(data: st.DataObject, columns: int, count: int,
                                       width: int, title: str | None) -> None:
    headers = data.draw(st.lists(_HEADER, min_size=columns, max_size=columns, unique=True))
    one_line = data.draw(st.lists(st.booleans(), min_size=columns, max_size=columns))
    rows = data.draw(st.lists(st.lists(_TEXT, min_size=columns, max_size=columns),
                              min_size=count, max_size=count))
    caps = {h: data.draw(st.integers(12, 70)) for h, flag in zip(headers, one_line,
                                                                 strict=True) if flag}
    cells = [[" ".join(c.split()) if h in caps else c for h, c in zip(headers, row,
                                                                      strict=True)]
             for row in rows]
    widths = column_widths(headers, [[r[i] for r in cells] for i in range(columns)], caps,
                           width, headers[-1])
    assume(sum(widths) + 3 * columns + 1 <= width)  # rich squeezes a table that does not fit
    shown = [[shorten(c, w) if h in caps else c
              for h, c, w in zip(headers, row, widths, strict=True)] for row in cells]
    flags = [h in caps for h in headers]
    assert render(headers, shown, widths, flags, title, styled=False) == _with_rich(
        headers, shown, widths, flags, title, width)


def test_a_thread_list_as_rich_drew_it() -> None:
    headers = ["id", "last activity", "msgs", "subject", "topics"]
    rows = [["4", "2026-07-29 14:40", "6",
             "Early Warnings for All: ITU-R and ITU-T contributions to the 2026 report",
             "emergency-telecommunications, climate-change"],
            ["12", "2026-08-20 09:45", "4", "[draft] Joint report on Res. 175", "-"]]
    one_line = {"subject": 60}
    widths = column_widths(headers, [list(c) for c in zip(*rows, strict=True)], one_line, 80,
                           "subject")
    shown = [[shorten(c, w) if h in one_line else c
              for h, c, w in zip(headers, row, widths, strict=True)] for row in rows]
    flags = [h in one_line for h in headers]
    drawn = render(headers, shown, widths, flags, "Threads", styled=False)
    assert drawn == _with_rich(headers, shown, widths, flags, "Threads", 80)
    assert "[draft]" in drawn  # brackets shown as written, not read as markup
    assert max(len(line) for line in drawn.splitlines()) <= 80


def test_a_table_is_printed_without_importing_rich() -> None:
    probe = ("import sys\n"
             "from iscg_mailbot.cli.output import print_table\n"
             "print_table(['id', 'subject'], [[1, 'a subject'], [2, None]], one_line={'subject': 40})\n"
             "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if 'rich' in m)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert "│ 1  │ a subject │" in done.stdout and "│ 2  │ -         │" in done.stdout
