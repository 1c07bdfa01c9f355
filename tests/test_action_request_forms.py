"""Requests worded otherwise: "We count on BR to ...", "Action for the TDAG vice-chairs:",
"Would it be possible for BDT to ...?", "I wonder if TSB could ...", "Any chance BDT
could ...?", "It would help if TSB could ...", "Might TSB be able to ...?", "Would BDT be
in a position to ...?"; each next to a sentence of the same words that asks nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))
DUE = date(2026, 11, 15)


def items(text: str) -> list[tuple[str | None, date | None]]:
    return [(item.owner, item.due)
            for item in extract_actions(ActionInput(new_text=text, date=SENT))]


@pytest.mark.parametrize(("text", "owner"), [
    ("We count on the Radiocommunication Bureau to send the figures by 15 November.", "BR"),
    ("Action for the TDAG vice-chairs: send the figures by 15 November.", "TDAG"),
    ("Would it be possible for BDT to send the figures by 15 November?", "BDT"),
    ("I wonder if TSB could send the figures by 15 November.", "TSB"),
    ("Any chance BDT could send the figures by 15 November?", "BDT"),
    ("It would help if TSB could send the figures by 15 November.", "TSB"),
    ("Might TSB be able to share the figures by 15 November?", "TSB"),
    ("Would BDT be in a position to share the figures by 15 November?", "BDT"),
])
def test_the_request_and_its_party(text: str, owner: str) -> None:
    assert items(text) == [(owner, DUE)]


@pytest.mark.parametrize("text", [
    "We count on your support.",
    "We rely on the data published by BR.",
    "It is not possible for us to attend.",
    "Any chance of rain?",
    "I wonder if this is right.",
])
def test_the_same_words_asking_nothing(text: str) -> None:
    assert items(text) == []
