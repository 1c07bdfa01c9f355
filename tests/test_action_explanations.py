"""An obligation given as a reason, "what X has to offer", "a request to reply" (the
noun) and "the survey asks whether" (a document's question) are no items.

Minimal pairs of our own wording: the same party and verb stay an item when the
sentence promises or assigns the work, and are no item when "because" gives them as
the reason for asking, or when "has to offer" says what exists.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def owners(text: str, members: MembersConfig) -> list[str | None]:
    message = ActionInput(text, SENT, sender=Address("Klaus Brenner", "klaus.brenner@example.de"))
    return [c.owner for c in extract_actions(message, members=members)]


@pytest.mark.parametrize(("item", "reason"), [
    ("BDT must decide on the pilot countries this year.",
     "I am asking because BDT must decide on the pilot countries this year."),
    ("TSB has to offer a slot for the tutorial.",
     "Regulators want to know what TSB has to offer on number portability."),
])
def test_a_reason_or_what_exists_is_no_item(item: str, reason: str,
                                            members: MembersConfig) -> None:
    assert owners(item, members) != []
    assert owners(reason, members) == []


@pytest.mark.parametrize(("item", "not_asked"), [
    ("We request TSB to reply to you directly.",
     "Forwarded to TSB this morning, with a request to reply to you directly."),
    ("We ask BDT to check whether the survey covers quantum-safe migration.",
     ("The draft survey of the Global Cybersecurity Index asks whether countries have a plan "
      "to migrate to quantum-safe algorithms.")),
])
def test_a_request_as_a_noun_or_a_document_s_question_asks_nobody(
        item: str, not_asked: str, members: MembersConfig) -> None:
    assert owners(item, members) != []
    assert owners(not_asked, members) == []
