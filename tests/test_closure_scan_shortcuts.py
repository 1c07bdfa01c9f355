"""The closure scan's shortcuts (issue 17, fifth round of closures) give what the plain
reading gives.

Each shortcut skips work the general code would do for nothing (docs/performance-history.md,
"Closure detection, fifth round"); these tests hold the two to the same answers on inputs
made of the pieces the shortcut decides on.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.records import OpenItem
from iscg_mailbot.services.actions.closures import _Open, _Thread

_START = datetime(2026, 3, 1, 9, 0)
_KEYS = ["", "<a@x>", "<b@x>", "<c@x>"]


def _window(n: int, day: int, key: str) -> _Open:
    return _Open(None, n, n, _START + timedelta(days=day), None,  # type: ignore[arg-type]
                 OpenItem(n, None), key)


def _plain(windows: list[_Open], when: datetime, cited: str | None,
           references: list[str]) -> list[_Open]:
    """Every item of the thread tested in turn (the scan before the shortcut)."""
    return [w for w in windows
            if w.asked < when or (w.message_key != "" and (
                w.message_key == cited or w.message_key in references))]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(_KEYS)), max_size=12),
       st.integers(-1, 7), st.sampled_from([None, *_KEYS]),
       st.lists(st.sampled_from(_KEYS), max_size=3))
def test_items_asked_before_are_the_plain_scan(items: list[tuple[int, str]], day: int,
                                               cited: str | None, references: list[str]) -> None:
    """The items found by date and by the messages a reply answers are those a test of
    each item finds, in the thread's order (dates tied, keys repeated or empty)."""
    windows = [_window(n, d, key) for n, (d, key) in enumerate(items)]
    when = _START + timedelta(days=day)
    found = _Thread(windows).asked_before(when, cited, references)
    assert found == _plain(windows, when, cited, references)

