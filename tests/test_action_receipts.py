"""A reply that only says where to send what its parent offers is no new item (minimal
pairs; the reply's request was an item before). Round 11 of issue 13, a class of dev
extras of two writers (w2, w3)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 5, 4, 16, 40, tzinfo=timezone(timedelta(hours=2)))
ME = Address("Ana Kovac", "ana.kovac@example.org")
THEM = Address("Ravi Menon", "ravi.menon@example.org")
OFFER = "We ran a pilot with the regulator. I could share the evaluation next month."


def found(text: str, parent_text: str = OFFER) -> list[str]:
    reply = ActionInput(new_text=text, date=SENT, sender=ME, parent_sender=THEM,
                        parent_text=parent_text)
    return [c.sentence for c in extract_actions(reply)]


def test_directing_the_offered_thing_to_the_replier_is_no_item() -> None:
    assert found("Great, please send it to me and I will circulate it to the group.") == []
    assert found("Thanks! Please forward them to us directly.") == []


def test_the_parent_asking_where_to_send_it_is_answered_the_same_way() -> None:
    asking = "Our study is ready. Could you tell me where to send it?"
    assert found("Please send it to me.", asking) == []


def test_a_request_of_its_own_stays_an_item() -> None:
    # A day of its own, a thing named anew, or a parent that offered nothing.
    assert found("Please send it to me by 20 May.") != []
    assert found("Please send me the slides of the pilot.") != []
    assert found("Please send it to me.", "The pilot ended last week.") != []
