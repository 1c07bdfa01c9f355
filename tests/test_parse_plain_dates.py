"""Date headers of the plain layout are read by one pattern to what the stdlib reads.

``parse.plain_dates.plain_date`` answers for "Tue, 3 May 2024 10:12:00 +0200" and
leaves every other value to ``email.utils.parsedate_to_datetime`` (and, where that
fails, python-dateutil); these tests hold its answers to the stdlib's.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.parse.headers import date_and_offset
from iscg_mailbot.parse.plain_dates import plain_date

_DAY_NAMES = st.sampled_from(["", "Tue, ", "Sun, ", "tue, ", "Tue ", "Xyz, ", "Tue,"])
_MONTHS = st.sampled_from(["Jan", "Feb", "May", "Dec", "may", "MAY", "June", "Foo"])
_TAILS = st.sampled_from(["", " (CEST)", " CEST", "(UTC)", " +0100", "x", " "])
# Made once, not at each draw (Hypothesis spent more time building and validating new
# strategy objects than the test spent reading dates): the same choices and weights.
_DAYS = st.integers(0, 40)
_YEARS = st.sampled_from(["2024", "1999", "0999", "9999", "24", "12024"])
_DIGITS = st.integers(0, 99).map(lambda n: f"{n:02d}")
_SIGNS = st.sampled_from(["+", "-", ""])


@st.composite
def plain_layouts(draw: st.DrawFn) -> str:
    """Dates of the layout and near misses: odd days, hours, zones and years."""
    return (f"{draw(_DAY_NAMES)}{draw(_DAYS)} {draw(_MONTHS)} {draw(_YEARS)} "
            f"{draw(_DIGITS)}:{draw(_DIGITS)}:{draw(_DIGITS)} "
            f"{draw(_SIGNS)}{draw(_DIGITS)}{draw(_DIGITS)}{draw(_TAILS)}")


def _reading(moment: datetime) -> tuple[datetime, object]:
    return moment.replace(tzinfo=None), moment.utcoffset()


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(plain_layouts())
def test_a_plain_date_reads_as_the_stdlib_reads_it(text: str) -> None:
    plain = plain_date(text)
    if plain is None:
        return
    assert _reading(plain) == _reading(parsedate_to_datetime(text))


def test_the_common_layouts_take_the_shortcut() -> None:
    for text, offset in [("Tue, 3 May 2024 10:12:00 +0200", 120),
                         ("3 May 2024 10:12:00 -0530 (IST)", -330),
                         ("Fri, 10 Jul 2026 23:30:00 -0000", None)]:
        assert plain_date(text) is not None
        assert date_and_offset(text)[1] == offset
    for text in ["Tue, 31 Feb 2024 10:12:00 +0200", "Tue, 3 May 2024 24:00:00 +0200",
                 "Tue, 3 May 2024 10:12:00 +2400", "3 May 24 10:12 +0200",
                 "Tue, 3 May 2024 10:12:00 CEST"]:
        assert plain_date(text) is None
