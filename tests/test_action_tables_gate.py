"""A line tested for two pipes, a tab or two spaces before a table header's regexes
(perf-r18): a line without any can hold no three cells, so the header readings
(``_layout``, ``_status_layout``) and the tables read from a text are as without the
test."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import action_tables
from iscg_mailbot.analyse.action_tables import _may_head, _split, table_items

_PIECES = st.lists(st.sampled_from(["#", "No", "What", "Action", "Who", "Owner", "When",
                                    "Due", "Status", "done", "BR", "30 Nov", "|", " ", "  ",
                                    "\t", "-", "1", "2.", "\u00a0", "\r"]), max_size=14)


@settings(max_examples=500, deadline=None)
@given(_PIECES)
def test_a_line_not_passing_the_test_has_fewer_than_three_cells(pieces: list[str]) -> None:
    line = "".join(pieces)
    if not _may_head(line):
        assert len(_split(line, line.count("|") >= 2)) < 3


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES.map("".join), max_size=6))
def test_the_lines_skipped_are_no_headers(lines: list[str]) -> None:
    """The lines the loops skip are no headers, so the tables read are those of every
    line read (the plain reading)."""
    for line in lines:  # every line the loops skip reads as no header of either kind
        if not ("|" in line or "\t" in line or "  " in line):
            assert action_tables._layout(line) is None
            assert action_tables._status_layout(line) is None
    text = "\n".join(lines)
    header = [line for line in lines if action_tables._layout(line) is not None]
    if not header:
        assert table_items(text, None) == ([], [])


def test_a_header_of_single_spaces_and_one_pipe_is_no_header() -> None:
    assert action_tables._layout("Action | Who When") is None
    assert action_tables._layout("Action  Who  When") is not None
    assert action_tables._layout("Action\tWho\tWhen") is not None
    assert action_tables._layout("| Action | Who | When |") is not None
