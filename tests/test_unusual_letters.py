"""Letters a case-insensitive pattern reads as ASCII ones: dotless i (U+0131) and dotted
I (U+0130) as i, long s (U+017F) as s. A pattern matched "Fr\u0131day" or "\u017feptember";
the word was then looked up in lower case, which keeps U+0131 and U+017F, and the lookup
raised KeyError: the message's whole thread failed analysis. Each reader now looks the
word up as the pattern read it (text_gates.folded), and finds what the ASCII spelling
gives."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse.action_dates import find_dates
from iscg_mailbot.analyse.closure_points import points_referred
from iscg_mailbot.analyse.meeting_notices import find_convening
from iscg_mailbot.analyse.overlap_text import spelled_terms

SENT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _ascii(text: str) -> str:
    return text.replace("\u0131", "i").replace("\u0130", "I").replace("\u017f", "s")


@pytest.mark.parametrize("text", [
    "Please reply by Fr\u0131day.",
    "Comments are due by FR\u0130DAY.",
    "Please send your input by 15 \u017feptember 2027.",
    "The survey closes on Tue\u017fday.",
])
def test_dates_read_as_their_ascii_spelling(text: str) -> None:
    found = [d.value for d in find_dates(text, SENT)]
    assert found and found == [d.value for d in find_dates(_ascii(text), SENT)]


def test_points_read_as_their_ascii_spelling() -> None:
    text = "BDT's input on the f\u0131rst two points and the \u017fecond point is attached."
    assert points_referred(text) == points_referred(_ascii(text)) == {1, 2}


def test_convening_letter_month_read_as_its_ascii_spelling() -> None:
    body = ("The next meeting of the Inter-Sector Coordination Group will be held online "
            "on Wednesday, 7 Apr\u0131l 2027, from 14.00 to 16.30 UTC.")
    notice = find_convening("ISCG meeting", body)
    assert notice is not None and notice.day == find_convening("ISCG meeting", _ascii(body)).day


def test_overlap_concepts_read_as_their_ascii_spelling() -> None:
    text = "\u0130ncident response teams share a register of cable faults."
    assert spelled_terms(text)[0] == spelled_terms(_ascii(text))[0] == ("cirt", "cirt")
