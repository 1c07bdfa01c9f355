"""What the extractor finds in a short letter to the list: the text between a greeting
and a signature, from one sender on one day (the action rounds' minimal pairs; the owner rounds'
letters come from Omar, with their questions)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionCandidate, ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

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


OMAR_SENT = datetime(2027, 5, 3, 9, 0, tzinfo=timezone(timedelta(hours=2)))
OMAR = Address("Omar Khalil", "omar.khalil@example.edu.eg")


def owners_asked(sentence: str, members: MembersConfig) -> list[str | None]:
    """The owners of the items and questions of ``sentence`` sent by Omar to the list."""
    message = ActionInput(f"Dear colleagues,\n\n{sentence}\n\nBest regards,\nOmar", OMAR_SENT,
                          sender=OMAR)
    found = extract_actions(message, members=members)
    return [c.owner for c in found + find_questions(message, found, members)]
