""""(max. 3 slides each)" does not end the sentence (action round 18, `w14`-002, `w15`-012
dev): the request before the abbreviation lost the deadline after it. A minimal pair of
our own wording; the first assertion failed before.
"""

from __future__ import annotations

from datetime import date

from tests.letter_items import letter_items


def test_max_does_not_end_the_request() -> None:
    (item,) = letter_items("The Bureaux are kindly requested to send their slides (max. 3 "
                           "slides each) to me by Monday 4 October.")
    assert item.due == date(2027, 10, 4)
    (item,) = letter_items("The Bureaux are kindly requested to send their slides (three "
                           "slides each) to me by Monday 4 October.")
    assert item.due == date(2027, 10, 4)
