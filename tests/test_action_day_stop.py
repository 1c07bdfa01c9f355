"""A day written with a full stop before its month ("by 15. December", as German
writes dates) is one sentence and one date.

Minimal pairs of our own wording: the stop after a day number followed by a month
name neither ends the sentence nor hides the date; a stop after a number followed by
any other word still ends the sentence.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.action_text import split_sentences
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2026, 11, 2, 10, 0, tzinfo=timezone(timedelta(hours=1)))


def due(text: str) -> date | None:
    items = extract_actions(ActionInput(text, SENT, sender=Address("K", "k@example.de")))
    assert len(items) == 1
    return items[0].due


@pytest.mark.parametrize("text", [
    "Could BR send the updated roster by 4. December?",
    "Could BR send the updated roster by 4. Dezember 2026?",
    "Could BR send the updated roster by 4. Dec.?",
])
def test_a_day_with_a_full_stop_dates_the_request(text: str) -> None:
    assert len(split_sentences(text)) == 1
    assert due(text) == date(2026, 12, 4)


@pytest.mark.parametrize("text", [
    "The roster lists 4. December is when the group meets again.",
    "We counted 14. Then the group met again.",
    "The total was 2026. December was quiet.",
])
def test_a_number_ending_a_sentence_still_ends_it(text: str) -> None:
    parts = [s.text for s in split_sentences(text)]
    assert len(parts) == (1 if "roster lists" in text else 2)
