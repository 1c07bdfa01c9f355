"""Long lists of wants are read in linear time (issue 13, linear).

Since act-r19 a list under "Requests:" or "We would need:" makes one item a line, which
reaches older passes that looked at every item again for each sentence or item: the
follow-up dates, the date carriers, the listed questions and the list's labels. A list of
5,500 lines "- TSB: x" (50,000 characters) took ~8 s to extract.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 4, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("head", "line", "count"), [
    ("Requests:\n", "- TSB: x\n", 5_500),
    ("We would need:\n", "- TSB: a room\n", 3_500),
])
def test_a_long_list_of_wants_is_read_in_linear_time(head: str, line: str,
                                                      count: int) -> None:
    text = head + line * count
    started = time.process_time()
    items = extract_actions(ActionInput(text, SENT))
    assert time.process_time() - started < 3.0
    assert len(items) >= count
