"""The sender's own account offered for correction asks nothing (issue 13,
sixth-writer round): "Please tell me if I missed anything", "Please correct me if
needed". Our own wording; the first assertions failed before the change."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2026, 12, 16, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def kinds(text: str) -> list[str]:
    message = ActionInput(new_text="Dear all,\n\n" + text, date=SENT,
                          sender=Address("Ana Kovac", "ana.kovac@example.org"))
    return [c.kind for c in extract_actions(message)]


def test_an_offer_to_be_corrected_is_no_item() -> None:
    assert kinds("The actions are listed above. Please tell me if I missed anything.") == []
    assert kinds("Please correct me if needed by replying to the list.") == []


def test_asking_whether_something_else_is_still_a_question() -> None:
    assert kinds("Please tell me if TSB can host the meeting.") == ["question"]
