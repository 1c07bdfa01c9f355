"""A reply's "please" about what the asker collects is the answer, no new item (action
round 17; minimal pairs of our own wording, the first assertion of each test failed
before): "Please add me and my colleague to the evening list" (`w15`-023), "Count me in
- vegetarian, please" (`w15`-033), "Please leave me out" (`w17`-026), "Rule (3):
essential, please keep it as it is" (`w17`-003), "for TSB please keep the SG folders'
attachments" (`w14`-023), "please add the ministry's logo" (`w16`-039), and the earlier
writers' "please add ITU-R WP 6B to the list" (`w12`-036), "please keep it" (`w8`-017),
"Vegetarian for me, please" (`w3`-018): no writer labels them. The same "please" with a day of its own, one asking for anything
else, or in a message that replies to nobody stays an item.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 10, 5, 9, 30, tzinfo=timezone(timedelta(hours=2)))
ASKER = Address("Nadia Haddad", "nadia.haddad@itu.int")


def found(text: str, reply: bool = True) -> list[str]:
    message = ActionInput("Dear Nadia,\n\n" + text + "\n\nBest,\nKlaus", SENT,
                          sender=Address("Klaus Brenner", "klaus.brenner@example.de"),
                          to=(ASKER,), parent_sender=ASKER if reply else None,
                          parent_text="Please tell me by Friday who will stay.")
    return [c.kind for c in extract_actions(message)]


@pytest.mark.parametrize("text", [
    "Please add me and my colleague Ms Weber to the evening list.",
    "Count me in - no meat, please.",
    "No meat for me, please.",
    "Please leave me out this time.",
    "Point (2): essential, please keep it as it is.",
    "For the regional table, please keep the 2025 figures, the rest can go.",
    "The certificate is attached; please add the ministry's logo.",
])
def test_what_the_reply_gives_the_asker_is_no_item(text: str) -> None:
    assert found(text) == []
    assert found(text, reply=False) == ["action"]


@pytest.mark.parametrize("text", [
    "Please add your line to the table by Friday 8 October.",
    "Please send me the slides of the session.",
])
def test_a_request_of_its_own_stays(text: str) -> None:
    assert found(text) == ["action"]
