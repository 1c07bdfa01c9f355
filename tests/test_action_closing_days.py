"""The day something closes, said beside a request, is its deadline (action round 18,
`w1`-032 and `w9`-004 dev; minimal pairs of our own wording, the first assertion of
each test failed before).
"""

from __future__ import annotations

from datetime import date

from tests.letter_items import letter_items


def test_a_closing_day_after_a_question_dates_it() -> None:
    (item,) = letter_items("Could TSB tell us which Recommendations on batteries we "
                           "should cite? We are closing chapter 3 on 26 March.")
    assert item.due == date(2027, 3, 26)
    (item,) = letter_items("Could TSB tell us which Recommendations on batteries we "
                           "should cite? The agenda closes on 26 March.")
    assert item.due is None


def test_a_closing_day_before_a_request_dates_it() -> None:
    (item,) = letter_items("The member survey closes on Friday 26 March. Could those who "
                           "have not yet replied please fill it in?")
    assert item.due == date(2027, 3, 26)
    (item,) = letter_items("The member survey closes on Friday 26 March. Could those who "
                           "have not yet replied please send their comments?")
    assert item.due is None


def test_a_promise_is_not_dated_by_a_closing_day() -> None:
    (item,) = letter_items("The consultation closes on 26 March. I will send our comments.")
    assert item.due is None
