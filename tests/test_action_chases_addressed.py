"""A chase put to the people who owe the item, named before it, or opened by what is
still missing, is no new item (minimal pairs; each chase failed before); with a day of
its own it asks anew, and the same words in a first message are a request."""

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
    message = ActionInput(text, SENT, sender=Address("Lucia Bianchi", "lucia.bianchi@itu.int"),
                          parent_sender=PARENT if reply else None)
    items = extract_actions(message, members=MEMBERS)
    return len(items) + len(find_questions(message, items, MEMBERS))


def test_a_chase_put_to_named_people_is_no_item() -> None:
    assert found("Thanks BR and TSB. Pierre, Grace - any news on the BDT timeline?") == 0
    assert found("Thank you Chen. BDT colleagues, any news on the pilot countries?") == 0
    # Asked of the same people as a request of its own, it is an item.
    assert found("Thanks BR and TSB. Pierre, Grace - could you send the BDT timeline?") == 1


def test_what_is_still_missing_is_a_chase_unless_dated() -> None:
    assert found("Thanks all. Still missing BR - Sofia, could you let me know?") == 0
    assert found("Thanks all. Still missing the BR slides - Sofia, could you send them "
                 "by Monday noon at the latest?") == 1
