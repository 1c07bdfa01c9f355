"""How many items (actions and questions) a message yields, sent by Lucia as a reply to
Ingrid or as a first message: the chase and reminder tests' minimal pairs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import load_members

SENT = datetime(2027, 3, 3, 10, 0, tzinfo=timezone(timedelta(hours=1)))
PARENT = Address("Ingrid Solheim", "ingrid.solheim@example.no")
MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")


def found(text: str, *, reply: bool = True) -> int:
    """Items and questions extracted from ``text`` (a reply to Ingrid unless ``reply``
    is false)."""
    message = ActionInput(text, SENT, sender=Address("Lucia Bianchi", "lucia.bianchi@itu.int"),
                          parent_sender=PARENT if reply else None)
    items = extract_actions(message, members=MEMBERS)
    return len(items) + len(find_questions(message, items, MEMBERS))
