"""Shortcuts of the extraction's later passes and the closure scan (branch perf-extract),
each held to the plain reading.

- ``meeting_dates._may_match`` rules a sentence out of the two meeting-phrase patterns
  only when it lacks what every match holds: a body (case matters) for ``_NAMED``, a
  meeting word (as a case-insensitive pattern reads it: a long s, a dotted capital I) for
  ``_POSSESSIVE``.
- ``pattern_words._minimal`` is memoised on its group: the same words as the plain
  test of every pair.
- The closure scan drops an item it closed from its thread's index by date
  (``_Thread.drop``): the items asked before a later reply are those found before,
  less the closed ones (which the scan's own test left out).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse import meeting_dates, pattern_words
from iscg_mailbot.records import OpenItem
from iscg_mailbot.services.actions.closures import _Open, _Thread
from iscg_mailbot.settings.meetings import Meeting, MeetingsConfig

# Pieces of meeting phrases and their near misses: bodies in both cases, meeting words
# with the letters a case-insensitive pattern folds (long s, dotted and dotless i).
_PIECES = ["before", "by", "at", "the", "next", "its", "our", "their", "two weeks",
           "prior to", "in time for", "TSAG", "tsag", "TDAG", "RAG", "RA", "ra", "Council",
           "council", "COUNCIL", "ISCG", "WRC-27", "WTSA", "WTDC", "PP-26", "SG17", "SG 5",
           "ITU-T SG13", "sg17", "meeting", "MEETING", "Meeting", "\u017fession", "SESS\u0130ON",
           "sess\u0131on", "plenary", "assembly", "conference", "meetings", "January", "2027",
           "of", ",", ".", "-", "'s", "\u2019s", "upcoming", "forthcoming", "Please"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=9), st.sampled_from([" ", "", "  "]))
def test_the_meeting_gate_never_rules_out_a_match(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    named, possessive = meeting_dates._may_match(text)
    if meeting_dates._NAMED.search(text):
        assert named, text
    if meeting_dates._POSSESSIVE.search(text):
        assert possessive, text


_CALENDAR = MeetingsConfig(meetings=(
    Meeting(id="tsag-27", body="TSAG", start=date(2027, 1, 25), end=date(2027, 1, 29)),
    Meeting(id="iscg-27", body="ISCG", start=date(2027, 2, 3), end=date(2027, 2, 3)),
    Meeting(id="council-27", body="Council", start=date(2027, 6, 8), end=date(2027, 6, 18)),
))


def test_meeting_phrases_are_still_dated() -> None:
    day = date(2026, 9, 1)
    assert meeting_dates.find_meeting_due("Comments before the next TSAG meeting.", day,
                                          _CALENDAR).meeting_id == "tsag-27"
    assert meeting_dates.find_meeting_due("To be agreed at our next \u017fession.", day,
                                          _CALENDAR).meeting_id == "iscg-27"
    assert meeting_dates.find_meeting_due("Please send it before Council.", day,
                                          _CALENDAR).meeting_id == "council-27"
    assert meeting_dates.find_meeting_due("Please send it by Friday.", day, _CALENDAR) is None


@settings(max_examples=500, deadline=None)
@given(st.frozensets(st.text(alphabet="abc", max_size=4), max_size=12))
def test_minimal_words_are_those_holding_no_other(words: frozenset[str]) -> None:
    plain = {w for w in words if not any(o != w and o in w for o in words)}
    assert pattern_words._minimal(words) == plain


_START = datetime(2026, 3, 1, 9, 0)
_KEYS = ["", "<a@x>", "<b@x>", "<c@x>"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(_KEYS)), max_size=12),
       st.lists(st.integers(0, 13), max_size=8), st.integers(-1, 7),
       st.sampled_from([None, *_KEYS]), st.lists(st.sampled_from(_KEYS), max_size=3))
def test_closed_items_left_out_of_their_thread(items: list[tuple[int, str]], closed: list[int],
                                                day: int, cited: str | None,
                                                references: list[str]) -> None:
    """A thread's items asked before a reply, less those the scan closed and dropped
    (dates tied, keys repeated or empty, an item closed twice or not in the thread),
    are those found with them kept, less the closed ones (the scan's own test)."""
    windows = [_Open(None, n, n, _START + timedelta(days=d), None,  # type: ignore[arg-type]
                     OpenItem(n, None), key) for n, (d, key) in enumerate(items)]
    kept, dropped = _Thread(windows), _Thread(windows)
    for item_id in closed:
        dropped.drop(item_id)
    when = _START + timedelta(days=day)
    assert dropped.asked_before(when, cited, references) == [
        w for w in kept.asked_before(when, cited, references) if w.id not in closed]
