""""before <day>" read by the list's convention (config/actions.yaml ``before``) when the
weekday before the day is shortened as the date reader knows it ("before Thu 2 March"):
as when it is written in full (review3; the day_before assertions failed before)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.conventions import Conventions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _due(text: str, before: str) -> list[date | None]:
    message = ActionInput(text, SENT, conventions=Conventions(before=before))
    return [c.due for c in extract_actions(message)]


@pytest.mark.parametrize("weekday", ["Thursday", "Thu", "Thu,", "Thurs"])
def test_a_shortened_weekday_before_the_day_reads_as_in_full(weekday: str) -> None:
    text = f"Please send your comments before {weekday} 2 March."
    assert _due(text, "day_before") == [date(2027, 3, 1)]
    assert _due(text, "that_day") == [date(2027, 3, 2)]
    assert _due(text, "events") == [date(2027, 3, 2)]


def test_across_the_year() -> None:
    assert _due("Please send your comments before Fri 1 January.", "day_before") == [
        date(2026, 12, 31)]
