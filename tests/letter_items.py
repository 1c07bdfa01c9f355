"""What the extractor finds in a short letter to the list: the text between a greeting
and a signature, from one sender on one day (the action rounds' minimal pairs)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionCandidate, ActionInput, Address

SENT = datetime(2027, 3, 3, 13, 40, tzinfo=timezone(timedelta(hours=1)))
SENDER = Address("Kenji Watanabe", "kenji.watanabe@example.org")


def letter_items(text: str) -> list[ActionCandidate]:
    """The items of ``text`` sent as a letter to the list."""
    message = ActionInput(new_text="Dear colleagues,\n\n" + text + "\n\nBest regards,\nKenji",
                          date=SENT, sender=SENDER)
    return extract_actions(message)


def kinds(text: str) -> list[str]:
    """The kinds of the items of ``text`` sent as a letter to the list."""
    return [c.kind for c in letter_items(text)]
