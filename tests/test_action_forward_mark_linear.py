"""A run of blank or bulleted lines is read in linear time (issue 13, hostile).

`extract_actions` asks whether a message holds a forward's mark ("---------- Forwarded
message ---------", "Begin forwarded message:") at a line's start after any marks:
`^\\W*` with MULTILINE, which from every line start ran through all the line breaks
after it: 12,000 empty lines took 15 s, 25,000 "\\n* " more than 15 s. The marks
before the words now stay on their line (the same messages are found: a mark after
blank lines is found from its own line).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse.actions import _FORWARD_MARK, extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 4, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("unit", ["\n", "\n* ", "\n> \n", "\n--"])
def test_many_lines_of_marks_are_read_in_linear_time(unit: str) -> None:
    text = "TSB will send it " + unit * (50_000 // len(unit)) + ". Could TSB send it?"
    started = time.process_time()
    extract_actions(ActionInput(text, SENT))
    assert time.process_time() - started < 4.0


@pytest.mark.parametrize(("text", "found"), [
    ("Hi\n\n---------- Forwarded message ---------\nFrom: TSB", True),
    ("Hi\n\n\n  > -- forwarded message", True),
    ("Hi\n\nBegin forwarded message:\n", True),
    ("Hi\n\n * \n\nbegin  forwarded\nmessage", True),
    ("Hi, the forwarded message -- below", False),
    ("Hi\n\nx -- forwarded message", False),
])
def test_a_forwards_mark_is_found_as_before(text: str, found: bool) -> None:
    assert bool(_FORWARD_MARK.search(text)) is found
