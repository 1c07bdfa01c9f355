"""A line of days is dated in linear time (issue 13, hostile).

Whether a day is an event's that the deadline is "before" ("before our CITEL meeting on
20 July") was first asked of the whole text's words ("before", "prior to", ...) once a
day: "; on 1 June x" repeated to 52,000 characters took 2-3 s to date, 104,000 about
10 s. The words are looked for in the 150 characters the pattern searches.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from iscg_mailbot.analyse.action_dates import find_dates, find_due

SENT = datetime(2027, 4, 7, 9, 0, tzinfo=UTC)


def test_a_line_of_days_is_dated_in_linear_time() -> None:
    unit = "; on 1 June x"
    text = "TSB will send it" + unit * (104_000 // len(unit)) + "."
    started = time.process_time()
    found = find_dates(text, SENT)
    assert time.process_time() - started < 4.0
    assert len(found) == 104_000 // len(unit)


@pytest.mark.parametrize(("text", "due"), [
    ("Please send it before our CITEL meeting on 20 July.", date(2027, 7, 19)),
    ("Please send it before we brief our regulator on 20 June.", date(2027, 6, 19)),
    ("Before the plenary, which is a long way off, please send it on 20 July.",
     date(2027, 7, 20)),
    ("Please send it by 20 July.", date(2027, 7, 20)),
])
def test_a_day_before_an_event_is_still_the_day_before(text: str, due: date) -> None:
    found = find_due(text, SENT)
    assert found is not None and found.value == due
