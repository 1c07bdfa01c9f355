"""A reply saying yes to an offer ("And yes please, do send the spreadsheet.", "Omar,
yes please, that would be very welcome.") is no new item (round 10: `w9`-004,
`w10`-027). Each first assertion failed before; the other half of each pair keeps its
item: the same request without the "yes", and a "yes please" with a day of its own."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import load_members

SENT = datetime(2029, 5, 29, 9, 0, tzinfo=timezone(timedelta(hours=2)))
PARENT = Address("Omar Khalil", "omar.khalil@example.edu.eg")
MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")


def found(text: str) -> int:
    message = ActionInput(text, SENT, sender=Address("Lucia Bianchi", "lucia.bianchi@itu.int"),
                          parent_sender=PARENT)
    items = extract_actions(message, members=MEMBERS)
    return len(items) + len(find_questions(message, items, MEMBERS))


def test_yes_please_to_an_offer_is_no_item() -> None:
    assert found("Dear Omar, yes - they appear in the UN report. And yes please, do send "
                 "the spreadsheet.") == 0
    # Asked without the "yes", the same words are a request.
    assert found("Dear Omar, they appear in the UN report. And please do send the "
                 "spreadsheet.") == 1


def test_yes_please_after_a_name_is_no_item_unless_dated() -> None:
    assert found("Omar, yes please, that would be very welcome. We would cite it as "
                 "unpublished data.") == 0
    assert found("Omar, yes please, could you send it by Friday 8 June?") == 1
