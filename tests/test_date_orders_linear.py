"""A date's order told by the writer's other figures is read in linear time (second
review of session 39's merges).

``date_orders.month_first`` looks for a date in figures that can be read one way only
("20/7", "3/20") elsewhere in the text. Searched for each ambiguous date, a text of
14,000 "by 3/7" took ~2 minutes to read; the text's order is read once now.
"""

from __future__ import annotations

import time
from datetime import datetime

from iscg_mailbot.analyse.action_dates import find_dates

SENT = datetime(2026, 2, 18, 9)


def test_many_dates_in_figures_are_read_in_linear_time() -> None:
    text = "by 3/7 " * 14_000 + "ahead of the meeting of 20/7."
    started = time.process_time()
    mentions = find_dates(text, SENT)
    assert time.process_time() - started < 2.0
    assert mentions[0].value == datetime(2026, 7, 3).date()  # the 20/7 says: day first


def test_the_order_is_read_again_for_another_text() -> None:
    assert find_dates("by 3/7, meeting 20/7", SENT)[0].value == datetime(2026, 7, 3).date()
    assert find_dates("by 3/7, meeting 7/20", SENT)[0].value == datetime(2026, 3, 7).date()
    assert find_dates("by 3/7", SENT)[0].value == datetime(2026, 3, 7).date()  # near
