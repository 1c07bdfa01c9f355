"""How to read what the message sends is no item (minimal pairs; each reading note
failed before): "Please treat it as a working document", "Please see my comments in the
attached", against the same verbs asking for work or for a day."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 10, 20, 15, 5, tzinfo=timezone(timedelta(hours=2)))


def found(text: str) -> int:
    return len(extract_actions(ActionInput("Dear Luis,\n\n" + text, SENT)))


def test_how_to_take_the_text_sent_is_no_item() -> None:
    assert found("The latest draft of the technical report is attached. "
                 "Please treat it as a working document.") == 0
    assert found("Thank you for the good draft. Please see my comments in the attached, "
                 "mainly we think the note should not say that one group leads.") == 0


def test_work_or_a_day_beside_the_reading_stays() -> None:
    assert found("The latest draft of the technical report is attached. Please read it "
                 "and send comments by 30 October.") == 1
    assert found("The latest draft is attached. Please treat it as a working document "
                 "and return your comments by 30 October.") == 1
